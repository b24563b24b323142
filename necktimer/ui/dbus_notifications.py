"""Desktop notifications over D-Bus (org.freedesktop.Notifications), with actions.

WORKAROUND: this talks D-Bus with jeepney instead of QtDBus. PySide6 (checked
with 6.12) cannot marshal a D-Bus uint32 — a Python int becomes int32, and
QDBusArgument << int writes uint16 — while Notify's replaces_id must be a
uint32, and strict servers (GNOME Shell, dunst via GDBus) reject the call
otherwise. The connection's socket is watched with a QSocketNotifier, so
ActionInvoked and NotificationClosed arrive through the Qt event loop.
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque

from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from PySide6.QtCore import QObject, QSocketNotifier, Signal

log = logging.getLogger("necktimer.notify")

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS = DBusAddress(PATH, bus_name=NAME, interface=NAME)
CALL_TIMEOUT = 2.0  # seconds; a desktop that takes longer is treated as absent

URGENCY_LOW, URGENCY_NORMAL, URGENCY_CRITICAL = 0, 1, 2


class NotificationsUnavailable(Exception):
    """No notification server answered on the session bus."""


class DBusNotifications(QObject):
    """A client of the desktop's notification server."""

    actionInvoked = Signal(int, str)  # notification id, action key
    closed = Signal(int, int)  # notification id, reason (1 expired, 2 dismissed, 3 closed by us)

    def __init__(self, address: str = "SESSION", parent: QObject | None = None) -> None:
        super().__init__(parent)
        try:
            self._conn: DBusConnection = open_dbus_connection(address)
        except Exception as error:  # no bus, refused, bad address: all mean "not here"
            raise NotificationsUnavailable(f"no session bus ({error})") from error
        self._signals: deque = deque()
        self._filter = self._conn.filter(
            MatchRule(type="signal", interface=NAME, path=PATH), queue=self._signals
        )
        try:
            self._call(message_bus.AddMatch(MatchRule(type="signal", interface=NAME, path=PATH)))
            reply = self._call(new_method_call(NOTIFICATIONS, "GetCapabilities"))
        except Exception as error:
            self._conn.close()
            raise NotificationsUnavailable(f"no notification server ({error})") from error
        self.capabilities: frozenset[str] = frozenset(reply[0])
        self._notifier = QSocketNotifier(self._conn.sock.fileno(), QSocketNotifier.Type.Read,
                                         self)
        self._notifier.activated.connect(self._read)

    def _call(self, message) -> tuple:
        reply = self._conn.send_and_get_reply(message, timeout=CALL_TIMEOUT)
        if reply.header.message_type is MessageType.error:
            name = reply.header.fields.get(HeaderFields.error_name, "error")
            raise NotificationsUnavailable(f"{name}: {reply.body}")
        return reply.body

    def notify(
        self,
        summary: str,
        body: str,
        *,
        replaces_id: int = 0,
        actions: list[tuple[str, str]] = (),
        urgency: int = URGENCY_NORMAL,
        app_name: str = "Neck Timer",
        icon: str = "",
        hints: dict[str, tuple[str, object]] | None = None,
        timeout_ms: int = -1,
    ) -> int:
        """Show (or replace) a notification; returns its id. Raises NotificationsUnavailable."""
        flat_actions = [part for pair in actions for part in pair]
        all_hints = {"urgency": ("y", urgency), **(hints or {})}
        message = new_method_call(
            NOTIFICATIONS, "Notify", "susssasa{sv}i",
            (app_name, replaces_id, icon, summary, body, flat_actions, all_hints, timeout_ms),
        )
        try:
            (notification_id,) = self._call(message)
        except (OSError, TimeoutError) as error:
            raise NotificationsUnavailable(str(error)) from error
        finally:
            self._dispatch()
        return int(notification_id)

    def close_notification(self, notification_id: int) -> None:
        with contextlib.suppress(NotificationsUnavailable, OSError, TimeoutError):
            self._call(new_method_call(NOTIFICATIONS, "CloseNotification", "u",
                                       (notification_id,)))
        self._dispatch()

    def _read(self) -> None:
        try:
            while True:
                message = self._conn.receive(timeout=0)
                self._signals.append(message)
        except TimeoutError:
            pass
        except (OSError, ValueError) as error:  # the bus went away
            log.warning("notification server connection lost: %s", error)
            self._notifier.setEnabled(False)
        self._dispatch()

    def _dispatch(self) -> None:
        while self._signals:
            message = self._signals.popleft()
            if message.header.message_type is not MessageType.signal:
                continue
            member = message.header.fields.get(HeaderFields.member)
            if member == "ActionInvoked":
                notification_id, key = message.body
                self.actionInvoked.emit(int(notification_id), str(key))
            elif member == "NotificationClosed":
                notification_id, reason = message.body
                self.closed.emit(int(notification_id), int(reason))

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._filter.close()
        self._conn.close()
