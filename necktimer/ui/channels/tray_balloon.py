"""Reminders as the tray icon's balloon message: a tray, but no notification server."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from necktimer.core.alerts import Alert, Kind, Urgency
from necktimer.ui.channels.base import Channel


class TrayBalloon(Channel):
    name = "tray balloon"

    def __init__(self, icon: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon = icon
        self._last: Kind | None = None
        icon.messageClicked.connect(self._clicked)

    def available(self) -> bool:
        # showMessage shows nothing while the icon is hidden.
        return self._icon.isVisible() and QSystemTrayIcon.supportsMessages()

    def deliver(self, alert: Alert) -> None:
        urgent = alert.urgency is Urgency.CRITICAL
        icon = (QSystemTrayIcon.MessageIcon.Warning if urgent
                else QSystemTrayIcon.MessageIcon.Information)
        self._icon.showMessage(alert.summary, alert.body, icon, 0 if urgent else 10_000)
        self._last = alert.kind

    def _clicked(self) -> None:
        # Clicking the time's-up balloon is the confirmation, as with a notification.
        if self._last is Kind.TIME_UP:
            self.removalConfirmed.emit()
        else:
            self.showRequested.emit()
