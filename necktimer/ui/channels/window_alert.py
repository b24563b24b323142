"""The last resort: the window's banner (from the view state) and the taskbar's attention."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from necktimer.core.alerts import Alert
from necktimer.ui.channels.base import Channel


class WindowAlert(Channel):
    name = "window"

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window

    def deliver(self, alert: Alert) -> None:
        # The banner itself follows the view state; this marks the window urgent in
        # the taskbar until the user looks at it.
        QApplication.alert(self._window, 0)
