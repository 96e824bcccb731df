"""The life of a mentoring relationship: which status may follow which, and their names.

Kept apart from services/mentees.py so that the window's menus can ask what a mentee may
become without loading the roster's services at start.
"""

from __future__ import annotations

# A relationship begins, pauses, ends, and may be reopened.
ALLOWED_TRANSITIONS: dict[str, tuple[str, ...]] = {
    "prospective": ("active", "closed"),
    "active": ("paused", "closed"),
    "paused": ("active", "closed"),
    "closed": ("active",),
}
STATUS_LABELS = {
    "prospective": "Prospective",
    "active": "Active",
    "paused": "Paused",
    "closed": "Closed",
}
