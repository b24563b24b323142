"""Durations written the way a person reads them, in the user's language."""

from __future__ import annotations

import math
from datetime import timedelta

from necktimer.core.i18n import Translatable, arg


def whole_seconds(delta: timedelta | None) -> int | None:
    """Seconds rounded up and never negative: a wait or a time left is never understated."""
    if delta is None:
        return None
    return max(0, math.ceil(delta.total_seconds()))


class Durations(Translatable):
    def seconds(self, n: int) -> str:
        return self.tr("%n s", "seconds, short", n)

    def minutes(self, n: int) -> str:
        return self.tr("%n min", "minutes, short", n)

    def hours(self, n: int) -> str:
        return self.tr("%n h", "hours, short", n)

    def hours_minutes(self, hours: int, minutes: int) -> str:
        return arg(self.tr("%1 %2", "hours, then minutes: '1 h 42 min'"),
                   self.hours(hours), self.minutes(minutes))

    def minutes_seconds(self, minutes: int, seconds: int) -> str:
        return arg(self.tr("%1 %2", "minutes, then seconds: '14 min 54 s'"),
                   self.minutes(minutes), self.seconds(seconds))


def format_duration(delta: timedelta | None, *, whole_minutes: bool = False) -> str:
    """'1 h 42 min', '7 min', '40 s'; rounded up so a wait is never understated.
    With `whole_minutes`, the last minute is '1 min' too: words that do not change each
    second (what a screen reader says of a line that keeps focus)."""
    seconds = whole_seconds(delta)
    if seconds is None:
        return "—"
    words = Durations()
    if whole_minutes and 0 < seconds < 60:
        seconds = 60
    if seconds < 60:
        return words.seconds(seconds)
    hours, minutes = divmod(math.ceil(seconds / 60), 60)
    if hours and minutes:
        return words.hours_minutes(hours, minutes)
    if hours:
        return words.hours(hours)
    return words.minutes(minutes)


def format_length(delta: timedelta) -> str:
    """How long something lasted, to the nearest minute ('7 min'), or seconds under a minute."""
    seconds = max(0, round(delta.total_seconds()))
    words = Durations()
    if seconds < 60:
        return words.seconds(seconds)
    hours, minutes = divmod(round(seconds / 60), 60)
    if hours and minutes:
        return words.hours_minutes(hours, minutes)
    return words.hours(hours) if hours else words.minutes(minutes)


def whole_seconds_down(delta: timedelta) -> int:
    """Seconds rounded down and never negative: a limit is never overstated."""
    return max(0, math.floor(delta.total_seconds()))


def format_precise(delta: timedelta) -> str:
    """A limit to the second, rounded down ('14 min 54 s'): never overstates what is allowed."""
    seconds = whole_seconds_down(delta)
    words = Durations()
    minutes, rest = divmod(seconds, 60)
    if not minutes:
        return words.seconds(rest)
    return words.minutes_seconds(minutes, rest) if rest else words.minutes(minutes)


def format_countdown(delta: timedelta | None) -> str:
    """'14:59' for a running countdown (minutes:seconds, rounded up)."""
    seconds = whole_seconds(delta)
    if seconds is None:
        return "--:--"
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
