"""Reads and writes of the history: timestamps, marks, History's pages and sorts."""

import sqlite3
from datetime import timedelta

import pytest
from helpers import T0

from necktimer.core.database import DB_NAME
from necktimer.core.diary import Pain
from necktimer.core.queries import HistoryFilter, SortKey
from necktimer.core.rules import EndReason, Therapy
from necktimer.core.store import Store
from necktimer.core.timeline import Mark


@pytest.fixture
def store(data_dir):
    opened = Store.open(data_dir)
    yield opened
    opened.close()


def add(store, start, minutes=15, therapy=Therapy.ICE, end=None, reason=EndReason.COMPLETED,
        pain=None, note=None):
    with store.transaction():
        session_id = store.insert_session(therapy, start, start + timedelta(minutes=minutes),
                                          Mark("boot-1", 100.0))
        store.end_session(session_id, end or start + timedelta(minutes=minutes), reason)
        if pain is not None:
            store.set_pain(session_id, Pain.BEFORE, pain)
        if note is not None:
            store.set_note(session_id, note)
    return session_id


def test_timestamps_are_stored_as_utc_text_with_their_boot_mark(store, data_dir):
    add(store, T0)
    raw = sqlite3.connect(data_dir / DB_NAME).execute(
        "SELECT started_at, start_boot, start_boottime FROM sessions").fetchone()
    assert raw == ("2026-03-02T08:00:00.000000+00:00", "boot-1", 100.0)
    [session] = store.rule_sessions()
    assert session.start_mark == Mark("boot-1", 100.0)


def test_end_is_written_once(store):
    with store.transaction():
        session_id = store.insert_session(Therapy.ICE, T0, T0 + timedelta(minutes=15))
        assert store.end_session(session_id, T0 + timedelta(minutes=3), EndReason.STOPPED)
        assert not store.end_session(session_id, T0 + timedelta(minutes=4), EndReason.STOPPED)
    assert store.get(session_id).ended_at == T0 + timedelta(minutes=3)


def test_rule_rows_are_bounded_but_hold_what_the_rules_need(store):
    for day in range(30):
        add(store, T0 + timedelta(days=day))
    add(store, T0 + timedelta(days=31), reason=EndReason.CANCELLED,
        end=T0 + timedelta(days=31, seconds=20))
    found = store.rule_sessions()
    assert len(found) == 3  # the last two counted ones and the mis-start since
    assert {s.end_reason for s in found} == {EndReason.COMPLETED, EndReason.CANCELLED}


@pytest.mark.parametrize("key", list(SortKey))
def test_every_history_column_sorts_in_sql(store, key):
    add(store, T0, minutes=5, pain=3, note="b")
    add(store, T0 + timedelta(hours=3), minutes=15, therapy=Therapy.HEAT, pain=8, note="a",
        end=T0 + timedelta(hours=3, minutes=7), reason=EndReason.STOPPED)
    ascending = store.page(HistoryFilter(), key, descending=False)
    descending = store.page(HistoryFilter(), key, descending=True)
    assert [s.id for s in ascending] == list(reversed([s.id for s in descending]))


def test_length_columns_sort_by_actual_and_planned_time(store):
    short = add(store, T0, minutes=5)
    stopped = add(store, T0 + timedelta(hours=3), minutes=15,
                  end=T0 + timedelta(hours=3, minutes=2), reason=EndReason.STOPPED)
    by_actual = [s.id for s in store.page(HistoryFilter(), SortKey.ACTUAL, descending=False)]
    by_planned = [s.id for s in store.page(HistoryFilter(), SortKey.PLANNED, descending=False)]
    assert by_actual == [stopped, short] and by_planned == [short, stopped]


def test_filters_by_therapy_and_dates(store):
    add(store, T0)
    add(store, T0 + timedelta(days=1), therapy=Therapy.HEAT)
    add(store, T0 + timedelta(days=2))
    heat = HistoryFilter(Therapy.HEAT)
    assert store.count_where(heat) == 1
    window = HistoryFilter(None, T0 + timedelta(hours=12), T0 + timedelta(days=2))
    assert [s.therapy for s in store.page(window)] == [Therapy.HEAT]


def test_every_sort_uses_an_index(store, data_dir):
    connection = sqlite3.connect(data_dir / DB_NAME)
    for key in SortKey:
        plan = " ".join(row[3] for row in connection.execute(
            f"EXPLAIN QUERY PLAN SELECT * FROM sessions ORDER BY {key.value} DESC, id DESC "
            "LIMIT 200"))
        assert "USE TEMP B-TREE" not in plan, (key, plan)
    connection.close()


def test_notes_and_ratings_are_checked(store):
    session_id = add(store, T0)
    with pytest.raises(ValueError), store.transaction():
        store.set_pain(session_id, Pain.AFTER, 11)
    with pytest.raises(ValueError), store.transaction():
        store.set_note(session_id, "x" * 501)
