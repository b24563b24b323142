"""One-click pain rating (0–10) when a session starts and when the pack comes off."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class PainPrompt(QFrame):
    """Asks once; a click records the rating, Skip records nothing. Both close the prompt."""

    rated = Signal(int, str, object)  # session id, "pain_before" or "pain_after", value or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painPrompt")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._session_id: int | None = None
        self._which = "pain_before"
        layout = QVBoxLayout(self)
        self.question = QLabel()
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        row = QHBoxLayout()
        row.setSpacing(2)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setAccessibleName(f"Pain {value} of 10")
            button.setToolTip({0: "No pain", 10: "The worst pain imaginable"}.get(
                value, f"Pain {value} of 10"))
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("10") + 14)
            button.setMaximumWidth(button.fontMetrics().horizontalAdvance("10") * 3)
            button.clicked.connect(lambda _=False, v=value: self._answer(v))
            row.addWidget(button)
            self.buttons.append(button)
        self.skip = QPushButton("Skip")
        self.skip.setAccessibleName("Skip the pain rating")
        self.skip.clicked.connect(lambda: self._answer(None))
        row.addSpacing(6)
        row.addWidget(self.skip)
        layout.addLayout(row)
        scale = QLabel("0 = no pain · 10 = worst imaginable · optional, editable later in History")
        scale.setAlignment(Qt.AlignmentFlag.AlignCenter)
        small = scale.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)
        scale.setFont(small)
        layout.addWidget(scale)
        self.hide()

    def ask(self, session_id: int, which: str, question: str) -> None:
        self._session_id, self._which = session_id, which
        self.question.setText(question)
        self.setAccessibleName(question)
        self.show()

    @property
    def asking(self) -> tuple[int | None, str]:
        return self._session_id, self._which

    def _answer(self, value: int | None) -> None:
        if self._session_id is not None:
            self.rated.emit(self._session_id, self._which, value)
        self._session_id = None
        self.hide()
