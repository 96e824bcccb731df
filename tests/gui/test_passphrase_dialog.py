"""The start-up passphrase dialog: three tries, a clear message on a wrong one, no traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_helpers import on_dialog, type_text
from PySide6.QtCore import Qt

from mentordesk.db.base import close_database
from mentordesk.services import encryption, mentees
from mentordesk.services.storage import open_data_dir
from mentordesk.ui.dialogs.encryption_dialog import EncryptionDialog
from mentordesk.ui.dialogs.passphrase_dialog import PassphraseDialog, ask_to_open

SECRET = "correct horse battery"


def _encrypted_folder(db: Path) -> Path:
    mentees.create_mentee(mentees.MenteeData(name="Zhang Wei 张伟"))
    encryption.encrypt(db, SECRET)
    close_database()
    return db.parent


def _try(qtbot: Any, dialog: PassphraseDialog, text: str) -> None:
    type_text(qtbot, dialog.field, text)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_two_wrong_tries_then_the_right_one_opens(qtbot: Any, db: Path, tmp_path: Path) -> None:
    """Wrong passphrases say so and how many tries are left; the third, right one opens the data."""
    folder = _encrypted_folder(db)
    messages: list[str] = []

    def interact(dialog: PassphraseDialog) -> None:
        _try(qtbot, dialog, "wrong one")
        messages.append(dialog.error.message())
        _try(qtbot, dialog, "wrong two")
        messages.append(dialog.error.message())
        dialog.grab().save(str(tmp_path / "dialog.png"))
        _try(qtbot, dialog, SECRET)

    with on_dialog(PassphraseDialog, interact):
        path, problem = ask_to_open(folder, lambda text: open_data_dir(folder, text))
    assert messages == ["The passphrase is not right. 2 tries left.", "The passphrase is not right. 1 try left."]
    assert problem is None and path == db
    assert mentees.find_mentee("Zhang").name == "Zhang Wei 张伟"


def test_three_wrong_tries_end_with_a_clear_message(qtbot: Any, db: Path) -> None:
    """After three wrong passphrases the dialog closes and the reason is one readable sentence."""
    folder = _encrypted_folder(db)

    def interact(dialog: PassphraseDialog) -> None:
        for attempt in ("one", "two", "three"):
            _try(qtbot, dialog, f"wrong {attempt}")

    with on_dialog(PassphraseDialog, interact) as seen:
        path, problem = ask_to_open(folder, lambda text: open_data_dir(folder, text))
    assert seen and path is None
    assert problem == "The passphrase is not right."


def test_cancel_opens_nothing(qtbot: Any, db: Path) -> None:
    """Cancel closes the dialog without opening the data file."""
    folder = _encrypted_folder(db)
    with on_dialog(PassphraseDialog, lambda dialog: dialog.reject()):
        path, problem = ask_to_open(folder, lambda text: open_data_dir(folder, text))
    assert path is None and problem and "no passphrase" in problem


def test_turn_on_warns_and_needs_the_passphrase_twice(qtbot: Any, db: Path) -> None:
    """The turn-on dialog warns that a forgotten passphrase cannot be recovered and refuses two different ones."""
    dialog = EncryptionDialog(None, db)
    qtbot.addWidget(dialog)
    assert "no reset" in dialog.warning.text()
    type_text(qtbot, dialog.new, "one long passphrase")
    type_text(qtbot, dialog.repeat, "another passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error.message()
    assert not encryption.is_encrypted(db)
    dialog.repeat.clear()
    type_text(qtbot, dialog.repeat, "one long passphrase")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome.startswith("Encryption is on")
    assert encryption.is_encrypted(db)
    assert encryption.passphrase_matches("one long passphrase")
