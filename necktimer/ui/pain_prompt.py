"""One-click pain rating (0–10), asked once when the pack comes off (and before, if chosen).

It shows exactly while the view state holds a pain question, with targets big
enough for a person in pain to hit, and never takes the keyboard focus itself.
From the keyboard: typing a number (in the prompt, or on the status line above it)
moves to that rating, "1" then "0" to 10, and Enter or Space gives it. The eleven
ratings are one Tab stop, as a row of radio buttons is (12 stops with Skip had been a
long walk): Tab enters at the last one visited, the arrow keys, Home and End move
among them without giving one, and Tab goes on to Skip.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from necktimer.core.diary import Pain
from necktimer.core.i18n import arg
from necktimer.ui.view_state import PainQuestion

TARGET = 36  # px: a comfortable click target
TEN_WITHIN = 1.5  # s: "1" then "0" this soon after is 10
COLUMNS = 6  # ratings in a row: 0-5 above, 6-10 and Skip below
# Where each key moves among the ratings.
STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -COLUMNS,
         Qt.Key.Key_Down: COLUMNS}


class PainPrompt(QFrame):
    rated = Signal(object)  # the value 0-10, or None for Skip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._question: PainQuestion | None = None
        self._one_at: float | None = None  # when "1" was typed, for "1" "0" = 10
        layout = QVBoxLayout(self)
        self.question = QLabel()
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        grid = QGridLayout()
        grid.setSpacing(4)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setAccessibleName(arg(self.tr("Pain %1 of 10"), value))
            # Only the ends say more than the name: a tooltip is read as the description,
            # and "Pain 3 of 10" was read twice.
            if value in (0, 10):
                button.setToolTip(self.tr("No pain") if value == 0
                                  else self.tr("The worst pain imaginable"))
            button.setMinimumSize(TARGET, TARGET)
            # Never grabbed by a click; one of them at a time is the Tab stop.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.installEventFilter(self)
            button.clicked.connect(lambda _=False, v=value: self.rated.emit(v))
            grid.addWidget(button, value // COLUMNS, value % COLUMNS)
            self.buttons.append(button)
        self._entry = self.buttons[0]  # where Tab enters the ratings
        self._entry.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.skip = QPushButton(self.tr("S&kip"))
        self.skip.setAccessibleName(self.tr("Skip the pain rating"))
        self.skip.setMinimumHeight(TARGET)
        self.skip.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.skip.clicked.connect(lambda: self.rated.emit(None))
        grid.addWidget(self.skip, 1, 5)
        for column in range(6):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        self.scale = QLabel(self.tr("0 = no pain · 10 = worst imaginable · optional, "
                                    "editable later in History"))
        self.scale.setWordWrap(True)
        self.scale.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.scale)
        self.hide()

    def show_question(self, question: PainQuestion | None) -> None:
        """Follow the view state: show the question it holds, or hide."""
        if question != self._question:  # a new question: Tab enters at 0 again
            self._enter_at(self.buttons[0])
        self._question = question
        if question is None:
            self.hide()
            return
        if question.which is Pain.BEFORE:
            text = self.tr("How bad was the pain just before the pack went on?")
        else:
            text = self.tr("The pack is off. How bad is the pain now?")
        self.question.setText(text)
        self.setAccessibleName(text)
        QWidget.setTabOrder(self._entry, self.skip)  # also after widgets added since
        self.show()

    @property
    def asking(self) -> PainQuestion | None:
        return self._question

    def key(self, event: QKeyEvent) -> bool:
        """Take a digit (move to that rating) or Enter (give the focused one); False when
        the key is not for the prompt."""
        if self.isHidden():
            return False
        text = event.text()
        if len(text) == 1 and text.isdigit():
            value = int(text)
            if value == 0 and self._one_at is not None and (
                    time.monotonic() - self._one_at < TEN_WITHIN):
                value = 10
            self._one_at = time.monotonic() if value == 1 else None
            self.buttons[value].setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = next((b for b in (*self.buttons, self.skip) if b.hasFocus()), None)
            if focused is not None:
                focused.click()
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.key(event):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self.buttons:
            if event.type() == QEvent.Type.FocusIn and watched is not self._entry:
                self._enter_at(watched)  # the rating last visited is where Tab comes back
            elif event.type() == QEvent.Type.KeyPress and self._move(watched, event.key()):
                return True
        return super().eventFilter(watched, event)

    def _enter_at(self, rating: QPushButton) -> None:
        """Make `rating` the ratings' one Tab stop, with Skip the next: the tips, put in
        the window after the prompt was made, came between the two (outside tester)."""
        self._entry.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._entry = rating
        rating.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        QWidget.setTabOrder(rating, self.skip)

    def _move(self, rating: QPushButton, key: int) -> bool:
        """Move the focus among the ratings by `key`; a move never gives a rating."""
        index = self.buttons.index(rating)
        if key == Qt.Key.Key_Home:
            index = 0
        elif key == Qt.Key.Key_End:
            index = len(self.buttons) - 1
        elif key in STEPS:
            index = min(max(index + STEPS[key], 0), len(self.buttons) - 1)
        else:
            return False
        self.buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
        return True
