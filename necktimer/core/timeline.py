"""How long ago a recorded moment was, whatever the wall clock did since.

Every recorded moment keeps two readings: its *trusted* wall time and, when it
was taken in a boot we can recognise, a mark on that boot's clock.

* Within the boot a moment was recorded in, how long ago it was is measured on
  the boot clock alone, so setting the wall clock (either way) neither ends a
  session early nor shortens a gap, and suspend counts as time passing.
* Across a reboot only wall time is left. The trusted wall time never runs
  backwards: it is the wall clock, or the latest trusted time carried forward by
  the boot clock, whichever is later (the floor survives restarts in the record).

Recorded moments are then *placed* on the current wall clock, so what the user
reads ("ends at 19:05") matches the clock on their screen, even after a change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TypeVar

from necktimer.core.clock import Clock, Stamp, stamp

S = TypeVar("S")  # a rules.Session (this module sits below rules)


@dataclass(frozen=True)
class Mark:
    """Where a moment fell on one boot's clock."""

    boot_id: str
    boottime: float


@dataclass(frozen=True)
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
        if mark is not None and mark.boot_id and mark.boot_id == self.raw.boot_id:
            return self.raw.wall - timedelta(seconds=self.raw.boottime - mark.boottime)
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
            removed_at=self.place_optional(session.removed_at, None),
        )


class Timeline:
    """Reads the clocks and keeps the trusted wall time from running backwards."""

    def __init__(self, clock: Clock, anchor: Stamp | None = None,
                 floor: datetime | None = None) -> None:
        self._clock = clock
        self._anchor = anchor  # a trusted time and where it fell on the boot clock
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
        if anchor is not None and anchor.same_boot(raw):
            # The boot's first reading carried forward on the boot clock; a wall clock
            # set ahead (an NTP correction, a clock fixed while asleep) is followed while
            # it stays ahead, and a clock set back again comes back to the carried time.
            carried = anchor.wall + timedelta(seconds=raw.boottime - anchor.boottime)
            return Moment(raw, max(raw.wall, carried))
        # A new boot: the wall clock is all there is, but never below the floor. This
        # first reading anchors the whole boot.
        trusted = raw.wall if self._floor is None else max(raw.wall, self._floor)
        self._anchor = Stamp(trusted, raw.boot_id, raw.boottime)
        return Moment(raw, trusted)
