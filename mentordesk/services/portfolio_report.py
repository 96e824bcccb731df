"""What the portfolio PDF needs besides the figures, and saving it (PDF and CSV) safely.

``portfolio.build_portfolio`` gathers the figures; this module adds what the
printed page needs to read well (the scale of the radar chart, the titles of the
domains the chosen reflections are linked to) and writes the files: both
destinations are checked before anything is written, and each file appears
complete (owner-only) or not at all.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from mentordesk.services import assessments, clock
from mentordesk.services.errors import MentorDeskError, ReportError
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, get_framework
from mentordesk.services.mentor import get_profile
from mentordesk.services.portfolio import Portfolio, build_portfolio, portfolio_csv


@dataclass(frozen=True)
class PortfolioDocument:
    portfolio: Portfolio
    framework_title: str = ""
    scale_min: int = 1
    scale_max: int = 5
    # (framework, domain key) -> domain title, for the reflections' "Competency domain" line
    domain_titles: dict[tuple[str, str], str] = field(default_factory=dict)


def domain_title(framework_key: str | None, domain_key: str | None) -> str:
    """The title of a competency domain ("" when there is none or the framework is unknown)."""
    if not framework_key or not domain_key:
        return ""
    try:
        framework = get_framework(framework_key)
        return framework.domain(domain_key).title
    except MentorDeskError:
        return domain_key


def gather(start: date, end: date, *, reflection_ids: tuple[str, ...] = (),
           named_mentee_ids: tuple[str, ...] = ()) -> PortfolioDocument:
    """The portfolio of a period with its warnings, ready to print."""
    result = build_portfolio(start, end, reflection_ids=reflection_ids, named_mentee_ids=named_mentee_ids,
                             mentor_name=get_profile().name)
    finished = [s for s in assessments.list_assessments(rater="self")
                if s.completed and start <= s.taken_on <= end]
    framework_key, version = ((finished[0].framework, finished[0].framework_version) if finished
                              else (DEFAULT_FRAMEWORK, None))
    try:
        framework = get_framework(framework_key, version)
        title, low, high = framework.title, framework.scale.min, framework.scale.max
    except MentorDeskError:
        title, low, high = framework_key, 1, 5
    titles = {(e.framework or "", e.domain_key or ""): domain_title(e.framework, e.domain_key)
              for e in result.reflections if e.domain_key}
    return PortfolioDocument(result, title, low, high, titles)


def default_file_name(on: date | None = None) -> str:
    return f"Mentoring portfolio — {(on or clock.today()).isoformat()}.pdf"


def check_destination(path: Path) -> None:
    """Refuse, before anything is built, a file whose folder is missing or is not a folder."""
    folder = path.parent
    if not folder.is_dir():
        raise ReportError(f"The portfolio cannot be saved: the folder {folder} does not exist.")
    if path.is_dir():
        raise ReportError(f"The portfolio cannot be saved: {path} is a folder.")


def save_portfolio(document: PortfolioDocument, pdf_path: Path, csv_path: Path | None = None) -> None:
    """Write the PDF (and the figures as CSV); neither is written if a destination is wrong."""
    from mentordesk.reports.portfolio import write_portfolio_pdf

    for path in (pdf_path, csv_path):
        if path is not None:
            check_destination(Path(path))
    write_portfolio_pdf(document, Path(pdf_path))
    if csv_path is not None:
        _write_text(Path(csv_path), portfolio_csv(document.portfolio))


def _write_text(path: Path, text: str) -> None:
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise ReportError(f"The figures cannot be saved in {path.parent}: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise ReportError(f"The figures {path} could not be written: {exc.strerror or exc}.") from exc
