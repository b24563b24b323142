"""Strips across the top of the window for things the user should know or act on.

A banner shows exactly while the view state calls for it (`show_if`), so it
can never be left behind. Three tones, each readable in light and dark palettes:
information (blue), caution (amber) and urgent (red).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


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
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.label.font()
        bold.setBold(True)
        self.label.setFont(bold)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self._layout = layout
        self.hide()
        self.repaint_tone()

    def add_button(self, text: str, accessible: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(accessible)
        self._layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.buttons.append(button)
        return button

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
        self.show()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.ApplicationPaletteChange:
            self.repaint_tone()
