"""How long ago a recorded moment was, whatever the wall clock did since.

Every recorded moment keeps two readings: its *trusted* wall time and, when it
was taken in a boot we can recognise, a mark on that boot's clock.

* Within the boot a moment was recorded in, how long ago it was is measured on
  the boot clock alone, so setting the wall clock (either way) neither ends a
  session early nor shortens a gap, and suspend counts as time passing.
* Across a reboot only wall time is left. The trusted wall time is the wall
  clock, but never earlier than the latest time recorded before this boot (the
  floor) carried forward on the boot clock: a clock set back while the machine
  was off cannot shorten a gap. A clock set ahead is followed, and set right
  again, followed back: the app's idea of the time is never stuck ahead.

Recorded moments are then *placed* on the current wall clock, so what the user
reads ("ends at 19:05") matches the clock on their screen, even after a change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TypeVar

from necktimer.core.clock import Clock, Stamp, stamp
from necktimer.core.value import value

S = TypeVar("S")  # a rules.Session (this module sits below rules)
MAX_BOOTTIME_S = 100 * 365 * 86400.0  # no machine runs a century without a reboot
SAME_BOOT_SLACK_S = 1.0  # a mark computed from another (a planned end) may round up a little


@value
class Mark:
    """Where a moment fell on one boot's clock."""

    boot_id: str
    boottime: float

    @classmethod
    def read(cls, boot_id: object, boottime: object) -> Mark | None:
        """A mark as a file kept it, or None where it cannot be one: missing, not a
        number, or no reading a boot clock gives (negative, infinite, a century on).
        Such a moment is placed by its wall time, as one from another boot is; taken
        as it stands, it made every start-up fail (a time too large to add)."""
        seconds = boot_seconds(boottime)
        return cls(str(boot_id), seconds) if boot_id and seconds is not None else None


def boot_seconds(value: object) -> float | None:
    """A boot-clock reading as a file kept it, or None where no boot clock gives it."""
    if isinstance(value, bool):
        return None
    try:
        seconds = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return seconds if 0 <= seconds <= MAX_BOOTTIME_S else None  # False for NaN too


@value
class Moment:
    """One reading of the time: the raw clocks, and the trusted wall time."""

    raw: Stamp
    trusted: datetime

    @property
    def wall(self) -> datetime:
        """The wall clock as the user sees it; everything shown is placed on it."""
        return self.raw.wall

    @property
    def mark(self) -> Mark | None:
        return Mark(self.raw.boot_id, self.raw.boottime) if self.raw.boot_id else None

    def place(self, trusted_wall: datetime, mark: Mark | None) -> datetime:
        """A recorded moment on the current wall clock."""
        if (mark is not None and mark.boot_id and mark.boot_id == self.raw.boot_id
                and mark.boottime <= self.raw.boottime + SAME_BOOT_SLACK_S):
            return self.raw.wall - timedelta(seconds=self.raw.boottime - mark.boottime)
        # Another boot's, or none; or a mark of this boot later than its clock reads now,
        # which no clock of this boot wrote (a process in a shifted time namespace or
        # under faketime did, or a hand). Counted back from now it put the moment ahead
        # of now at every reading, and a session so placed never ended.
        return trusted_wall + (self.raw.wall - self.trusted)

    def place_optional(self, trusted_wall: datetime | None, mark: Mark | None) -> datetime | None:
        return None if trusted_wall is None else self.place(trusted_wall, mark)

    def place_session(self, session: S) -> S:
        """A recorded session (rules.Session) with its times on the current wall clock."""
        start = self.place(session.started_at, session.start_mark)
        return replace(
            session,
            started_at=start,
            planned_end=start + (session.planned_end - session.started_at),
            ended_at=self.place_optional(session.ended_at, session.end_mark),
            removed_at=self.place_optional(session.removed_at, session.removed_mark),
        )


class Timeline:
    """Reads the clocks and keeps the trusted wall time from falling below the floor."""

    def __init__(self, clock: Clock, anchor: Stamp | None = None,
                 floor: datetime | None = None) -> None:
        self._clock = clock
        # The floor as it stood when this boot was first seen, and where that fell on
        # the boot clock: the lower bound of trusted time for the whole boot.
        self._anchor = anchor
        self._floor = floor  # the latest trusted time recorded in any earlier boot

    @property
    def clock(self) -> Clock:
        return self._clock

    @property
    def anchor(self) -> Stamp | None:
        return self._anchor

    def raise_floor(self, floor: datetime | None) -> None:
        if floor is not None and (self._floor is None or floor > self._floor):
            self._floor = floor

    def read(self) -> Moment:
        raw = stamp(self._clock)
        anchor = self._anchor
        if anchor is None or not anchor.same_boot(raw):
            # The first reading in this boot anchors its lower bound: the floor, or,
            # with no history at all, the wall clock of this first reading.
            low = self._floor if self._floor is not None else raw.wall
            anchor = self._anchor = Stamp(low, raw.boot_id, raw.boottime)
        carried = anchor.wall + timedelta(seconds=raw.boottime - anchor.boottime)
        return Moment(raw, max(raw.wall, carried))
