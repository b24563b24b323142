"""A client of the desktop's notification server (org.freedesktop.Notifications), without Qt.

Why not QtDBus: PySide6 offers no way to send an unsigned D-Bus integer (a
Python int goes out as int32, see QDBusArgument's `<<` in the PySide6 docs,
https://doc.qt.io/qtforpython-6/PySide6/QtDBus/QDBusArgument.html), but
`Notify` takes its replaces_id as a uint32 ('u'), which strict servers check.
No PySide bug report for this was found. jeepney (pure Python) speaks the wire
protocol instead, which also keeps QtDBus's library and thread out of the app
and lets the Qt-free backstop process use the same client. The window watches
`fileno()` with a QSocketNotifier; the backstop waits on it with select().
"""

from __future__ import annotations

import contextlib
import logging
from collections import deque

from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

from necktimer import APP_ID
from necktimer.core.alerts import CATEGORY_TIME_UP, SOUND_NAME, Alert, Kind
from necktimer.core.value import value

log = logging.getLogger("necktimer.notify")

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS = DBusAddress(PATH, bus_name=NAME, interface=NAME)
CALL_TIMEOUT = 2.0  # seconds; a desktop that takes longer is treated as absent
CLOSED_BY_CALL = 3  # NotificationClosed reason: we closed it


class NotificationsUnavailable(Exception):
    """No notification server answered on the session bus (or it stopped answering)."""


@value
class ServerSignal:
    member: str  # "ActionInvoked" or "NotificationClosed"
    notification_id: int
    value: str | int  # the action key, or the close reason


class NotificationClient:
    def __init__(self, address: str = "SESSION") -> None:
        try:
            self._conn: DBusConnection = open_dbus_connection(address)
        except Exception as error:  # no bus, refused, bad address: all mean "not here"
            raise NotificationsUnavailable(f"no session bus ({error})") from error
        self._signals: deque = deque()
        rule = MatchRule(type="signal", interface=NAME, path=PATH)
        self._filter = self._conn.filter(rule, queue=self._signals)
        try:
            self._call(message_bus.AddMatch(rule))
            reply = self._call(new_method_call(NOTIFICATIONS, "GetCapabilities"))
        except Exception as error:
            self._conn.close()
            raise NotificationsUnavailable(f"no notification server ({error})") from error
        self.capabilities: frozenset[str] = frozenset(reply[0])

    def fileno(self) -> int:
        return self._conn.sock.fileno()

    @property
    def plays_sound(self) -> bool:
        return "sound" in self.capabilities

    def _call(self, message) -> tuple:
        try:
            reply = self._conn.send_and_get_reply(message, timeout=CALL_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as error:
            raise NotificationsUnavailable(str(error)) from error
        if reply.header.message_type is MessageType.error:
            name = reply.header.fields.get(HeaderFields.error_name, "error")
            raise NotificationsUnavailable(f"{name}: {reply.body}")
        return reply.body

    def show(self, alert: Alert, *, replaces_id: int = 0, sound_file: str | None = None,
             sound: bool = True, app_name: str = "necktimer") -> int:
        """Show (or replace) a notification; returns its id. Raises NotificationsUnavailable."""
        hints: dict[str, tuple[str, object]] = {
            "urgency": ("y", int(alert.urgency)),
            "desktop-entry": ("s", APP_ID),
        }
        if alert.kind is Kind.TIME_UP:
            hints["category"] = ("s", CATEGORY_TIME_UP)
            hints["resident"] = ("b", True)
            if sound:
                if sound_file:
                    hints["sound-file"] = ("s", sound_file)
                hints["sound-name"] = ("s", SOUND_NAME)
        if not sound or alert.kind is not Kind.TIME_UP:
            hints["suppress-sound"] = ("b", True)
        actions = [part for pair in alert.actions for part in pair]
        timeout = 0 if alert.sticky else -1
        message = new_method_call(
            NOTIFICATIONS, "Notify", "susssasa{sv}i",
            (app_name, replaces_id, APP_ID, alert.summary, alert.body, actions, hints, timeout),
        )
        (notification_id,) = self._call(message)
        return int(notification_id)

    def close_notification(self, notification_id: int) -> None:
        with contextlib.suppress(NotificationsUnavailable):
            self._call(new_method_call(NOTIFICATIONS, "CloseNotification", "u",
                                       (notification_id,)))

    def read_signals(self) -> list[ServerSignal]:
        """Signals that arrived (non-blocking). Raises NotificationsUnavailable if the bus went."""
        try:
            while True:
                self._signals.append(self._conn.receive(timeout=0))
        except TimeoutError:
            pass
        except (OSError, ValueError) as error:
            raise NotificationsUnavailable(f"connection lost: {error}") from error
        found = []
        while self._signals:
            message = self._signals.popleft()
            if message.header.message_type is not MessageType.signal:
                continue
            member = message.header.fields.get(HeaderFields.member)
            if member in ("ActionInvoked", "NotificationClosed"):
                notification_id, value = message.body
                found.append(ServerSignal(member, int(notification_id), value))
        return found

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._filter.close()
        with contextlib.suppress(Exception):
            self._conn.close()
