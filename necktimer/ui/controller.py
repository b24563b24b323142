"""The one state machine between the session service and everything on screen.

The window, the tray, the notifications and the command socket all call these
methods and listen to these signals; none of them touches the store or the
rules directly. The controller wakes itself with a single-shot QTimer at the
next moment something is due (see core.schedule), and re-reads the wall clock
on every wake so a suspended laptop shows the right thing at once.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from necktimer.core import schedule
from necktimer.core.rules import State, Status, Therapy
from necktimer.core.service import Ended, Outcome, SessionService

log = logging.getLogger("necktimer.controller")

# A wall clock that moves this much further than the monotonic clock between
# two wakes means the laptop slept (or the clock was set).
JUMP_THRESHOLD = timedelta(seconds=20)
A_MINUTE = timedelta(minutes=1)
ADVICE_EVERY = 600.0  # seconds of running time between two one-week checks


class Controller(QObject):
    statusChanged = Signal(object)  # Status
    sessionStarted = Signal(object)  # Outcome
    sessionStopped = Signal(object)  # Outcome
    sessionEnded = Signal(object)  # Ended: reached its end by itself
    removalReminder = Signal(object, int)  # Session, how many times reminded so far
    removalAcknowledged = Signal(object)  # Session
    gapOver = Signal(object)  # Session whose gap ended
    announcement = Signal(str)  # a state change worth telling a screen reader, once
    wallClockJumped = Signal(float)  # seconds
    adviceChanged = Signal(object)  # diary.Advice: whether to suggest seeing a physician

    def __init__(self, service: SessionService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._visible = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.refresh)
        self.wakeups = 0  # counted for the wake-up benchmark
        self._reminder_session: int | None = None
        self._reminder_count = 0
        self._last_reminder: datetime | None = None
        self._minute_warned: int | None = None
        self._last_wall: datetime | None = None
        self._last_mono: float | None = None
        self._next_wake: timedelta | None = None
        self._advice_checked: float | None = None
        self._shut_down = False
        self.status: Status = service.status()

    # -- requests from any front end -----------------------------------------------

    def start(self, therapy: Therapy, minutes: int | None = None) -> Outcome:
        outcome = self.service.start(therapy, minutes)
        if outcome.ok:
            self._clear_reminder()
            self.announcement.emit(outcome.message)
            self.sessionStarted.emit(outcome)
            self.check_advice()
        self.refresh()
        return outcome

    def stop(self) -> Outcome:
        outcome = self.service.stop()
        if outcome.ok:
            self._clear_reminder()
            self.announcement.emit(outcome.message)
            self.sessionStopped.emit(outcome)
        self.refresh()
        return outcome

    def acknowledge_removal(self) -> bool:
        session = self.service.acknowledge_removal()
        self._clear_reminder()
        if session is not None:
            self.removalAcknowledged.emit(session)
        self.refresh()
        return session is not None

    def recover(self) -> list[Ended]:
        """Run once at start-up, after the UI is connected, so it can tell the user."""
        ended = self.service.recover()
        for item in ended:
            self.sessionEnded.emit(item)
        self.check_advice()
        self.refresh()
        return ended

    def check_advice(self) -> None:
        """Run the one-week physician check and tell the window."""
        self._advice_checked = self.service.clock.monotonic()
        self.adviceChanged.emit(self.service.physician_advice())

    def snooze_advice(self) -> None:
        self.service.snooze_physician_advice()
        self.check_advice()

    def set_countdown_visible(self, visible: bool) -> None:
        """A visible countdown ticks every second; a hidden one only when something is due."""
        if visible != self._visible:
            self._visible = visible
            self.refresh()

    @property
    def reminder_pending(self) -> bool:
        return self._reminder_session is not None

    @property
    def next_wake(self) -> timedelta | None:
        """How long until the controller's timer fires; None when it is not running."""
        return self._next_wake if self._timer.isActive() else None

    # -- the wake-up ----------------------------------------------------------------------

    def refresh(self) -> None:
        if self._shut_down:
            return
        self.wakeups += 1
        self._notice_jump()
        for item in self.service.tick():
            self.sessionEnded.emit(item)
            self.announcement.emit(
                f"Time's up — remove the {item.session.therapy.pack}."
            )
        self.status = self.service.status()
        self._warn_last_minute(self.status)
        self._remind_removal()
        self._tell_gap_over()
        checked = self._advice_checked
        if checked is not None and self.service.clock.monotonic() - checked >= ADVICE_EVERY:
            self.check_advice()
        self.statusChanged.emit(self.status)
        self._reschedule()

    def _notice_jump(self) -> None:
        clock = self.service.clock.source
        wall, mono = clock.now(), clock.monotonic()
        if self._last_wall is not None and self._last_mono is not None:
            jump = (wall - self._last_wall) - timedelta(seconds=mono - self._last_mono)
            if abs(jump) >= JUMP_THRESHOLD:
                log.info("wall clock moved %+.0f s between wakes (suspend or clock change)",
                         jump.total_seconds())
                self.wallClockJumped.emit(jump.total_seconds())
        self._last_wall, self._last_mono = wall, mono

    def _warn_last_minute(self, status: Status) -> None:
        if status.state is not State.RUNNING or status.session is None:
            return
        session = status.session
        last_minute = status.remaining is not None and timedelta(0) < status.remaining <= A_MINUTE
        # A one-minute session starts in its last minute: nothing to warn about.
        if last_minute and self._minute_warned != session.id and session.planned_length > A_MINUTE:
            self._minute_warned = session.id
            self.announcement.emit(f"One minute left of the {session.therapy.value} session.")

    def _remind_removal(self) -> None:
        pending = self.service.pending_removal()
        if pending is None:
            self._clear_reminder()
            return
        now = self.service.now()
        if self._reminder_session != pending.id:
            self._reminder_session, self._reminder_count, self._last_reminder = pending.id, 0, None
        if self._last_reminder is None or now - self._last_reminder >= schedule.REMINDER_REPEAT:
            self._reminder_count += 1
            self._last_reminder = now
            self.removalReminder.emit(pending, self._reminder_count)

    def _tell_gap_over(self) -> None:
        session = self.service.gap_over_due()
        if session is None:
            return
        self.service.mark_gap_noticed(session)
        if self.service.settings.gap_reminder:
            self.announcement.emit("You may apply ice or heat again.")
            self.gapOver.emit(session)

    def _clear_reminder(self) -> None:
        self._reminder_session, self._reminder_count, self._last_reminder = None, 0, None

    def _reschedule(self) -> None:
        next_reminder = (
            self._last_reminder + schedule.REMINDER_REPEAT if self._last_reminder else None
        )
        self._next_wake = schedule.next_wake(
            self.status,
            visible=self._visible,
            next_reminder_at=next_reminder,
            watch_gap=self.service.settings.gap_reminder,
        )
        if self._next_wake is None:
            self._timer.stop()
            return
        # Never 0 ms: a session ending exactly now is handled on this wake already.
        milliseconds = max(50, int(self._next_wake.total_seconds() * 1000) + 20)
        self._timer.start(milliseconds)

    def shutdown(self) -> None:
        self._shut_down = True
        self._timer.stop()
