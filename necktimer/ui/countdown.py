"""The running session's digits and arc, moved on by the window itself every second.

The controller publishes a new view state when anything shown at minute
precision changes (the sentence, the tray, a banner) and at every event (the
heads-up, the end). Between those, only the ring's digits and arc move, so the
ring moves them on its own: it keeps how much time was left when the state was
published and the boot clock's reading then, and each second shows what is left
now. Deriving and redrawing the whole view every second kept each tick past the
scheduler's slice (README, "Benchmarks").

The boot clock cannot be set and counts through suspend, so a clock change or a
laptop asleep never makes the digits wrong; the session's end itself is always
the controller's event, not this timer's.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor

from necktimer.core.clock import Clock
from necktimer.core.humanize import format_countdown
from necktimer.core.schedule import SECOND, to_next_step
from necktimer.ui.ring import CountdownRing


class Countdown(QObject):
    """Moves a ring's countdown on every second while it is on screen."""

    def __init__(self, ring: CountdownRing, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ring = ring
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Qt's default coarse timers may fire up to 5% early, before the digits change.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._on_screen = False
        # What the last published state said: (time left, boot clock then), the
        # session's length, and the ring's colour and caption.
        self._anchor: tuple[timedelta, float] | None = None
        self._length = timedelta(0)
        self._color = QColor()
        self._caption = ""

    def follow(self, left: timedelta, length: timedelta, color: QColor, caption: str) -> None:
        """A session runs with `left` of its `length` to go, as of now."""
        self._anchor = (left, self._clock.boottime())
        self._length, self._color, self._caption = length, color, caption
        self.tick()

    def stop(self) -> None:
        """No session is counting down: the ring shows something else."""
        self._anchor = None
        self._timer.stop()

    def set_on_screen(self, on_screen: bool) -> None:
        """A countdown nobody can see does not tick; shown again, it catches up at once."""
        if on_screen != self._on_screen:
            self._on_screen = on_screen
            if on_screen and self._anchor is not None:
                self.tick()
            else:
                self._timer.stop()

    @property
    def next_tick(self) -> timedelta | None:
        """How long until the digits move next; None when nothing ticks."""
        return timedelta(milliseconds=self._timer.remainingTime()) \
            if self._timer.isActive() else None

    def left(self) -> timedelta | None:
        """The time left now, as the ring shows it; None when no session counts down."""
        if self._anchor is None:
            return None
        then_left, then = self._anchor
        passed = timedelta(seconds=max(0.0, self._clock.boottime() - then))
        return max(then_left - passed, timedelta(0))

    def tick(self) -> None:
        """Show the time left now, and plan the next second (the timer calls it)."""
        left = self.left()
        if left is None:
            return
        fraction = left / self._length if self._length else 0.0
        self._ring.set_state(fraction, self._color, format_countdown(left), self._caption)
        if self._on_screen and left > timedelta(0):
            # Just after the digits change (never 0 ms: this change was shown already).
            wait = to_next_step(left, SECOND)
            self._timer.start(max(20, int(wait.total_seconds() * 1000) + 5))
        else:
            self._timer.stop()
