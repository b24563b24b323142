"""When the program next needs to wake up, so it sleeps when nothing is due."""

from __future__ import annotations

from datetime import datetime, timedelta

from necktimer.core.rules import State, Status

VISIBLE_TICK = timedelta(seconds=1)  # a countdown on screen changes every second
HIDDEN_RUNNING_TICK = timedelta(seconds=5)  # notice a suspend soon after waking
HIDDEN_WAITING_TICK = timedelta(minutes=1)  # the gap-over reminder may be a minute late
REMINDER_REPEAT = timedelta(minutes=1)


def next_wake(
    status: Status,
    *,
    visible: bool,
    next_reminder_at: datetime | None = None,
    watch_gap: bool = True,
) -> timedelta | None:
    """Time until the next wake-up, or None when nothing is pending at all.

    Qt timers count monotonic time, which stops while a laptop is suspended, so
    long waits are cut into ticks that re-read the wall clock.
    """
    due: list[timedelta] = []
    if status.state is State.RUNNING and status.remaining is not None:
        due.append(status.remaining)
        due.append(VISIBLE_TICK if visible else HIDDEN_RUNNING_TICK)
    elif status.state is State.WAITING and status.wait is not None:
        if visible:
            due.append(VISIBLE_TICK)
        if watch_gap or visible:
            due.append(status.wait)
            due.append(HIDDEN_WAITING_TICK)
    if next_reminder_at is not None:
        due.append(max(next_reminder_at - status.now, timedelta(0)))
        due.append(HIDDEN_RUNNING_TICK)
    if not due:
        return None
    return max(min(due), timedelta(0))
