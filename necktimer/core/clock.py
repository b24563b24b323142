"""Where the program reads the time: the system clock, a fake one for tests, and a guard."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Wall-clock time (timezone-aware UTC) plus a monotonic reading in seconds."""

    def now(self) -> datetime: ...

    def monotonic(self) -> float: ...


class SystemClock:
    """The real clocks of this machine."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock tests move by hand: `advance` is time passing, `jump` is the clock being set."""

    def __init__(self, start: datetime | None = None) -> None:
        self._wall = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        if self._wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._mono = 1000.0

    def now(self) -> datetime:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        """Real time passes: wall and monotonic clocks move together."""
        self._wall += timedelta(seconds=seconds)
        self._mono += seconds

    def jump(self, seconds: float) -> None:
        """Only the wall clock moves: a user or NTP setting the clock, or a suspended laptop."""
        self._wall += timedelta(seconds=seconds)

    suspend = jump  # Linux's CLOCK_MONOTONIC does not count time spent suspended


class SteadyClock:
    """Wall time that never runs backwards.

    A backwards clock change must not shorten the gap or stretch a session, so
    this clock answers max(wall time, last answer + monotonic time since then).
    It can also start from a floor: the latest time the store has ever recorded.
    Forward jumps (suspend, or the clock set ahead) are taken as they come.
    """

    def __init__(self, source: Clock, floor: datetime | None = None) -> None:
        self._source = source
        self._last = floor
        self._last_mono = source.monotonic()

    @property
    def source(self) -> Clock:
        return self._source

    def now(self) -> datetime:
        wall = self._source.now()
        mono = self._source.monotonic()
        if self._last is not None:
            carried = self._last + timedelta(seconds=max(0.0, mono - self._last_mono))
            wall = max(wall, carried)
        self._last, self._last_mono = wall, mono
        return wall

    def monotonic(self) -> float:
        return self._source.monotonic()
