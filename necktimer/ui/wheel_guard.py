"""A wheel turned over a box the user is not editing scrolls the page, not the value.

Qt's spin boxes and combo boxes take every wheel event that reaches them, focused or
not: scrolling down the settings changed the gap and the colours on the way past, and
scrolling a short main window changed the session length. A guarded box takes the wheel
only once the user has clicked or tabbed into it; until then the wheel scrolls the page
around it (or does nothing, where nothing scrolls).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

# How focus comes when the user chose the box; focus given by the program (a dialog
# opening on its first setting) does not make a wheel on the way past count.
CHOSEN = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.TabFocusReason,
          Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason)
# Focus that leaves or comes back with the window (or a popup) changes nothing.
IN_PASSING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


class _WheelGuard(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._chosen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress):
            self._chosen = True  # in use, however its focus came (a click on it, say)
            return False
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            if event.reason() not in IN_PASSING:
                self._chosen = kind == QEvent.Type.FocusIn and event.reason() in CHOSEN
            return False
        if kind != QEvent.Type.Wheel or (self._chosen and watched.hasFocus()):
            return False
        area = _scroll_area_around(watched)
        if area is not None:
            bar = (area.horizontalScrollBar()
                   if event.angleDelta().y() == 0 and event.angleDelta().x() != 0
                   else area.verticalScrollBar())
            QCoreApplication.sendEvent(bar, event)
        return True


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def guard_wheel(*boxes: QWidget) -> None:
    """Let each box take the wheel only while it has the focus."""
    for box in boxes:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone gives no focus
        box.installEventFilter(_WheelGuard(box))
