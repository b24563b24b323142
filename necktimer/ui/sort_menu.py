"""Sorting History from the keyboard: a header takes no focus, so the table's context
menu (the Menu key, Shift+F10, or a right click on the rows or the header) offers the
same orders in words, and the words say which way the rows run, which the header's
arrow alone leaves open (Qt draws a descending sort as an arrow pointing up)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QTableView

from necktimer.core.i18n import arg
from necktimer.ui.history_model import COLUMNS, column_title, order_words

DESCENDING, ASCENDING = Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder


class SortMenu(QObject):
    """The sort actions of a History table, kept in step with its header."""

    changed = Signal()  # the order changed, by the menu or a click on the header

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        self._header = table.horizontalHeader()
        self._columns = QActionGroup(self)
        self.column_actions: list[QAction] = []
        for index, column in enumerate(COLUMNS):
            action = QAction(arg(self.tr("Sort by %1"), column_title(column)), self._columns)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, i=index: self.sort_by(i))
            self.column_actions.append(action)
        self._orders = QActionGroup(self)
        self.order_actions = {}
        for order in (DESCENDING, ASCENDING):
            action = QAction(self._orders)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, o=order: self.sort_by(self.column, o))
            self.order_actions[order] = action
        separator = QAction(self)
        separator.setSeparator(True)
        for widget in (table, self._header):
            widget.addActions(self.column_actions)
            widget.addAction(separator)
            widget.addActions(list(self.order_actions.values()))
            widget.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        # Qt opens a context menu for the Menu key only; Shift+F10 (laptops without that
        # key) did nothing, though the help and the table's description promise it.
        menu_key = QShortcut(QKeySequence("Shift+F10"), table)
        menu_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        menu_key.activated.connect(self.open_from_keyboard)
        self._header.sortIndicatorChanged.connect(self._follow)
        self._follow()

    def open_from_keyboard(self) -> None:
        """The context menu, as the Menu key opens it: at the current cell."""
        table = self._table
        current = table.visualRect(table.currentIndex())
        spot = table.viewport().mapTo(table, current.center() if current.isValid()
                                      else table.viewport().rect().topLeft())
        QApplication.sendEvent(table, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard,
                                                        spot, table.mapToGlobal(spot)))

    @property
    def column(self) -> int:
        return self._header.sortIndicatorSection()

    @property
    def order(self) -> Qt.SortOrder:
        return self._header.sortIndicatorOrder()

    def sort_by(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Sort on `column`; without an order, the one that column starts with."""
        if order is None:
            order = DESCENDING if COLUMNS[column].starts_descending else ASCENDING
        self._table.sortByColumn(column, order)

    def words(self) -> str:
        """The order as the footer reads it: "Date: Newest first"."""
        column = COLUMNS[self.column]
        return arg(self.tr("%1: %2", "a column, then how its rows run"),
                   column_title(column), order_words(column, self.order))

    def _follow(self, *_args) -> None:
        column = COLUMNS[self.column]
        self.column_actions[self.column].setChecked(True)
        for order, action in self.order_actions.items():
            action.setText(order_words(column, order))
            action.setChecked(order == self.order)
        self.changed.emit()
