"""When the program next needs to wake up, so it sleeps when nothing is due.

There is one timer, set to the earliest of the moments below; with nothing
pending there is no timer at all:

* the events: the session's end, the one-minute heads-up, the next repeat of
  the pack-off reminder, the end of the gap (when someone is told about it),
  the end of a stop's undo offer, a retry of a write that failed;
* the display: when the minutes shown change (the window's sentence, the
  tray), every second of the last minute of a session or a gap while the
  window's sentence shows it in seconds, each second of a stop's undo offer while
  the window shows it, and midnight while the next session is
  allowed on a later day ("08:55 tomorrow" must read "08:55" from then on).
  The ring's digits move every second on their own timer (ui.countdown), so
  the whole view is not derived and redrawn for them.

Qt's timers stop during suspend; the resume signal wakes the program instead,
and where the desktop has none, a pack that is on is checked at least once a
minute.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from necktimer.core.i18n import rounded_up, start_of_day, today
from necktimer.core.rules import State, Status
from necktimer.core.value import value

SECOND = timedelta(seconds=1)
MINUTE = timedelta(minutes=1)
REMINDER_REPEAT = timedelta(minutes=1)
HEADS_UP = timedelta(minutes=1)
NO_RESUME_SIGNAL_CHECK = timedelta(minutes=1)
TRAY_GAP_STEP = timedelta(minutes=5)  # the tray's grey ring moves in steps this long


@value
class Plan:
    """What is pending besides the status itself."""

    window_visible: bool = False  # the window's sentence shows whole minutes (seconds at the end)
    tray: bool = False  # the tray's tooltip and ring show whole minutes
    heads_up_pending: bool = False  # the one-minute heads-up has not gone out yet
    gap_watched: bool = False  # someone is to be told when the gap is over
    next_reminder_at: datetime | None = None
    undo_until: datetime | None = None
    retry_at: datetime | None = None
    resume_signal: bool = True  # logind tells us about resume from suspend


def next_wake(status: Status, plan: Plan) -> timedelta | None:
    """Time until the next wake-up, or None when nothing is pending at all."""
    now = status.now
    due: list[timedelta] = []
    pack_on = plan.next_reminder_at is not None
    if status.state is State.RUNNING and status.remaining is not None:
        pack_on = True
        due.append(status.remaining)
        if plan.heads_up_pending and status.remaining > HEADS_UP:
            due.append(status.remaining - HEADS_UP)
        if plan.window_visible:
            due.append(_to_next_word(status.remaining))
        elif plan.tray:
            due.append(to_next_step(status.remaining, MINUTE))
    elif status.state is State.WAITING and status.wait is not None:
        if plan.gap_watched or plan.window_visible or plan.tray:
            due.append(status.wait)
        if plan.window_visible:
            due.append(_to_next_word(status.wait))
        elif plan.tray:
            due.append(to_next_step(status.wait, TRAY_GAP_STEP))
    if plan.window_visible and status.awaiting_removal:
        # "(at 11:31 if it is off now)" moves with the clock: its time, rounded up, reads
        # one minute later as each minute turns. (Waking with the gap's fixed length, it
        # read a minute behind what a terminal said at the same moment.)
        due.append(_to_next_minute(now))
    if (plan.window_visible or plan.tray) and (midnight := _to_midnight(status)) is not None:
        due.append(midnight)
    if plan.window_visible and plan.undo_until is not None and plan.undo_until > now:
        due.append(to_next_step(plan.undo_until - now, SECOND))  # the banner's seconds
    for moment in (plan.next_reminder_at, plan.undo_until, plan.retry_at):
        if moment is not None:
            due.append(moment - now)
    if pack_on and not plan.resume_signal:
        due.append(NO_RESUME_SIGNAL_CHECK)
    if not due:
        return None
    return max(min(due), timedelta(0))


def _to_midnight(status: Status) -> timedelta | None:
    """How long until "tomorrow" (or a date) in the allowed time must change, if it says one:
    the time is shown rounded up to its minute (i18n.allowed_time)."""
    allowed = status.next_allowed_at
    if allowed is None or status.state not in (State.RUNNING, State.WAITING):
        return None
    day = today(status.now)
    if rounded_up(allowed).date() <= day:
        return None
    return start_of_day(day + timedelta(days=1)) - status.now


def _to_next_minute(now: datetime) -> timedelta:
    """How long until the clock's minute turns (zero on the turn itself: a time rounded up
    reads one minute later just after it)."""
    into = timedelta(seconds=now.second, microseconds=now.microsecond)
    return MINUTE - into if into else timedelta(0)


def _to_next_word(left: timedelta) -> timedelta:
    """How long until the window's sentence changes: it says "in 14 min", and
    "in 59 s" in the last minute (humanize.format_duration)."""
    return to_next_step(left, SECOND if left <= MINUTE else MINUTE)


def to_next_step(left: timedelta, step: timedelta) -> timedelta:
    """How long until `left`, shown rounded up to whole steps, shows one step less."""
    seconds, size = left.total_seconds(), step.total_seconds()
    steps_shown = math.ceil(seconds / size)
    return timedelta(seconds=max(seconds - (steps_shown - 1) * size, 0.0))
