"""The countdown ring repaints little: the changed digits, the arc's moving end."""

import pytest
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QColor, QFontMetricsF

from necktimer.ui.ring import CountdownRing

BLUE = QColor("#2f7fd1")


class PaintedRects(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list[QRect] = []

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def shown_ring(qtbot) -> tuple[CountdownRing, PaintedRects]:
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_state(0.5, BLUE, "11:40", "Ice · off at 18:05")
    ring.show()
    qtbot.waitExposed(ring)
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
    font = ring._text_font("11:39")  # noqa: SLF001
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


def fresh_pixels(fraction: float, text: str, size: int = 400):
    """The ring drawn from scratch at one state: what every partial repaint must equal."""
    ring = CountdownRing()
    ring.resize(size, size)
    ring.set_state(fraction, BLUE, text, "Ice · off at 18:05")
    return ring.grab().toImage()


# Qt flattens an arc into line segments chosen by its length, so a shorter arc moves the
# antialiased edge pixels all along the ring, by up to a quarter pixel (about 60 levels
# of 255 in an edge pixel), and nobody can see it. What must be repainted is what
# changes by more: old digits and the arc's old end differ from the new by 150 or more.
UNSEEN = 80


def differing_pixels(before, after) -> list[tuple[int, int]]:
    """Pixels that differ by more than UNSEEN levels of a colour channel."""
    found = []
    for y in range(before.height()):
        for x in range(before.width()):
            a, b = before.pixel(x, y), after.pixel(x, y)
            if a != b and any(abs((a >> shift & 255) - (b >> shift & 255)) > UNSEEN
                              for shift in (0, 8, 16)):
                found.append((x, y))
    return found


# (from, to): a second of a 15-minute session, of a 1-minute one, the last second, a
# minute's turn, and a jump across a quarter of the ring (a laptop woken from suspend)
STEPS = [((0.5, "07:30"), (0.4989, "07:29")),
         ((0.5, "00:30"), (0.4833, "00:29")),
         ((0.0011, "00:01"), (0.0, "00:00")),
         ((0.9, "13:30"), (0.8999, "13:29")),
         ((0.8, "12:00"), (0.3, "04:30"))]


def test_each_repaint_covers_every_pixel_that_changed(qtbot):
    """The painted rectangles hold all that differs between the two states, however far
    the arc moved: nothing of the old arc or digits is left on screen."""
    for (fraction, text), (next_fraction, next_text) in STEPS:
        ring = CountdownRing()
        qtbot.addWidget(ring)
        ring.resize(400, 400)
        ring.set_state(fraction, BLUE, text, "Ice · off at 18:05")
        ring.show()
        qtbot.waitExposed(ring)
        qtbot.wait(50)
        painted = PaintedRects()
        ring.installEventFilter(painted)
        ring.set_state(next_fraction, BLUE, next_text, "Ice · off at 18:05")
        qtbot.waitUntil(lambda painted=painted: bool(painted.rects), timeout=2000)
        changed = differing_pixels(fresh_pixels(fraction, text), fresh_pixels(next_fraction,
                                                                               next_text))
        assert changed, "the two states look the same: the case tests nothing"
        missed = [p for p in changed if not any(r.contains(*p) for r in painted.rects)]
        assert not missed, (f"{fraction}->{next_fraction}: {len(missed)} changed pixels not "
                            f"repainted, e.g. {missed[:3]}; painted {painted.rects}")
        ring.close()


@pytest.mark.parametrize("start", [1.0, 0.6, 0.03])
def test_the_ring_drawn_in_pieces_equals_one_drawn_whole(qtbot, start):
    """Each second only a stretch of the ring around the arc's end is drawn again into
    the kept pixmap (across 12 o'clock too); after a run of seconds and a jump it holds
    what a fresh drawing does."""
    ring = CountdownRing()
    qtbot.addWidget(ring)
    ring.resize(400, 400)
    ring.set_state(start, BLUE, "09:00", "")
    ring.show()
    qtbot.waitExposed(ring)
    fraction = start
    for _second in range(40):  # 40 seconds of a 15-minute session
        fraction = max(0.0, fraction - 1 / 900)
        ring.set_state(fraction, BLUE, "09:00", "")
        ring.repaint()
    fraction = start / 2  # a jump
    ring.set_state(fraction, BLUE, "09:00", "")
    ring.repaint()
    for _second in range(5):  # a 1-minute session's seconds
        fraction = max(0.0, fraction - 1 / 60)
        ring.set_state(fraction, BLUE, "09:00", "")
        ring.repaint()
    kept = ring._ring_pixmap().toImage()  # noqa: SLF001 - the pixmap the seconds drew into
    whole = CountdownRing()
    whole.resize(400, 400)
    whole.set_state(fraction, BLUE, "09:00", "")
    fresh = whole._ring_pixmap().toImage()  # noqa: SLF001
    assert kept.size() == fresh.size()
    assert not differing_pixels(kept, fresh)


def test_the_countdown_digits_look_as_qt_draws_the_text(qtbot):
    """The digits are filled from kept outlines; they land where drawText puts them."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    ring = CountdownRing()
    ring.resize(400, 400)
    ring.set_state(0.5, BLUE, "07:29", "")
    rect = ring._text_rect()  # noqa: SLF001

    def blank() -> QImage:
        image = QImage(400, 400, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        return image

    ours, qts = blank(), blank()
    painter = QPainter(ours)
    ring._draw_text(painter, rect, QColor("black"))  # noqa: SLF001
    painter.end()
    painter = QPainter(qts)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor("black"))
    painter.setFont(ring._text_font("07:29"))  # noqa: SLF001
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "07:29")
    painter.end()
    ink = sum(1 for y in range(400) for x in range(400) if qts.pixel(x, y) & 255 < 128)
    assert ink > 2000  # the digits are there at all
    assert differing_pixels(ours, qts) == []


@pytest.mark.parametrize("text", ["09:00", "Ready"])
def test_the_digits_and_the_caption_are_both_drawn(qtbot, text):
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
