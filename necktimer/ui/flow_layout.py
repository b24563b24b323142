"""A row of controls that wraps onto more rows where the window is too narrow for it.

History's filters and its export buttons sit in one row each. With German words and a
large font, on a 2× laptop screen (683 px of room), neither row fit, and the window
opened wider than the screen with its buttons out of reach. Here each item keeps the
width it asks for, and an item that no longer fits on a row starts the next one.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapped where the width runs out.

    With `fill_first`, the first item also takes what is left over on its row, and the
    rows after it keep to the right edge (a text beside buttons: the buttons stay at the
    right, as in an ordinary button row).
    """

    def __init__(self, parent: QWidget | None = None, *, fill_first: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._fill_first = fill_first

    # -- QLayout's item list --

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes --

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        """All on one row."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self._gap() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height) + self._margins()

    def minimumSize(self) -> QSize:
        """The widest single item: everything else may wrap."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size + self._margins()

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # -- the arranging itself --

    def _gap(self) -> int:
        # Inherited from the layout it sits in; -1 where a style gives none (Fusion: 6).
        spacing = self.spacing()
        return spacing if spacing >= 0 else 6

    def _margins(self) -> QSize:
        left, top, right, bottom = self.getContentsMargins()
        return QSize(left + right, top + bottom)

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _rows(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """The items of each row, with the width each gets."""
        rows: list[list[tuple[QLayoutItem, int]]] = []
        used = 0
        for item in self._shown():
            wanted = max(item.minimumSize().width(), min(item.sizeHint().width(), width))
            if rows and used + self._gap() + wanted <= width:
                rows[-1].append((item, wanted))
                used += self._gap() + wanted
            else:
                rows.append([(item, wanted)])
                used = wanted
        if self._fill_first and rows:
            first, taken = rows[0][0]
            spare = width - sum(w for _, w in rows[0]) - self._gap() * (len(rows[0]) - 1)
            rows[0][0] = (first, taken + max(0, spare))
        return rows

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lays the items out in `rect` (when `place`); returns the height that takes."""
        left, top, right, bottom = self.getContentsMargins()
        inner = rect.adjusted(left, top, -right, -bottom)
        y = inner.y()
        for number, row in enumerate(self._rows(max(inner.width(), 0))):
            if number:
                y += self._gap()
            heights = [item.heightForWidth(width) if item.hasHeightForWidth()
                       else item.sizeHint().height() for item, width in row]
            tallest = max(heights)
            x = inner.x()
            if self._fill_first and number:
                x = inner.right() + 1 - (sum(width for _, width in row)
                                         + self._gap() * (len(row) - 1))
            for (item, width), height in zip(row, heights, strict=True):
                if place:  # each one centred on its row's middle
                    item.setGeometry(QRect(QPoint(x, y + (tallest - height) // 2),
                                           QSize(width, height)))
                x += width + self._gap()
            y += tallest
        return y - rect.y() + bottom


def together(*widgets: QWidget) -> QWidget:
    """Widgets side by side that wrap as one (a word and the box it names)."""
    if len(widgets) == 1:
        return widgets[0]
    group = QWidget()
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group
