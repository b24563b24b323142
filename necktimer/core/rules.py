"""The safety rules: how long a session may last and when the next one may start.

Everything here is a pure function of the recorded sessions and the current
time. The window, the tray, the command line, a second launch and the backstop
all ask these functions, so no entry point can bend a rule:

* cap: a session lasts at most 15 minutes;
* gap: the next session (ice or heat) may start 2 hours after the last counted
  one ended (settings may lengthen it, never shorten it), or after its pack came
  off if that was later: while nobody has said it is off, the gap has not begun;
* mis-start: a session stopped within its first 60 seconds is cancelled and
  starts no gap, but its time counts toward the cycle;
* cycle: all application since the last full rest adds up to at most 15 minutes,
  so mis-starts cannot be chained into continuous icing. A full rest is one gap
  without any application.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import field
from datetime import datetime, timedelta

from necktimer.core.humanize import format_duration, format_precise
from necktimer.core.i18n import allowed_time, arg, clock_time, translate
from necktimer.core.timeline import Mark
from necktimer.core.value import value

MIN_MINUTES = 1
MAX_MINUTES = 15
DEFAULT_MINUTES = 15
CAP = timedelta(minutes=MAX_MINUTES)
MIN_GAP = timedelta(hours=2)
MAX_GAP = timedelta(hours=12)
GRACE = timedelta(seconds=60)
# A cycle with less than this left is used up: the gap starts from the last mis-start.
SHORTEST = timedelta(seconds=5)
# How long after a session ended by itself the pack may still be on: until someone says it
# came off, the gap waits. Past this the pack is taken as off (then, not at the end, so that
# not confirming never lifts the gap early), and the gap follows.
PACK_WATCH = timedelta(hours=12)
# Confirmed this long after the end, "the pack is off" may mean "it came off at the end":
# the window and the terminal then offer to say so.
LATE_CONFIRMATION = timedelta(minutes=2)
# A session recorded as starting this much later than now was timed by no clock of this
# machine (a process with a shifted clock, a hand-edited file): see Session.end_at. Until
# now reaches its start it keeps its whole length, so this is also the most it can run
# past 15 minutes: a mark of this boot is placed to within a second (timeline).
FROM_THE_FUTURE = timedelta(seconds=2)


class Therapy(enum.StrEnum):
    ICE = "ice"
    HEAT = "heat"

    @property
    def label(self) -> str:
        if self is Therapy.ICE:
            return translate("Therapy", "Ice")
        return translate("Therapy", "Heat")


class EndReason(enum.StrEnum):
    COMPLETED = "completed"  # ran to its planned end
    STOPPED = "stopped"  # the user stopped it after the grace period
    CANCELLED = "cancelled"  # stopped within GRACE: a mis-start, no gap follows
    INTERRUPTED = "interrupted"  # closed at recovery because the clock could not be trusted

    @property
    def label(self) -> str:
        return {
            EndReason.COMPLETED: translate("EndReason", "completed"),
            EndReason.STOPPED: translate("EndReason", "stopped"),
            EndReason.CANCELLED: translate("EndReason", "cancelled"),
            EndReason.INTERRUPTED: translate("EndReason", "interrupted"),
        }[self]


class State(enum.StrEnum):
    READY = "ready"
    RUNNING = "running"
    WAITING = "waiting"
    UNKNOWN = "unknown"  # the history was lost: ask when the last pack came off


@value
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
    start_mark: Mark | None = field(default=None, compare=False)
    end_mark: Mark | None = field(default=None, compare=False)
    closed_while_away: bool = False
    # Where the pack came off on the boot clock: a wall clock set ahead afterwards must not
    # make the removal look older than it is (and the gap from it shorter).
    removed_mark: Mark | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        # Every session, new or read back from a file someone may have edited or damaged,
        # is made here: a planned end past the cap is held to it, so no path can plan one
        # longer (a record planned 20 minutes, or to the year 9999, once ran on).
        if self.planned_end - self.started_at > CAP:
            object.__setattr__(self, "planned_end", self.started_at + CAP)

    @property
    def planned_length(self) -> timedelta:
        return self.planned_end - self.started_at

    def end_at(self, now: datetime) -> datetime | None:
        """When the session ended, or None while it still runs at `now`."""
        if self.ended_at is not None:
            return min(self.ended_at, self.planned_end)
        if now >= self.planned_end:
            return self.planned_end
        if self.from_the_future(now):
            # Counted from a start still to come, it had its whole length left at every
            # reading and never ended. How long the pack has been on cannot be known: it
            # is over now, and the gap starts when the pack comes off.
            return now
        return None

    def from_the_future(self, now: datetime) -> bool:
        """Open, and recorded as starting later than `now` (FROM_THE_FUTURE)."""
        return self.ended_at is None and self.started_at - now > FROM_THE_FUTURE

    @property
    def actual_length(self) -> timedelta | None:
        """How long the pack was on; None while the session has not ended."""
        if self.ended_at is None:
            return None
        return max(min(self.ended_at, self.planned_end) - self.started_at, timedelta(0))

    def applied_until(self, now: datetime) -> timedelta:
        """How long the pack has been on by `now` (up to the session's end)."""
        end = self.end_at(now) or now
        return max(min(end - self.started_at, self.planned_length, CAP), timedelta(0))

    @property
    def counts_for_gap(self) -> bool:
        return self.end_reason is not EndReason.CANCELLED

    def off_at(self, now: datetime) -> datetime | None:
        """When the pack came off, as far as anyone said: the session's end, or the recorded
        removal if the pack stayed on longer. None while the session runs."""
        end = self.end_at(now)
        if end is None or self.removed_at is None:
            return end
        return max(end, min(self.removed_at, now))

    @property
    def unconfirmed(self) -> bool:
        """It ended (or will end) by itself, and nobody has said its pack came off."""
        return self.removed_at is None and self.end_reason not in (EndReason.STOPPED,
                                                                   EndReason.CANCELLED)

    def awaiting_removal(self, now: datetime) -> bool:
        """The session ended by itself and nobody has said the pack is off yet (within
        PACK_WATCH of the end)."""
        end = self.end_at(now)
        return end is not None and self.unconfirmed and now - end < PACK_WATCH


def late_end(session: Session, now: datetime) -> datetime | None:
    """The end of a session whose removal is confirmed late (LATE_CONFIRMATION or more
    after it): window, tray, notification and terminal then offer "it came off at <end>".
    None while it runs or while confirming is still on time."""
    end = session.end_at(now)
    return end if end is not None and now - end >= LATE_CONFIRMATION else None


def gap_start(latest: Session, now: datetime) -> datetime | None:
    """When the rest after the latest session began: when its pack came off, or for a pack
    nobody confirmed, PACK_WATCH after its end. None while it runs or awaits removal."""
    off = latest.off_at(now)
    if off is None or not latest.unconfirmed:
        return off
    taken_off = off + PACK_WATCH
    return taken_off if now >= taken_off else None


@value
class Status:
    """What the rules say at one instant, in a form every front end can show."""

    state: State
    now: datetime
    session: Session | None = None  # the running one, or the one the gap follows
    remaining: timedelta | None = None  # time left of the running session
    wait: timedelta | None = None  # time left of the gap
    gap: timedelta = MIN_GAP
    cycle_left: timedelta = CAP  # the longest the next session may last
    awaiting_removal: bool = False  # the gap starts when the pack of `session` comes off

    @property
    def therapy(self) -> Therapy | None:
        return self.session.therapy if self.state is State.RUNNING and self.session else None

    @property
    def ends_at(self) -> datetime | None:
        return self.now + self.remaining if self.remaining is not None else None

    @property
    def next_allowed_at(self) -> datetime | None:
        if self.state in (State.READY, State.UNKNOWN):
            return None
        if self.state is State.WAITING:
            # Awaiting removal, this is when the gap would end if the pack came off now.
            return self.now + (self.wait or timedelta(0))
        # While running, the next session is allowed one gap after this one ends.
        return self.now + (self.remaining or timedelta(0)) + self.gap

    @property
    def shortened(self) -> bool:
        """The next session may not last the full cap (mis-starts used part of the cycle)."""
        return self.cycle_left < CAP

    @property
    def longest_minutes(self) -> int:
        """The whole minutes a session started now may be asked for (a start asking more
        is cut to `cycle_left`): what the length picker and the tray offer."""
        whole = int(self.cycle_left.total_seconds() // 60)
        return max(MIN_MINUTES, min(MAX_MINUTES, whole))

    def sentence(self, *, whole_minutes: bool = False) -> str:
        """One line saying what the user may do now and when; with `whole_minutes`, the
        time left reads "1 min" through the last minute, not second by second."""
        if self.state is State.UNKNOWN:
            return translate("Status", "Your session history was lost: please say when the last "
                                       "pack came off before starting a session.")
        if self.state is State.READY:
            if self.shortened:
                return arg(translate("Status", "Ready: the next session may last at most %1, "
                                               "because ice or heat was already applied since "
                                               "the last full break."),
                           format_precise(self.cycle_left))
            return translate("Status", "Ready: you may start an ice or heat session now.")
        if self.state is State.RUNNING:
            assert self.session is not None
            if self.session.therapy is Therapy.ICE:
                text = translate("Status", "Ice session running: it ends at %1 (in %2). "
                                           "Next session allowed at %3.")
            else:
                text = translate("Status", "Heat session running: it ends at %1 (in %2). "
                                           "Next session allowed at %3.")
            return arg(text, clock_time(self.ends_at),
                       format_duration(self.remaining, whole_minutes=whole_minutes),
                       allowed_time(self.next_allowed_at, self.now))
        if self.awaiting_removal:
            return arg(translate("Status", "Next session allowed %1 after the pack comes off "
                                           "(at %2 if it is off now)."),
                       format_duration(self.gap), allowed_time(self.next_allowed_at, self.now))
        return allowed_at_sentence(self.next_allowed_at, self.wait, self.now,
                                   whole_minutes=whole_minutes)


def allowed_at_sentence(at: datetime | None, wait: timedelta | None, now: datetime, *,
                        whole_minutes: bool = False) -> str:
    return arg(translate("Status", "Next session allowed at %1 (in %2)."),
               allowed_time(at, now), format_duration(wait, whole_minutes=whole_minutes))


@value
class Decision:
    allowed: bool
    reason: str
    allowed_at: datetime | None = None
    longest: timedelta = CAP  # how long a session started now may last


def clamp_gap(gap: timedelta) -> timedelta:
    return min(max(gap, MIN_GAP), MAX_GAP)


def evaluate(history: Iterable[Session], now: datetime, gap: timedelta = MIN_GAP, *,
             history_lost: bool = False) -> Status:
    """The state at `now` given the recorded sessions (any order, any length).

    `history_lost` says the record was lost and nothing told when the last
    application ended: the rules then refuse to guess.
    """
    gap = clamp_gap(gap)
    sessions = list(history)
    running: Session | None = None
    last_counted: Session | None = None
    last_end: datetime | None = None
    for session in sessions:
        off = session.off_at(now)
        if off is None:
            if running is None or session.started_at > running.started_at:
                running = session
            continue
        if session.counts_for_gap and (last_end is None or off > last_end):
            last_counted, last_end = session, off
    if running is not None:
        # Never more than the session's own length or the cap, never negative,
        # whatever the clock did since it started.
        remaining = min(running.planned_end - now, running.planned_length, CAP)
        return Status(State.RUNNING, now, running, max(remaining, timedelta(0)), gap=gap)
    latest = max(sessions, key=lambda s: (s.started_at, s.id), default=None)
    if last_counted is not None and last_counted is latest and last_counted.unconfirmed:
        start = gap_start(last_counted, now)
        if start is None:
            # The pack may still be on: the skin has not begun its rest.
            return Status(State.WAITING, now, last_counted, wait=gap, gap=gap,
                          awaiting_removal=True)
        last_end = start
    if last_counted is not None and last_end is not None:
        wait = min(last_end + gap - now, gap)
        if wait > timedelta(0):
            return Status(State.WAITING, now, last_counted, wait=wait, gap=gap)
    if history_lost and last_counted is None:
        return Status(State.UNKNOWN, now, gap=gap)
    left, newest = _cycle(sessions, now, gap, last_end)
    if left < SHORTEST and newest is not None:
        # Mis-starts used up the cap: they count as one session, and the gap follows.
        end = newest.end_at(now) or now
        wait = min(end + gap - now, gap)
        if wait > timedelta(0):
            return Status(State.WAITING, now, newest, wait=wait, gap=gap)
    return Status(State.READY, now, gap=gap, cycle_left=left)


def _cycle(sessions: list[Session], now: datetime, gap: timedelta,
           last_counted_end: datetime | None) -> tuple[timedelta, Session | None]:
    """How long the next session may last (the cap less recent mis-starts), and the newest one.

    Walks back from the newest cancelled session while each followed the one
    before it within a gap; a full gap without application ends the cycle.
    """
    cancelled = sorted(
        (s for s in sessions if not s.counts_for_gap and s.end_at(now) is not None
         and (last_counted_end is None or s.started_at >= last_counted_end)),
        key=lambda s: s.started_at, reverse=True)
    used = timedelta(0)
    later_start = now
    for session in cancelled:
        end = session.end_at(now)
        assert end is not None
        if later_start - end >= gap:
            break
        used += session.applied_until(now)
        later_start = session.started_at
    return max(CAP - used, timedelta(0)), (cancelled[0] if cancelled else None)


def check_minutes(minutes: int) -> int:
    """Accept a session length in whole minutes from MIN_MINUTES to MAX_MINUTES, or raise."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        raise ValueError(arg(translate("Rules", "The length must be a whole number of minutes, "
                                                "not %1."), repr(minutes)))
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(arg(translate("Rules", "A session lasts %1 to %2 minutes; %3 is not "
                                                "allowed."), MIN_MINUTES, MAX_MINUTES, minutes))
    return minutes


def may_start(status: Status) -> Decision:
    """May a new session (ice or heat) start now, and for how long at most?"""
    if status.state is State.READY:
        return Decision(True, translate("Rules", "You may start a session now."),
                        longest=status.cycle_left)
    if status.state is State.UNKNOWN:
        return Decision(False, status.sentence(), None, timedelta(0))
    at = status.next_allowed_at
    if status.state is State.RUNNING:
        assert status.session is not None
        if status.session.therapy is Therapy.ICE:
            text = translate("Rules", "The ice session is still running.")
        else:
            text = translate("Rules", "The heat session is still running.")
        wait = at - status.now if at else None
        return Decision(False, arg(translate("Rules", "%1 %2", "two sentences"), text,
                                   allowed_at_sentence(at, wait, status.now)),
                        at, timedelta(0))
    rest = arg(translate("Rules", "Ice or heat should stay off the skin for %1 after a "
                                  "session."), format_duration(status.gap))
    return Decision(False, arg(translate("Rules", "%1 %2", "two sentences"), rest,
                               status.sentence()), at, timedelta(0))


def planned_length(requested: timedelta, decision: Decision) -> timedelta:
    """The length a session gets: what was asked, cut to what the cycle has left."""
    return min(requested, decision.longest, CAP)


def stop_reason(session: Session, now: datetime) -> EndReason:
    """A stop within the grace period is a mis-start; later it is a real, gap-starting stop."""
    return EndReason.CANCELLED if now - session.started_at < GRACE else EndReason.STOPPED
