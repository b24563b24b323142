"""Wakes the controller right after the laptop resumes from suspend.

Qt's timers count monotonic time, which stops during suspend, so a reminder
that came due while asleep would wait. systemd-logind announces sleep and
resume with PrepareForSleep(bool) on the system bus; this listens for it with
jeepney (no QtDBus). Where there is no logind, the controller checks a pack
that is on once a minute instead.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque

from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger("necktimer.sleep")

LOGIN1_PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"


class SleepWatcher(QObject):
    resumed = Signal()

    def __init__(self, address: str | None = "SYSTEM", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watching = False
        self._conn = None
        if not address:
            return
        try:
            from jeepney import MatchRule
            from jeepney.bus_messages import message_bus
            from jeepney.io.blocking import open_dbus_connection

            self._conn = open_dbus_connection(address)
            rule = MatchRule(type="signal", interface=MANAGER, member="PrepareForSleep",
                             path=LOGIN1_PATH)
            self._queue: deque = deque()
            self._filter = self._conn.filter(rule, queue=self._queue)
            self._conn.send_and_get_reply(message_bus.AddMatch(rule), timeout=2)
        except Exception as error:  # no system bus (a container, a test machine)
            log.info("cannot watch for resume (%s); a pack on is checked each minute", error)
            self.close()
            return
        self._notifier = QSocketNotifier(self._conn.sock.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._read)
        self.watching = True

    def _read(self) -> None:
        try:
            while True:
                self._queue.append(self._conn.receive(timeout=0))
        except TimeoutError:
            pass
        except (OSError, ValueError) as error:
            log.warning("lost the system bus: %s", error)
            self._notifier.setEnabled(False)
            self.watching = False
        while self._queue:
            message = self._queue.popleft()
            if message.body == (False,):
                log.info("resumed from suspend")
                self.resumed.emit()

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
        self.watching = False
