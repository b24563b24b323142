"""The warning-sign checklist on the physician panel; any tick says to get care now."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from necktimer.core.diary import warning_signs
from necktimer.ui.banners import Banner, Tone


class WrappingCheckBox(QCheckBox):
    """A check box whose words wrap to the width it is given.

    QCheckBox never wraps: "Numbness or weakness in an arm" made the physician page
    wider than a narrow window (2x on a small laptop), and the page's text was cut off
    at the right. The box still draws its own focus frame and toggles on its words."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._words = text
        # Preferred, not QCheckBox's Minimum: it may be narrower than all its words in a row.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(text)  # once, unwrapped: a screen reader reads no line breaks

    def _room_before_text(self) -> int:
        """The indicator and the space after it: what the style adds to the widest line.
        (Asked of the style itself, QStyle's Python enums would cost every start-up.)"""
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(line) for line in self.text().split("\n"))
        return super().sizeHint().width() - widest

    def minimumSizeHint(self) -> QSize:
        # As narrow as its longest word; the height is that of the lines it has now.
        longest = max(self.fontMetrics().horizontalAdvance(word) for word in self._words.split())
        return QSize(self._room_before_text() + longest, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        wrapped = self._wrap(event.size().width() - self._room_before_text())
        if wrapped != self.text():
            self.setText(wrapped)  # asks the layout again for the height of these lines
        super().resizeEvent(event)

    def _wrap(self, width: int) -> str:
        metrics = self.fontMetrics()
        lines: list[str] = []
        for word in self._words.split():
            if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return "\n".join(lines)


class WarningSigns(QFrame):
    """Emits the ticked keys each time the answer changes."""

    answered = Signal(list)

    def __init__(self, urgent_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningSigns")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        heading = QLabel("<b>" + self.tr("Do you have any of these with the neck pain?") + "</b>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.boxes: dict[str, QCheckBox] = {}
        for key, text in warning_signs().items():
            box = WrappingCheckBox(text)
            box.toggled.connect(self._changed)
            layout.addWidget(box)
            self.boxes[key] = box
        # The window's own urgent banner (not a style sheet of its own): it looks like the
        # one at the top of the window and follows the palette as the banners do.
        self.urgent_text = urgent_text
        self.urgent = Banner("urgentMessage", Tone.URGENT)
        layout.addWidget(self.urgent)

    @property
    def ticked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def show_ticked(self, ticked: tuple[str, ...]) -> None:
        """Show an answer already recorded: nothing is answered again."""
        for key, box in self.boxes.items():
            if box.isChecked() != (key in ticked):
                box.blockSignals(True)
                box.setChecked(key in ticked)
                box.blockSignals(False)
        self.urgent.show_if(self.urgent_text if ticked else None)

    def _changed(self) -> None:
        ticked = self.ticked
        self.urgent.show_if(self.urgent_text if ticked else None)
        self.answered.emit(ticked)
