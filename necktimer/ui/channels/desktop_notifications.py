"""Reminders as freedesktop notifications over D-Bus (urgency, actions, sound hint)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier

from necktimer.core.alerts import ACTION_AT_END, ACTION_DEFAULT, ACTION_SHOW, Alert, Kind
from necktimer.freedesktop import NotificationClient, NotificationsUnavailable, ServerSignal
from necktimer.ui.channels.base import Channel, ChannelError

log = logging.getLogger("necktimer.notify")


class DesktopNotifications(Channel):
    name = "desktop notifications"

    def __init__(self, client: NotificationClient, *, sound_file: str | None,
                 sound: callable, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._client: NotificationClient | None = client
        self._sound_file = sound_file
        self._sound = sound  # () -> bool: the user's sound setting, read at each alert
        self._shown: dict[Kind, int] = {}  # the notification a repeat replaces
        self._notifier = QSocketNotifier(client.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        log.info("reminders via desktop notifications (server can: %s)",
                 ", ".join(sorted(client.capabilities)))

    @classmethod
    def connect(cls, address: str, **kwargs) -> DesktopNotifications | None:
        """The channel on the bus at `address`, or None (with one log line) if no server."""
        try:
            return cls(NotificationClient(address), **kwargs)
        except NotificationsUnavailable as error:
            log.warning("desktop notifications unavailable (%s)", error)
            return None

    def available(self) -> bool:
        return self._client is not None

    @property
    def plays_sound(self) -> bool:
        return self._client is not None and self._client.plays_sound

    def deliver(self, alert: Alert) -> None:
        if self._client is None:
            raise ChannelError("not connected")
        try:
            self._shown[alert.kind] = self._client.show(
                alert, replaces_id=self._shown.get(alert.kind, 0),
                sound_file=self._sound_file, sound=self._sound())
        except NotificationsUnavailable as error:
            self._drop(str(error))
            raise ChannelError(str(error)) from error
        self._read()

    def desktop_id(self, kind: Kind) -> int:
        return self._shown.get(kind, 0)

    def withdraw(self, kind: Kind) -> None:
        notification_id = self._shown.pop(kind, None)
        if notification_id and self._client is not None:
            self._client.close_notification(notification_id)

    def let_go(self, kind: Kind) -> None:
        self._shown.pop(kind, None)

    def close(self) -> None:
        for kind in list(self._shown):
            self.withdraw(kind)
        if self._client is not None:
            self._notifier.setEnabled(False)
            self._client.close()
            self._client = None

    def _read(self) -> None:
        if self._client is None:
            return
        try:
            signals = self._client.read_signals()
        except NotificationsUnavailable as error:
            self._drop(str(error))
            self.failed.emit(str(error))
            return
        for signal in signals:
            self._handle(signal)

    def _handle(self, signal: ServerSignal) -> None:
        kind = next((k for k, i in self._shown.items() if i == signal.notification_id), None)
        if kind is None:
            return
        if signal.member == "ActionInvoked":
            if signal.value == ACTION_DEFAULT and kind is Kind.TIME_UP:
                self.removalConfirmed.emit()
            elif signal.value == ACTION_AT_END and kind is Kind.TIME_UP:
                self.removedAtEnd.emit()
            elif signal.value in (ACTION_SHOW, ACTION_DEFAULT):
                self.showRequested.emit()
        elif signal.member == "NotificationClosed":
            # Dismissed or expired: the next repeat opens a fresh notification rather
            # than replacing one the server has forgotten. Dismissing is not "removed".
            log.info("%s notification closed (reason %s)", kind.value, signal.value)
            del self._shown[kind]

    def _drop(self, reason: str) -> None:
        log.warning("desktop notifications failed (%s)", reason)
        self._notifier.setEnabled(False)
        if self._client is not None:
            self._client.close()
        self._client = None
