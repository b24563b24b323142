"""The big countdown ring: an arc that shrinks as the session runs, with the time in the middle.

Painting a thick antialiased ring is the costliest thing the window does, and
a countdown repaints every second. So while the arc moves, the ring (track and
arc) is kept in a pixmap: when the arc's end moves by a whole pixel only a short
stretch of the ring around it is drawn again, and each second only the glyphs
of the changed digits are repainted over it. A still ring (ready, time's up)
keeps no pixmap. The digits' font is fitted once per shape of text ("00:00"),
and their glyphs' advances and outlines are kept, not loaded again each second.

Each second's work is kept short on purpose: a program that runs past its scheduler
slice (1.4 ms on a 2-core laptop) before it writes its repaint is preempted by the X
server it wakes, which doubles its context switches (README, "Benchmarks").
"""

from __future__ import annotations

import math
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
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

from necktimer.core.value import value

if TYPE_CHECKING:
    from PySide6.QtGui import QTextLayout

SMALLEST_SIDE = 40  # pixels; a smaller ring's big text could not be read
SMALLEST_WITH_CAPTION = 100  # and below this, its caption


class CountdownRing(QWidget):
    """Shows a fraction (1.0 full, 0.0 empty) as an arc, a big line of text and a caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fraction = 0.0
        self._color = QColor("#8a8f98")
        self._text = ""
        self._caption = ""
        self._caption_laid: tuple[tuple | None, QTextLayout | None] = (None, None)
        self._cache: QPixmap | None = None  # kept only while the arc moves
        self._moving = False  # the arc has moved since the last change of colour
        self._cache_key: tuple | None = None  # what the whole pixmap was drawn for
        self._cache_fraction = 0.0  # where its arc ends
        self._fonts: dict[str, _Lettering] = {}  # by shape of text
        self._geometry: tuple = (None, None)  # ((width, height), _Geometry for that size)
        self._widths: dict[str, tuple[_Lettering, float]] = {}  # the last texts'
        self._palette_colours: tuple[QColor, QColor, QColor] | None = None
        self._pens: tuple[tuple, tuple[QPen, QPen]] = ((), (QPen(), QPen()))  # (for what, pens)
        # No least size: on a short screen (2x, a large font, a banner) the ring gives
        # its room to the buttons; small, it drops its caption (and a text too wide),
        # and below SMALLEST_SIDE it is not drawn at all. The status line under it says
        # the same in words.
        self.setMinimumSize(QSize(0, 0))
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
            # Another state: a still ring (ready, time's up) is drawn straight to the
            # window, and the pixmap is kept again once an arc starts moving.
            self._moving, self._cache = False, None
            self.update()
            return
        if arc_moved:
            self._moving = True
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

    @property
    def color(self) -> QColor:
        return self._color

    def sizeHint(self) -> QSize:
        # As small as it may get: the ring takes the room the controls leave, never the
        # other way round (a scroll area sizes its content by preferred heights).
        return self.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return False

    # -- geometry -------------------------------------------------------------------------

    def _layout(self) -> _Geometry:
        """Everything about where things go, worked out once per size (each second asks)."""
        width, height = self.width(), self.height()
        if self._geometry[0] != (width, height):
            self._geometry = ((width, height), _Geometry.of(width, height))
        return self._geometry[1]

    def _arc_steps(self, fraction: float) -> int:
        """The arc's length in whole pixels: the ring is redrawn only when this changes.

        Any arc that is drawn at all (its round caps make a dot even at a sliver of a
        degree) counts at least 1, so that it is rubbed out when the fraction reaches 0.
        """
        steps = round(fraction * self._layout().perimeter)
        return max(steps, 1) if round(fraction * 5760) > 0 else 0

    def _arc_change(self, old: float, new: float) -> QRectF:
        """Every pixel that differs between the arc ending at `old` and at `new`."""
        geometry = self._layout()
        if abs(old - new) * geometry.perimeter > geometry.thickness:
            return QRectF(self.rect())  # a jump (after a suspend, say): the whole ring
        # Close together, the bounding box of both ends holds the arc between them.
        (x1, y1, w1, h1), (x2, y2, w2, h2) = geometry.tip(old), geometry.tip(new)
        left, top = min(x1, x2), min(y1, y2)
        return QRectF(left, top, max(x1 + w1, x2 + w2) - left, max(y1 + h1, y2 + h2) - top)

    def _text_rect(self) -> QRectF:
        return self._layout().text_rect

    def _text_style(self, text: str) -> tuple[_Lettering, float]:
        """The lettering of the largest font in which `text` fits the box, and its width.

        Fitted once per shape ("00:00" for every countdown minute) and checked for
        each text, since a font's digits need not all be equally wide. The last few
        texts are kept: each second asks for the new text and the one before it.
        """
        known = self._widths.get(text)
        if known is not None:
            return known
        shape = text.translate(_DIGITS_AS_ZERO)
        lettering = self._fonts.get(shape)
        rect = self._text_rect()
        width = lettering.width(text) if lettering is not None else 0.0
        if lettering is None or width > rect.width():
            big = QFont(self.font())
            big.setWeight(QFont.Weight.DemiBold)
            big.setPixelSize(_fitting_size(big, text, rect))
            lettering = self._fonts[shape] = _Lettering(big)
            width = lettering.width(text)
        if len(self._widths) >= 4:
            del self._widths[next(iter(self._widths))]  # the oldest
        known = self._widths[text] = (lettering, width)
        return known

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_fonts()
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._palette_colours = None
        super().changeEvent(event)

    def resizeEvent(self, event) -> None:
        self._forget_fonts()
        super().resizeEvent(event)

    def _forget_fonts(self) -> None:
        self._fonts.clear()
        self._widths.clear()

    def _changed_text_rect(self, old: str, new: str) -> QRectF:
        """Where the digits changed: from 11:40 to 11:39 only the last two glyphs, in the
        font's height, not the whole text box (a fifth of the pixels sent each second)."""
        rect = self._text_rect()
        lettering, width = self._text_style(new)
        old_lettering, old_width = self._text_style(old)
        if len(old) != len(new) or lettering is not old_lettering or old_width != width:
            return rect  # it moved or resized: all of it
        same = next((i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b),
                    len(new))
        left = rect.center().x() - width / 2
        start = left + lettering.width(new[:same])
        end = left + width
        height = lettering.height
        return QRectF(start - height * 0.1, rect.center().y() - height / 2,
                      end - start + height * 0.2, height).intersected(rect)

    def _caption_rect(self) -> QRectF:
        return self._layout().caption_rect

    # -- painting -------------------------------------------------------------------------

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        """The track's, the background's and the text's colours, from the palette.

        The active colours always: an unfocused window must stay readable at a glance.
        """
        if self._palette_colours is None:
            palette = self.palette()
            track = QColor(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Mid))
            track.setAlpha(90)
            self._palette_colours = (
                track,
                palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window),
                palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText))
        return self._palette_colours

    def _ring_pixmap(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        track, background, _ = self._colours()
        key = (self.width(), self.height(), ratio, self._color.rgba(), track.rgba(),
               background.rgba())
        if self._cache is None or key != self._cache_key:
            pixmap = QPixmap(QSize(math.ceil(self.width() * ratio),
                                   math.ceil(self.height() * ratio)))
            pixmap.setDevicePixelRatio(ratio)
            self._draw_ring(pixmap, QRectF(self.rect()))
            self._cache, self._cache_key = pixmap, key
        elif self._arc_steps(self._fraction) != self._arc_steps(self._cache_fraction):
            # Only the arc's end moved: draw the ring again just around it.
            self._draw_ring(self._cache, self._arc_change(self._cache_fraction, self._fraction))
        else:
            return self._cache
        self._cache_fraction = self._fraction
        return self._cache

    def _draw_ring(self, pixmap: QPixmap, area: QRectF) -> None:
        painter = QPainter(pixmap)
        # A few pixels round the arc's end: only a stretch of the ring is stroked.
        self._paint_ring(painter, area, stretch=area.width() < self.width())
        painter.end()

    def _ring_pens(self) -> tuple[QPen, QPen]:
        """The track's pen and the arc's, made again only when a colour or the size changes."""
        track = self._colours()[0]
        thickness = self._layout().thickness
        key = (track.rgba(), self._color.rgba(), thickness)
        if self._pens[0] != key:
            self._pens = (key, (
                QPen(track, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap),
                QPen(self._color, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)))
        return self._pens[1]

    def _paint_ring(self, painter: QPainter, area: QRectF, *, stretch: bool) -> None:
        """Track and arc within `area` (over whatever was there); with `stretch`, `area`
        is a few pixels round the arc's end and only that stretch of the ring is stroked."""
        geometry = self._layout()
        track_pen, arc_pen = self._ring_pens()
        painter.setClipRect(area)
        # Our own background: the ring paints every pixel, so its parents never repaint
        # behind it (WA_OpaquePaintEvent) when the digits change.
        painter.fillRect(area, self._colours()[1])
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = geometry.box
        # Positions on the ring in 1/16 degree, clockwise from 12 o'clock; Qt's angles run
        # counter-clockwise from 3 o'clock.
        end = round(self._fraction * 5760)
        first, last = 0, 5760  # the stretch of the ring to stroke
        if stretch:
            # Stroking all of the ring, even clipped, costs several times more; the
            # stretch reaches well past the area, so its own ends and caps fall outside
            # the clip.
            (cx, cy), middle = geometry.centre, area.center()
            middle = round(math.degrees(math.atan2(middle.x() - cx, cy - middle.y())) * 16)
            reach = round(math.degrees(3 * geometry.thickness / max(geometry.radius, 1.0)) * 16)
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

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if min(self.width(), self.height()) < SMALLEST_SIDE:
            painter.fillRect(event.rect(), self._colours()[1])
            return
        if self._moving:
            painter.drawPixmap(0, 0, self._ring_pixmap())
        else:  # a still ring: no pixmap kept for it
            painter.save()
            self._paint_ring(painter, QRectF(event.rect()), stretch=False)
            painter.restore()
        text_color = self._colours()[2]
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(text_color)
        geometry, area = self._layout(), event.rect()
        # Text too long for a small ring (a smallest legible font still too wide) is
        # left out: the arc still shows how far along it is.
        if area.intersects(geometry.text_box) and (
                self._text_style(self._text)[1] <= geometry.text_rect.width() + 0.5):
            self._draw_text(painter, geometry.text_rect, text_color, area)
        if not geometry.caption_rect.isEmpty() and area.intersects(geometry.caption_box):
            layout = self._caption_layout()
            if layout is not None:  # else left out, like a text too wide: never cut off
                layout.draw(painter, QPointF(0, 0))
        painter.end()

    def _caption_layout(self) -> QTextLayout | None:
        """The caption laid out inside the ring, kept while the words, font and size stay."""
        key = (self._caption, self.font().key(), self.width(), self.height())
        if self._caption_laid[0] != key:
            self._caption_laid = (key, _caption_layout(self.font(), self._caption,
                                                       self._layout()))
        return self._caption_laid[1]

    def _draw_text(self, painter: QPainter, rect: QRectF, color: QColor,
                   area: QRect | None = None) -> None:
        """The big text, centred in `rect` (its glyphs that fall in `area`, if given).

        Qt draws glyphs larger than _OUTLINE_SIZE device pixels as outlines, loading
        each one from the font file again on every paint (hinting included). A
        countdown uses eleven glyphs, so their outlines are kept and filled where
        drawText would put them.
        """
        text = self._text
        lettering, width = self._text_style(text)
        font = lettering.font
        outlines = font.pixelSize() * self.devicePixelRatioF() > _OUTLINE_SIZE
        if not outlines or not set(text) <= _COUNTDOWN_GLYPHS:
            # (smaller glyphs come from Qt's own cache of drawn glyphs, and are hinted)
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            return
        x = rect.center().x() - width / 2
        baseline = rect.center().y() + lettering.baseline_offset
        # Most seconds repaint one glyph: the others are left alone (with a tenth of the
        # font's height either side for glyphs whose ink overhangs their advance).
        margin = lettering.height * 0.1
        first, last = (area.left() - margin, area.right() + 1 + margin) if area is not None \
            else (-math.inf, math.inf)
        painter.save()  # the caption is drawn with the pen, after this
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.translate(x, baseline)
        for char in text:
            advance = lettering.advance(char)
            if x + advance >= first and x <= last:
                painter.drawPath(lettering.outline(char))
            painter.translate(advance, 0)
            x += advance
        painter.restore()


@value
class _Geometry:
    """Where the ring, its text and its caption go in a widget of one size."""

    box: QRectF  # the square the ring's centre line runs round
    centre: tuple[float, float]
    radius: float
    thickness: float
    perimeter: float  # the centre line's length, in pixels
    text_rect: QRectF
    caption_rect: QRectF
    text_box: QRect  # the same in whole pixels
    caption_box: QRect

    @classmethod
    def of(cls, width: int, height: int) -> _Geometry:
        side = min(width, height)
        thickness = max(6.0, side * 0.07)
        inner = side - 2 * thickness
        left, top = (width - side) / 2 + thickness, (height - side) / 2 + thickness
        if side < SMALLEST_WITH_CAPTION:  # small: the big text alone, across the middle
            text_rect = QRectF(left + inner * 0.06, top + inner * 0.3, inner * 0.88,
                               inner * 0.4)
            caption_rect = QRectF()
        else:
            text_rect = QRectF(left + inner * 0.1, top + inner * 0.22, inner * 0.8,
                               inner * 0.40)
            caption_rect = QRectF(left + inner * 0.14, top + inner * 0.63, inner * 0.72,
                                  inner * 0.25)
        return cls(
            box=QRectF(left, top, inner, inner),
            centre=(left + inner / 2, top + inner / 2),
            radius=inner / 2,
            thickness=thickness,
            perimeter=math.pi * max(inner, 1.0),
            text_rect=text_rect,
            caption_rect=caption_rect,
            text_box=text_rect.toAlignedRect(),
            caption_box=caption_rect.toAlignedRect(),
        )

    def tip(self, fraction: float) -> tuple[float, float, float, float]:
        """(x, y, width, height) round the arc's end, with its round cap, at `fraction`."""
        angle = math.radians(fraction * 360.0)
        x = self.centre[0] + self.radius * math.sin(angle)
        y = self.centre[1] - self.radius * math.cos(angle)
        # The pen's half width (and its round cap), and a pixel or two of antialiasing.
        # Near 12 o'clock this box holds the arc's starting cap too.
        reach = self.thickness / 2 + 2
        return x - reach, y - reach, 2 * reach, 2 * reach


_COUNTDOWN_GLYPHS = frozenset("0123456789:")


class _Lettering:
    """One font of the big text, with what drawing it each second needs kept at hand."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.height = self.metrics.height()
        self.baseline_offset = (self.metrics.ascent() - self.metrics.descent()) / 2
        self._advances: dict[str, float] = {}  # a countdown's glyphs
        self._outlines: dict[str, QPainterPath] = {}

    def width(self, text: str) -> float:
        """How wide `text` is. A countdown's width adds up its glyphs' advances, as its
        outlines are drawn; measuring any text lays it out, which each second cannot afford."""
        if not set(text) <= _COUNTDOWN_GLYPHS:
            return self.metrics.horizontalAdvance(text)
        return sum(self.advance(char) for char in text)

    def advance(self, char: str) -> float:
        known = self._advances.get(char)
        if known is None:
            known = self._advances[char] = self.metrics.horizontalAdvance(char)
        return known

    def outline(self, char: str) -> QPainterPath:
        """The glyph's outline, its origin on the baseline (kept: loading it hints it)."""
        known = self._outlines.get(char)
        if known is None:
            known = self._outlines[char] = QPainterPath()
            known.addText(0, 0, self.font, char)
        return known


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
        # Measured as it is drawn (a countdown's glyph by glyph), so that the next
        # second's text of the same width is not fitted again.
        if _Lettering(probe).width(text) <= rect.width():
            break
        size = int(size * 0.9)
    return size


_DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")

SMALLEST_CAPTION_PX = 8


def _caption_layout(font: QFont, text: str, geometry: _Geometry) -> QTextLayout | None:
    """The caption wrapped line by line inside the ring, each line as wide as the ring's
    inside allows at its height (the corners of a rectangle reached into the ring: the
    second line of "next session: at most 14 min 57 s" touched it at 2×). At the system
    font's size (large fonts stay large), smaller only where it would not fit; None where
    it does not fit even at the smallest (a long German caption in a small ring was cut)."""
    from PySide6.QtGui import QTextLayout, QTextOption  # drawn after the first map

    rect = geometry.caption_rect
    cx, cy = geometry.centre
    # The inside edge of the ring's stroke, less a little air
    inside = geometry.radius - geometry.thickness / 2 - max(2.0, geometry.thickness * 0.15)
    size = max(SMALLEST_CAPTION_PX, min(QFontInfo(font).pixelSize(), int(rect.height() * 0.3)))
    probe = QFont(font)
    option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    while size >= SMALLEST_CAPTION_PX:
        probe.setPixelSize(size)
        layout = QTextLayout(text, probe)
        layout.setTextOption(option)
        height = QFontMetricsF(probe).height()
        top, fits = rect.top(), True
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            farthest = max(abs(top - cy), abs(top + height - cy))
            half = math.sqrt(max(inside * inside - farthest * farthest, 0.0))
            line.setLineWidth(2 * half)
            line.setPosition(QPointF(cx - half, top))
            top += height
            if top > rect.bottom() or line.naturalTextWidth() > 2 * half + 0.5:
                fits = False
                break
        layout.endLayout()
        if fits:
            return layout
        size -= 1
    return None
