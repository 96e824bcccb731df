"""MentorDesk: a private, offline notebook for mentors in medicine and the health professions."""

__version__ = "0.1.0"
APP_NAME = "MentorDesk"
