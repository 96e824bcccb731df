"""The session editor: one meeting written around the four moves, saved as it is typed.

Every change only restarts the autosave timers (ui/autosave.py); saving runs after
a pause, at least every few seconds while typing goes on, on focus change, on
close and on quit. A failed save keeps the text and says so. A new session is
stored only once something is written in it.
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import clock, referrals, sessions, support_contacts
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentees import get_mentee
from mentordesk.services.sessions import SessionData
from mentordesk.ui import looks, theme
from mentordesk.ui.autosave import Autosaver
from mentordesk.ui.dialogs.help_window import CHAPTER_OF_SECTION, open_help
from mentordesk.ui.dialogs.question_picker import QuestionPicker
from mentordesk.ui.dialogs.support_contacts_dialog import SupportContactsDialog
from mentordesk.ui.formatting import format_date
from mentordesk.ui.widgets.action_list import ActionList
from mentordesk.ui.widgets.boundary_prompt import BoundaryPrompt
from mentordesk.ui.widgets.move_sections import PICKER_KEYS, MoveSections
from mentordesk.ui.widgets.private_marker import PrivateMarker
from mentordesk.ui.widgets.wellbeing_check import WellbeingCheck

FORMAT_LABELS = {"in_person": "In person", "video": "Video call", "phone": "Phone", "mixed": "Mixed"}
AGENDA_LABELS = {"mentee": "The mentee", "mentor": "Me (mentor)", "shared": "Both of us"}


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet("font-weight: bold; font-size: 15px; padding-top: 10px;")
    return label


def help_link(topic: str, chapter: str) -> QLabel:
    """A "?" that opens the guide's chapter on ``topic`` (by keyboard too: Tab to it, Enter)."""
    link = QLabel(f'<a href="{chapter}">?</a>')
    link.setObjectName("helpLink")
    link.setAccessibleName(f"Guide: {topic}")
    link.setToolTip(f"What the guide says about {topic.lower()} (opens the guide)")
    link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                 | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
    link.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the Tab order stays field to field; F1 opens the guide
    link.linkActivated.connect(lambda key: open_help(link, key))
    return link


def _help_heading(text: str, chapter: str) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(_heading(text))
    link = help_link(text, chapter)
    link.setStyleSheet("padding-top: 10px;")
    layout.addWidget(link)
    layout.addStretch(1)
    return row


def _plain_edit(name: str, placeholder: str, height: int) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class SessionEditor(QWidget):
    """Edits one session. ``status_changed(text)`` reports "Saved 21:43", "Saving…" or an
    error; ``saved(session_id)`` follows every stored save."""

    status_changed = Signal(str)
    saved = Signal(str)

    def __init__(self, data: SessionData, session_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mentee_id = data.mentee_id
        self.session_id = session_id
        self.created_here = session_id is None
        self.mentee_name = get_mentee(data.mentee_id).name
        self._loading = True
        self.status_text = ""
        self.error_text = ""
        self.setAccessibleName(f"Session with {self.mentee_name}")
        self.autosave = Autosaver(self._save, parent=self)
        self._build()
        self._load(data)
        self._loading = False
        self._update_boundary()
        self._set_status("Saved" if session_id else "New session — saved once you write something")
        _application().focusChanged.connect(self._focus_changed)

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        looks.page_title(self.title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setAccessibleName("Save status")
        self.status.setWordWrap(True)

        self.when = QDateTimeEdit()
        self.when.setAccessibleName("Date and time of the meeting")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy  HH:mm")
        self.duration = QSpinBox()
        self.duration.setAccessibleName("Duration in minutes")
        self.duration.setRange(0, 24 * 60)
        self.duration.setSingleStep(5)
        self.duration.setSuffix(" min")
        self.duration.setSpecialValueText("Not noted")
        self.format = self._combo("Format", FORMAT_LABELS)
        self.agenda_by = self._combo("Who brought the agenda", AGENDA_LABELS)
        self.agenda = _plain_edit("Agenda", "What they wanted to talk about", 56)
        details = QFormLayout()
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addSpacing(12)
        when_row.addWidget(QLabel("Duration"))
        when_row.addWidget(self.duration)
        when_row.addSpacing(12)
        when_row.addWidget(QLabel("Format"))
        when_row.addWidget(self.format)
        when_row.addStretch(1)
        details.addRow("When", when_row)
        details.addRow("Agenda", self.agenda)
        details.addRow("Brought by", self.agenda_by)

        self.sections = MoveSections()
        self.sections.help_requested.connect(lambda move: open_help(self, CHAPTER_OF_SECTION[move]))
        self.action_list = ActionList()
        self.wellbeing = WellbeingCheck()
        self.boundary = BoundaryPrompt()
        self.boundary.hide()
        self.boundary.record_requested.connect(self._record_referral)
        self.boundary.edit_contacts_requested.connect(self.edit_contacts)

        self.private_marker = PrivateMarker()
        self.private_remarks = _plain_edit("Private remarks", "Your own thoughts about this meeting", 72)
        self.private_remarks.setAccessibleDescription("Private: never printed unless you ask")
        # A warm tint marks the private field (the marker above says it in words too).
        self.private_remarks.setStyleSheet(f"QPlainTextEdit {{ background: {theme.private_tint().name()}; }}")

        self.next_planned = QCheckBox("Planned for")
        self.next_planned.setAccessibleName("Next meeting planned")
        self.next_on = QDateEdit()
        self.next_on.setAccessibleName("Next meeting date")
        self.next_on.setCalendarPopup(True)
        self.next_on.setDisplayFormat("d MMM yyyy")
        self.next_planned.toggled.connect(self.next_on.setEnabled)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_planned)
        next_row.addWidget(self.next_on)
        next_row.addStretch(1)

        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(details)
        column.addWidget(_help_heading("The conversation", CHAPTER_OF_SECTION["listening"]))
        column.addWidget(self.sections)
        column.addWidget(_heading("Actions"))
        column.addWidget(self.action_list)
        column.addWidget(_help_heading("Wellbeing check", CHAPTER_OF_SECTION["wellbeing"]))
        column.addWidget(self.wellbeing)
        column.addWidget(self.boundary)
        column.addWidget(_heading("Private remarks"))
        column.addWidget(self.private_marker)
        column.addWidget(self.private_remarks)
        column.addWidget(_heading("Next meeting"))
        column.addLayout(next_row)
        column.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setWidget(body)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        layout.addWidget(self.scroller, 1)
        hint = QLabel("Saved as you type.  Ctrl+K: question bank for this section  ·  Ctrl+S: save now  ·  "
                      "F1: the guide on this section")
        looks.quiet(hint)
        layout.addWidget(hint)

        for signal in (self.when.dateTimeChanged, self.duration.valueChanged, self.format.currentIndexChanged,
                       self.agenda_by.currentIndexChanged, self.agenda.textChanged, self.sections.changed,
                       self.action_list.changed, self.private_remarks.textChanged, self.next_planned.toggled,
                       self.next_on.dateChanged):
            signal.connect(self._changed)
        self.wellbeing.changed.connect(self._wellbeing_changed)
        self.when.dateTimeChanged.connect(self._update_title)

        guide = QShortcut(QKeySequence("F1"), self)
        guide.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        guide.setWhatsThis("The guide on the section being written")
        guide.activated.connect(self.show_guide)
        for keys in PICKER_KEYS:
            picker = QShortcut(keys, self)
            picker.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            picker.activated.connect(self.pick_question)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: None if self.save_now() else None)

    def _combo(self, name: str, labels: dict[str, str]) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        for key, label in labels.items():
            combo.addItem(label, key)
        return combo

    # --- data in and out -----------------------------------------------------------------
    def _load(self, data: SessionData) -> None:
        held = data.held_on
        self.when.setDateTime(QDateTime(QDate(held.year, held.month, held.day),
                                        QTime(held.hour, held.minute)))
        self.duration.setValue(data.duration_min or 0)
        self.format.setCurrentIndex(max(0, self.format.findData(data.format)))
        self.agenda_by.setCurrentIndex(max(0, self.agenda_by.findData(data.agenda_by)))
        self.agenda.setPlainText(data.agenda)
        self.sections.set_texts({name: getattr(data, name) for name in sessions.SECTION_FIELDS})
        self.action_list.model.set_actions(data.actions)
        self.wellbeing.set_score(data.wellbeing_score)
        self.wellbeing.set_signals(data.wellbeing_signals)
        self.wellbeing.note.setText(data.wellbeing_note)
        self.private_remarks.setPlainText(data.private_remarks)
        self.next_planned.setChecked(data.next_on is not None)
        self.next_on.setEnabled(data.next_on is not None)
        next_on = data.next_on or clock.today()
        self.next_on.setDate(QDate(next_on.year, next_on.month, next_on.day))
        self._refresh_referrals()
        self._update_title()

    def data(self) -> SessionData:
        """What the form holds now."""
        held_on: datetime = self.when.dateTime().toPython()  # type: ignore[assignment]
        texts = self.sections.texts()
        return SessionData(
            mentee_id=self.mentee_id, held_on=held_on.replace(second=0, microsecond=0),
            duration_min=self.duration.value() or None, format=self.format.currentData(),
            agenda=self.agenda.toPlainText(), agenda_by=self.agenda_by.currentData(),
            listening=texts["listening"], questions=texts["questions"],
            encouragement=texts["encouragement"], challenge=texts["challenge"],
            wellbeing_score=self.wellbeing.score_value(), wellbeing_signals=self.wellbeing.signals(),
            wellbeing_note=self.wellbeing.note.text(), private_remarks=self.private_remarks.toPlainText(),
            next_on=self.next_on.date().toPython() if self.next_planned.isChecked() else None,  # type: ignore[arg-type]
            actions=self.action_list.model.actions(),
        )

    # --- saving --------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if not self._loading:
            self.autosave.touch()  # the typing path: timers only, never a save

    def _wellbeing_changed(self) -> None:
        self._changed()
        self._update_boundary()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if old is not None and self.isAncestorOf(old) and self.autosave.is_dirty():
            self.autosave.flush()

    def save_now(self) -> bool:
        """Ctrl+S, close and quit: store what is there now; True when nothing is left unsaved."""
        if self.error_text:
            self.autosave.touch()  # a failed save is tried again at once
        ok = self.autosave.flush()
        if ok and not self.error_text:
            self._set_status(self._saved_text())
        return ok

    def _saved_text(self) -> str:
        if self.session_id is None:
            return "Nothing written yet — not saved"
        return f"Saved {clock.now():%H:%M}"

    def _save(self) -> bool:
        self._set_status("Saving…")
        try:
            new_id = sessions.save_session(self.data(), self.session_id)
        except Exception as error:  # a save must never lose the text: say what went wrong, keep it
            message = (str(error) if isinstance(error, MentorDeskError)
                       else f"the data file could not be written ({error}).")
            self.error_text = (f"⚠ Not saved: {message} Your text is still here; "
                               "MentorDesk tries again in a few seconds.")
            self._set_status(self.error_text)
            return False
        self.error_text = ""
        if new_id is not None:
            self.session_id = new_id
            self.saved.emit(new_id)
        self._set_status(self._saved_text())
        return True

    def finish(self) -> bool:
        """Before the editor goes away: save; a session made here and emptied again is removed."""
        if not self.save_now():
            return False
        if self.created_here and self.session_id is not None and self.data().is_blank():
            with contextlib.suppress(MentorDeskError):
                sessions.delete_session(self.session_id)
            self.session_id = None
        _application().focusChanged.disconnect(self._focus_changed)
        return True

    def show_guide(self) -> None:
        """F1: the guide's chapter on the section being written (or last written)."""
        focus = QApplication.focusWidget()
        move = self.sections.current_move()
        in_wellbeing = focus is not None and self.wellbeing.isAncestorOf(focus)
        chapter = CHAPTER_OF_SECTION["wellbeing" if in_wellbeing else move]
        open_help(self, chapter)

    def _set_status(self, text: str) -> None:
        self.status_text = text
        self.status.setText(text)
        warning = f"color: {theme.attention().name()}; font-weight: bold;"
        self.status.setStyleSheet(warning if text.startswith("⚠") else "")
        self.status_changed.emit(text)

    def _update_title(self, *_args: object) -> None:
        held_on = self.when.dateTime().toPython()
        self.title.setText(f"Session with {self.mentee_name} — {format_date(held_on)}")  # type: ignore[arg-type]

    # --- question bank -------------------------------------------------------------------
    def pick_question(self) -> None:
        """Ctrl+K: choose a prompt for the current section and put it at the cursor."""
        text = QuestionPicker.ask(self, self.sections.current_move())
        if text:
            self.sections.insert_at_cursor(text)

    # --- role boundary -------------------------------------------------------------------
    def _update_boundary(self) -> None:
        show = referrals.needs_boundary_prompt(self.wellbeing.score_value(), self.wellbeing.signals())
        if show and self.boundary.isHidden():
            self.boundary.set_contacts(support_contacts.list_contacts())
        self.boundary.setVisible(show)

    def edit_contacts(self) -> None:
        if SupportContactsDialog.ask(self) is not None:
            self.boundary.set_contacts(support_contacts.list_contacts())

    def _record_referral(self, note: str) -> None:
        self.save_now()
        try:
            referrals.add_referral(self.mentee_id, self.session_id, self.data().held_on.date(), note)
        except MentorDeskError as error:
            self._set_status(f"⚠ The referral was not recorded: {error}")
            return
        self.boundary.clear_note()
        self._refresh_referrals()

    def _refresh_referrals(self) -> None:
        records = (referrals.list_referrals(self.mentee_id, session_id=self.session_id)
                   if self.session_id else [])
        self.boundary.set_recorded(records)
