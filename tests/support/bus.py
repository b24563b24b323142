"""A private D-Bus session bus for tests, and the test notification server on it.

The bus is a `dbus-daemon` started with its own configuration: no service
directories at all, so nothing is ever activated on it (the host's own
notification daemon in particular), and a socket in a fresh temporary folder.
The server is `notification_server.py` in its own process; every line it prints
is kept with the `time.monotonic()` of its arrival, so tests can tell when a
notification came.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SERVER = Path(__file__).resolve().with_name("notification_server.py")

CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class PrivateBus:
    """A dbus-daemon of its own; `address` goes into DBUS_SESSION_BUS_ADDRESS."""

    def __init__(self) -> None:
        daemon = shutil.which("dbus-daemon")
        assert daemon, "dbus-daemon is needed (Debian package dbus-daemon)"
        # Short and private: a unix socket path must stay under 108 bytes.
        self.folder = Path(tempfile.mkdtemp(prefix="nt-bus-"))
        config = self.folder / "session.conf"
        config.write_text(CONFIG.format(socket=self.folder / "bus"))
        self._daemon = subprocess.Popen(
            [daemon, f"--config-file={config}", "--nofork", "--print-address=1",
             "--print-pid=1"],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
        address, pid = self._daemon.stdout.readline().strip(), self._daemon.stdout.readline()
        if not address or not pid.strip().isdigit():
            self.stop()
            raise RuntimeError(f"dbus-daemon did not start (exit code {self._daemon.returncode})")
        self.address = address
        self.pid = int(pid)

    def stop(self) -> None:
        if self._daemon.poll() is None:
            self._daemon.terminate()
        self._daemon.wait(timeout=10)
        self._daemon.stdout.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass(frozen=True)
class Call:
    """One Notify or CloseNotification call the server received, and when."""

    at: float  # time.monotonic() when the server's line arrived
    data: dict

    @property
    def is_notify(self) -> bool:
        return "summary" in self.data

    @property
    def id(self) -> int:
        return self.data["id"] if self.is_notify else self.data["closed"]


class NotificationServer:
    """The test notification server on `bus`, driven through its stdin."""

    def __init__(self, bus: PrivateBus) -> None:
        self._process = subprocess.Popen(
            [sys.executable, str(SERVER), bus.address],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self._lines: queue.Queue[tuple[float, dict]] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        _at, first = self._lines.get(timeout=30)
        assert first == {"ready": True}, first

    def _pump(self) -> None:
        for line in self._process.stdout:
            self._lines.put((time.monotonic(), json.loads(line)))

    def next_call(self, timeout: float) -> Call:
        """The next Notify or CloseNotification call; raises queue.Empty after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            at, data = self._lines.get(timeout=max(deadline - time.monotonic(), 0.001))
            if "summary" in data or "closed" in data:
                return Call(at, data)

    def calls(self) -> list[Call]:
        """Every call received since the last read, after a round trip through the server."""
        self._send("ping")
        found = []
        while True:
            at, data = self._lines.get(timeout=10)
            if data.get("done") == ["ping"]:
                return found
            if "summary" in data or "closed" in data:
                found.append(Call(at, data))

    def invoke(self, notification_id: int, key: str) -> None:
        """The user clicks an action (`default`: the bubble itself)."""
        self._send(f"invoke {notification_id} {key}")

    def close(self, notification_id: int, reason: int = 2) -> None:
        """The notification goes away (reason 2: the user dismissed it)."""
        self._send(f"close {notification_id} {reason}")

    def _send(self, line: str) -> None:
        self._process.stdin.write(line + "\n")
        self._process.stdin.flush()

    def stop(self) -> None:
        self._process.kill()
        self._process.wait(timeout=10)
        self._process.stdin.close()
        self._process.stdout.close()
