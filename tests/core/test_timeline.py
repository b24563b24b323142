"""How long ago things happened, whatever the wall clock does (the faults issue's clock cases)."""

from datetime import timedelta

from helpers import T0

from necktimer.core.clock import FakeClock
from necktimer.core.timeline import Timeline

HOUR = 3600


def test_within_a_boot_the_boot_clock_decides_how_long_ago():
    clock = FakeClock(T0)
    timeline = Timeline(clock)
    then = timeline.read()
    clock.advance(600)
    clock.jump(3 * HOUR)  # the clock is set 3 h ahead
    now = timeline.read()
    placed = now.place(then.trusted, then.mark)
    assert now.wall - placed == timedelta(seconds=600)  # not 3 h 10 min


def test_setting_the_clock_back_moves_what_is_shown_with_it():
    clock = FakeClock(T0)
    timeline = Timeline(clock)
    then = timeline.read()
    clock.advance(60)
    clock.jump(-2 * HOUR)
    now = timeline.read()
    assert now.place(then.trusted, then.mark) == now.wall - timedelta(seconds=60)
    assert now.wall == T0 + timedelta(seconds=60) - timedelta(hours=2)  # as the user sees it


def test_trusted_time_never_runs_backwards_within_a_boot():
    clock = FakeClock(T0)
    timeline = Timeline(clock)
    first = timeline.read().trusted
    clock.jump(-HOUR)
    clock.advance(5)
    assert timeline.read().trusted == first + timedelta(seconds=5)


def test_trusted_time_follows_the_wall_clock_forward():
    clock = FakeClock(T0)
    timeline = Timeline(clock)
    timeline.read()
    clock.jump(HOUR)
    assert timeline.read().trusted == T0 + timedelta(hours=1)


def test_after_a_reboot_the_wall_clock_is_used_but_never_below_the_floor():
    clock = FakeClock(T0)
    first = Timeline(clock).read()
    clock.reboot(60, wall_error=-3 * HOUR)  # the new boot's clock is 3 h behind
    timeline = Timeline(clock, anchor=first.raw, floor=first.trusted)
    moment = timeline.read()
    assert moment.trusted == first.trusted
    # A time from the earlier boot is placed by the trusted difference, not the wrong clock.
    assert moment.wall - moment.place(first.trusted, first.mark) == timedelta(0)


def test_suspend_counts_as_time_passing():
    clock = FakeClock(T0)
    timeline = Timeline(clock)
    then = timeline.read()
    clock.suspend(2 * HOUR)
    now = timeline.read()
    assert now.wall - now.place(then.trusted, then.mark) == timedelta(hours=2)


def test_a_clock_set_ahead_and_back_again_leaves_no_time_in_the_future():
    clock = FakeClock(T0)
    timeline = Timeline(clock)
    timeline.read()
    clock.advance(60)
    clock.jump(3 * HOUR)
    assert timeline.read().trusted == T0 + timedelta(hours=3, seconds=60)
    clock.advance(60)
    clock.jump(-3 * HOUR)
    assert timeline.read().trusted == T0 + timedelta(seconds=120)  # real time, not 3 h ahead
