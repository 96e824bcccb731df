"""The bundled fonts: files, licences, registration and script coverage."""

from __future__ import annotations

import subprocess
import sys
import threading

import arabic_reshaper

from mentordesk.reports import fonts


def test_every_font_file_is_bundled_truetype() -> None:
    """Each listed font exists and has TrueType outlines (reportlab cannot use CFF)."""
    files = fonts.font_files()
    assert files[0].name == "DejaVuSans.ttf"
    for path in files:
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00", path


def test_licences_sit_beside_the_fonts() -> None:
    """Every bundled font family ships with its licence text and the README names them."""
    folder = fonts.fonts_dir()
    for name in ("LICENSE-DejaVu.txt", "LICENSE-DroidSansFallback.txt", "LICENSE-Noto.txt"):
        assert (folder / name).stat().st_size > 1000
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for path in fonts.font_files():
        assert path.name in readme


def test_registration_is_idempotent_and_thread_safe() -> None:
    """Registering from several threads at once, and again later, works and changes nothing."""
    errors: list[BaseException] = []

    def register() -> None:
        try:
            fonts.register_fonts()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=register) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    fonts.register_fonts()
    assert errors == []
    from reportlab.lib.fonts import tt2ps

    assert tt2ps(fonts.FAMILY, 1, 1) == fonts.font_name(fonts.FAMILY, bold=True, italic=True)


def test_scripts_are_covered_in_every_style() -> None:
    """Latin, Vietnamese and Greek come from the main family; CJK and shaped Arabic from fallbacks."""
    main = fonts.covered_chars(fonts.FAMILY)
    for text in ("Łucja Wróblewska-Żółć", "Nguyễn Thị Phương", "Αλέξανδρος Παπαδόπουλος", "נועה כהן"):
        assert all(ord(ch) in main for ch in text), text
    cjk = fonts.covered_chars(fonts.CJK)
    assert all(ord(ch) in cjk for ch in "王秀英佐藤花子")
    arabic = fonts.covered_chars(fonts.ARABIC)
    shaped = arabic_reshaper.reshape("فاطمة الزهراء لا إله")
    assert all(ord(ch) in arabic for ch in shaped)


def test_importing_the_package_loads_neither_reportlab_nor_qt() -> None:
    """`import mentordesk.reports` and its light modules stay cheap: no reportlab, no Qt."""
    code = (
        "import sys, mentordesk.reports, mentordesk.reports.fonts, "
        "mentordesk.reports.text, mentordesk.reports.document\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PySide6')]\n"
        "assert not heavy, heavy"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
