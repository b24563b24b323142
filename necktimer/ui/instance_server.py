"""Answers later launches of necktimer on the instance socket, inside Qt's event loop.

Each connection sends one JSON line (at most 4 KiB) and gets one back. The
socket is a plain Unix socket watched by QSocketNotifier (QtNetwork would cost
every start its libraries). Only processes of this user are served (the folder
is 0700, and SO_PEERCRED is checked); a client that says nothing is dropped
after a few seconds; anything malformed gets a refusal, never a crash.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from necktimer import language
from necktimer.commands import (
    MAX_MESSAGE,
    Exit,
    ProtocolError,
    Reply,
    Request,
    decode,
    encode,
)
from necktimer.core.i18n import translate
from necktimer.display import answers
from necktimer.instance import peer

log = logging.getLogger("necktimer.ipc")

CLIENT_TIMEOUT_MS = 5000
MAX_CLIENTS = 32


class _Client(QObject):
    def __init__(self, connection: socket.socket, server: InstanceServer,
                 asker: int) -> None:
        super().__init__(server)
        self.connection = connection
        self._asker = asker
        self._server = server
        self._data = b""
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        QTimer.singleShot(CLIENT_TIMEOUT_MS, self, self.close)

    def _read(self) -> None:
        if self._server.closing:
            self.close()  # unanswered: its asker starts a window of its own instead
            return
        try:
            chunk = self.connection.recv(MAX_MESSAGE + 1)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            self.close()
            return
        if not chunk:
            self.close()
            return
        self._data += chunk
        if b"\n" in self._data:
            line = self._data.split(b"\n", 1)[0]
            self._answer(self._server.handle_line(line, asker=self._asker))
        elif len(self._data) > MAX_MESSAGE:
            self._answer(refusal(f"message over the {MAX_MESSAGE}-byte limit"))

    def _answer(self, reply: Reply) -> None:
        self._notifier.setEnabled(False)
        with contextlib.suppress(OSError):
            self.connection.setblocking(True)
            self.connection.settimeout(1.0)
            self.connection.sendall(encode(reply.to_message()))
        self.close()

    def close(self) -> None:
        if self.connection.fileno() >= 0:
            self._notifier.setEnabled(False)
            self.connection.close()
        self._server.forget(self)


class InstanceServer(QObject):
    def __init__(self, path: Path, handler: Callable[[Request], Reply],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._handler = handler
        self._socket: socket.socket | None = None
        self._clients: set[_Client] = set()
        self._notifier: QSocketNotifier | None = None
        self.closing = False  # a quit was accepted: nothing more is acted on
        self._bound = 0  # the inode of the socket file bound, to know it is still ours

    def listen(self) -> str | None:
        """Start listening; returns why it could not, or None."""
        # We hold the instance lock, so a socket file here was left by a dead instance,
        # unless something answers on it: that is not ours to take over.
        with contextlib.suppress(FileNotFoundError):
            if self.path.is_socket():
                if answers(socket.AF_UNIX, str(self.path)):
                    log.warning("another program listens on %s", self.path)
                    return f"another program listens on {self.path}"
                self.path.unlink()
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            old = os.umask(0o177)
            try:
                listener.bind(str(self.path))
            finally:
                os.umask(old)
            listener.listen(MAX_CLIENTS)
            listener.setblocking(False)
        except OSError as error:
            listener.close()
            log.warning("cannot listen on %s: %s", self.path, error)
            return str(error)
        self._socket = listener
        self._bound = self.path.stat().st_ino
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)
        log.info("listening on %s", self.path)
        return None

    def close(self) -> None:
        for client in list(self._clients):
            client.close()
        self._stop_listening()

    def still_reachable(self) -> bool:
        """Whether later launches can still reach us: the socket file we bound is still
        at its path (a cleaner of temporary files may delete it, or its folder)."""
        try:
            return self._socket is not None and self.path.stat().st_ino == self._bound
        except OSError:
            return False

    def abandon(self) -> None:
        """Stop serving a socket file that is gone; the path is not ours to unlink now."""
        for client in list(self._clients):
            client.close()
        if self._socket is not None:
            self._notifier.setEnabled(False)
            self._socket.close()
            self._socket = None

    def stop_serving(self) -> None:
        """A quit was accepted: from now on nothing is acted on. The socket goes at once,
        and a request already waiting is dropped unanswered, so its asker waits for the
        lock and starts a window of its own rather than hear from one about to go (a
        `start` answered "started" by a window that then quit left a pack on unwatched)."""
        self.closing = True
        self._stop_listening()

    def _stop_listening(self) -> None:
        if self._socket is not None:
            self._notifier.setEnabled(False)
            self._socket.close()
            self._socket = None
            with contextlib.suppress(OSError):
                self.path.unlink()

    def forget(self, client: _Client) -> None:
        if client in self._clients:
            self._clients.discard(client)
            client.deleteLater()

    def _accept(self) -> None:
        while self._socket is not None:
            try:
                connection, _ = self._socket.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                log.warning("accept failed: %s", error)
                return
            pid, uid = peer(connection)
            if uid != os.getuid() or len(self._clients) >= MAX_CLIENTS:
                connection.close()  # another user's process, or a flood: not served
                continue
            connection.setblocking(False)
            self._clients.add(_Client(connection, self, pid))

    def handle_line(self, line: bytes, *, asker: int = 0) -> Reply:
        try:
            request = dataclasses.replace(Request.from_message(decode(line.strip())),
                                          asker=asker)
        except ProtocolError as error:
            log.warning("refused a command: %s", error)
            return refusal(str(error))
        if request.too_late() and not request.command.only_looks:
            # This window was frozen (stopped, swapping) past the asker's wait: the asker
            # said it was not done, so it is not done now either. (A window whose boot
            # clock runs apart from the asker's, under faketime, sees every request so;
            # it still answers those that only look, such as `status`.)
            log.warning("a %s command came after its asker stopped waiting; not done",
                        request.command.value)
            with language.speaking(request.speech):
                return Reply(Exit.UNAVAILABLE, translate(
                    "Instance", "Not done: this reached the window after the terminal had "
                                "stopped waiting for it (the window was held up, or its clock "
                                "runs apart from this terminal's). Nothing changed."))
        try:
            return self._handler(request)
        except Exception as error:  # a bad command must never take the instance down
            log.exception("command %s failed", request.command.value)
            return Reply(Exit.UNAVAILABLE, f"necktimer could not do that: {error}")


def refusal(reason: str) -> Reply:
    return Reply(Exit.USAGE, f"refused: {reason}")
