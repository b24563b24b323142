"""Where the program reads the time: the wall clock and the boot clock, real or fake.

The wall clock is what the user sees and may be set at any moment. The boot
clock (`CLOCK_BOOTTIME`) counts seconds since the machine booted, keeps counting
through suspend and cannot be set, so within one boot it is the honest measure
of how long ago something happened. The boot is named by the kernel's boot id.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

from necktimer.core.value import value

BOOT_ID_PATH = Path("/proc/sys/kernel/random/boot_id")


@value
class Stamp:
    """One moment as both clocks saw it."""

    wall: datetime  # UTC, timezone-aware
    boot_id: str
    boottime: float  # seconds since that boot, suspend included

    def same_boot(self, other: Stamp) -> bool:
        return bool(self.boot_id) and self.boot_id == other.boot_id


class Clock(Protocol):
    def now(self) -> datetime: ...

    def boottime(self) -> float: ...

    def boot_id(self) -> str: ...


def stamp(clock: Clock) -> Stamp:
    return Stamp(clock.now(), clock.boot_id(), clock.boottime())


class SystemClock:
    """The real clocks of this machine."""

    def __init__(self) -> None:
        try:
            self._boot_id = BOOT_ID_PATH.read_text().strip()
            self._clock_id = time.CLOCK_BOOTTIME
        except (OSError, AttributeError):
            # No boot clock (not Linux): this process's monotonic clock stands in,
            # named so it never matches another process's.
            self._boot_id = f"process-{os.urandom(8).hex()}"
            self._clock_id = time.CLOCK_MONOTONIC

    def now(self) -> datetime:
        return datetime.now(UTC)

    def boottime(self) -> float:
        return time.clock_gettime(self._clock_id)

    def boot_id(self) -> str:
        return self._boot_id


class FakeClock:
    """A clock tests move by hand.

    `advance` is time passing, `jump` is someone setting the wall clock,
    `suspend` is a laptop asleep (both clocks move, but Qt's timers do not
    fire), and `reboot` starts a new boot.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self._wall = start or datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        if self._wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._boottime = 1000.0
        self._boot_id = "boot-1"

    def now(self) -> datetime:
        return self._wall

    def boottime(self) -> float:
        return self._boottime

    def boot_id(self) -> str:
        return self._boot_id

    def advance(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)
        self._boottime += seconds

    def jump(self, seconds: float) -> None:
        self._wall += timedelta(seconds=seconds)

    suspend = advance  # CLOCK_BOOTTIME counts suspended time; only Qt's timers miss it

    def reboot(self, seconds_down: float = 60.0, *, wall_error: float = 0.0) -> None:
        """The machine restarts after `seconds_down`; its new wall clock may be off."""
        self._wall += timedelta(seconds=seconds_down + wall_error)
        self._boottime = 5.0
        self._boot_id = f"boot-{os.urandom(4).hex()}"
