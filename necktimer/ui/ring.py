"""The big countdown ring: an arc that shrinks as the session runs, with the time in the middle.

Painting a thick antialiased ring is the costliest thing the window does, and
a countdown repaints every second. So the ring (track and arc) is kept in a
pixmap: when the arc's end moves by a whole pixel only a short stretch of the
ring around it is drawn again, and each second only the rectangle of the changed
digits is repainted over it. The digits' font is fitted once per shape of text
("00:00"), and their glyphs' outlines are kept, not loaded again each second.

Each second's work is kept short on purpose: a program that runs past its scheduler
slice (1.4 ms on a 2-core laptop) before it writes its repaint is preempted by the X
server it wakes, which doubles its context switches (README, "Benchmarks").
"""

from __future__ import annotations

import math
import os

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPainterPath,
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
        self._cache_key: tuple | None = None  # what the whole pixmap was drawn for
        self._cache_fraction = 0.0  # where its arc ends
        self._fonts: dict[str, tuple[QFont, QFontMetricsF]] = {}  # by shape of text
        self._geometry: tuple = (None, None)  # ((width, height), what _box says for it)
        self._widths: dict[str, tuple[QFont, QFontMetricsF, float]] = {}  # the last texts'
        self._glyphs: dict[tuple[int, str], tuple[QPainterPath, float]] = {}  # countdown's
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
        old_fraction, old_text = self._fraction, self._text
        self._fraction, self._color, self._text, self._caption = fraction, color, text, caption
        if recoloured:
            self.update()
            return
        if arc_moved:
            self.update(self._arc_change(old_fraction, fraction).toAlignedRect())
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
        """The square the ring's centre line runs round, and the ring's thickness."""
        width, height = self.width(), self.height()
        if self._geometry[0] != (width, height):
            side = min(width, height)
            thickness = max(6.0, side * 0.07)
            box = QRectF((width - side) / 2 + thickness, (height - side) / 2 + thickness,
                         side - 2 * thickness, side - 2 * thickness)
            self._geometry = ((width, height), (box, thickness))
        return self._geometry[1]

    def _arc_steps(self, fraction: float) -> int:
        """The arc's length in whole pixels: the ring is redrawn only when this changes.

        Any arc that is drawn at all (its round caps make a dot even at a sliver of a
        degree) counts at least 1, so that it is rubbed out when the fraction reaches 0.
        """
        box, _ = self._box()
        steps = round(fraction * math.pi * max(box.width(), 1.0))
        return max(steps, 1) if round(fraction * 5760) > 0 else 0

    def _tip_rect(self, fraction: float) -> QRectF:
        """Where the arc ends (with its round cap) when `fraction` of the ring is left."""
        box, thickness = self._box()
        angle = math.radians(fraction * 360.0)
        radius = box.width() / 2
        x = box.center().x() + radius * math.sin(angle)
        y = box.center().y() - radius * math.cos(angle)
        # The pen's half width (and its round cap), and a pixel or two of antialiasing.
        # Near 12 o'clock this box holds the arc's starting cap too.
        reach = thickness / 2 + 2
        return QRectF(x - reach, y - reach, 2 * reach, 2 * reach)

    def _arc_change(self, old: float, new: float) -> QRectF:
        """Every pixel that differs between the arc ending at `old` and at `new`."""
        box, thickness = self._box()
        if abs(old - new) * math.pi * box.width() > thickness:
            return QRectF(self.rect())  # a jump (after a suspend, say): the whole ring
        # Close together, the bounding box of both ends holds the arc between them.
        return self._tip_rect(old).united(self._tip_rect(new))

    def _text_rect(self) -> QRectF:
        box, _ = self._box()
        return QRectF(box.left() + box.width() * 0.1, box.top() + box.height() * 0.22,
                      box.width() * 0.8, box.height() * 0.40)

    def _text_style(self, text: str) -> tuple[QFont, QFontMetricsF, float]:
        """The largest font in which `text` fits the box, its metrics, and the text's width.

        Fitted once per shape ("00:00" for every countdown minute) and checked for
        each text, since a font's digits need not all be equally wide. Measuring text
        lays it out, so the last few widths are kept: each second asks for the new text
        and the one before it.
        """
        known = self._widths.get(text)
        if known is not None:
            return known
        shape = text.translate(_DIGITS_AS_ZERO)
        style = self._fonts.get(shape)
        rect = self._text_rect()
        width = style[1].horizontalAdvance(text) if style is not None else 0.0
        if style is None or width > rect.width():
            big = QFont(self.font())
            big.setWeight(QFont.Weight.DemiBold)
            big.setPixelSize(_fitting_size(big, text, rect))
            style = self._fonts[shape] = (big, QFontMetricsF(big))
            width = style[1].horizontalAdvance(text)
        if len(self._widths) >= 4:
            del self._widths[next(iter(self._widths))]  # the oldest
        known = self._widths[text] = (*style, width)
        return known

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_fonts()
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self._forget_fonts()
        super().resizeEvent(event)

    def _forget_fonts(self) -> None:
        self._fonts.clear()
        self._widths.clear()
        self._glyphs.clear()

    def _changed_text_rect(self, old: str, new: str) -> QRectF:
        """Where the digits changed: from 11:40 to 11:39 only the last two glyphs, in the
        font's height, not the whole text box (a fifth of the pixels sent each second)."""
        rect = self._text_rect()
        font, metrics, width = self._text_style(new)
        old_font, _, old_width = self._text_style(old)
        if len(old) != len(new) or font is not old_font or old_width != width:
            return rect  # it moved or resized: all of it
        same = next((i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b),
                    len(new))
        left = rect.center().x() - width / 2
        start = left + metrics.horizontalAdvance(new[:same])
        end = left + width
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
        key = (self.width(), self.height(), ratio, self._color.rgba(), track.rgba(),
               background.rgba())
        if self._cache is None or key != self._cache_key:
            pixmap = QPixmap(QSize(math.ceil(self.width() * ratio),
                                   math.ceil(self.height() * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            self._draw_ring(pixmap, QRectF(self.rect()), track, background)
            self._cache, self._cache_key = pixmap, key
        elif self._arc_steps(self._fraction) != self._arc_steps(self._cache_fraction):
            # Only the arc's end moved: draw the ring again just around it.
            self._draw_ring(self._cache, self._arc_change(self._cache_fraction, self._fraction),
                            track, background)
        else:
            return self._cache
        self._cache_fraction = self._fraction
        return self._cache

    def _draw_ring(self, pixmap: QPixmap, area: QRectF, track: QColor,
                   background: QColor) -> None:
        """Track and arc, drawn within `area` of the pixmap (over whatever was there)."""
        painter = QPainter(pixmap)
        painter.setClipRect(area)
        # Our own background: the ring paints every pixel, so its parents never repaint
        # behind it (WA_OpaquePaintEvent) when the digits change.
        painter.fillRect(area, background)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box, thickness = self._box()
        track = QColor(track)
        track.setAlpha(90)
        track_pen = QPen(track, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        arc_pen = QPen(self._color, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        # Positions on the ring in 1/16 degree, clockwise from 12 o'clock; Qt's angles run
        # counter-clockwise from 3 o'clock.
        end = round(self._fraction * 5760)
        first, last = 0, 5760  # the stretch of the ring to stroke
        if area.width() < self.width():
            # A few pixels around the arc's end: stroke only that stretch of the ring.
            # Stroking all of it, even clipped, costs several times more; the stretch
            # reaches well past the area, so its own ends and caps fall outside the clip.
            radius = box.width() / 2
            middle = math.atan2(area.center().x() - box.center().x(),
                                box.center().y() - area.center().y())
            middle = round(math.degrees(middle) * 16)
            reach = round(math.degrees(3 * thickness / max(radius, 1.0)) * 16)
            first, last = middle - reach, middle + reach
        painter.setPen(track_pen)
        if last - first >= 5760:
            painter.drawEllipse(box)
        else:
            painter.drawArc(box, 1440 - first, first - last)
        painter.setPen(arc_pen)
        # The arc runs from 0 to `end`; the stretch may lie across 12 o'clock.
        for turn in (-5760, 0, 5760):
            start, stop = max(0, first + turn), min(end, last + turn)
            if stop > start:
                painter.drawArc(box, 1440 - start, start - stop)
        painter.end()

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
            self._draw_text(painter, text_rect, text_color)
        caption_rect = self._caption_rect()
        if event.rect().intersects(caption_rect.toAlignedRect()):
            small = QFont(self.font())
            small.setPixelSize(_caption_size(small, self._caption, caption_rect))
            painter.setFont(small)
            painter.drawText(caption_rect, CAPTION_FLAGS, self._caption)
        painter.end()

    def _draw_text(self, painter: QPainter, rect: QRectF, color: QColor) -> None:
        """The big text, centred in `rect`.

        Qt draws glyphs larger than _OUTLINE_SIZE device pixels as outlines, loading
        each one from the font file again on every paint (hinting included). A
        countdown uses eleven glyphs, so their outlines are kept and filled where
        drawText would put them.
        """
        text = self._text
        font, metrics, _width = self._text_style(text)
        outlines = font.pixelSize() * self.devicePixelRatioF() > _OUTLINE_SIZE
        if not outlines or not set(text) <= _COUNTDOWN_GLYPHS:
            # (smaller glyphs come from Qt's own cache of drawn glyphs, and are hinted)
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            return
        glyphs = [self._glyph(font, metrics, char) for char in text]
        x = rect.center().x() - sum(advance for _, advance in glyphs) / 2
        baseline = rect.center().y() + (metrics.ascent() - metrics.descent()) / 2
        painter.save()  # the caption is drawn with the pen, after this
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        for outline, advance in glyphs:
            painter.drawPath(outline.translated(x, baseline))
            x += advance
        painter.restore()

    def _glyph(self, font: QFont, metrics: QFontMetricsF, char: str) -> tuple[QPainterPath, float]:
        key = (font.pixelSize(), char)
        glyph = self._glyphs.get(key)
        if glyph is None:
            outline = QPainterPath()
            outline.addText(0, 0, font, char)
            glyph = self._glyphs[key] = (outline, metrics.horizontalAdvance(char))
        return glyph


_COUNTDOWN_GLYPHS = frozenset("0123456789:")


def _glyph_cache_limit() -> int:
    """The largest glyphs (device pixels) Qt's raster engine caches: 64, or the variable
    it reads too (anything but a positive number there means 64, as for Qt)."""
    value = os.environ.get("QT_MAX_CACHED_GLYPH_SIZE", "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else 64


_OUTLINE_SIZE = _glyph_cache_limit()


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


_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")

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
