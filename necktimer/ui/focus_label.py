"""A label that takes focus and shows it: the status line, a tip's text.

A focused QLabel draws nothing to say so; Tab seemed to lose focus on them. The ring
is drawn as Qt draws its own focus frames, once the keyboard has moved focus in the
window (a mouse user never sees it), in the palette's highlight colour.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel

RING_WIDTH = 2


class FocusLabel(QLabel):
    def __init__(self, text: str = "", parent=None) -> None:
        super().__init__(text, parent)
        self.setMargin(RING_WIDTH + 1)  # the ring goes round the text, not over it

    def shows_focus(self) -> bool:
        return self.hasFocus() and self.window().testAttribute(
            Qt.WidgetAttribute.WA_KeyboardFocusChange)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.shows_focus():
            painter = QPainter(self)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH))
            half = RING_WIDTH / 2
            painter.drawRoundedRect(self.rect().toRectF().adjusted(half, half, -half, -half),
                                    3, 3)
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
