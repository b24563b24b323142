"""A spin box of minutes that reads as the rest of the app writes durations: "2 h 15 min".

The gap is counted in hours everywhere else ("Next session allowed 2 h after…"), so
Settings showing "120 min" made the same rule look like two numbers. Typing works in
the words shown, or as a bare number: up to 12 it means hours, above that minutes.
"""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QSpinBox

from necktimer.core.humanize import Durations, format_duration

BARE_HOURS_UP_TO = 12  # a bare "3" is 3 hours; "150" is 150 minutes


class DurationSpinBox(QSpinBox):
    """Takes effect when the user presses Enter or leaves the field, not at each keystroke:
    on the way to "90" the box once held "9" (9 hours), and kept it when "90" (below the
    least gap) was refused. A value out of range now goes to the nearest one allowed, and
    text that means nothing leaves the value as it was (see `fixup`)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: int) -> str:
        return format_duration(timedelta(minutes=value))

    def valueFromText(self, text: str) -> int:
        minutes = self._minutes(text)
        return self.value() if minutes is None else minutes

    def validate(self, text: str, pos: int) -> object:
        minutes = self._minutes(text)
        if minutes is not None and self.minimum() <= minutes <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def fixup(self, text: str) -> str:
        # Too short or too long: the nearest allowed. Words that mean nothing: the value
        # the box holds (Qt's own fallback took the least gap for them).
        minutes = self._minutes(text)
        if minutes is None:
            return self.textFromValue(self.value())
        return self.textFromValue(min(max(minutes, self.minimum()), self.maximum()))

    def _minutes(self, text: str) -> int | None:
        """The minutes meant by `text`, or None while it means nothing (yet)."""
        typed = " ".join(text.split()).casefold()
        hour, minute = _units()
        if found := re.fullmatch(r"([0-9]+)", typed):
            number = int(found[1])
            return number * 60 if number <= BARE_HOURS_UP_TO else number
        if found := re.fullmatch(rf"([0-9]+)[.,]([0-9]+) ?(?:{hour})?", typed):
            return round(float(f"{found[1]}.{found[2]}") * 60)  # "2.5", "2,5 Std."
        if found := re.fullmatch(r"([0-9]+):([0-5][0-9])", typed):
            return int(found[1]) * 60 + int(found[2])
        if found := re.fullmatch(rf"([0-9]+) ?(?:{hour})(?: ?([0-9]+) ?(?:{minute})?)?",
                                 typed):
            extra = int(found[2]) if found[2] else 0
            return int(found[1]) * 60 + extra if extra < 60 else None
        if found := re.fullmatch(rf"([0-9]+) ?(?:{minute})", typed):
            return int(found[1])
        return None


def _units() -> tuple[str, str]:
    """The hour and minute words as the language writes them ("h", "Std."), as patterns;
    "h" and "min" are understood in every language."""
    words = Durations()

    def unit(said: str, english: str) -> str:
        found = {re.sub(r"[0-9]+", "", said).strip().casefold(), english}
        return "|".join(re.escape(word) for word in sorted(found, key=len, reverse=True) if word)

    return unit(words.hours(2), "h"), unit(words.minutes(2), "min")
