"""One window per data file: a second start brings the running window forward instead.

The local socket is named after the user and the resolved data file, so two users,
or one user with two data folders (their own and the demo), never meet. A socket
left behind by a killed process is noticed (nobody answers) and replaced.

Qt's network module costs about 10 ms to load, so a start looks for the socket
file first (``may_be_running``) and the window starts listening once it is shown.
"""

from __future__ import annotations

import getpass
import os
import re
import sys
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

RAISE_MESSAGE = b"raise\n"
TIMEOUT_MS = 1000


def _user_name() -> str:
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry and no LOGNAME: a container, say
        name = ""
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:32] or "user"


def server_name(data_file: Path) -> str:
    """The socket for ``data_file`` and this user.

    Inside ``XDG_RUNTIME_DIR`` (private to the user) when there is one, else a plain
    name that Qt places in the temporary folder.
    """
    # 64 bits from two checksums: hashlib would load OpenSSL at every start (2 ms); this only
    # has to tell apart the few data folders of one user.
    path = str(data_file.expanduser().resolve()).encode("utf-8")
    digest = f"{zlib.crc32(path):08x}{zlib.adler32(path):08x}"
    uid = os.getuid() if hasattr(os, "getuid") else 0
    name = f"mentordesk-{_user_name()}-{uid}-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and Path(runtime).is_dir() and os.access(runtime, os.W_OK):
        return str(Path(runtime) / name)
    return name


def may_be_running(name: str) -> bool:
    """False when no MentorDesk can be listening on ``name``: its socket file does not exist
    (where sockets are files; elsewhere always True, so the caller asks)."""
    return sys.platform == "win32" or _socket_file_exists(name)


def ask_running_instance_to_raise(name: str, timeout_ms: int = TIMEOUT_MS) -> bool:
    """True when a running MentorDesk answered on ``name`` and was asked to come forward."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(RAISE_MESSAGE)
    socket.flush()
    delivered = socket.waitForBytesWritten(timeout_ms) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(timeout_ms)
    return delivered


def _socket_file_exists(name: str) -> bool:
    # A name without a folder is put where QDir.tempPath() says: $TMPDIR, else /tmp.
    path = Path(name) if os.path.isabs(name) else Path(os.environ.get("TMPDIR") or "/tmp") / name
    return path.exists() or path.is_symlink()


class SingleInstanceServer(QObject):
    """Listens on the data file's socket and emits ``raise_requested`` when another start asks."""

    raise_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.name = name
        self.replaced_stale_socket = False
        self._clients: list[QLocalSocket] = []
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; a socket left by a dead process is removed first.

        Returns False if a running instance answers on the name (the caller should
        forward to it instead). The check comes first because Qt, with owner-only
        access, would silently take the name over from a live server.
        """
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        probe = QLocalSocket()
        probe.connectToServer(self.name)
        if probe.waitForConnected(TIMEOUT_MS):
            probe.disconnectFromServer()
            return False
        if _socket_file_exists(self.name):
            # Nobody answers: the process that made this socket is gone.
            QLocalServer.removeServer(self.name)
            self.replaced_stale_socket = True
        return self._server.listen(self.name)

    def is_listening(self) -> bool:
        return self._server.isListening()

    def close(self) -> None:
        for socket in self._clients:
            socket.abort()
        self._clients.clear()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is None:
                break
            # The socket stays a child of the server: no deleteLater racing the server's end.
            self._clients.append(socket)
            socket.readyRead.connect(self._read_clients)
        self._read_clients()

    def _read_clients(self) -> None:
        for socket in list(self._clients):
            while socket.canReadLine():
                line = bytes(socket.readLine().data()).strip()
                if line == RAISE_MESSAGE.strip():
                    self.raise_requested.emit()
            if socket.state() == socket.LocalSocketState.UnconnectedState:
                self._clients.remove(socket)
