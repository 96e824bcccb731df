"""The errors MentorDesk raises on purpose. Each carries a message a mentor can read."""

from __future__ import annotations


class MentorDeskError(Exception):
    """Base of every expected failure; ``str(error)`` is shown to the mentor as it is."""


class DataLocationError(MentorDeskError):
    """The data folder cannot be used (a file in the way, no permission, ...)."""


class DataFileError(MentorDeskError):
    """The data file cannot be opened (not a database, damaged, locked, too new, ...)."""


class ValidationError(MentorDeskError):
    """Input that breaks a rule, such as an empty name or an impossible date."""


class NotFoundError(MentorDeskError):
    """A record that was asked for does not exist."""


class AmbiguousError(MentorDeskError):
    """A name or prefix that matches more than one record."""

    def __init__(self, message: str, matches: list[str]) -> None:
        super().__init__(message)
        self.matches = matches


class TransitionError(MentorDeskError):
    """A change that the relationship's current state does not allow."""


class ReportError(MentorDeskError):
    """A PDF report cannot be written (missing or read-only folder, disk full, ...)."""
