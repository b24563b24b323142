"""Gets each reminder to the user through the first channel that can deliver it.

The order is decided here and nowhere else: desktop notifications over D-Bus,
else the tray icon's balloon, else the window (its banner follows the view
state; the window is marked for attention). A channel that fails is dropped
with one log line and the same alert goes to the next. The chime plays on top,
unless the channel brings its own sound. Adding a channel means writing one
class in `ui/channels/` and listing it in `channels_in_order`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject

from necktimer.core.alerts import Alert, Kind
from necktimer.ui.channels.base import Channel, ChannelError

log = logging.getLogger("necktimer.notify")


class Chime(Protocol):
    def play(self) -> bool: ...


def channels_in_order(*, dbus_address: str | None, tray_icon, window, sound_file: str | None,
                      sound: Callable[[], bool]) -> list[Channel]:
    """The channels this desktop offers, best first."""
    from necktimer.ui.channels.tray_balloon import TrayBalloon
    from necktimer.ui.channels.window_alert import WindowAlert

    found: list[Channel] = []
    if dbus_address:
        from necktimer.ui.channels.desktop_notifications import DesktopNotifications

        desktop = DesktopNotifications.connect(dbus_address, sound_file=sound_file, sound=sound)
        if desktop is not None:
            found.append(desktop)
    else:
        log.info("no session bus: no desktop notifications")
    if tray_icon is not None:
        found.append(TrayBalloon(tray_icon))
    found.append(WindowAlert(window))
    return found


class ReminderCenter(QObject):
    def __init__(self, controller, channels: list[Channel], *, chime: Chime | None,
                 sound: Callable[[], bool], show_window: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._channels = list(channels)
        self._chime = chime
        self._sound = sound
        for channel in self._channels:
            channel.setParent(self)
            channel.removalConfirmed.connect(controller.acknowledge_removal)
            channel.removedAtEnd.connect(lambda: controller.acknowledge_removal(at_end=True))
            channel.showRequested.connect(show_window)
            channel.failed.connect(lambda reason, c=channel: self._drop(c, reason))
        controller.alert.connect(self.deliver)
        controller.alertWithdrawn.connect(self.withdraw)
        self.used: str | None = None  # the channel the latest alert went through

    @property
    def channel_names(self) -> list[str]:
        return [channel.name for channel in self._channels]

    def deliver(self, alert: Alert) -> None:
        for channel in list(self._channels):
            if not channel.available():
                continue
            try:
                channel.deliver(alert)
            except ChannelError as error:
                self._drop(channel, str(error))
                continue
            self.used = channel.name
            if (alert.kind is Kind.TIME_UP and self._chime is not None and self._sound()
                    and not channel.plays_sound):
                self._chime.play()
            return
        log.error("no channel could deliver %r", alert.summary)

    def withdraw(self, kind: Kind) -> None:
        for channel in self._channels:
            channel.withdraw(kind)

    def desktop_id(self, kind: Kind) -> int:
        """The desktop notification now showing the alert of `kind`, or 0."""
        return next((i for c in self._channels if (i := c.desktop_id(kind))), 0)

    def let_go(self, kind: Kind) -> None:
        """Leave the alert of `kind` on screen at `close`: the backstop takes it over."""
        for channel in self._channels:
            channel.let_go(kind)

    def close(self) -> None:
        for channel in self._channels:
            channel.close()

    def _drop(self, channel: Channel, reason: str) -> None:
        if channel in self._channels and len(self._channels) > 1:
            self._channels.remove(channel)
            log.warning("%s failed (%s); reminders now go to %s", channel.name, reason,
                        self._channels[0].name)
