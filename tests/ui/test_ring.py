"""The countdown ring repaints little: the changed digits, the arc's moving end."""

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
