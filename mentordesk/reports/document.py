"""The base every MentorDesk PDF is built on: page frame, footer, marking, safe writing.

A report module makes a list of flowables (with ``styles()`` and ``para_markup``) and
hands it to ``build_pdf``. The file appears at ``out_path`` complete or not at all:
the PDF is written to a temporary file in the same folder and moved into place only
when reportlab has finished.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from mentordesk.services.errors import ReportError

PRIVATE_MARKING = "Contains private information"
OWNER_ONLY_FILE = stat.S_IRUSR | stat.S_IWUSR  # 0600


def build_pdf(
    out_path: Path,
    flowables: Iterable[Any],
    *,
    title: str,
    author: str = "",
    page_size: str = "A4",
    footer_text: str | None = None,
    private_marking: bool = False,
    prepared_on: date | None = None,
) -> Path:
    """Write ``flowables`` as a PDF at ``out_path`` (mode 0600) and return that path.

    Every page gets "Prepared on DATE" (``prepared_on``, default today), the optional
    ``footer_text``, "Page N of M" and, with ``private_marking``, a marking that the
    page contains private information. ``page_size`` is "A4" or "Letter".
    Raises ReportError when the folder is missing or not writable or the disk fails;
    on any failure no file is left at ``out_path`` and an existing one is untouched.
    """
    from reportlab.platypus.doctemplate import LayoutError

    from mentordesk.reports import styles as report_styles

    out_path = Path(out_path)
    _check_destination(out_path)
    try:
        size = report_styles.page_size(page_size)
    except ValueError as exc:
        raise ReportError(str(exc)) from None
    decorate = _decorator(
        prepared_on or date.today(), footer_text, private_marking, report_styles.styles()
    )
    story = list(flowables)

    try:
        fd, temp_name = tempfile.mkstemp(
            prefix=f".{out_path.name}.", suffix=".part", dir=out_path.parent
        )
    except OSError as exc:
        raise ReportError(_cannot_write(out_path, exc)) from exc
    temp_path = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            _document(stream, size, title, author).build(
                story, canvasmaker=_numbered_canvas(decorate)
            )
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_path, OWNER_ONLY_FILE)
        os.replace(temp_path, out_path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temp_path.unlink()
        if isinstance(exc, LayoutError):
            raise ReportError(
                f"The report {out_path.name} could not be laid out: an item is too large "
                "for the page."
            ) from exc
        if isinstance(exc, OSError):
            raise ReportError(_cannot_write(out_path, exc)) from exc
        raise
    return out_path


def _check_destination(out_path: Path) -> None:
    folder = out_path.parent
    if not folder.exists():
        raise ReportError(f"The report cannot be saved: the folder {folder} does not exist.")
    if not folder.is_dir():
        raise ReportError(f"The report cannot be saved: {folder} is not a folder.")
    if out_path.is_dir():
        raise ReportError(f"The report cannot be saved: {out_path} is a folder.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReportError(f"The report cannot be saved: the folder {folder} is not writable.")


def _cannot_write(out_path: Path, exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return f"The report {out_path} could not be written: {reason}."


def _document(stream: Any, size: tuple[float, float], title: str, author: str) -> Any:
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from mentordesk.reports import fonts
    from mentordesk.reports.styles import MARGINS
    from mentordesk.reports.text import plain_text

    doc = BaseDocTemplate(
        stream,
        pagesize=size,
        leftMargin=MARGINS.left,
        rightMargin=MARGINS.right,
        topMargin=MARGINS.top,
        bottomMargin=MARGINS.bottom,
        title=plain_text(title),
        author=plain_text(author),
        creator="MentorDesk",
        producer="MentorDesk (reportlab)",
        # Otherwise the canvas starts in Helvetica, which lands in the page
        # resources as a font that is not embedded.
        initialFontName=fonts.font_name(fonts.FAMILY),
    )
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    return doc


Decorate = Callable[[Any, int, int], None]


def _decorator(
    prepared_on: date, footer_text: str | None, private_marking: bool, sheet: Any
) -> Decorate:
    """Draws what every page carries, once the number of pages is known."""
    from reportlab.platypus import Paragraph

    from mentordesk.reports.styles import MARGINS, RULE
    from mentordesk.reports.text import para_markup

    left = f"Prepared on {prepared_on.isoformat()}"
    if footer_text:
        left += " \u00b7 " + footer_text

    def decorate(canvas: Any, page: int, pages: int) -> None:
        width, height = canvas._pagesize
        usable = width - MARGINS.left - MARGINS.right
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        rule_y = MARGINS.bottom - 8
        canvas.line(MARGINS.left, rule_y, width - MARGINS.right, rule_y)
        number = Paragraph(f"Page {page} of {pages}", sheet.footer_right)
        _, number_height = number.wrapOn(canvas, usable * 0.25, MARGINS.bottom)
        number.drawOn(canvas, MARGINS.left + usable * 0.75, rule_y - 4 - number_height)
        note = Paragraph(para_markup(left), sheet.footer)
        _, note_height = note.wrapOn(canvas, usable * 0.72, MARGINS.bottom)
        note.drawOn(canvas, MARGINS.left, rule_y - 4 - note_height)
        if private_marking:
            mark = Paragraph(PRIVATE_MARKING, sheet.private)
            mark.wrapOn(canvas, usable, MARGINS.top)
            mark.drawOn(canvas, MARGINS.left, height - MARGINS.top + 8)
            canvas.setStrokeColor(sheet.private.textColor)
            mark_y = height - MARGINS.top + 4
            canvas.line(MARGINS.left, mark_y, width - MARGINS.right, mark_y)
        canvas.restoreState()

    return decorate


def _numbered_canvas(decorate: Decorate) -> Any:
    """A canvas class that holds pages back until it knows how many there are."""
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            pages = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, pages)
                super().showPage()
            super().save()

    return NumberedCanvas
