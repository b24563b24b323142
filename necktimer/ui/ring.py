"""The big countdown ring: an arc that shrinks as the session runs, with the time in the middle."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class CountdownRing(QWidget):
    """Shows a fraction (1.0 full, 0.0 empty) as an arc, a big line of text and a caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._color = QColor("#8a8f98")
        self._text = "--:--"
        self._caption = ""
        self.setMinimumSize(QSize(200, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("Countdown")

    def set_state(self, fraction: float, color: QColor, text: str, caption: str) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        if (fraction, color, text, caption) == (self._fraction, self._color, self._text,
                                                 self._caption):
            return
        self._fraction, self._color, self._text, self._caption = fraction, color, text, caption
        self.update()

    @property
    def text(self) -> str:
        return self._text

    @property
    def caption(self) -> str:
        return self._caption

    @property
    def fraction(self) -> float:
        return self._fraction

    def sizeHint(self) -> QSize:
        return QSize(260, 260)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        thickness = max(8.0, side * 0.07)
        box = QRectF(
            (self.width() - side) / 2 + thickness,
            (self.height() - side) / 2 + thickness,
            side - 2 * thickness,
            side - 2 * thickness,
        )
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        track = palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(90)
        painter.setPen(QPen(track, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(box)
        if self._fraction > 0:
            pen = QPen(self._color, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Qt angles are in 1/16 degree, counter-clockwise from 3 o'clock:
            # start at 12 o'clock and run clockwise.
            painter.drawArc(box, 90 * 16, -round(self._fraction * 360 * 16))

        text_color = palette.color(QPalette.ColorRole.WindowText)
        big = QFont(self.font())
        big.setPixelSize(max(12, int(box.height() * 0.22)))
        big.setWeight(QFont.Weight.DemiBold)
        painter.setFont(big)
        painter.setPen(text_color)
        upper = QRectF(box.left(), box.top(), box.width(), box.height() * 0.62)
        painter.drawText(upper, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         self._text)
        small = QFont(self.font())
        small.setPixelSize(max(10, int(box.height() * 0.065)))
        painter.setFont(small)
        lower = QRectF(box.left() + box.width() * 0.12, box.top() + box.height() * 0.64,
                       box.width() * 0.76, box.height() * 0.24)
        painter.drawText(lower, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, self._caption)
        painter.end()
