"""The session history as a Qt table model that loads rows a page at a time.

Sorting and filtering happen in SQL on indexed columns (through the service),
so years of sessions open at once: the view asks for more rows
(canFetchMore/fetchMore) only as it scrolls.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from necktimer.core.diary import Pain, off_late
from necktimer.core.humanize import format_length
from necktimer.core.i18n import arg, date_and_time
from necktimer.core.queries import HistoryFilter, SortKey
from necktimer.core.rules import MAX_MINUTES, EndReason, Session
from necktimer.core.service import SessionService
from necktimer.core.value import value
from necktimer.ui.rich_text import wrapped

PAGE = 200
SAID_NOTE = 40  # characters of a saved note said back
Index = QModelIndex | QPersistentModelIndex


@value
class Column:
    key: SortKey
    title: str  # untranslated; shown through QCoreApplication.translate("History", …)
    ascending: str  # how each order reads ("Oldest first"), untranslated as the title
    descending: str
    starts_descending: bool = False  # the order chosen with the column: the useful end first
    editable: bool = False


# The order words per column; lupdate reads each literal.
_DATE = (QT_TRANSLATE_NOOP("History", "Oldest first"),
         QT_TRANSLATE_NOOP("History", "Newest first"))
# Stored as "heat" and "ice": ascending puts heat first in every language.
_THERAPY = (QT_TRANSLATE_NOOP("History", "Heat first"),
            QT_TRANSLATE_NOOP("History", "Ice first"))
_LENGTH = (QT_TRANSLATE_NOOP("History", "Shortest first"),
           QT_TRANSLATE_NOOP("History", "Longest first"))
_PAIN = (QT_TRANSLATE_NOOP("History", "Lowest first"),
         QT_TRANSLATE_NOOP("History", "Highest first"))
_TEXT = (QT_TRANSLATE_NOOP("History", "A to Z"), QT_TRANSLATE_NOOP("History", "Z to A"))

COLUMNS = (
    Column(SortKey.STARTED, QT_TRANSLATE_NOOP("History", "Date"), *_DATE, True),
    Column(SortKey.THERAPY, QT_TRANSLATE_NOOP("History", "Therapy"), *_THERAPY),
    Column(SortKey.PLANNED, QT_TRANSLATE_NOOP("History", "Planned"), *_LENGTH, True),
    Column(SortKey.ACTUAL, QT_TRANSLATE_NOOP("History", "Actual"), *_LENGTH, True),
    Column(SortKey.PAIN_BEFORE, QT_TRANSLATE_NOOP("History", "Pain before"), *_PAIN, True,
           editable=True),
    Column(SortKey.PAIN_AFTER, QT_TRANSLATE_NOOP("History", "Pain after"), *_PAIN, True,
           editable=True),
    Column(SortKey.NOTE, QT_TRANSLATE_NOOP("History", "Note"), *_TEXT, editable=True),
)


class HistoryModel(QAbstractTableModel):
    # What an edit saved, in words ("Saved — Pain after: 7 (session of …)"): the cell alone
    # changes silently, and a screen reader heard nothing after Enter.
    edited = Signal(str)

    def __init__(self, service: SessionService, parent=None) -> None:
        super().__init__(parent)
        self._wrapped_titles = False
        self._service = service
        self._rows: list[Session] = []
        self._total = 0
        self._filter = HistoryFilter()
        self._order = (SortKey.STARTED, True)
        self.reload()

    # -- loading ----------------------------------------------------------------------

    def set_filter(self, new_filter: HistoryFilter) -> None:
        self._filter = new_filter
        self.reload()

    @property
    def total(self) -> int:
        return self._total

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self._service.history_count(self._filter)
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[Session]:
        key, descending = self._order
        return self._service.history_page(self._filter, key, descending=descending, limit=PAGE,
                                          offset=offset)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._page(len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder)
        self.reload()

    def session_at(self, row: int) -> Session:
        return self._rows[row]

    # -- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        title = column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.DisplayRole:
            return two_lines(title) if self._wrapped_titles else title
        if role == Qt.ItemDataRole.AccessibleTextRole:  # said as one title, on one line or two
            return title
        return None

    def wrap_titles(self, wrapped: bool) -> None:
        """Column titles of two words or more on two lines (a narrow window) or on one."""
        if wrapped != self._wrapped_titles:
            self._wrapped_titles = wrapped
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and COLUMNS[index.column()].editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        session = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.EditRole:
            value = getattr(session, key.value, None)
            return value if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (SortKey.PAIN_BEFORE,
                                                                  SortKey.PAIN_AFTER):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key is SortKey.NOTE and session.note:
            return wrapped(session.note)  # the cell cuts a long note short
        if (role == Qt.ItemDataRole.ToolTipRole and key is SortKey.ACTUAL
                and off_late(session) is not None):
            return cell_text(session, key)  # "…, pack off 1 h late" may be cut short
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return cell_text(session, key)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        session = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        try:
            if key in (SortKey.PAIN_BEFORE, SortKey.PAIN_AFTER):
                text = str(value).strip()
                rating = None if text == "" else int(text)
                self._service.record_pain(session.id, Pain(key.value), rating)
            elif key is SortKey.NOTE:
                self._service.record_note(session.id, str(value))
            else:
                return False
        except ValueError:
            return False
        fresh = self._service.session(session.id)
        if fresh is not None:
            self._rows[index.row()] = fresh
        self.dataChanged.emit(index, index)
        self.edited.emit(self._saved_words(self._rows[index.row()], COLUMNS[index.column()]))
        return True

    def _saved_words(self, session: Session, column: Column) -> str:
        value = cell_text(session, column.key)
        if not value:
            value = (self.tr("no note") if column.key is SortKey.NOTE
                     else self.tr("not rated"))
        elif len(value) > SAID_NOTE:
            value = value[:SAID_NOTE - 1] + "…"
        return arg(self.tr("Saved — %1: %2 (session of %3)."), column_title(column), value,
                   date_and_time(session.started_at))


def two_lines(title: str) -> str:
    """`title` with its last space made a line break ("Pain before" → "Pain\\nbefore")."""
    head, space, tail = title.rpartition(" ")
    return f"{head}\n{tail}" if space else title


def column_title(column: Column) -> str:
    return QCoreApplication.translate("History", column.title)


def order_words(column: Column, order: Qt.SortOrder) -> str:
    """How the rows run when sorted so: "Newest first", "Lowest first"."""
    text = column.descending if order == Qt.SortOrder.DescendingOrder else column.ascending
    return QCoreApplication.translate("History", text)


def usual_actual_texts() -> list[str]:
    """What the Actual column says of a full-length session, however it ended: the width
    it keeps. A pack taken off late adds words that can be as long as the rest of the
    table ("…, Auflage 1 h 30 min zu spät ab"); those are cut short, with a tooltip."""
    length = format_length(timedelta(minutes=MAX_MINUTES))
    return [length] + [
        arg(QCoreApplication.translate("History", "%1 (%2)", "length (how it ended)"),
            length, reason.label) for reason in EndReason if reason is not EndReason.COMPLETED]


def cell_text(session: Session, key: SortKey) -> str:
    if key is SortKey.STARTED:
        return date_and_time(session.started_at)
    if key is SortKey.THERAPY:
        return session.therapy.label
    if key is SortKey.PLANNED:
        return format_length(session.planned_length)
    if key is SortKey.ACTUAL:
        actual = session.actual_length
        if actual is None:
            return QCoreApplication.translate("History", "running")
        text = format_length(actual)
        if session.end_reason is not None and session.end_reason is not EndReason.COMPLETED:
            text = arg(QCoreApplication.translate("History", "%1 (%2)", "length (how it ended)"),
                       text, session.end_reason.label)
        if (late := off_late(session)) is not None:  # the skin had the pack longer
            text = arg(QCoreApplication.translate("History", "%1, pack off %2 late"),
                       text, format_length(late))  # as long as it was: not rounded up
        return text
    value = getattr(session, key.value)
    return "" if value is None else str(value)
