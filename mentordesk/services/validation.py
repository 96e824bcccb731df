"""Small checks shared by the services; each failure is a ValidationError a mentor can read."""

from __future__ import annotations

import re
from datetime import date

from mentordesk.services.errors import ValidationError

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_controls(text: str) -> str:
    """Drop control characters (other than tab and newline), as every stored text does."""
    return _CONTROL.sub("", text)


def clean_text(value: str | None, label: str, *, required: bool = False, max_length: int = 100_000,
               multiline: bool = False) -> str:
    """Strip a field, drop control characters, and check it is present and not too long."""
    text = strip_controls(value or "")
    text = text.strip() if not multiline else text.strip("\n ").replace("\r\n", "\n")
    if not multiline:
        text = " ".join(text.split())
    if required and not text:
        raise ValidationError(f"{label} is required.")
    if len(text) > max_length:
        raise ValidationError(f"{label} is too long ({len(text)} characters; at most {max_length}).")
    return text


def clean_email(value: str | None) -> str:
    text = clean_text(value, "E-mail", max_length=320)
    if text and not _EMAIL.match(text):
        raise ValidationError(f"“{text}” does not look like an e-mail address.")
    return text


def clean_choice(value: str, label: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        allowed = ", ".join(c.replace("_", " ") for c in choices)
        raise ValidationError(f"{label} must be one of: {allowed} (not “{value}”).")
    return value


def parse_date(value: str | date | None, label: str) -> date | None:
    """An ISO date (YYYY-MM-DD) or None; an impossible date is a ValidationError."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise ValidationError(f"{label}: “{value}” is not a date (use YYYY-MM-DD).") from exc
