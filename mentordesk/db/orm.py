"""peewee's side of the data file: the proxy every model binds to.

peewee and the models cost about 30 ms to import, more than the window's whole first
screen needs from the data file (the Dashboard reads it in plain SQL, db/rows.py). So
``open_database`` (db/base.py) opens a plain data file with the standard ``sqlite3``
module, and peewee is loaded when something first needs it: a model, a transaction,
``base.database``. Then it takes over that same connection (``PlainDatabase``), so the
program keeps one connection to its data file on the thread that opened it; other
threads get their own, as peewee gives every thread.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import peewee

from mentordesk.db import base

database = peewee.DatabaseProxy()


class PlainDatabase(peewee.SqliteDatabase):
    """A plain (unencrypted) data file whose first connection is the one open_database made."""

    def __init__(self, path: Path, connection: sqlite3.Connection, thread: int) -> None:
        super().__init__(str(path), pragmas=base.PRAGMAS, timeout=base.BUSY_TIMEOUT_MS / 1000)
        self._handed: sqlite3.Connection | None = connection
        self._thread = thread

    def _connect(self) -> Any:
        conn = self._handed
        if conn is not None and threading.get_ident() == self._thread:
            self._handed = None  # once: after a close, peewee connects afresh
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]  # (peewee's stubs lack it)
            return conn
        return super()._connect()  # type: ignore[misc]


def take_over(path: Path, connection: sqlite3.Connection, thread: int) -> PlainDatabase:
    """Bind the models to the plain data file at ``path``, starting from ``connection``."""
    db = PlainDatabase(path, connection, thread)
    database.initialize(db)
    if threading.get_ident() == thread:
        db.connect()  # the same connection, now peewee's (and is_closed() says so)
    return db


# Loaded after a plain data file was opened (the window's start): take it over now.
base.hand_over_to_orm()
