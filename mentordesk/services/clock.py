"""The mentor's local "today" and "now", in one place so tests can fix the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

_now: Callable[[], datetime] = datetime.now


def now() -> datetime:
    """The local wall-clock time, naive (meetings are kept in the mentor's local time)."""
    return _now()


def today() -> date:
    return _now().date()


def set_clock(source: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests); ``None`` restores the real one."""
    global _now
    _now = source or datetime.now
