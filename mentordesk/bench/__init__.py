"""The benchmark: a whole career of mentoring, measured against bare baselines.

Run ``python -m mentordesk.bench`` (``--scale small`` for a quick check of the
harness). Every measure is repeated; the table shows the minimum and the
median, the budget from DESIGN.md and, where one exists, a bare baseline
measured in the same run and the ratio to it.
"""
