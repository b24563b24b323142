"""Run something once a shown window has painted for the first time.

A zero-length timer started next to `show()` runs before the window is painted: the
expose event that paints it comes from the display server later. What is built then
(the tips, the tray, D-Bus) kept a mapped window blank for ~30 ms at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

AT_MOST_MS = 500  # a window never exposed (on another desktop, say) waits no longer


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, then: Callable[[], None], at_most_ms: int) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        self._handle = window.windowHandle()
        if self._handle is not None:
            self._handle.installEventFilter(self)
        QTimer.singleShot(at_most_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Expose and self._handle.isExposed():
            # Widgets paint while the expose is handled: what is queued now runs after.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        if self._handle is not None:
            self._handle.removeEventFilter(self)
        self.deleteLater()
        then()


def after_first_paint(window: QWidget, then: Callable[[], None], *,
                      at_most_ms: int = AT_MOST_MS) -> None:
    """Call `then` once, just after `window` (shown already) first paints, or after
    `at_most_ms` if it is never exposed."""
    _FirstPaint(window, then, at_most_ms)
