"""The countdown ring repaints little: the changed digits, the arc's moving end."""

import pytest
from helpers import exposed
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QRegion

from necktimer.ui.ring import CountdownRing

BLUE = QColor("#2f7fd1")


class PaintedRects(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []
        self.region = QRegion()  # exactly what was repainted, not its bounding box

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
            self.region = self.region.united(event.region())
        return False


def shown_ring(qtbot) -> tuple[CountdownRing, PaintedRects]:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_state(0.5, BLUE, "11:40", "Ice · off at 18:05")
    ring.show()
    exposed(ring)
    qtbot.wait(50)  # its first, whole paint
    painted = PaintedRects()
    ring.installEventFilter(painted)
    return ring, painted


def test_a_new_second_repaints_only_the_digits_that_changed(qtbot):
    ring, painted = shown_ring(qtbot)
    ring.set_state(0.5, BLUE, "11:39", "Ice · off at 18:05")
    qtbot.waitUntil(lambda: bool(painted.rects), timeout=2000)
    [rect] = painted.rects
    whole = ring._text_rect().toAlignedRect()  # noqa: SLF001 - the box the digits sit in
    assert rect.width() * rect.height() < whole.width() * whole.height() / 2
    # ... and all of what changed: the last two glyphs, at their full height
    font = ring._text_style("11:39")[0].font  # noqa: SLF001
    metrics = QFontMetricsF(font)
    right = whole.center().x() + metrics.horizontalAdvance("11:39") / 2
    left = right - metrics.horizontalAdvance("39")
    assert rect.left() <= left and rect.right() >= right - 1
    assert rect.height() >= metrics.height() - 1
    painted.rects.clear()
    ring.set_state(0.5, BLUE, "11:38", "Ice · off at 18:05")  # most seconds: one digit
    qtbot.waitUntil(lambda: bool(painted.rects), timeout=2000)
    [rect] = painted.rects
    assert rect.width() * rect.height() < whole.width() * whole.height() / 4


def test_text_of_another_shape_repaints_the_whole_box(qtbot):
    ring, painted = shown_ring(qtbot)
    ring.set_state(0.5, BLUE, "9:59", "Ice · off at 18:05")
    qtbot.waitUntil(lambda: bool(painted.rects), timeout=2000)
    whole = ring._text_rect().toAlignedRect()  # noqa: SLF001
    assert painted.rects[0].contains(whole)


def fresh_pixels(fraction: float, text: str, size: int = 400) -> QImage:
    """The ring drawn from scratch at one state: what every partial repaint must equal."""
    ring = CountdownRing()
    ring.resize(size, size)
    ring.set_state(fraction, BLUE, text, "Ice · off at 18:05")
    return ring.grab().toImage()


def differing(before: QImage, after: QImage, levels: int) -> set[tuple[int, int]]:
    """Pixels where a colour channel differs by more than `levels` of 255."""
    assert before.size() == after.size()
    found = set()
    for y in range(before.height()):
        for x in range(before.width()):
            a, b = before.pixel(x, y), after.pixel(x, y)
            if a != b and any(abs((a >> shift & 255) - (b >> shift & 255)) > levels
                              for shift in (0, 8, 16)):
                found.add((x, y))
    return found


# Qt flattens an arc into line segments chosen by its length, so a shorter arc moves its
# antialiased edges all along the ring by up to a quarter pixel: up to about 60 levels
# of 255 in an edge pixel, even between two fresh drawings, and nobody can see it. Such
# differences are lines one or two pixels wide. What a wrong repaint leaves is either
# strong (old digits, an old arc end, a gap in the arc: 150 levels or more) or a patch
# (a gap in the faint track: about 30 levels, with all eight neighbours differing too).
STRONG, FAINT = 80, 12


def changed_patches(before: QImage, after: QImage) -> set[tuple[int, int]]:
    """The pixels a person would see change between two images of the same size."""
    faint = differing(before, after, FAINT)
    patches = {(x, y) for x, y in faint
               if all((x + dx, y + dy) in faint for dx in (-1, 0, 1) for dy in (-1, 0, 1))}
    return patches | differing(before, after, STRONG)


def test_two_fresh_arcs_differ_only_near_their_ends():
    """The check above sees no patch where only Qt's flattening of the arc differs."""
    before, after = fresh_pixels(0.5, "07:30"), fresh_pixels(0.4833, "07:30")
    patches = changed_patches(before, after)
    assert patches  # the arc's end moved 18 px
    assert all(y > 330 for _, y in patches)  # all at 6 o'clock, none along the ring


# (from, to): the first second, a second of a 15-minute session, of a 1-minute one, the
# last second, a minute's turn, and a jump across a quarter of the ring (a laptop woken
# from suspend)
STEPS = [((1.0, "15:00"), (0.9989, "14:59")),
         ((0.5, "07:30"), (0.4989, "07:29")),
         ((0.5, "00:30"), (0.4833, "00:29")),
         ((0.0011, "00:01"), (0.0, "00:00")),
         ((0.9, "13:30"), (0.8999, "13:29")),
         ((0.8, "12:00"), (0.3, "04:30"))]


@pytest.mark.parametrize(("first", "then"), STEPS)
def test_each_repaint_covers_every_pixel_that_changed(qtbot, first, then):
    """What Qt repainted holds all that differs between the two states, however far the
    arc moved: nothing of the old arc or digits is left on screen."""
    (fraction, text), (next_fraction, next_text) = first, then
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_state(fraction, BLUE, text, "Ice · off at 18:05")
    ring.show()
    exposed(ring)
    qtbot.wait(50)
    painted = PaintedRects()
    ring.installEventFilter(painted)
    ring.set_state(next_fraction, BLUE, next_text, "Ice · off at 18:05")
    qtbot.waitUntil(lambda: bool(painted.rects), timeout=2000)
    changed = changed_patches(fresh_pixels(fraction, text), fresh_pixels(next_fraction,
                                                                          next_text))
    assert changed, "the two states look the same: the case tests nothing"
    missed = [p for p in changed if not painted.region.contains(QPoint(*p))]
    assert not missed, f"{len(missed)} changed pixels not repainted, e.g. {missed[:3]}"
    ring.close()


def digits(seconds: int) -> str:
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


@pytest.mark.parametrize(("seconds", "length"), [(70, 120), (905, 900)])
def test_second_by_second_paints_add_up_to_one_whole_paint(qtbot, seconds, length):
    """Each second paints only what Qt asks for (the changed glyphs, the arc's end);
    laid over each other, those paints make the picture one whole paint makes."""
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_state(min(seconds / length, 1.0), BLUE, digits(seconds), "")
    with qtbot.waitExposed(ring):
        ring.show()
    qtbot.wait(50)
    picture = ring.grab().toImage()
    painted = PaintedRects()
    ring.installEventFilter(painted)
    for left in range(seconds - 1, seconds - 26, -1):  # across a minute's turn
        painted.rects.clear()
        painted.region = QRegion()
        ring.set_state(min(left / length, 1.0), BLUE, digits(left), "")
        qtbot.waitUntil(lambda: bool(painted.rects), timeout=2000)
        # The paint Qt asked for, again, where it goes (render puts the region's corner
        # at the offset given).
        ring.render(picture, painted.region.boundingRect().topLeft(), painted.region)
    assert picture.size() == ring.grab().size()
    assert changed_patches(picture, ring.grab().toImage()) == set()
    ring.close()


def patches_against_fresh(ring: CountdownRing, fraction: float) -> list[tuple[int, int]]:
    """Patches where the pixmap drawn second by second differs from a fresh drawing."""
    kept = ring._ring_pixmap().toImage()  # noqa: SLF001 - the pixmap the seconds drew into
    whole = CountdownRing()
    whole.resize(ring.size())
    whole.set_state(fraction, BLUE, "09:00", "")
    return sorted(changed_patches(kept, whole._ring_pixmap().toImage()))  # noqa: SLF001


@pytest.mark.parametrize(("start", "size"), [(1.0, 400), (0.6, 400), (0.03, 400),
                                             (0.012, 120)])
def test_the_ring_drawn_in_pieces_equals_one_drawn_whole(start, size):
    """Each second only a stretch of the ring around the arc's end is drawn again into
    the kept pixmap (across 12 o'clock too, and down to nothing); after a run of seconds,
    and after a jump, it holds what a fresh drawing does."""
    ring = CountdownRing()
    ring.resize(size, size)
    ring.set_state(start, BLUE, "09:00", "")
    ring._ring_pixmap()  # noqa: SLF001 - drawn whole once, as at the first paint
    fraction = start
    for _second in range(40):  # 40 seconds of a 15-minute session
        fraction = max(0.0, fraction - 1 / 900)
        ring.set_state(fraction, BLUE, "09:00", "")
        ring._ring_pixmap()  # noqa: SLF001 - what each paint does first
    assert patches_against_fresh(ring, fraction) == []
    fraction = start / 2  # a jump
    ring.set_state(fraction, BLUE, "09:00", "")
    ring._ring_pixmap()  # noqa: SLF001
    for _second in range(5):  # a 1-minute session's seconds
        fraction = max(0.0, fraction - 1 / 60)
        ring.set_state(fraction, BLUE, "09:00", "")
        ring._ring_pixmap()  # noqa: SLF001
    assert patches_against_fresh(ring, fraction) == []


@pytest.mark.parametrize("size", [120, 300, 400])
def test_the_countdown_digits_look_as_qt_draws_the_text(size):
    """Large digits are filled from kept outlines: they land where drawText puts them,
    and look the same; small ones are left to drawText (Qt caches those itself)."""
    ring = CountdownRing()
    ring.resize(size, size)
    ring.set_state(0.5, BLUE, "07:29", "")
    rect = ring._text_rect()  # noqa: SLF001

    def blank() -> QImage:
        image = QImage(size, size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        return image

    ours, qts = blank(), blank()
    painter = QPainter(ours)
    ring._draw_text(painter, rect, QColor("black"))  # noqa: SLF001
    painter.end()
    painter = QPainter(qts)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor("black"))
    painter.setFont(ring._text_style("07:29")[0].font)  # noqa: SLF001
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "07:29")
    painter.end()
    ink = sum(1 for y in range(size) for x in range(size) if qts.pixel(x, y) & 255 < 128)
    assert ink > size * 4  # the digits are there at all
    assert differing(ours, qts, 16) == set()


@pytest.mark.parametrize("text", ["09:00", "Ready"])
def test_the_digits_and_the_caption_are_both_drawn(text):
    """Whichever way the big text is drawn, the caption under it is drawn too."""
    ring = CountdownRing()
    ring.resize(400, 400)
    ring.set_state(0.6, BLUE, text, "Ice · off at 10:15")
    image = ring.grab().toImage()

    def ink(rect) -> int:
        rect = rect.toAlignedRect()
        return sum(1 for y in range(rect.top(), rect.bottom())
                   for x in range(rect.left(), rect.right()) if image.pixel(x, y) & 255 < 100)

    assert ink(ring._text_rect()) > 1000  # noqa: SLF001
    assert ink(ring._caption_rect()) > 50  # noqa: SLF001


def test_only_a_moving_arc_keeps_a_pixmap_and_both_ways_look_the_same():
    """A still ring (ready, time's up) is drawn straight to the window: the pixmap is
    memory a window idle all day does not need."""
    still = CountdownRing()
    still.resize(400, 400)
    still.set_state(0.6, BLUE, "09:00", "Ice · off at 10:15")
    drawn_straight = still.grab().toImage()
    assert still._cache is None  # noqa: SLF001
    moving = CountdownRing()
    moving.resize(400, 400)
    moving.set_state(0.61, BLUE, "09:00", "Ice · off at 10:15")
    moving.grab()
    moving.set_state(0.6, BLUE, "09:00", "Ice · off at 10:15")
    from_pixmap = moving.grab().toImage()
    assert moving._cache is not None  # noqa: SLF001
    assert changed_patches(drawn_straight, from_pixmap) == set()
    moving.set_state(1.0, QColor("#3c9a5f"), "Ready", "")  # another state: still again
    assert moving._cache is None  # noqa: SLF001


def dark_pixels(image: QImage, rect: QRect) -> int:
    """Pixels of text (dark) inside `rect`: the ring's colour and background are light."""
    return sum(1 for y in range(rect.top(), rect.bottom() + 1)
               for x in range(rect.left(), rect.right() + 1)
               if QColor(image.pixel(x, y)).lightness() < 90)


@pytest.mark.parametrize(("side", "text", "drawn"), [
    (400, "1 h 18 min", "text and caption"),
    (80, "4:05", "text"),  # a small ring: the digits across its middle, no caption
    (80, "1 h 18 min", "ring"),  # too wide even in the smallest font: left out, not cut
    (30, "4:05", "nothing"),  # too small to read at all
])
def test_a_small_ring_drops_what_it_cannot_show_whole(side, text, drawn):
    """On a short screen the ring gives its room to the buttons (it has no least size);
    what no longer fits in it is left out, never drawn across the ring or cut off."""
    assert CountdownRing().minimumSizeHint().height() <= 0
    ring = CountdownRing()
    ring.resize(side, side)
    ring.set_state(0.6, BLUE, text, "until the next session, at 20:06")
    image = ring.grab().toImage()
    whole = image.rect()
    inside = dark_pixels(image, whole)
    caption = ring._caption_rect().toAlignedRect()  # noqa: SLF001
    with_caption = not caption.isEmpty() and dark_pixels(image, caption) > 20
    blue = sum(1 for y in range(whole.height()) for x in range(whole.width())
               if QColor(image.pixel(x, y)).blue() > 180 > QColor(image.pixel(x, y)).red())
    assert (blue > 0) == (drawn != "nothing")
    assert (inside > 20) == (drawn in ("text", "text and caption"))
    assert with_caption == (drawn == "text and caption")


def test_a_caption_too_long_for_a_small_ring_is_left_out_not_cut(qapp):
    """A German caption in a small ring was cut at its top and bottom lines."""
    ring = CountdownRing()
    ring.resize(120, 120)
    caption = ring._caption_rect().toAlignedRect()  # noqa: SLF001
    assert not caption.isEmpty()
    ring.set_state(1.0, BLUE, "Bereit", "Eis oder Wärme starten, wann immer Sie es möchten")
    assert dark_pixels(ring.grab().toImage(), caption) == 0
    ring.set_state(1.0, BLUE, "Bereit", "jetzt")  # a short one still fits: it is drawn
    assert dark_pixels(ring.grab().toImage(), caption) > 5


@pytest.mark.parametrize("caption", ["next session: at most 14 min 57 s",
                                     "Eis oder Wärme starten, wann immer Sie es möchten",
                                     "remove the ice pack"])
def test_every_caption_line_stays_inside_the_ring(qapp, caption):
    """The caption was wrapped in a rectangle whose lower corners reach into the ring: at 2×
    the second line of "next session: at most 14 min 57 s" touched the ring's stroke.
    Each line now lies inside the ring's inner edge, at every size and font size."""
    ring = CountdownRing()
    drawn = 0
    for font_px in (9, 12, 16, 24):
        font = ring.font()
        font.setPixelSize(font_px)
        ring.setFont(font)
        for side in range(100, 420, 15):
            ring.resize(side, side)
            ring.set_state(0.0, BLUE, "Ready", caption)
            geometry = ring._layout()  # noqa: SLF001
            (cx, cy), inside = geometry.centre, geometry.radius - geometry.thickness / 2
            layout = ring._caption_layout()  # noqa: SLF001
            if layout is None:
                continue  # left out where it cannot fit: never cut
            drawn += 1
            assert sum(layout.lineAt(n).textLength() for n in range(layout.lineCount())) \
                == len(caption)  # all of it: none left beyond the last line
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                text = line.naturalTextRect().translated(layout.position())
                assert line.textLength() > 0
                for x, y in ((text.left(), text.top()), (text.right(), text.top()),
                             (text.left(), text.bottom()), (text.right(), text.bottom())):
                    assert (x - cx) ** 2 + (y - cy) ** 2 < inside ** 2, (side, font_px, number)
    assert drawn > 40  # most sizes have room for it
