"""Wakes the controller right after the laptop resumes from suspend.

Qt's timers count monotonic time, which stops during suspend, so a reminder
that came due while asleep would wait for the next tick. systemd-logind
announces sleep and resume with PrepareForSleep(bool) on the system bus; where
there is no logind, the controller's own tick notices the jump in wall time.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

log = logging.getLogger("necktimer.sleep")

LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"


class SleepWatcher(QObject):
    resumed = Signal()

    def __init__(self, bus: QDBusConnection | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watching = False
        bus = bus if bus is not None else QDBusConnection.systemBus()
        if not bus.isConnected():
            log.info("no system bus: resume is noticed by the jump in wall-clock time")
            return
        # PySide6 needs a QObject receiver and a SLOT() signature here, not a Python callable.
        self.watching = bus.connect(LOGIN1, LOGIN1_PATH, MANAGER, "PrepareForSleep", self,
                                    SLOT("on_prepare_for_sleep(bool)"))
        if not self.watching:
            log.info("cannot watch logind's PrepareForSleep: %s", bus.lastError().message())
        self._bus = bus

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            log.info("resumed from suspend")
            self.resumed.emit()
