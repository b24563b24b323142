"""What every reminder channel offers: deliver an alert, take it back, report trouble."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from necktimer.core.alerts import Alert, Kind


class ChannelError(Exception):
    """The channel cannot deliver any more; the next one in line takes over."""


class Channel(QObject):
    """One way of reaching the user. Subclasses own their output and nothing else."""

    name = "channel"
    removalConfirmed = Signal()  # the user said the pack is off, here
    removedAtEnd = Signal()  # ... and that it came off when the session ended (late confirmation)
    showRequested = Signal()  # the user wants the window
    failed = Signal(str)  # this channel broke while in use (not in answer to deliver)

    def available(self) -> bool:
        """Can this channel reach the user right now? Asked before every alert."""
        return True

    @property
    def plays_sound(self) -> bool:
        """The alert comes with its own sound, so the app's chime would be a second one."""
        return False

    def deliver(self, alert: Alert) -> None:
        """Show the alert (replacing an earlier one of its kind); raise ChannelError if unable."""
        raise NotImplementedError

    def withdraw(self, kind: Kind) -> None:
        """Take back an alert that no longer applies (the pack is off, a session started)."""

    def desktop_id(self, kind: Kind) -> int:
        """The notification server's id for the alert of `kind` on screen; 0 when none (or
        not a desktop notification). The backstop replaces that one if this process dies."""
        return 0

    def let_go(self, kind: Kind) -> None:
        """Leave the alert of `kind` on screen when this channel closes: another process
        (the backstop) has been told of it and takes it over."""

    def close(self) -> None:
        """Take back everything still shown (but what was let go); the app is quitting."""
