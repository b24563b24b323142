"""A table header that fits a narrow window: the sort arrow's room only where it is
drawn, and titles of two words or more on two lines when one line leaves no room.

Qt sizes every section to fit its title *and* a sort arrow once sorting is on, though
the arrow is drawn in one column at a time: about 30 px more per column. At 2× with a
12-point font that pushed History's last column (the notes) out of the window, to be
reached only by scrolling sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

LAST_COLUMN_LETTERS = 12  # room the stretched last column keeps, in average letters


class SortArrowHeader(QHeaderView):
    # The titles should (True) or need not (False) take two lines: the model says them so.
    wrapTitles = Signal(bool)

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)  # as a table's own header: clicks sort
        self.setHighlightSections(True)
        self._wrapped = False
        self.sortIndicatorChanged.connect(self._arrow_moved)

    def _margin(self) -> int:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        return self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, option, self)

    def _arrow_room(self) -> int:
        """What the arrow takes beside a one-line title (Qt: the section's height + margin)."""
        return self.fontMetrics().height() + 3 * self._margin()

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        if self.isSortIndicatorShown():
            # Qt's room for the arrow grows with a two-line title's height: take it back,
            # and give the one-line room to the column that shows the arrow.
            size.setWidth(size.width() - size.height() - self._margin())
            if logicalIndex == self.sortIndicatorSection():
                size.setWidth(size.width() + self._arrow_room())
        return size

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_titles()

    def _arrow_moved(self, *_args) -> None:
        self.fit_titles()
        self.resizeSections()

    def fit_titles(self) -> None:
        """Two-line titles where the columns on one line would leave the last too little;
        where even that leaves it too little, it keeps its room and the table scrolls."""
        model, view = self.model(), self.parentWidget()
        if model is None or view is None or self.count() < 2:
            return
        metrics = self.fontMetrics()
        last = LAST_COLUMN_LETTERS * metrics.averageCharWidth()
        one_line = two_lines = last
        for column in range(self.count() - 1):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            words = title.replace("\n", " ")
            head, _, tail = words.rpartition(" ")
            wide = metrics.horizontalAdvance(words)
            narrow = max(metrics.horizontalAdvance(head), metrics.horizontalAdvance(tail))
            # The section as titled now, less its title's width, plus the other form's.
            rest = self.sectionSizeHint(column) - (narrow if "\n" in title else wide)
            cells = view.sizeHintForColumn(column)
            one_line += max(cells, rest + wide)
            two_lines += max(cells, rest + narrow)
        wrapped = one_line > self.width()
        if wrapped != self._wrapped:
            self._wrapped = wrapped
            self.wrapTitles.emit(wrapped)
        if two_lines > self.width():  # no room for the last column even so: it keeps its own
            self.setSectionResizeMode(self.count() - 1, QHeaderView.ResizeMode.Interactive)
            self.resizeSection(self.count() - 1, last)
        else:
            self.setSectionResizeMode(self.count() - 1, QHeaderView.ResizeMode.Stretch)
