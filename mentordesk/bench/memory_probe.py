"""Inside the memory child: open the mentee with the most sessions and show their timeline."""

from __future__ import annotations

from typing import Any


def longest_mentee_id() -> str:
    import peewee as pw

    from mentordesk.db.models import Session

    row = (Session.select(Session.mentee, pw.fn.COUNT(Session.id).alias("n"))
           .group_by(Session.mentee).order_by(pw.SQL("n DESC")).limit(1).tuples().first())
    return str(row[0])


def show_longest_timeline(app: Any) -> None:
    """Show the 200-session timeline the way the window would (if the widget exists)."""
    try:
        from mentordesk.ui.widgets.timeline_widget import TimelineWidget
    except ImportError:
        return
    widget = TimelineWidget()
    widget.set_mentee(longest_mentee_id())
    widget.resize(900, 700)
    widget.show()
    app.processEvents()
    app.keep_alive = widget
