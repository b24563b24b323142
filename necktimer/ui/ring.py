"""The big countdown ring: an arc that shrinks as the session runs, with the time in the middle.

Painting a thick antialiased ring is the costliest thing the window does, and
a countdown repaints every second. So the ring (track and arc) is drawn into a
cached pixmap that is redrawn only when the arc's end moves by a whole pixel,
and each second only the rectangle of the digits is repainted over it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QSizePolicy, QWidget


class CountdownRing(QWidget):
    """Shows a fraction (1.0 full, 0.0 empty) as an arc, a big line of text and a caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._color = QColor("#8a8f98")
        self._text = ""
        self._caption = ""
        self._cache: QPixmap | None = None
        self._cache_key: tuple | None = None
        self.setMinimumSize(QSize(120, 120))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_state(self, fraction: float, color: QColor, text: str, caption: str) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        arc_moved = self._arc_steps(fraction) != self._arc_steps(self._fraction)
        recoloured = color.rgba() != self._color.rgba()
        text_changed = text != self._text
        caption_changed = caption != self._caption
        old_tip = self._tip_rect(self._fraction)
        old_text = self._text
        self._fraction, self._color, self._text, self._caption = fraction, color, text, caption
        if recoloured:
            self.update()
            return
        if arc_moved:
            # Only the arc's end moved: repaint around its old and new place.
            self.update(old_tip.united(self._tip_rect(fraction)).toAlignedRect())
        if text_changed:
            self.update(self._changed_text_rect(old_text, text).toAlignedRect()
                        .adjusted(-2, -2, 2, 2))
        if caption_changed:
            self.update(self._caption_rect().toAlignedRect().adjusted(-2, -2, 2, 2))

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
        # As small as it may get: the ring takes the room the controls leave, never the
        # other way round (a scroll area sizes its content by preferred heights).
        return self.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return False

    # -- geometry -------------------------------------------------------------------------

    def _box(self) -> tuple[QRectF, float]:
        side = min(self.width(), self.height())
        thickness = max(6.0, side * 0.07)
        box = QRectF((self.width() - side) / 2 + thickness, (self.height() - side) / 2 + thickness,
                     side - 2 * thickness, side - 2 * thickness)
        return box, thickness

    def _arc_steps(self, fraction: float) -> int:
        """The arc's length in whole pixels: the ring is redrawn only when this changes."""
        box, _ = self._box()
        return round(fraction * math.pi * max(box.width(), 1.0))

    def _tip_rect(self, fraction: float) -> QRectF:
        """Where the arc ends (with its round cap) when `fraction` of the ring is left."""
        box, thickness = self._box()
        angle = math.radians(fraction * 360.0)
        radius = box.width() / 2
        x = box.center().x() + radius * math.sin(angle)
        y = box.center().y() - radius * math.cos(angle)
        reach = thickness + 2
        tip = QRectF(x - reach, y - reach, 2 * reach, 2 * reach)
        # At 12 o'clock the arc starts too: keep the start's square end in the region.
        start = QRectF(box.center().x() - reach, box.top() - reach, 2 * reach, 2 * reach)
        return tip.united(start) if fraction >= 0.999 or fraction <= 0.001 else tip

    def _text_rect(self) -> QRectF:
        box, _ = self._box()
        return QRectF(box.left() + box.width() * 0.1, box.top() + box.height() * 0.22,
                      box.width() * 0.8, box.height() * 0.40)

    def _text_font(self, text: str) -> QFont:
        big = QFont(self.font())
        big.setWeight(QFont.Weight.DemiBold)
        big.setPixelSize(_fitting_size(big, text, self._text_rect()))
        return big

    def _changed_text_rect(self, old: str, new: str) -> QRectF:
        """Where the digits changed: from 11:40 to 11:39 only the last two glyphs, in the
        font's height, not the whole text box (a fifth of the pixels sent each second)."""
        rect = self._text_rect()
        font = self._text_font(new)
        metrics = QFontMetricsF(font)
        if (len(old) != len(new) or font != self._text_font(old)
                or metrics.horizontalAdvance(old) != metrics.horizontalAdvance(new)):
            return rect  # it moved or resized: all of it
        same = next((i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b),
                    len(new))
        left = rect.center().x() - metrics.horizontalAdvance(new) / 2
        start = left + metrics.horizontalAdvance(new[:same])
        end = left + metrics.horizontalAdvance(new)
        height = metrics.height()
        return QRectF(start - height * 0.1, rect.center().y() - height / 2,
                      end - start + height * 0.2, height).intersected(rect)

    def _caption_rect(self) -> QRectF:
        box, _ = self._box()
        return QRectF(box.left() + box.width() * 0.14, box.top() + box.height() * 0.63,
                      box.width() * 0.72, box.height() * 0.25)

    # -- painting -------------------------------------------------------------------------

    def _ring_pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        palette = self.palette()
        track = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Mid)
        background = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
        key = (self.width(), self.height(), ratio, self._arc_steps(self._fraction),
               self._color.rgba(), track.rgba(), background.rgba())
        if self._cache is not None and key == self._cache_key:
            return self._cache
        pixmap = QPixmap(QSize(math.ceil(self.width() * ratio), math.ceil(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        # Our own background: the ring paints every pixel, so its parents never repaint
        # behind it (WA_OpaquePaintEvent) when the digits change.
        pixmap.fill(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window))
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box, thickness = self._box()
        track.setAlpha(90)
        painter.setPen(QPen(track, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        painter.drawEllipse(box)
        if self._fraction > 0:
            painter.setPen(QPen(self._color, thickness, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            # Qt angles are in 1/16 degree, counter-clockwise from 3 o'clock: start at
            # 12 o'clock and run clockwise.
            painter.drawArc(box, 90 * 16, -round(self._fraction * 360 * 16))
        painter.end()
        self._cache, self._cache_key = pixmap, key
        return pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._ring_pixmap())
        # The active colours always: an unfocused window must stay readable at a glance.
        text_color = self.palette().color(QPalette.ColorGroup.Active,
                                          QPalette.ColorRole.WindowText)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(text_color)
        text_rect = self._text_rect()
        if event.rect().intersects(text_rect.toAlignedRect()):
            painter.setFont(self._text_font(self._text))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, self._text)
        caption_rect = self._caption_rect()
        if event.rect().intersects(caption_rect.toAlignedRect()):
            small = QFont(self.font())
            small.setPixelSize(_caption_size(small, self._caption, caption_rect))
            painter.setFont(small)
            painter.drawText(caption_rect, CAPTION_FLAGS, self._caption)
        painter.end()


def _fitting_size(font: QFont, text: str, rect: QRectF) -> int:
    """The largest pixel size at which `text` fits the rectangle on one line."""
    size = max(12, int(rect.height() * 0.62))
    probe = QFont(font)
    while size > 12:
        probe.setPixelSize(size)
        if QFontMetricsF(probe).horizontalAdvance(text) <= rect.width():
            break
        size = int(size * 0.9)
    return size


CAPTION_FLAGS = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap


def _caption_size(font: QFont, text: str, rect: QRectF) -> int:
    """The system font's size (large fonts stay large), smaller only where the wrapped
    caption would not fit the ring (a small ring on a short screen)."""
    size = max(8, min(QFontInfo(font).pixelSize(), int(rect.height() * 0.3)))
    probe = QFont(font)
    while size > 8:
        probe.setPixelSize(size)
        needed = QFontMetricsF(probe).boundingRect(rect, CAPTION_FLAGS, text)
        if needed.height() <= rect.height() and needed.width() <= rect.width():
            break
        size -= 1
    return size
