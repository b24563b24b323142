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

    def _minutes(self, text: str) -> int | None:
        """The minutes meant by `text`, or None while it means nothing yet."""
        typed = " ".join(text.split()).casefold()
        if not typed:
            return None
        if typed.isdigit():
            number = int(typed)
            return number * 60 if number <= BARE_HOURS_UP_TO else number
        # The words this box writes, for every value it may hold (a few hundred at most).
        for value in range(self.minimum(), self.maximum() + 1):
            if " ".join(self.textFromValue(value).split()).casefold() == typed:
                return value
        numbers = [int(found) for found in re.findall(r"\d+", typed)]
        if len(numbers) == 2:  # "2 h 30", "2:30", "2 Std. 30 Min."
            return numbers[0] * 60 + numbers[1]
        if len(numbers) == 1:  # "150 min", "3 h"
            words = Durations()
            for said, minutes in ((words.minutes(numbers[0]), numbers[0]),
                                  (words.hours(numbers[0]), numbers[0] * 60)):
                if " ".join(said.split()).casefold() == typed:
                    return minutes
        return None
