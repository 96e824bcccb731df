"""PDF pages as images for an in-window preview, rendered with PDFium (pypdfium2).

QtPdf would need PySide6's Pdf add-on, which is tied to one exact PySide6
release; PDFium is a small, well-kept wheel and renders the same pages. QImage
(unlike QPixmap) may be made on a worker thread, so pages are rendered there.
"""

from __future__ import annotations

from PySide6.QtGui import QImage

POINTS_PER_INCH = 72


def render_pages(data: bytes, *, width_px: int = 900) -> list[QImage]:
    """Every page of the PDF in ``data`` as an image ``width_px`` wide."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            scale = width_px / page.get_width()
            bitmap = page.render(scale=scale, rev_byteorder=True)  # RGB, as QImage reads it
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888)
            images.append(image.copy())  # the bitmap's memory goes with the page
            page.close()
    finally:
        document.close()
    return images
