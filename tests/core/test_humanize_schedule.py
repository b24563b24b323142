"""Readable times and the wake-up plan."""

from datetime import timedelta

from helpers import LOCAL, T0

from necktimer.core import schedule
from necktimer.core.humanize import format_clock, format_countdown, format_duration
from necktimer.core.rules import Session, State, Status, Therapy


def test_durations_round_up():
    assert format_duration(timedelta(hours=1, minutes=41, seconds=1)) == "1 h 42 min"
    assert format_duration(timedelta(hours=2)) == "2 h"
    assert format_duration(timedelta(seconds=40)) == "40 s"
    assert format_duration(timedelta(seconds=61)) == "2 min"
    assert format_duration(timedelta(seconds=-5)) == "0 s"


def test_countdown_never_negative():
    assert format_countdown(timedelta(minutes=14, seconds=59, microseconds=1)) == "15:00"
    assert format_countdown(timedelta(seconds=-3)) == "00:00"


def test_clock_rounds_up_to_the_minute_in_local_time():
    assert format_clock(T0, LOCAL) == "09:00"
    assert format_clock(T0 + timedelta(seconds=1), LOCAL) == "09:01"


RUNNING = Status(State.RUNNING, T0, Session(1, Therapy.ICE, T0, T0 + timedelta(minutes=15)),
                 remaining=timedelta(minutes=10))
WAITING = Status(State.WAITING, T0, wait=timedelta(hours=1))
READY = Status(State.READY, T0)


def test_visible_countdown_ticks_every_second():
    assert schedule.next_wake(RUNNING, visible=True) == timedelta(seconds=1)
    assert schedule.next_wake(WAITING, visible=True) == timedelta(seconds=1)


def test_hidden_running_session_wakes_every_few_seconds():
    assert schedule.next_wake(RUNNING, visible=False) == schedule.HIDDEN_RUNNING_TICK


def test_hidden_gap_wakes_once_a_minute_or_not_at_all():
    assert schedule.next_wake(WAITING, visible=False) == timedelta(minutes=1)
    assert schedule.next_wake(WAITING, visible=False, watch_gap=False) is None


def test_nothing_pending_means_no_wake_up():
    assert schedule.next_wake(READY, visible=False) is None
    assert schedule.next_wake(READY, visible=True) is None


def test_a_pending_reminder_is_woken_for():
    at = T0 + timedelta(seconds=3)
    assert schedule.next_wake(READY, visible=False, next_reminder_at=at) == timedelta(seconds=3)
