"""Strips across the top of the window for things the user should know or act on.

A banner shows exactly while the view state calls for it (`show_if`), so it
can never be left behind. Three tones, each readable in light and dark palettes:
information (blue), caution (amber) and urgent (red).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QGridLayout, QLabel, QPushButton, QWidget

# Beyond this many lines beside its buttons, a banner's sentence goes above them instead:
# at 2× with a large font the physician's advice ran to seven lines in a narrow column,
# pushing the timer out of a 768-pixel screen.
MOST_LINES_BESIDE = 3


class Tone(enum.Enum):
    INFO = ("#dce9fb", "#0b2a52", "#1d3557", "#e3eeff")
    CAUTION = ("#fff3c4", "#3a2c00", "#5a4300", "#fff6d8")
    URGENT = ("#b3261e", "#ffffff", "#b3261e", "#ffffff")

    def colors(self, dark: bool) -> tuple[QColor, QColor]:
        light_bg, light_fg, dark_bg, dark_fg = self.value
        return (QColor(dark_bg), QColor(dark_fg)) if dark else (QColor(light_bg), QColor(light_fg))


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class Banner(QFrame):
    """A tone, a sentence and up to two buttons; hidden unless the state calls for it."""

    def __init__(self, name: str, tone: Tone, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._tone = tone
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setColumnStretch(0, 1)  # the sentence takes the room; buttons keep right
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.label.font()
        bold.setBold(True)
        self.label.setFont(bold)
        layout.addWidget(self.label, 0, 0)
        self.buttons: list[QPushButton] = []
        self._layout = layout
        self.stacked = False  # the buttons under the sentence, not beside it
        self.hide()
        self.repaint_tone()

    def add_button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        self.buttons.append(button)
        self._place()
        return button

    def _place(self) -> None:
        grid = self._layout
        for widget in (self.label, *self.buttons):
            grid.removeWidget(widget)
        if self.stacked:
            grid.addWidget(self.label, 0, 0, 1, len(self.buttons) + 1)
            for column, button in enumerate(self.buttons, start=1):
                grid.addWidget(button, 1, column)
        else:
            grid.addWidget(self.label, 0, 0)
            for column, button in enumerate(self.buttons, start=1):
                grid.addWidget(button, 0, column, Qt.AlignmentFlag.AlignVCenter)

    def _restack(self, width: int) -> None:
        """Buttons beside the sentence, or under it where beside it would run long."""
        stacked = any(not b.isHidden() for b in self.buttons) and \
            self._lines_beside(width) > MOST_LINES_BESIDE
        if stacked != self.stacked:
            self.stacked = stacked
            self._place()

    def _lines_beside(self, width: int) -> float:
        grid = self._layout
        margins = grid.contentsMargins()
        spacing = max(grid.horizontalSpacing(), 0)
        room = width - margins.left() - margins.right() - sum(
            button.sizeHint().width() + spacing for button in self.buttons
            if not button.isHidden())
        if room <= 0:
            return float("inf")
        return self.label.heightForWidth(room) / self.label.fontMetrics().lineSpacing()

    def resizeEvent(self, event) -> None:
        # Decided by the width alone, which the window gives: the switch cannot make
        # itself switch back.
        self._restack(event.size().width())
        super().resizeEvent(event)

    def event(self, event) -> bool:
        # A button shown, hidden or renamed ("It came off at 20:19" offered late) asks
        # for a new layout: whether the sentence still fits beside them may change.
        if event.type() == event.Type.LayoutRequest and self.width() > 0:
            self._restack(self.width())
        return super().event(event)

    def set_tone(self, tone: Tone) -> None:
        if tone is not self._tone:
            self._tone = tone
            self.repaint_tone()

    def repaint_tone(self) -> None:
        background, text = self._tone.colors(is_dark(QApplication.palette()))
        palette = QPalette(QApplication.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Window, background)
            palette.setColor(group, QPalette.ColorRole.WindowText, text)
        self.setAutoFillBackground(True)
        self.setPalette(palette)
        self.label.setPalette(palette)

    def show_if(self, text: str | None) -> None:
        """Show `text`, or hide when None: the banner follows the state, nothing else."""
        if text is None:
            self.hide()
            return
        if self.label.text() != text:
            self.label.setText(text)
            # A screen reader reads what the banner says, not a fixed name.
            self.setAccessibleName(text)
            self.label.setAccessibleName(text)
            if self.width() > 0:
                self._restack(self.width())
        self.show()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.ApplicationPaletteChange:
            self.repaint_tone()
