"""A list that shows it has the focus: the tip topics.

With the focus (F1, Tab) the list looked as it did without (outside tester): Fusion
turns its 1-pixel frame blue, hard to see, and other styles draw nothing. Whenever it
has the focus it gets the ring a focused label draws (focus_label.py), round the frame
(a list, unlike a label, shows it for a click too, as a text field does). Drawn by hand,
not by a style sheet: one on the list kept the light palette's white after a switch to
dark.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QListWidget

from necktimer.ui.focus_label import RING_WIDTH


class RingedList(QListWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # Room beside the frame for the ring's second pixel; the rows keep theirs.
        margin = RING_WIDTH - self.frameWidth() if self.frameWidth() < RING_WIDTH else 0
        self.setViewportMargins(margin, margin, margin, margin)

    def event(self, event: QEvent) -> bool:
        # The frame is the scroll area's own paint, not the viewport's (paintEvent).
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and self.hasFocus():
            painter = QPainter(self)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), RING_WIDTH))
            half = RING_WIDTH / 2
            painter.drawRect(self.rect().toRectF().adjusted(half, half, -half, -half))
            painter.end()
        return handled
