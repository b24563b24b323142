"""The safety rules: how long a session may last and when the next one may start.

Everything here is a pure function of the recorded sessions and the current
time. The window, the tray, the command line and a second launch all ask these
functions, so no entry point can bend a rule.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from necktimer.core.humanize import format_clock, format_duration

MIN_MINUTES = 1
MAX_MINUTES = 15
DEFAULT_MINUTES = 15
CAP = timedelta(minutes=MAX_MINUTES)
MIN_GAP = timedelta(hours=2)
MAX_GAP = timedelta(hours=12)
GRACE = timedelta(seconds=60)


class Therapy(enum.StrEnum):
    ICE = "ice"
    HEAT = "heat"

    @property
    def label(self) -> str:
        return "Ice" if self is Therapy.ICE else "Heat"

    @property
    def pack(self) -> str:
        return "ice pack" if self is Therapy.ICE else "heat pack"


class EndReason(enum.StrEnum):
    COMPLETED = "completed"  # ran to its planned end
    STOPPED = "stopped"  # the user stopped it after the grace period
    CANCELLED = "cancelled"  # stopped within GRACE: a mis-start, no gap follows
    INTERRUPTED = "interrupted"  # closed at recovery because the clock could not be trusted


class State(enum.StrEnum):
    READY = "ready"
    RUNNING = "running"
    WAITING = "waiting"


@dataclass(frozen=True)
class Session:
    id: int
    therapy: Therapy
    started_at: datetime
    planned_end: datetime
    ended_at: datetime | None = None
    end_reason: EndReason | None = None
    removed_at: datetime | None = None
    pain_before: int | None = None  # 0-10, from the pain diary
    pain_after: int | None = None
    note: str | None = None

    @property
    def planned_length(self) -> timedelta:
        return self.planned_end - self.started_at

    def end_at(self, now: datetime) -> datetime | None:
        """When the session ended, or None while it still runs at `now`."""
        if self.ended_at is not None:
            return min(self.ended_at, self.planned_end)
        if now >= self.planned_end:
            return self.planned_end
        return None

    @property
    def counts_for_gap(self) -> bool:
        return self.end_reason is not EndReason.CANCELLED


@dataclass(frozen=True)
class Status:
    """What the rules say at one instant, in a form every front end can show."""

    state: State
    now: datetime
    session: Session | None = None  # the running one, or the one the gap follows
    remaining: timedelta | None = None  # time left of the running session
    wait: timedelta | None = None  # time left of the gap
    gap: timedelta = MIN_GAP

    @property
    def therapy(self) -> Therapy | None:
        return self.session.therapy if self.state is State.RUNNING and self.session else None

    @property
    def ends_at(self) -> datetime | None:
        return self.now + self.remaining if self.remaining is not None else None

    @property
    def next_allowed_at(self) -> datetime | None:
        if self.state is State.READY:
            return None
        if self.state is State.WAITING:
            return self.now + (self.wait or timedelta(0))
        # While running, the next session is allowed one gap after this one ends.
        return self.now + (self.remaining or timedelta(0)) + self.gap

    def sentence(self, local_tz=None) -> str:
        """One line saying what the user may do now and when."""
        if self.state is State.READY:
            return "Ready: you may start an ice or heat session now."
        if self.state is State.RUNNING:
            assert self.session is not None and self.remaining is not None
            ends = format_clock(self.ends_at, local_tz)
            return (
                f"{self.session.therapy.label} session running — ends at {ends} "
                f"(in {format_duration(self.remaining)}). "
                f"Next session allowed at {format_clock(self.next_allowed_at, local_tz)}."
            )
        return allowed_at_sentence(self.next_allowed_at, self.wait, local_tz)


def allowed_at_sentence(at: datetime | None, wait: timedelta | None, local_tz=None) -> str:
    return f"Next session allowed at {format_clock(at, local_tz)} — in {format_duration(wait)}."


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str
    allowed_at: datetime | None = None


def clamp_gap(gap: timedelta) -> timedelta:
    return min(max(gap, MIN_GAP), MAX_GAP)


def evaluate(history: Iterable[Session], now: datetime, gap: timedelta = MIN_GAP) -> Status:
    """The state at `now` given every recorded session (any order, any length)."""
    gap = clamp_gap(gap)
    running: Session | None = None
    last_counted: Session | None = None
    last_end: datetime | None = None
    for session in history:
        end = session.end_at(now)
        if end is None:
            if running is None or session.started_at > running.started_at:
                running = session
            continue
        if session.counts_for_gap and (last_end is None or end > last_end):
            last_counted, last_end = session, end
    if running is not None:
        # Never more than the session's own length or the cap, never negative,
        # whatever the clock did since it started.
        remaining = min(running.planned_end - now, running.planned_length, CAP)
        return Status(State.RUNNING, now, running, max(remaining, timedelta(0)), gap=gap)
    if last_counted is not None and last_end is not None:
        wait = min(last_end + gap - now, gap)
        if wait > timedelta(0):
            return Status(State.WAITING, now, last_counted, wait=wait, gap=gap)
    return Status(State.READY, now, gap=gap)


def check_minutes(minutes: int) -> int:
    """Accept a session length in whole minutes from MIN_MINUTES to MAX_MINUTES, or raise."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValueError(f"The length must be a whole number of minutes, not {minutes!r}.")
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(
            f"A session lasts {MIN_MINUTES} to {MAX_MINUTES} minutes; {minutes} is not allowed."
        )
    return minutes


def may_start(status: Status, local_tz=None) -> Decision:
    """May a new session (ice or heat) start now?"""
    if status.state is State.READY:
        return Decision(True, "You may start a session now.")
    at = status.next_allowed_at
    if status.state is State.RUNNING:
        assert status.session is not None
        return Decision(
            False,
            f"The {status.session.therapy.value} session is still running. "
            + allowed_at_sentence(at, at - status.now if at else None, local_tz),
            at,
        )
    return Decision(
        False,
        f"Ice or heat should stay off the skin for {format_duration(status.gap)} "
        "after a session. "
        + status.sentence(local_tz),
        at,
    )


def stop_reason(session: Session, now: datetime) -> EndReason:
    """A stop within the grace period is a mis-start; later it is a real, gap-starting stop."""
    return EndReason.CANCELLED if now - session.started_at < GRACE else EndReason.STOPPED
