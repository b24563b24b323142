"""One necktimer per user and data folder: later launches pass their command to the first.

The first process takes a lock file in the data folder and listens on a local
socket; any later one finds the lock taken, connects, sends its command as one
JSON line and prints the answer. Messages are small and checked: anything
malformed or too large is refused and logged, and the running instance goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger("necktimer.ipc")

PROTOCOL_VERSION = 1
MAX_MESSAGE = 4096  # bytes, a command is a few dozen
CLIENT_TIMEOUT_MS = 5000
COMMANDS = {"show", "start", "stop", "status", "done", "quit"}


class ProtocolError(ValueError):
    pass


def socket_path(data_dir: Path) -> str:
    """A per-user socket path: in XDG_RUNTIME_DIR (private to the user) when there is one."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isdir(runtime) and os.access(runtime, os.W_OK):
        folder = Path(runtime)
    else:
        folder = Path(tempfile.gettempdir())
    return str(folder / f"necktimer-{os.getuid()}-{digest}.sock")


def encode(message: dict) -> bytes:
    data = json.dumps(message, separators=(",", ":")).encode() + b"\n"
    if len(data) > MAX_MESSAGE:
        raise ProtocolError("message too large")
    return data


def decode_request(data: bytes) -> dict:
    """Parse and validate one request line; raises ProtocolError with the reason."""
    if len(data) > MAX_MESSAGE:
        raise ProtocolError(f"message over the {MAX_MESSAGE}-byte limit")
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ProtocolError(f"not a JSON message: {error}") from error
    if not isinstance(message, dict):
        raise ProtocolError("a message must be a JSON object")
    if message.get("v") != PROTOCOL_VERSION:
        raise ProtocolError(f"unsupported protocol version {message.get('v')!r}")
    command = message.get("cmd")
    if command not in COMMANDS:
        raise ProtocolError(f"unknown command {command!r}")
    if command == "start":
        if message.get("therapy") not in ("ice", "heat"):
            raise ProtocolError("start needs therapy 'ice' or 'heat'")
        minutes = message.get("minutes")
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)):
            raise ProtocolError("minutes must be a whole number")
    unknown = set(message) - {"v", "cmd", "therapy", "minutes", "json"}
    if unknown:
        raise ProtocolError(f"unknown fields {sorted(unknown)}")
    return message


class InstanceLock:
    """The lock file that makes one process the primary instance."""

    def __init__(self, data_dir: Path) -> None:
        self._lock = QLockFile(str(data_dir / "instance.lock"))
        # Only a dead owner makes the lock stale; age alone never does.
        self._lock.setStaleLockTime(0)

    def try_acquire(self) -> bool:
        return self._lock.tryLock(0)

    @property
    def acquired(self) -> bool:
        return self._lock.isLocked()

    @property
    def denied(self) -> bool:
        """The lock could not be taken because the folder is not writable."""
        return self._lock.error() == QLockFile.LockError.PermissionError

    def release(self) -> None:
        self._lock.unlock()


class InstanceServer(QObject):
    """Listens for commands from later launches and answers each with one JSON line."""

    def __init__(self, path: str, handler: Callable[[dict], dict],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._handler = handler
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.setMaxPendingConnections(32)
        self._server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        # We hold the instance lock, so a socket file here is left by a dead instance.
        QLocalServer.removeServer(self.path)
        if not self._server.listen(self.path):
            log.warning("cannot listen on %s: %s", self.path, self._server.errorString())
            return False
        os.chmod(self.path, 0o600)
        log.info("listening on %s", self.path)
        return True

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(connection.deleteLater)
            # A client that connects and says nothing is dropped, not kept forever.
            QTimer.singleShot(CLIENT_TIMEOUT_MS, connection, connection.abort)

    def _read(self, connection: QLocalSocket) -> None:
        if connection.property("handled"):
            return
        available = connection.bytesAvailable()
        if not connection.canReadLine():
            if available > MAX_MESSAGE:
                self._refuse(connection, f"message over the {MAX_MESSAGE}-byte limit")
            return
        line = bytes(connection.readLine(MAX_MESSAGE + 2).data())
        connection.setProperty("handled", True)
        try:
            request = decode_request(line.strip())
        except ProtocolError as error:
            self._refuse(connection, str(error))
            return
        try:
            reply = self._handler(request)
        except Exception as error:  # a bad command must never take the instance down
            log.exception("command %s failed", request.get("cmd"))
            reply = {"ok": False, "code": 3, "message": f"necktimer could not do that: {error}"}
        self._reply(connection, reply)

    def _refuse(self, connection: QLocalSocket, reason: str) -> None:
        connection.setProperty("handled", True)
        log.warning("refused a command: %s", reason)
        self._reply(connection, {"ok": False, "code": 2, "message": f"refused: {reason}"})

    @staticmethod
    def _reply(connection: QLocalSocket, reply: dict) -> None:
        connection.write(encode(reply))
        connection.flush()
        connection.disconnectFromServer()


def send_request(path: str, request: dict, timeout_s: float = 10.0) -> dict | None:
    """Send one request to the running instance and wait for its reply.

    Retries the connection for a while, because the instance holding the lock
    may still be starting up. Returns None if nobody answers.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        socket = QLocalSocket()
        socket.connectToServer(path)
        if socket.waitForConnected(500):
            break
        if time.monotonic() >= deadline:
            return None
        time.sleep(0.05)
    socket.write(encode({"v": PROTOCOL_VERSION, **request}))
    socket.flush()
    data = b""
    connected = QLocalSocket.LocalSocketState.ConnectedState
    while b"\n" not in data and time.monotonic() < deadline:
        ready = socket.waitForReadyRead(1000)
        data += bytes(socket.readAll().data())
        if not ready and socket.state() != connected:
            break
    socket.disconnectFromServer()
    try:
        return json.loads(data.split(b"\n", 1)[0].decode())
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
