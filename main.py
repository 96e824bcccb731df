"""Start MentorDesk from a source checkout: ``python main.py`` is ``mentordesk``."""

from mentordesk.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
