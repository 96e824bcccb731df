"""One journal entry: date, title, the three parts with the shipped prompts beside them, and the
optional links to a competency domain and (privately) to a mentee."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import journal
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import get_framework
from mentordesk.services.journal import Entry, EntryData
from mentordesk.services.mentees import list_mentees
from mentordesk.ui import looks
from mentordesk.ui.widgets.error_label import ErrorLabel

PRIVATE_LINK_LABEL = "Private link — never printed unless you ask"
NO_DOMAIN = "No competency domain"
NO_MENTEE = "No mentee"
PROMPTS_WIDTH = 300


def domain_choice(framework: str | None, domain_key: str | None) -> str:
    """The value a domain combo holds for a (framework, domain) pair ("" for none)."""
    return f"{framework}/{domain_key}" if framework and domain_key else ""


class ReflectionEditor(QWidget):
    """Emits ``saved(entry_id)`` after every save, and ``dirty_changed(bool)``."""

    saved = Signal(str)
    dirty_changed = Signal(bool)

    def __init__(self, framework_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Journal entry")
        self.entry_id: str | None = None
        self._dirty = False
        self._loading = False
        self._framework_key = framework_key

        self.date = QDateEdit()
        self.date.setAccessibleName("Date of the entry")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.title = QLineEdit()
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("A few words: “A hard conversation about a failed exam”")
        head = QHBoxLayout()
        date_label = QLabel("&Date:")
        date_label.setBuddy(self.date)
        title_label = QLabel("T&itle:")
        title_label.setBuddy(self.title)
        head.addWidget(date_label)
        head.addWidget(self.date)
        head.addSpacing(12)
        head.addWidget(title_label)
        head.addWidget(self.title, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        self.parts: dict[str, QPlainTextEdit] = {}
        for section in journal.prompt_sections():
            edit = QPlainTextEdit()
            edit.setAccessibleName(section.title)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 3 + 14)
            self.parts[section.key] = edit
            heading = QLabel(f"<b>{section.title}</b>")
            heading.setBuddy(edit)
            prompts = QLabel("\n".join(f"• {p}" for p in section.prompts))
            looks.quiet(prompts)
            prompts.setWordWrap(True)
            prompts.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            prompts.setAccessibleName(f"Prompts for “{section.title}”")
            # A fixed width lets the prompts keep the height they need; the area scrolls if it must.
            prompts.setFixedWidth(PROMPTS_WIDTH)
            prompts.setMinimumHeight(prompts.heightForWidth(PROMPTS_WIDTH))
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            row.addWidget(prompts)
            layout.addWidget(heading)
            layout.addLayout(row, 1)
            edit.textChanged.connect(self._changed)

        self.domain = QComboBox()
        self.domain.setAccessibleName("Competency domain")
        self.mentee = QComboBox()
        self.mentee.setAccessibleName("Linked mentee, private, never printed unless you ask")
        self.mentee.setMinimumContentsLength(20)
        links = QFormLayout()
        links.addRow("Competency do&main", self.domain)
        mentee_row = QHBoxLayout()
        mentee_row.addWidget(self.mentee, 1)
        private = QLabel(PRIVATE_LINK_LABEL)
        looks.quiet(private)
        private.setWordWrap(True)
        mentee_row.addWidget(private, 1)
        mentee_label = QLabel("Mentee (&optional)")
        mentee_label.setBuddy(self.mentee)
        links.addRow(mentee_label, mentee_row)
        layout.addLayout(links)

        self.error = ErrorLabel()
        self.state = QLabel()
        self.state.setAccessibleName("Saving state")
        looks.quiet(self.state)
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save the entry (Ctrl+S)")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("De&lete…")
        self.delete_button.setAccessibleName("Delete the entry")
        buttons = QHBoxLayout()
        buttons.addWidget(self.state, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.date.dateChanged.connect(self._changed)
        self.title.textChanged.connect(self._changed)
        self.domain.currentIndexChanged.connect(self._changed)
        self.mentee.currentIndexChanged.connect(self._changed)
        self.set_framework(framework_key)
        self.refresh_mentees()
        self.load(None)

    # --- choices ---------------------------------------------------------------------------
    def set_framework(self, framework_key: str) -> None:
        self._framework_key = framework_key
        self._fill_domains(self.domain_value())

    def _fill_domains(self, keep: str) -> None:
        loading, self._loading = self._loading, True
        self.domain.clear()
        self.domain.addItem(NO_DOMAIN, "")
        framework = get_framework(self._framework_key)
        for d in framework.domains:
            self.domain.addItem(d.title, domain_choice(framework.key, d.key))
        if keep and self.domain.findData(keep) < 0:  # an entry linked to another framework's domain
            other, _, key = keep.partition("/")
            try:
                title = get_framework(other).domain(key).title
            except MentorDeskError:
                title = key
            self.domain.addItem(f"{title} (another framework)", keep)
        self.domain.setCurrentIndex(max(self.domain.findData(keep), 0))
        self._loading = loading

    def refresh_mentees(self) -> None:
        keep = self.mentee_id()
        loading, self._loading = self._loading, True
        self.mentee.clear()
        self.mentee.addItem(NO_MENTEE, "")
        for row in list_mentees(include_closed=True):
            self.mentee.addItem(row.name + (" (closed)" if row.status == "closed" else ""), row.id)
        self.mentee.setCurrentIndex(max(self.mentee.findData(keep), 0))
        self._loading = loading

    def domain_value(self) -> str:
        return str(self.domain.currentData() or "")

    def mentee_id(self) -> str:
        return str(self.mentee.currentData() or "")

    # --- loading and saving ----------------------------------------------------------------
    def load(self, entry: Entry | None) -> None:
        """Show ``entry``, or a new empty entry dated today."""
        data: EntryData = entry if entry is not None else journal.new_entry()
        self._loading = True
        self.entry_id = entry.id if entry is not None else None
        self.date.setDate(QDate(data.written_on.year, data.written_on.month, data.written_on.day))
        self.title.setText(data.title)
        for key, edit in self.parts.items():
            edit.setPlainText(getattr(data, key))
        self._fill_domains(domain_choice(data.framework, data.domain_key))
        self.mentee.setCurrentIndex(max(self.mentee.findData(data.mentee_id or ""), 0))
        self._loading = False
        self.error.clear_message()
        self.delete_button.setEnabled(entry is not None)
        self._set_dirty(False)
        self.state.setText("New entry: Save (Ctrl+S) keeps it, and so does moving on to another."
                           if entry is None else "")

    def data(self) -> EntryData:
        framework, _, domain_key = self.domain_value().partition("/")
        return EntryData(
            written_on=self.date.date().toPython(),  # type: ignore[arg-type]
            title=self.title.text(),
            framework=framework or None, domain_key=domain_key or None,
            mentee_id=self.mentee_id() or None,
            **{key: edit.toPlainText() for key, edit in self.parts.items()},
        )

    def save(self) -> bool:
        """Store the entry; False (and the reason shown) when it cannot be stored."""
        try:
            self.entry_id = journal.save_entry(self.data(), self.entry_id)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return False
        self.error.clear_message()
        self.delete_button.setEnabled(True)
        self._set_dirty(False)
        self.state.setText("Saved.")
        self.saved.emit(self.entry_id)
        return True

    def is_dirty(self) -> bool:
        return self._dirty

    def written_on(self) -> date:
        return self.date.date().toPython()  # type: ignore[return-value]

    def _changed(self) -> None:
        if not self._loading:
            self._set_dirty(True)
            self.state.setText("Not saved yet (Ctrl+S).")

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
