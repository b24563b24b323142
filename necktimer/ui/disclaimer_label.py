"""The disclaimer under a window: whole where there is room, its first sentence where not.

At 2x scaling with a large font, the German disclaimer took three lines of a 368-pixel
window, always, and pushed the status line out of sight while the pain question was
open. On a short window it says only that this is self-care information and not medical
advice; the whole text stays its tooltip and what a screen reader reads.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QLabel

# A window shorter than this many lines of its text is short (2x with the system font,
# or 1.5x with a 13-point one); 1x and 1.5x with the system font have room for it whole.
SHORT_WINDOW_LINES = 28


class DisclaimerLabel(QLabel):
    def __init__(self, whole: str, short: str | None = None) -> None:
        super().__init__(whole)
        self._whole = whole
        self._short = short or whole
        self._watched: QObject | None = None
        self.setObjectName("disclaimer")
        self.setWordWrap(True)
        self.setAccessibleName(whole)
        italic = self.font()
        italic.setItalic(True)
        self.setFont(italic)

    @property
    def whole(self) -> str:
        return self._whole

    def is_short(self) -> bool:
        return self.text() != self._whole

    def fit(self, window_height: int) -> None:
        """Show the whole text, or the first sentence in a window too short for it."""
        short = window_height < SHORT_WINDOW_LINES * self.fontMetrics().lineSpacing()
        text = self._short if short else self._whole
        if text != self.text():
            self.setText(text)
            self.setToolTip(self._whole if short else "")

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.ParentChange) and \
                self.window() is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            self._watched = self.window()
            self._watched.installEventFilter(self)
            self.fit(self._watched.height())
        elif event.type() == QEvent.Type.FontChange and self._watched is not None:
            self.fit(self._watched.height())
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self.fit(event.size().height())
        return False
