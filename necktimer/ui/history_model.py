"""The session history as a Qt table model that loads rows a page at a time.

Sorting and filtering happen in SQL on indexed columns, so years of sessions
open at once: the view asks for more rows (canFetchMore/fetchMore) only as it
scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from necktimer.core.humanize import format_duration
from necktimer.core.rules import Session, Therapy
from necktimer.core.service import SessionService

PAGE = 200
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str  # also the store's sort key
    title: str
    editable: bool = False


COLUMNS = (
    Column("started_at", "Date"),
    Column("therapy", "Therapy"),
    Column("planned", "Planned"),
    Column("actual", "Actual"),
    Column("pain_before", "Pain before", editable=True),
    Column("pain_after", "Pain after", editable=True),
    Column("note", "Note", editable=True),
)


@dataclass(frozen=True)
class Filter:
    therapy: Therapy | None = None
    since: datetime | None = None
    until: datetime | None = None


class HistoryModel(QAbstractTableModel):
    def __init__(self, service: SessionService, local_tz: tzinfo | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.service = service
        self._local_tz = local_tz
        self._rows: list[Session] = []
        self._total = 0
        self._filter = Filter()
        self._order = ("started_at", True)
        self.reload()

    # -- loading ----------------------------------------------------------------------

    def set_filter(self, new_filter: Filter) -> None:
        self._filter = new_filter
        self.reload()

    @property
    def total(self) -> int:
        return self._total

    def reload(self) -> None:
        self.beginResetModel()
        f = self._filter
        self._total = self.service.store.count_sessions(therapy=f.therapy, since=f.since,
                                                        until=f.until)
        self._rows = self._page(0)
        self.endResetModel()

    def _page(self, offset: int) -> list[Session]:
        f = self._filter
        key, descending = self._order
        return self.service.store.query_sessions(
            therapy=f.therapy, since=f.since, until=f.until, order_by=key,
            descending=descending, limit=PAGE, offset=offset)

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
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].title
        return None

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
            value = getattr(session, key, None)
            return value if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("pain_before", "pain_after"):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "started_at":
            return session.started_at.astimezone(self._local_tz).strftime("%Y-%m-%d %H:%M")
        if key == "therapy":
            return session.therapy.label
        if key == "planned":
            return format_duration(session.planned_length)
        if key == "actual":
            end = session.ended_at or session.planned_end
            text = format_duration(end - session.started_at)
            if session.end_reason is not None and session.end_reason.value != "completed":
                text += f" ({session.end_reason.value})"
            return text
        value = getattr(session, key)
        return "" if value is None else str(value)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        session = self._rows[index.row()]
        key = COLUMNS[index.column()].key
        try:
            if key in ("pain_before", "pain_after"):
                text = str(value).strip()
                rating = None if text == "" else int(text)
                self.service.record_pain(session.id, key, rating)
            elif key == "note":
                self.service.record_note(session.id, str(value))
            else:
                return False
        except ValueError:
            return False
        self._rows[index.row()] = self.service.store.get(session.id)
        self.dataChanged.emit(index, index)
        return True
