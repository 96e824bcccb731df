"""Paints one search hit: a heading line (date, mentee, section, "Private") and the snippet,
with every hit in bold and underlined, so the highlight does not rely on colour."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from mentordesk.services.search import SearchHit
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.search_result_model import HIT_ROLE, PRIVATE_LABEL

PADDING = 6


def snippet_html(hit: SearchHit) -> str:
    """The snippet as escaped HTML with the highlighted spans in <b><u>…</u></b>."""
    out, at = [], 0
    for start, end in sorted(hit.highlights):
        if start < at:
            continue
        out.append(escape(hit.snippet[at:start]))
        out.append(f"<b><u>{escape(hit.snippet[start:end])}</u></b>")
        at = end
    out.append(escape(hit.snippet[at:]))
    return "".join(out)


def hit_html(hit: SearchHit) -> str:
    section = escape(hit.field_label)
    if hit.private:  # said in words, once: "Private remarks" needs no second "Private"
        section = (f"<b>{section}</b>" if "private" in hit.field_label.lower()
                   else f"{section} · <b>{PRIVATE_LABEL}</b>")
    parts = [escape(format_date(hit.on)) if hit.on else "",
             f"<b>{escape(hit.mentee_name)}</b>" if hit.mentee_name else "", section]
    heading = " · ".join(p for p in parts if p)
    return f"<div>{heading}</div><div>{snippet_html(hit)}</div>"


class SearchHitDelegate(QStyledItemDelegate):
    def _document(self, option: QStyleOptionViewItem, hit: SearchHit, width: float) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setTextWidth(max(width, 50))
        document.setHtml(hit_html(hit))
        return document

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text_free = QStyleOptionViewItem(option)
        text_free.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, text_free, painter, option.widget)
        rect = option.rect.adjusted(PADDING, PADDING // 2, -PADDING, -PADDING // 2)
        document = self._document(option, hit, rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hit = index.data(HIT_ROLE)
        if not isinstance(hit, SearchHit):
            return super().sizeHint(option, index)
        # Rows wrap to the list's width: the height depends on it.
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 600
        document = self._document(option, hit, width - 2 * PADDING)
        return QSize(50, int(document.size().height()) + PADDING)
