"""The History table model over the real service: pages, SQL order and filters, cells, edits."""

import sqlite3
from datetime import datetime, timedelta

import pytest
from helpers import T0, Entry, live_through, rows
from PySide6.QtCore import QModelIndex, Qt

from necktimer.core.queries import HistoryFilter, SortKey
from necktimer.core.rules import Therapy
from necktimer.ui.history_model import COLUMNS, PAGE, HistoryModel

ICE, HEAT = Therapy.ICE, Therapy.HEAT
COLUMN = {column.key: number for number, column in enumerate(COLUMNS)}


def record(service, clock, entry: Entry) -> int:
    """Live through one session, then wait out the gap."""
    return live_through(service, clock, entry,
                        rest_h=3 + (entry.on_for or entry.minutes * 60) / 3600)


def iso(moment: datetime) -> str:
    """A time as the history file keeps it."""
    return moment.isoformat(timespec="microseconds")


def bulk(data_dir, count: int, *, newest=T0, seconds: int = 900) -> None:
    """`count` completed ice sessions, 3 hours apart, written by another connection."""
    starts = [newest - timedelta(hours=3 * i) for i in range(count)]
    with sqlite3.connect(data_dir / "necktimer.sqlite3") as connection:
        connection.executemany(
            "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason) "
            "VALUES ('ice', ?, ?, ?, 'completed')",
            [(iso(s), iso(s + timedelta(seconds=seconds)), iso(s + timedelta(seconds=seconds)))
             for s in starts])
    connection.close()


def column(model: HistoryModel, key: SortKey) -> list[str]:
    return [model.index(row, COLUMN[key]).data() for row in range(model.rowCount())]


ENTRIES = [
    Entry(ICE, 15, None, before=6, after=4, note="b stiff"),
    Entry(HEAT, 10, 5 * 60, before=3, after=2, note="d fine"),
    Entry(ICE, 5, None, before=8, after=7, note="a ouch"),
    Entry(HEAT, 15, 30, before=5, after=9, note="c mis-start"),
    Entry(ICE, 12, 11 * 60, before=1, after=0, note="e better"),
]


@pytest.fixture
def diary(service, clock) -> list[int]:
    return [record(service, clock, entry) for entry in ENTRIES]


@pytest.fixture
def model(service, qtbot):
    return HistoryModel(service)


# -- pages ----------------------------------------------------------------------------------------


def test_rows_load_a_page_at_a_time(service, data_dir, qtbot):
    service.status()  # the file exists
    bulk(data_dir, 2 * PAGE + 50)
    model = HistoryModel(service)
    assert model.total == 2 * PAGE + 50
    assert model.rowCount() == PAGE and model.canFetchMore(QModelIndex())
    with qtbot.wait_signal(model.rowsInserted, timeout=1000) as inserted:
        model.fetchMore(QModelIndex())
    assert inserted.args[1:] == [PAGE, 2 * PAGE - 1]
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * PAGE + 50
    assert not model.canFetchMore(QModelIndex())
    # newest first, no row twice, none missing
    starts = [model.session_at(row).started_at for row in range(model.rowCount())]
    assert starts == sorted(set(starts), reverse=True)


def test_rows_gone_behind_its_back_end_the_paging(service, data_dir, qtbot):
    service.status()
    bulk(data_dir, PAGE + 50)
    model = HistoryModel(service)
    with sqlite3.connect(data_dir / "necktimer.sqlite3") as other:
        other.execute("DELETE FROM sessions WHERE id > ?", (PAGE - 20,))
    other.close()
    with qtbot.assert_not_emitted(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())


def test_a_child_index_has_no_rows(diary, model):
    assert model.rowCount(model.index(0, 0)) == 0 and model.columnCount(model.index(0, 0)) == 0


# -- order and filters, in SQL -------------------------------------------------------------------


def sort_value(entry: Entry, key: SortKey):
    actual = entry.minutes * 60 if entry.on_for is None else entry.on_for
    return {SortKey.THERAPY: entry.therapy.value, SortKey.PLANNED: entry.minutes * 60,
            SortKey.ACTUAL: actual, SortKey.PAIN_BEFORE: entry.before,
            SortKey.PAIN_AFTER: entry.after, SortKey.NOTE: entry.note}.get(key)


def test_sorts_by_every_column_in_both_directions(diary, model):
    for key in SortKey:
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            descending = order == Qt.SortOrder.DescendingOrder
            model.sort(COLUMN[key], order)
            shown = [model.session_at(row).id for row in range(model.rowCount())]
            if key is SortKey.STARTED:
                expected = sorted(diary, reverse=descending)
            else:  # ties go by id, in the same direction, as the SQL says
                pairs = [(sort_value(entry, key), session_id)
                         for entry, session_id in zip(ENTRIES, diary, strict=True)]
                expected = [session_id for _, session_id in sorted(pairs, reverse=descending)]
            assert shown == expected, (key, order)


def test_filters_by_therapy_and_by_days(diary, model, service):
    model.set_filter(HistoryFilter(Therapy.HEAT))
    assert model.total == 2 and set(column(model, SortKey.THERAPY)) == {"Heat"}
    first, second = (service.session(session_id).started_at for session_id in diary[:2])
    model.set_filter(HistoryFilter(None, first, second))  # [since, until)
    assert [model.session_at(row).id for row in range(model.rowCount())] == [diary[0]]
    model.set_filter(HistoryFilter(Therapy.HEAT, first, second))
    assert model.rowCount() == 0 and model.total == 0


def test_a_sort_keeps_the_filter_and_a_filter_keeps_the_sort(diary, model):
    model.set_filter(HistoryFilter(Therapy.ICE))
    model.sort(COLUMN[SortKey.PAIN_BEFORE], Qt.SortOrder.AscendingOrder)
    assert column(model, SortKey.PAIN_BEFORE) == ["1", "6", "8"]
    model.set_filter(HistoryFilter())
    assert column(model, SortKey.PAIN_BEFORE) == ["1", "3", "5", "6", "8"]


# -- cells --------------------------------------------------------------------------------------


def test_cells_read_as_the_user_reads_them(diary, model):
    model.sort(COLUMN[SortKey.STARTED], Qt.SortOrder.AscendingOrder)
    assert [column_title for column_title in (
        model.headerData(n, Qt.Orientation.Horizontal) for n in range(len(COLUMNS)))] == [
        "Date", "Therapy", "Planned", "Actual", "Pain before", "Pain after", "Note"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert column(model, SortKey.STARTED) == [
        "2026-03-02 09:00", "2026-03-02 12:15", "2026-03-02 15:20", "2026-03-02 18:25",
        "2026-03-02 21:25"]
    assert column(model, SortKey.THERAPY) == ["Ice", "Heat", "Ice", "Heat", "Ice"]
    assert column(model, SortKey.PLANNED) == ["15 min", "10 min", "5 min", "15 min", "12 min"]
    assert column(model, SortKey.ACTUAL) == [
        "15 min", "5 min (stopped)", "5 min", "30 s (cancelled)", "11 min (stopped)"]
    assert column(model, SortKey.NOTE) == ["b stiff", "d fine", "a ouch", "c mis-start",
                                           "e better"]
    pain = model.index(0, COLUMN[SortKey.PAIN_BEFORE])
    assert pain.data() == "6" and pain.data(Qt.ItemDataRole.EditRole) == 6
    assert pain.data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignCenter)
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None


def test_a_running_session_and_an_empty_rating(service, model):
    service.start(Therapy.HEAT, 7)
    model.reload()
    assert column(model, SortKey.ACTUAL) == ["running"]
    assert column(model, SortKey.PAIN_AFTER) == [""]
    assert model.index(0, COLUMN[SortKey.PAIN_AFTER]).data(Qt.ItemDataRole.EditRole) == ""


def test_a_pack_taken_off_late_shows_how_late(service, clock, model):
    """History and the PDF said "15 min" for a pack that stayed on 45 minutes longer."""
    service.start(Therapy.ICE, 15)
    clock.advance(60 * 60)
    service.tick()
    service.acknowledge_removal()
    model.reload()
    assert column(model, SortKey.ACTUAL) == ["15 min, pack off 45 min late"]


def test_how_late_is_the_nearest_minute_not_rounded_up(service, clock, model):
    """Off 2 min 6 s after the end (the window said "came off at 01:27" for an end at
    01:25:18), History and the PDF said "3 min late": rounded up, as a wait is."""
    service.start(Therapy.ICE, 1)
    clock.advance(60 + 126)
    service.tick()
    service.acknowledge_removal()
    model.reload()
    assert column(model, SortKey.ACTUAL) == ["1 min, pack off 2 min late"]


def test_a_session_under_a_minute_reads_in_seconds(service, data_dir):
    service.status()
    bulk(data_dir, 1, seconds=16)  # a session the cycle rule had shortened to 16 s
    model = HistoryModel(service)
    assert column(model, SortKey.PLANNED) == ["16 s"]
    assert column(model, SortKey.ACTUAL) == ["16 s"]


# -- edits ----------------------------------------------------------------------------------------


def test_only_the_ratings_and_the_note_can_be_edited(diary, model):
    editable = [bool(model.flags(model.index(0, n)) & Qt.ItemFlag.ItemIsEditable)
                for n in range(len(COLUMNS))]
    assert editable == [False, False, False, False, True, True, True]
    assert not model.setData(model.index(0, COLUMN[SortKey.THERAPY]), "heat")
    assert not model.setData(model.index(0, COLUMN[SortKey.NOTE]), "x",
                             Qt.ItemDataRole.DisplayRole)


def test_an_edited_rating_is_written_and_shown(diary, model, data_dir, qtbot):
    index = model.index(0, COLUMN[SortKey.PAIN_AFTER])
    session_id = model.session_at(0).id
    with qtbot.wait_signal(model.dataChanged, timeout=1000) as changed:
        assert model.setData(index, "3")
    assert changed.args[0] == index
    assert index.data() == "3"
    assert next(r for r in rows(data_dir) if r["id"] == session_id)["pain_after"] == 3
    assert model.setData(index, 9)  # what a spin box editor hands over
    assert model.setData(index, " ")  # cleared
    assert index.data() == ""
    assert next(r for r in rows(data_dir) if r["id"] == session_id)["pain_after"] is None


def test_a_rating_outside_0_to_10_is_refused(diary, model, data_dir, qtbot):
    index = model.index(0, COLUMN[SortKey.PAIN_BEFORE])
    before = rows(data_dir)
    for value in ("12", "-1", "abc", "3.5", "1e3", 11):
        with qtbot.assert_not_emitted(model.dataChanged):
            assert not model.setData(index, value), value
    assert index.data() == "1"  # the newest session's rating, unchanged
    assert rows(data_dir) == before


def test_an_edited_note_is_trimmed_written_and_can_be_cleared(diary, model, data_dir):
    index = model.index(0, COLUMN[SortKey.NOTE])
    session_id = model.session_at(0).id

    def stored():
        return next(r for r in rows(data_dir) if r["id"] == session_id)["note"]

    assert model.setData(index, "  better after heat  ")
    assert stored() == "better after heat"
    assert not model.setData(index, "x" * 501)  # longer than a note may be
    assert stored() == "better after heat"
    assert model.setData(index, "")
    assert stored() is None


def test_an_edited_note_shows_at_once(diary, model):
    index = model.index(0, COLUMN[SortKey.NOTE])
    assert model.setData(index, "better after heat")
    assert index.data() == "better after heat"
