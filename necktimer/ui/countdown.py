"""The running session's digits and arc, moved on by the window itself every second.

The controller publishes a new view state when anything shown at minute
precision changes (the sentence's "in 14 min", the tray) and at every event
(the heads-up, the end). Between those, only the ring's digits and arc move, so
the ring moves them on its own: it keeps how much time was left when the state
was shown and the boot clock's reading then, and each second shows what is left
now. Deriving and redrawing the whole view every second kept each tick past the
scheduler's slice (README, "Benchmarks").

The boot clock cannot be set and counts through suspend, so a clock change or a
laptop asleep never makes the digits wrong. The session's end is the controller's
event, not this timer's; but when the countdown sees the end, or time pass that
its timer did not (a suspend), it says so (`behind`), so that the rest of the view
is brought up to date at once rather than at the controller's next planned wake.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor

from necktimer.core.clock import Clock
from necktimer.core.humanize import format_countdown
from necktimer.core.schedule import SECOND, to_next_step
from necktimer.ui.ring import CountdownRing

UNSEEN = 2.0  # seconds between ticks beyond which time passed that the timer missed


class Countdown(QObject):
    """Moves a ring's countdown on every second while it is on screen."""

    behind = Signal()  # the end has come, or time passed unseen: look at everything again

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
        # What the state last shown said: (time left, the boot clock when it was shown),
        # the session's length, and the ring's colour and caption.
        self._anchor: tuple[timedelta, float] | None = None
        self._length = timedelta(0)
        self._color = QColor()
        self._caption = ""
        self._last_tick: float | None = None  # boot clock at the last tick on screen

    def follow(self, left: timedelta, length: timedelta, color: QColor, caption: str) -> None:
        """A session runs with `left` of its `length` to go. The state saying so was
        derived a moment ago (a few milliseconds: the digits may change that much late)."""
        self._anchor = (left, self._clock.boottime())
        self._length, self._color, self._caption = length, color, caption
        self._last_tick = None  # the state was just derived: nothing is behind
        self.tick()

    def stop(self) -> None:
        """No session is counting down: the ring shows something else."""
        self._anchor = None
        self._last_tick = None
        self._timer.stop()

    def set_on_screen(self, on_screen: bool) -> None:
        """A countdown nobody can see does not tick; shown again, it catches up at once."""
        if on_screen != self._on_screen:
            self._on_screen = on_screen
            self._last_tick = None
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
        now, last = self._clock.boottime(), self._last_tick
        if not self._on_screen:
            self._timer.stop()
            return
        if left > timedelta(0):
            self._last_tick = now
            # Just after the digits change (never 0 ms: this change was shown already).
            wait = to_next_step(left, SECOND)
            self._timer.start(max(20, int(wait.total_seconds() * 1000) + 5))
            if last is not None and now - last > UNSEEN:
                self.behind.emit()  # a suspend the controller's timer slept through
        else:
            self._timer.stop()
            self._last_tick = None
            self.behind.emit()  # the end: "Off now" must not wait for another timer
