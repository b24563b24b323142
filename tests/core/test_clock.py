"""The clocks: the real one reads the boot clock, the fake one moves as the tests say."""

import time
from datetime import UTC, datetime

import pytest
from helpers import T0

from necktimer.core.clock import BOOT_ID_PATH, FakeClock, SystemClock, stamp


def test_system_clock_reads_the_kernels_boot_clock_and_boot_id():
    clock = SystemClock()
    assert clock.boot_id() == BOOT_ID_PATH.read_text().strip()
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    reading = clock.boottime()
    assert before <= reading <= time.clock_gettime(time.CLOCK_BOOTTIME)
    assert clock.now().tzinfo is UTC


def test_fake_clock_time_passing_moves_both_clocks():
    clock = FakeClock(T0)
    clock.advance(90)
    assert (clock.now() - T0).total_seconds() == 90 and clock.boottime() == 1090


def test_fake_clock_being_set_moves_only_the_wall_clock():
    clock = FakeClock(T0)
    clock.jump(-3600)
    assert (clock.now() - T0).total_seconds() == -3600 and clock.boottime() == 1000


def test_fake_clock_reboot_starts_a_new_boot():
    clock = FakeClock(T0)
    before = stamp(clock)
    clock.reboot(120)
    after = stamp(clock)
    assert not before.same_boot(after)
    assert after.boottime < before.boottime


def test_fake_clock_rejects_naive_times():
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2026, 1, 1))
