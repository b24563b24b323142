"""Durations as a person reads them: rounded up for waits, exact for limits."""

from datetime import timedelta

import pytest

from necktimer.core.humanize import (
    format_countdown,
    format_duration,
    format_length,
    format_precise,
    whole_seconds,
)


@pytest.mark.parametrize(("seconds", "text"), [
    (0, "0 s"), (40, "40 s"), (59.2, "1 min"), (60, "1 min"), (61, "2 min"),
    (42 * 60, "42 min"), (3600, "1 h"), (3600 + 1, "1 h 1 min"), (6120, "1 h 42 min"),
    (-5, "0 s"),
])
def test_format_duration_rounds_up(seconds, text):
    assert format_duration(timedelta(seconds=seconds)) == text


def test_format_duration_of_nothing():
    assert format_duration(None) == "—"


@pytest.mark.parametrize(("seconds", "text"), [
    (894, "14 min 54 s"), (894.9, "14 min 54 s"), (900, "15 min"), (30, "30 s"),
])
def test_format_precise_rounds_down(seconds, text):
    assert format_precise(timedelta(seconds=seconds)) == text


@pytest.mark.parametrize(("seconds", "text"), [(16, "16 s"), (299, "5 min"), (4 * 60, "4 min")])
def test_format_length_rounds_to_nearest(seconds, text):
    assert format_length(timedelta(seconds=seconds)) == text


@pytest.mark.parametrize(("seconds", "text"), [
    (900, "15:00"), (899.2, "15:00"), (899, "14:59"), (0.5, "00:01"), (0, "00:00"),
])
def test_format_countdown(seconds, text):
    assert format_countdown(timedelta(seconds=seconds)) == text


def test_whole_seconds_never_negative_and_rounds_up():
    assert whole_seconds(timedelta(seconds=-3)) == 0
    assert whole_seconds(timedelta(seconds=1.2)) == 2
    assert whole_seconds(None) is None
