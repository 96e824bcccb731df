"""PDF reports built with reportlab from plain data. No Qt here.

Importing this package is cheap: reportlab is imported only when a PDF is made.
Start with ``document.build_pdf``, ``styles.styles()`` and ``text.para_markup``.
"""
