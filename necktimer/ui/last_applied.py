"""Asks when the last ice or heat pack came off, after the session history was lost.

necktimer never assumes "never": until this is answered, no session starts.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from necktimer.core.humanize import format_duration
from necktimer.core.i18n import arg, local, time_pattern
from necktimer.ui.wheel_guard import guard_wheel


class LastAppliedQuestion(QFrame):
    # When the last application ended: a reading of the user's clock, (hour, minute), or
    # None for "over a gap ago". The controller makes it a moment when it arrives.
    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lastApplied")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.question = QLabel(self.tr("necktimer lost its session history. When did you last "
                                       "take off an ice or heat pack?"))
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.setAccessibleName(self.question.text())  # a screen reader names the panel
        self.long_ago = QPushButton()
        self.long_ago.clicked.connect(lambda: self.answered.emit(None))
        layout.addWidget(self.long_ago)
        row = QHBoxLayout()
        # The latest such time not ahead of the clock, so at 00:30 "23:50" is last night's;
        # what was recorded (today or yesterday) is said once it is saved.
        label = QLabel(self.tr("Or at &this time (the most recent):"))
        self.at = QTimeEdit()
        self.at.setAccessibleName(self.tr("Time the pack came off"))
        guard_wheel(self.at)
        label.setBuddy(self.at)
        self.save = QPushButton(self.tr("Sa&ve"))
        self.save.setAccessibleName(self.tr("Save the time"))
        self.save.clicked.connect(self._answer_time)
        row.addWidget(label)
        row.addWidget(self.at)
        row.addWidget(self.save)
        row.addStretch(1)
        layout.addLayout(row)
        self.hide()

    def ask(self, now: datetime, gap: timedelta) -> None:
        text = arg(self.tr("More than %1 ago (or never)"), format_duration(gap))
        self.long_ago.setText(text)
        self.long_ago.setAccessibleName(text)
        shown = local(now)
        self.at.setDisplayFormat(time_pattern())  # as every other time in the window reads
        self.at.setTime(QTime(shown.hour, shown.minute))
        self.show()

    def _answer_time(self) -> None:
        chosen = self.at.time()
        self.answered.emit((chosen.hour(), chosen.minute()))
