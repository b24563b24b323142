"""A check box whose words wrap, for pages that must fit a narrow window."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget


class WrappingCheckBox(QCheckBox):
    """A check box whose words wrap to the width it is given.

    QCheckBox never wraps: "Numbness or weakness in an arm" made the physician page
    wider than a narrow window (2x on a small laptop), and the page's text was cut off
    at the right; so did the Settings dialog's reminder choices in German. The box still
    draws its own focus frame, toggles on its words and keeps its Alt key (&)."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._words = text
        # Preferred, not QCheckBox's Minimum: it may be narrower than all its words in a row.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Once, unwrapped and without the Alt key's mark: a screen reader reads neither.
        self.setAccessibleName(shown(text))

    def _room_before_text(self) -> int:
        """The indicator and the space after it: what the style adds to the widest line.
        (Asked of the style itself, QStyle's Python enums would cost every start-up.)"""
        metrics = self.fontMetrics()
        widest = max(metrics.horizontalAdvance(shown(line)) for line in self.text().split("\n"))
        return super().sizeHint().width() - widest

    def minimumSizeHint(self) -> QSize:
        # As narrow as its longest word; the height is that of the lines it has now.
        longest = max(self.fontMetrics().horizontalAdvance(shown(word))
                      for word in self._words.split())
        return QSize(self._room_before_text() + longest, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        wrapped = self._wrap(event.size().width() - self._room_before_text())
        if wrapped != self.text():
            self.setText(wrapped)  # asks the layout again for the height of these lines
        super().resizeEvent(event)

    def _wrap(self, width: int) -> str:
        metrics = self.fontMetrics()
        lines: list[str] = []
        for word in self._words.split():
            if lines and metrics.horizontalAdvance(shown(f"{lines[-1]} {word}")) <= width:
                lines[-1] += f" {word}"
            else:
                lines.append(word)
        return "\n".join(lines)


def shown(text: str) -> str:
    """The text as drawn: the & that marks the Alt key is not."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
