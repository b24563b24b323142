"""Gets reminders to the user through the best channel the desktop offers.

1. freedesktop notifications over D-Bus (urgency, actions, sound hint);
2. else the tray icon's balloon message;
3. else the in-window banner with QApplication.alert.
Each missing piece degrades to the next with one log line; a channel that fails
while in use is dropped and the same reminder goes out through the next one.
The window banner, the tray's attention icon and the chime come on top of
whichever channel carries the message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from necktimer import APP_ID
from necktimer.core.humanize import format_clock
from necktimer.core.report import ended_while_closed
from necktimer.core.rules import Session
from necktimer.core.settings import Settings
from necktimer.ui.dbus_notifications import (
    URGENCY_CRITICAL,
    URGENCY_NORMAL,
    DBusNotifications,
    NotificationsUnavailable,
)
from necktimer.ui.sound import Chime

log = logging.getLogger("necktimer.notify")

DBUS, TRAY, WINDOW = "dbus", "tray", "window"
ACTION_REMOVED = "removed"
ACTION_SHOW = "default"


class ReminderCenter(QObject):
    def __init__(
        self,
        controller,
        window,
        tray=None,
        *,
        settings: Callable[[], Settings] = Settings,
        dbus_address: str | None = None,
        chime: Chime | None = None,
        local_tz: tzinfo | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.window = window
        self.tray = tray
        self._settings = settings
        self._local_tz = local_tz
        self.chime = chime or Chime(self)
        self._time_up_id = 0  # the notification a repeat replaces
        self.sent: list[tuple[str, str, str]] = []  # (backend, summary, body), newest last
        self.dbus = self._connect(dbus_address)
        controller.removalReminder.connect(self.time_up)
        controller.gapOver.connect(self.gap_over)
        controller.removalAcknowledged.connect(self.withdraw)
        controller.sessionStarted.connect(self.withdraw)

    # -- choosing a channel ---------------------------------------------------------------

    def _connect(self, dbus_address: str | None) -> DBusNotifications | None:
        if not dbus_address:
            log.info("no session bus; reminders go to %s", self._local_backend)
            return None
        try:
            dbus = DBusNotifications(dbus_address, self)
        except NotificationsUnavailable as error:
            log.warning("desktop notifications unavailable (%s); reminders go to %s",
                        error, self._local_backend)
            return None
        dbus.actionInvoked.connect(self._on_action)
        dbus.closed.connect(self._on_closed)
        log.info("reminders via D-Bus notifications (server can: %s)",
                 ", ".join(sorted(dbus.capabilities)))
        return dbus

    @property
    def backend(self) -> str:
        """The channel the next reminder takes; the tray is asked each time, it may come and go."""
        return DBUS if self.dbus is not None else self._local_backend

    @property
    def _local_backend(self) -> str:
        # showMessage shows nothing while the icon is hidden.
        return TRAY if self.tray is not None and self.tray.is_shown() else WINDOW

    def _drop_dbus(self, error: Exception) -> None:
        self.dbus.close()
        self.dbus = None
        log.warning("desktop notifications failed (%s); reminders now go to %s",
                    error, self._local_backend)

    # -- the reminders ------------------------------------------------------------------

    def time_up(self, session: Session, count: int) -> None:
        therapy = session.therapy
        summary = f"Time's up — remove the {therapy.pack}"
        ended = format_clock(session.ended_at, self._local_tz)
        minutes = round(session.planned_length.total_seconds() / 60)
        if self.controller.service.store.closed_while_away(session.id):
            body = (f"{ended_while_closed(session, self._local_tz)} "
                    "Take the pack off if it is still on.")
        else:
            body = (f"Your {minutes}-minute {therapy.value} session ended at {ended}. "
                    "Take the pack off and check your skin.")
        if count > 1:
            body = f"Reminder {count}: " + body
        self._deliver(summary, body, urgent=True)
        QApplication.alert(self.window, 0)
        if self._settings().sound and not self._server_plays_sound:
            self.chime.play()

    def gap_over(self, _session: Session) -> None:
        summary = "You may apply ice or heat again"
        body = "The gap after your last session is over."
        self._deliver(summary, body, urgent=False)

    def withdraw(self, *_args) -> None:
        if self.dbus is not None and self._time_up_id:
            self.dbus.close_notification(self._time_up_id)
        self._time_up_id = 0

    @property
    def _server_plays_sound(self) -> bool:
        return self.dbus is not None and "sound" in self.dbus.capabilities

    def _deliver(self, summary: str, body: str, *, urgent: bool) -> None:
        if self.dbus is not None:
            try:
                self._notify_dbus(summary, body, urgent)
                self.sent.append((DBUS, summary, body))
                return
            except NotificationsUnavailable as error:
                self._drop_dbus(error)  # and the same reminder goes out below
        if self.backend == TRAY:
            icon = (QSystemTrayIcon.MessageIcon.Warning if urgent
                    else QSystemTrayIcon.MessageIcon.Information)
            self.tray.icon.showMessage(summary, body, icon, 0 if urgent else 10_000)
            self.sent.append((TRAY, summary, body))
            return
        if not urgent:  # the window shows its own time's-up banner with the button
            self.window.banner.show_message(f"{summary}. {body}")
            QApplication.alert(self.window, 0)
        self.sent.append((WINDOW, summary, body))

    def _notify_dbus(self, summary: str, body: str, urgent: bool) -> None:
        hints = {"desktop-entry": ("s", APP_ID)}
        if urgent:
            hints["category"] = ("s", "x-necktimer.time-up")
            if self._settings().sound:
                hints["sound-file"] = ("s", self.chime.path)
                hints["sound-name"] = ("s", "alarm-clock-elapsed")
            else:
                hints["suppress-sound"] = ("b", True)
            self._time_up_id = self.dbus.notify(
                summary, body, replaces_id=self._time_up_id,
                actions=[(ACTION_REMOVED, "Done — removed"), (ACTION_SHOW, "Show")],
                urgency=URGENCY_CRITICAL, hints=hints, icon=APP_ID, timeout_ms=0,
            )
        else:
            self.dbus.notify(summary, body, actions=[(ACTION_SHOW, "Show")],
                             urgency=URGENCY_NORMAL, hints=hints, icon=APP_ID)

    def _on_action(self, notification_id: int, key: str) -> None:
        if key == ACTION_REMOVED and notification_id == self._time_up_id:
            self.controller.acknowledge_removal()
        elif key == ACTION_SHOW:
            self.window.raise_window()

    def _on_closed(self, notification_id: int, reason: int) -> None:
        # Dismissed or expired: the next repeat opens a fresh notification instead of
        # replacing one the server has forgotten. Dismissing is not "removed".
        if notification_id == self._time_up_id:
            log.info("time's-up notification closed (reason %d); it will come back", reason)
            self._time_up_id = 0

    def close(self) -> None:
        if self.dbus is not None:
            self.dbus.close()
            self.dbus = None
