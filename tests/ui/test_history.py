"""The pain diary in the window: History (table, filters, edits, CSV), the physician advice."""

import csv
import sqlite3
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import (
    T0,
    Entry,
    exposed,
    live_through,
    nothing_can_grow,
    rows,
    tab_stops,
    tick,
)
from PySide6.QtCore import QDate, QLocale, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QToolTip

from necktimer.core import i18n
from necktimer.core.diary import CSV_COLUMNS, FORMULA_STARTERS
from necktimer.core.queries import SortKey
from necktimer.core.rules import Session, Therapy
from necktimer.core.service import SessionService
from necktimer.ui import colors
from necktimer.ui.history_model import COLUMNS, PAGE

ICE, HEAT = Therapy.ICE, Therapy.HEAT
COLUMN = {column.key: number for number, column in enumerate(COLUMNS)}
DISCLAIMER = "Self-care information only, not medical advice."


def record(service, clock, entry: Entry, *, rest_h: float = 3) -> int:
    return live_through(service, clock, entry, rest_h=rest_h)


ENTRIES = [
    Entry(ICE, 15, before=6, after=4, note="b stiff"),
    Entry(HEAT, 10, 5 * 60, before=3, after=2, note="d fine"),
    Entry(ICE, 5, before=8, after=7, note="a ouch"),
    Entry(HEAT, 15, 30, before=5, after=9, note="c mis-start"),
    Entry(ICE, 12, 11 * 60, before=1, after=0, note="e better"),
]


@pytest.fixture
def diary(necktimer, clock) -> list[int]:
    """Five sessions on the first day, then a day and a half later."""
    return [record(necktimer.service, clock, entry, rest_h=12 if i == 2 else 3)
            for i, entry in enumerate(ENTRIES)]


def open_history(necktimer, qtbot):
    """Session → History… (Ctrl+Y)."""
    necktimer.window.history_action.trigger()
    history = necktimer.history
    exposed(history)
    return history


def shown(history, key: SortKey) -> list[str]:
    model = history.model
    return [model.index(row, COLUMN[key]).data() for row in range(model.rowCount())]


def click_header(qtbot, table, column: int) -> None:
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def open_editor(qtbot, history, row: int, column: int):
    """Double-click a cell as a user does; returns the editor that opened, text selected."""
    table = history.table
    index = history.model.index(row, column)
    table.scrollTo(index)
    center = table.visualRect(index).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    editor = QApplication.focusWidget()
    assert editor is not table and table.isAncestorOf(editor), "no editor opened"
    editor.selectAll()
    return editor


def commit(qtbot, history, editor) -> None:
    """Press Enter in the editor; Qt commits through a queued call: wait for it to close."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    table = history.table
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)


def edit_cell(qtbot, history, row: int, column: int, text: str) -> None:
    """Double-click a cell, type over it and press Enter, as a user edits."""
    editor = open_editor(qtbot, history, row, column)
    qtbot.keyClicks(editor, text)
    commit(qtbot, history, editor)


def activate(qtbot, widget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def tick_box(qtbot, box) -> None:
    """Click a check box on its indicator (its centre may lie past a short label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


# -- the window ----------------------------------------------------------------------------------


def test_history_opens_from_the_menu_titled_just_history_with_the_disclaimer(necktimer, qtbot):
    history = open_history(necktimer, qtbot)
    assert history.isVisible()
    # Qt adds " — Neck Timer" itself; the title must not carry the name a second time.
    assert history.windowTitle() == "History"
    assert QGuiApplication.applicationDisplayName() == "Neck Timer"
    assert history.disclaimer.isVisible() and DISCLAIMER in history.disclaimer.text()
    assert history.disclaimer.text() == necktimer.window.disclaimer.text()
    necktimer.window.history_action.trigger()  # again: the same window, brought forward
    assert necktimer.history is history


def test_ctrl_y_opens_history(necktimer, window, qtbot):
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert necktimer.history is not None and necktimer.history.isVisible()


def test_ratings_given_in_the_window_show_in_history(necktimer, window, qtbot, clock, data_dir,
                                                      settings_file):
    settings_file.update(ask_pain_before=True)
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pain_prompt.buttons[7], Qt.MouseButton.LeftButton)
    tick(necktimer, clock, 15 * 60)
    qtbot.mouseClick(window.time_up_banner.buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pain_prompt.buttons[4], Qt.MouseButton.LeftButton)
    history = open_history(necktimer, qtbot)
    assert shown(history, SortKey.PAIN_BEFORE) == ["7"]
    assert shown(history, SortKey.PAIN_AFTER) == ["4"]
    assert shown(history, SortKey.ACTUAL) == ["15 min"]
    assert (rows(data_dir)[0]["pain_before"], rows(data_dir)[0]["pain_after"]) == (7, 4)


def test_a_skipped_rating_leaves_the_diary_blank(necktimer, window, qtbot, data_dir,
                                                 settings_file):
    settings_file.update(ask_pain_before=True)
    qtbot.mouseClick(window.start_heat_button, Qt.MouseButton.LeftButton)
    assert window.pain_prompt.isVisible()
    qtbot.mouseClick(window.pain_prompt.skip, Qt.MouseButton.LeftButton)
    assert not window.pain_prompt.isVisible()
    assert rows(data_dir)[0]["pain_before"] is None
    assert shown(open_history(necktimer, qtbot), SortKey.PAIN_BEFORE) == [""]


def test_a_stop_asks_for_the_pain_after_but_a_mis_start_does_not(necktimer, window, qtbot,
                                                                  clock):
    window.start_ice()
    tick(necktimer, clock, 30)
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)  # within the first minute
    assert not window.pain_prompt.isVisible()
    window.start_ice()
    tick(necktimer, clock, 5 * 60)
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    assert window.pain_prompt.isVisible()
    assert "pack is off" in window.pain_prompt.question.text()
    qtbot.mouseClick(window.pain_prompt.buttons[2], Qt.MouseButton.LeftButton)
    assert shown(open_history(necktimer, qtbot), SortKey.PAIN_AFTER) == ["2", ""]


def test_a_session_ending_while_history_is_open_shows_when_it_is_opened_again(
        necktimer, window, qtbot, clock):
    history = open_history(necktimer, qtbot)
    assert history.model.total == 0
    window.start_heat()
    tick(necktimer, clock, 15 * 60)
    open_history(necktimer, qtbot)
    assert shown(history, SortKey.THERAPY) == ["Heat"]
    assert history.chart.days[-1].sessions == 1


# -- the table: order, filters, count -------------------------------------------------------------


def sort_value(session: Session, key: SortKey):
    return {SortKey.STARTED: session.started_at, SortKey.THERAPY: session.therapy.value,
            SortKey.PLANNED: session.planned_length, SortKey.ACTUAL: session.actual_length,
            SortKey.PAIN_BEFORE: session.pain_before, SortKey.PAIN_AFTER: session.pain_after,
            SortKey.NOTE: session.note}[key]


def test_lists_newest_first_and_sorts_by_every_column_with_a_header_click(necktimer, diary,
                                                                           qtbot):
    history = open_history(necktimer, qtbot)
    model, header = history.model, history.table.horizontalHeader()
    assert [model.session_at(row).id for row in range(model.rowCount())] == diary[::-1]
    for key in SortKey:
        seen = []
        for _click in range(2):  # the second click turns the order round
            click_header(qtbot, history.table, COLUMN[key])
            assert header.sortIndicatorSection() == COLUMN[key]
            descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
            sessions = [model.session_at(row) for row in range(model.rowCount())]
            expected = sorted(sessions, key=lambda s, k=key: (sort_value(s, k), s.id),
                              reverse=descending)
            assert sessions == expected, (key, descending)
            seen.append(descending)
        assert seen in ([False, True], [True, False]), key
        assert sorted(s.id for s in sessions) == sorted(diary)


def choose_from_context_menu(qtbot, widget, event_target, reason, wanted: str) -> list[str]:
    """Open `widget`'s context menu as the Menu key (Keyboard) or a right click (Mouse) does,
    and pick `wanted` with the arrow keys and Return. Returns the menu's items."""
    spot = event_target.rect().center()
    return choose_from_menu(lambda: QApplication.sendEvent(
        event_target, QContextMenuEvent(reason, spot, event_target.mapToGlobal(spot))), wanted)


def choose_from_menu(open_it, wanted: str) -> list[str]:
    """Call `open_it`, which opens a menu, and pick `wanted` in it with the arrow keys and
    Return. Returns the menu's items."""
    seen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu), "no context menu opened"
        items = [a for a in menu.actions() if not a.isSeparator()]
        seen.extend(a.text() for a in items)
        for _ in range([a.text() for a in items].index(wanted) + 1):
            QTest.keyClick(menu, Qt.Key.Key_Down)
        assert menu.activeAction().text() == wanted
        QTest.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    open_it()
    assert seen, "the menu never opened"
    return seen


def test_shift_f10_on_the_table_opens_the_sort_menu(necktimer, diary, qtbot):
    """Qt opens a context menu for the Menu key only: Shift+F10, promised by the help and
    the table's description, did nothing (found by an outside tester on a laptop with
    no Menu key)."""
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    table = history.table
    table.setFocus()
    table.setCurrentIndex(history.model.index(2, COLUMN[SortKey.NOTE]))
    choose_from_menu(lambda: qtbot.keyClick(table, Qt.Key.Key_F10,
                                            Qt.KeyboardModifier.ShiftModifier), "Sort by Note")
    assert table.horizontalHeader().sortIndicatorSection() == COLUMN[SortKey.NOTE]
    assert history.count.text() == "5 sessions · Note: A to Z"


def test_sorting_from_the_keyboard_and_the_order_in_words(necktimer, diary, qtbot):
    """The header takes no focus: the table's context menu (Menu key, Shift+F10) sorts, and
    the footer says the order in words (Qt's arrow points up for newest first)."""
    history = open_history(necktimer, qtbot)
    table, model, header = history.table, history.model, history.table.horizontalHeader()
    table.setFocus()
    assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    keyboard, mouse = QContextMenuEvent.Reason.Keyboard, QContextMenuEvent.Reason.Mouse
    items = choose_from_context_menu(qtbot, table, table, keyboard, "Sort by Pain before")
    assert items == [f"Sort by {c}" for c in ("Date", "Therapy", "Planned", "Actual",
                                              "Pain before", "Pain after", "Note")] + [
        "Newest first", "Oldest first"]
    assert header.sortIndicatorSection() == COLUMN[SortKey.PAIN_BEFORE]
    assert [model.session_at(r).pain_before for r in range(5)] == [8, 6, 5, 3, 1]
    assert history.count.text() == "5 sessions · Pain before: Highest first"
    items = choose_from_context_menu(qtbot, table, table, keyboard, "Lowest first")
    assert items[-2:] == ["Highest first", "Lowest first"]  # the words follow the column
    assert [model.session_at(r).pain_before for r in range(5)] == [1, 3, 5, 6, 8]
    assert history.count.text() == "5 sessions · Pain before: Lowest first"
    # A right click on the rows or on the header offers the same menu.
    choose_from_context_menu(qtbot, table, table.viewport(), mouse, "Sort by Note")
    assert shown(history, SortKey.NOTE) == ["a ouch", "b stiff", "c mis-start", "d fine",
                                            "e better"]
    assert history.count.text() == "5 sessions · Note: A to Z"
    choose_from_context_menu(qtbot, header, header.viewport(), mouse, "Sort by Therapy")
    assert shown(history, SortKey.THERAPY) == ["Heat"] * 2 + ["Ice"] * 3  # "Heat first"
    # A click on the header moves the menu's marks and the words too.
    click_header(qtbot, table, COLUMN[SortKey.ACTUAL])
    sorting = history.sorting
    assert sorting.column_actions[COLUMN[SortKey.ACTUAL]].isChecked()
    checked = [a.text() for a in sorting.order_actions.values() if a.isChecked()]
    descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert checked == ["Longest first" if descending else "Shortest first"]
    assert history.count.text() == f"5 sessions · Actual: {checked[0]}"


def test_a_screen_reader_meets_the_sessions_before_the_chart(necktimer, diary, qtbot):
    """Reading order is the splitter's child order: it had put the chart first."""
    from PySide6.QtGui import QAccessible

    history = open_history(necktimer, qtbot)
    split = QAccessible.queryAccessibleInterface(history.split)
    names = [split.child(i).text(QAccessible.Text.Name) for i in range(split.childCount())]
    assert names[:2] == ["Sessions", "Sessions and pain over the last 14 days"]


def test_saved_stands_in_for_the_count_for_a_while_a_failure_until_the_next_change(
        necktimer, diary, qtbot, tmp_path):
    history = open_history(necktimer, qtbot)
    export_csv(history, qtbot, tmp_path / "diary.csv")
    history.saved_timer.timeout.emit()  # the time "Saved" stands has passed
    assert history.count.text() == "5 sessions · Date: Newest first"
    qtbot.mouseClick(history.export_csv, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in history.findChildren(QFileDialog) if d.isVisible()]
    dialog.selectFile(str(tmp_path / "no-such-folder" / "diary.csv"))
    dialog.accept()
    assert history.count.text().startswith("Could not save")
    assert not history.saved_timer.isActive()  # stays until the user changes the view
    history.therapy.setCurrentIndex(history.therapy.findData("ice"))
    assert history.count.text() == "3 sessions · Date: Newest first"


def test_the_date_fields_write_dates_as_the_table_does(necktimer, diary, qtbot):
    from necktimer import language

    history = open_history(necktimer, qtbot)  # the C locale: ISO dates, as in the table
    assert history.since.displayFormat() == "yyyy-MM-dd"
    assert history.since.text() == "2026-02-18" and shown(history, SortKey.STARTED)[0][:10] \
        == "2026-03-03"
    history.close()
    necktimer.history = None
    i18n.install(formats=language.formats_for(QLocale("de_DE")))
    try:
        history = open_history(necktimer, qtbot)
        assert history.since.text() == "18.02.26"
        assert shown(history, SortKey.STARTED)[0].startswith("03.03.26 ")
    finally:
        i18n.reset()


def test_filters_by_therapy_and_date_range(necktimer, diary, qtbot):
    history = open_history(necktimer, qtbot)
    assert history.model.total == 5 and history.count.text().startswith("5 session")
    history.therapy.setCurrentIndex(history.therapy.findData("heat"))
    assert set(shown(history, SortKey.THERAPY)) == {"Heat"} and history.model.total == 2
    assert history.count.text().startswith("2 session")
    history.therapy.setCurrentIndex(history.therapy.findData("ice"))
    assert shown(history, SortKey.THERAPY) == ["Ice"] * 3
    history.therapy.setCurrentIndex(history.therapy.findData(None))
    assert not history.since.isEnabled()
    tick_box(qtbot, history.whole)
    assert history.since.isEnabled() and history.until.isEnabled()
    history.since.setDate(QDate(2026, 3, 3))  # the second day only
    history.until.setDate(QDate(2026, 3, 3))
    assert shown(history, SortKey.NOTE) == ["e better", "c mis-start"]
    history.since.setDate(QDate(2026, 3, 2))
    history.until.setDate(QDate(2026, 3, 2))
    assert shown(history, SortKey.NOTE) == ["a ouch", "d fine", "b stiff"]
    history.therapy.setCurrentIndex(history.therapy.findData("heat"))
    assert shown(history, SortKey.NOTE) == ["d fine"]
    tick_box(qtbot, history.whole)  # all dates again
    assert shown(history, SortKey.NOTE) == ["c mis-start", "d fine"]


@pytest.fixture
def berlin(monkeypatch):
    """The machine's own zone is Europe/Berlin (daylight saving from 29 March 2026)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    i18n.install(tz=None)  # the machine's zone, as in the app
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_date_range_across_daylight_saving_starts_at_that_days_midnight(berlin, make_app,
                                                                           qtbot, clock,
                                                                           data_dir):
    service = SessionService.open(data_dir, clock)
    for moment in (datetime(2026, 3, 19, 23, 30), datetime(2026, 3, 20, 10, 0)):  # CET
        clock.advance((moment.astimezone() - clock.now()).total_seconds())
        record(service, clock, Entry(ICE, 5, note=f"{moment:%d %H:%M}"))
    clock.advance((datetime(2026, 4, 10, 9, 0).astimezone() - clock.now()).total_seconds())
    service.close()
    instance = make_app()
    instance.start()
    history = open_history(instance, qtbot)
    tick_box(qtbot, history.whole)
    history.since.setDate(QDate(2026, 3, 20))
    history.until.setDate(QDate(2026, 4, 10))
    assert shown(history, SortKey.NOTE) == ["20 10:00"]  # not the evening before


def test_the_count_says_session_or_sessions(necktimer, window, qtbot, clock):
    history = open_history(necktimer, qtbot)
    assert history.count.text() == "0 sessions · Date: Newest first"
    window.start_ice()
    history = open_history(necktimer, qtbot)
    assert history.count.text() == "1 session · Date: Newest first"
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    tick(necktimer, clock, 3 * 3600)
    assert window.start_heat().ok
    history = open_history(necktimer, qtbot)
    assert history.count.text() == "2 sessions · Date: Newest first"


def test_the_chart_shows_the_last_14_days(necktimer, diary, qtbot):
    history = open_history(necktimer, qtbot)
    days = history.chart.days
    assert len(days) == 14 and days[-1].day.isoformat() == "2026-03-03"  # today
    assert [(d.day.isoformat(), d.sessions) for d in days[-2:]] == [
        ("2026-03-02", 3), ("2026-03-03", 1)]  # the mis-start is not counted
    assert history.chart.isVisible()


def test_the_chart_shows_what_the_filters_show(necktimer, diary, qtbot):
    """The chart counted every session whatever the table showed: heat alone, or a week
    in February, still drew both therapies up to today."""
    history = open_history(necktimer, qtbot)
    chart = history.chart

    def last_two():
        return [(d.day.isoformat(), d.sessions, d.before) for d in chart.days[-2:]]

    history.therapy.setCurrentIndex(history.therapy.findData("heat"))
    assert last_two() == [("2026-03-02", 1, 3), ("2026-03-03", 0, None)]
    assert chart.accessibleDescription().startswith("1 session in the last 14 days.")
    history.therapy.setCurrentIndex(history.therapy.findData("ice"))
    assert last_two() == [("2026-03-02", 2, 7), ("2026-03-03", 1, 1)]
    history.therapy.setCurrentIndex(history.therapy.findData(None))
    tick_box(qtbot, history.whole)
    history.since.setDate(QDate(2026, 3, 1))
    history.until.setDate(QDate(2026, 3, 2))  # two days, that end before today
    assert last_two() == [("2026-03-01", 0, None), ("2026-03-02", 3, 17 / 3)]
    assert len(chart.days) == 2  # none from before the range, drawn as if empty
    assert chart.accessibleDescription().startswith("3 sessions in the 2 days to ")
    history.since.setDate(QDate(2026, 1, 1))  # longer than the chart: its last 14 days
    assert len(chart.days) == 14 and chart.days[-1].day.isoformat() == "2026-03-02"
    tick_box(qtbot, history.whole)  # all dates: up to today again
    assert last_two()[-1] == ("2026-03-03", 1, 1)
    assert chart.accessibleDescription().startswith("4 sessions in the last 14 days.")


# -- editing ------------------------------------------------------------------------------------


def test_double_click_edits_ratings_and_notes(necktimer, diary, qtbot, data_dir):
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    newest = history.model.session_at(0).id

    def stored(column):
        return next(row for row in rows(data_dir) if row["id"] == newest)[column]

    edit_cell(qtbot, history, 0, COLUMN[SortKey.PAIN_AFTER], "3")
    assert stored("pain_after") == 3
    assert shown(history, SortKey.PAIN_AFTER)[0] == "3"
    edit_cell(qtbot, history, 0, COLUMN[SortKey.PAIN_BEFORE], "12")  # "2" is refused
    assert stored("pain_before") == 1 and shown(history, SortKey.PAIN_BEFORE)[0] == "1"
    edit_cell(qtbot, history, 0, COLUMN[SortKey.NOTE], "better after heat")
    assert stored("note") == "better after heat"


def test_a_rating_edited_in_the_table_is_on_the_chart_at_once(necktimer, diary, qtbot):
    """The chart (and what a screen reader hears of it) changed only once History was
    closed and opened again (found by an outside tester)."""
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    before = history.chart.days[-1].before
    edit_cell(qtbot, history, 0, COLUMN[SortKey.PAIN_BEFORE], "9")
    assert history.chart.days[-1].before == 9 != before
    assert "9" in history.chart.accessibleDescription()


def test_an_edit_says_what_was_saved_to_the_eye_and_to_a_screen_reader(
        necktimer, diary, qtbot, monkeypatch):
    """After Enter in a cell only the cell changed: a screen reader heard nothing of the
    rating just typed (found by an outside tester)."""
    from necktimer.ui import accessibility

    heard = []
    monkeypatch.setattr(accessibility, "announce", lambda _widget, text: heard.append(text))
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    when = shown(history, SortKey.STARTED)[0]
    edit_cell(qtbot, history, 0, COLUMN[SortKey.PAIN_AFTER], "7")
    said = f"Saved — Pain after: 7 (session of {when})."
    assert heard[-1] == said and history.count.text() == said
    editor = open_editor(qtbot, history, 0, COLUMN[SortKey.PAIN_AFTER])
    editor.clear()
    commit(qtbot, history, editor)
    assert heard[-1] == f"Saved — Pain after: not rated (session of {when})."
    edit_cell(qtbot, history, 0, COLUMN[SortKey.NOTE], "stiff on waking " * 5)
    assert heard[-1].startswith("Saved — Note: stiff on waking stiff on waking")
    assert "…" in heard[-1] and len(heard[-1]) < 120


def test_a_pain_cell_takes_only_0_to_10_and_says_so(necktimer, diary, qtbot, monkeypatch):
    """Typed "11" was accepted by the editor and then dropped without a word; then "12"
    was refused as it was typed, and "1" saved, again without a word."""
    from necktimer.ui import accessibility

    heard = []
    monkeypatch.setattr(accessibility, "announce", lambda _widget, text: heard.append(text))
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    editor = open_editor(qtbot, history, 0, COLUMN[SortKey.PAIN_BEFORE])
    qtbot.keyClicks(editor, "1")
    assert heard == []
    qtbot.keyClicks(editor, "2")
    assert editor.text() == "1"  # the second key is refused as it is typed, and said
    assert heard == ["Pain is rated from 0 to 10."]
    assert QToolTip.isVisible() and QToolTip.text() == "Pain is rated from 0 to 10."
    qtbot.keyClicks(editor, "0")
    assert editor.text() == "10"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)


def test_a_pack_off_late_does_not_widen_the_actual_column_past_the_ratings(
        necktimer, qtbot, clock):
    """"15 min, pack off 1 h 45 min late" sized the Actual column, and at 2x the pain
    ratings went out of sight (outside tester). The column fits a session of any ending;
    the rest is cut short, and its tooltip says it whole."""
    service = necktimer.service
    record(service, clock, Entry(ICE, 5, before=3, after=2))
    service.start(ICE, 15)
    clock.advance(2 * 60 * 60)
    service.tick()
    service.acknowledge_removal()
    history = open_history(necktimer, qtbot)
    table = history.table
    late = history.model.index(0, COLUMN[SortKey.ACTUAL])
    assert late.data() == "15 min, pack off 1 h 45 min late"
    metrics = table.fontMetrics()
    width = table.columnWidth(COLUMN[SortKey.ACTUAL])
    assert metrics.horizontalAdvance("15 min (interrupted)") < width
    assert width < metrics.horizontalAdvance(late.data())
    assert late.data(Qt.ItemDataRole.ToolTipRole) == late.data()
    assert history.model.index(1, COLUMN[SortKey.ACTUAL]).data(Qt.ItemDataRole.ToolTipRole) is None
    # The other columns still fit what they hold.
    date = COLUMN[SortKey.STARTED]
    assert table.columnWidth(date) >= metrics.horizontalAdvance(
        history.model.index(0, date).data())


def test_a_pasted_note_longer_than_the_history_keeps_is_cut_not_lost(necktimer, diary,
                                                                       qtbot, data_dir):
    """A note of 501 characters or more was thrown away as a whole on saving, without a
    word: the editor now stops at 500, where the user sees it, and that much is kept."""
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    newest = history.model.session_at(0).id
    editor = open_editor(qtbot, history, 0, COLUMN[SortKey.NOTE])
    long_note = "stiff on waking, better after heat. " * 20  # 720 characters
    QApplication.clipboard().setText(long_note)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == long_note[:500]
    commit(qtbot, history, editor)
    stored = next(row for row in rows(data_dir) if row["id"] == newest)["note"]
    assert stored == long_note[:500].strip()
    # The cell cuts it short; its tooltip holds it all, wrapped (as rich text), and escaped
    cell = history.model.index(0, COLUMN[SortKey.NOTE])
    assert history.model.data(cell, Qt.ItemDataRole.ToolTipRole) == f"<p>{stored}</p>"
    assert history.model.data(history.model.index(0, COLUMN[SortKey.THERAPY]),
                              Qt.ItemDataRole.ToolTipRole) is None
    editor = open_editor(qtbot, history, 0, COLUMN[SortKey.NOTE])
    editor.setText("pain <8 & worse")
    commit(qtbot, history, editor)
    assert history.model.data(cell, Qt.ItemDataRole.ToolTipRole) == (
        "<p>pain &lt;8 &amp; worse</p>")


def test_only_ratings_and_notes_open_an_editor(necktimer, diary, qtbot):
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    table = history.table
    center = table.visualRect(history.model.index(0, COLUMN[SortKey.THERAPY])).center()
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert table.state() != table.State.EditingState
    assert shown(history, SortKey.THERAPY)[0] == "Ice"


# -- CSV export -----------------------------------------------------------------------------------


def press_yes() -> None:
    """Yes, in the question on screen."""
    [question] = [w for w in QApplication.topLevelWidgets()
                  if isinstance(w, QMessageBox) and w.isVisible()]
    question.button(QMessageBox.StandardButton.Yes).click()


def export(history, qtbot, button, path: Path) -> str:
    """Export CSV… or PDF…, answered in the file dialog; what the window says then."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in history.findChildren(QFileDialog) if d.isVisible()]
    assert dialog.defaultSuffix() == path.suffix.lstrip(".")
    dialog.selectFile(str(path))
    if path.exists():  # the dialog asks before replacing a file: answer Yes
        QTimer.singleShot(0, press_yes)
    dialog.accept()
    return history.count.text()


def export_csv(history, qtbot, path):
    """Export CSV…, answered in the file dialog: the rows written."""
    assert export(history, qtbot, history.export_csv, path) == f"Saved {path}"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_export_round_trips_and_neutralises_formulas(necktimer, clock, qtbot, tmp_path):
    service = necktimer.service
    record(service, clock, Entry(ICE, 15, before=5, after=3, note="=cmd|' /C calc'!A0"))
    record(service, clock, Entry(HEAT, 10, 4 * 60, before=4, note="+1 worse? no, =fine"))
    record(service, clock, Entry(ICE, 8, 20, note="@SUM(A1) -2\nsecond line"))
    history = open_history(necktimer, qtbot)
    exported = export_csv(history, qtbot, tmp_path / "diary.csv")
    assert list(exported[0]) == list(CSV_COLUMNS)
    assert [(r["date"], r["start"], r["therapy"], r["planned_min"], r["actual_min"], r["ended"],
             r["pain_before"], r["pain_after"], r["removed_at"]) for r in exported] == [
        ("2026-03-02", "09:00", "ice", "15.0", "15.0", "completed", "5", "3",
         "2026-03-02 09:15"),
        ("2026-03-02", "12:00", "heat", "10.0", "4.0", "stopped", "4", "", "2026-03-02 12:04"),
        ("2026-03-02", "15:00", "ice", "8.0", "0.3", "cancelled", "", "", "2026-03-02 15:00"),
    ]
    notes = [r["note"] for r in exported]
    assert notes == ["'=cmd|' /C calc'!A0", "'+1 worse? no, '=fine",
                     "'@SUM(A1) -2 second line"]
    for row in exported:
        for cell in row.values():
            assert not cell.startswith(FORMULA_STARTERS), cell
            assert "\n" not in cell


def test_csv_export_writes_what_is_shown(necktimer, clock, qtbot, tmp_path):
    for therapy in (ICE, HEAT, ICE):
        record(necktimer.service, clock, Entry(therapy, 5))
    history = open_history(necktimer, qtbot)
    history.therapy.setCurrentIndex(history.therapy.findData("heat"))
    exported = export_csv(history, qtbot, tmp_path / "heat.csv")
    assert [row["therapy"] for row in exported] == ["heat"]


def test_the_csv_tells_a_spreadsheet_it_is_utf8(necktimer, clock, qtbot, tmp_path):
    """Without a byte-order mark, a spreadsheet on Windows read "Wärme – ça va" as
    "WÃ¤rme â€“ Ã§a va"."""
    record(necktimer.service, clock, Entry(HEAT, 10, note="Wärme – ça va"))
    history = open_history(necktimer, qtbot)
    [row] = export_csv(history, qtbot, tmp_path / "diary.csv")
    data = (tmp_path / "diary.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf\"date\",")
    assert row["note"] == "Wärme – ça va"


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_an_export_that_cannot_be_written_says_so(necktimer, diary, qtbot, tmp_path, kind):
    """A PDF into a folder that is not there was reported as saved: the PDF writer said
    nothing of the file it could not open."""
    history = open_history(necktimer, qtbot)
    path = tmp_path / "no-such-folder" / f"diary.{kind}"
    said = export(history, qtbot, getattr(history, f"export_{kind}"), path)
    # (Qt's dialog takes a path into a missing folder as relative to the folder it shows)
    assert said.startswith("Could not save ")
    assert said.endswith(f"/no-such-folder/diary.{kind}: No such file or directory")


@pytest.mark.parametrize("kind", ["csv", "pdf"])
def test_a_failed_export_leaves_the_file_it_would_have_replaced(
        necktimer, diary, qtbot, tmp_path, kind):
    """On a full disk, saving over last week's export emptied it before failing."""
    history = open_history(necktimer, qtbot)
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / f"diary.{kind}"
    path.write_bytes(b"last week's export")
    with nothing_can_grow():
        said = export(history, qtbot, getattr(history, f"export_{kind}"), path)
    assert said.startswith(f"Could not save {path}: File too large")
    assert path.read_bytes() == b"last week's export"
    assert [p.name for p in folder.iterdir()] == [path.name]  # no temporary file left
    said = export(history, qtbot, getattr(history, f"export_{kind}"), path)
    assert said == f"Saved {path}"
    assert path.read_bytes().startswith({"csv": b"\xef\xbb\xbf", "pdf": b"%PDF-"}[kind])


# -- physician advice and warning signs -------------------------------------------------------


def week_of_ice(data_dir, clock, pains: list[int]) -> None:
    """A session each morning with its pain rating, written before necktimer starts."""
    service = SessionService.open(data_dir, clock)
    for day, pain in enumerate(pains, start=1):
        # until the next morning; after the last one, until the evening of that eighth day
        record(service, clock, Entry(ICE, 15, before=pain), rest_h=24 if day < len(pains) else 12)
    service.close()


def test_physician_banner_after_a_week_without_improvement(make_app, qtbot, clock, data_dir):
    week_of_ice(data_dir, clock, [5, 5, 6, 5, 6, 6, 6, 6])
    instance = make_app()
    instance.start()
    exposed(instance.window)
    banner = instance.window.advice_banner
    assert banner.isVisible()
    assert banner.label.text().startswith("You have been treating your neck for 7 days. "
                                          "The pain has not eased (5.3 at first, 6.0 lately")
    assert banner.label.text().endswith("please consult a physician.")
    qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)  # open the physician tip
    assert instance.window.tips.current_key == "physician"
    qtbot.mouseClick(banner.buttons[1], Qt.MouseButton.LeftButton)  # remind me tomorrow
    assert not banner.isVisible()
    clock.advance(3600)
    instance.window.start_ice()
    assert not banner.isVisible()  # put off for a day...
    tick(instance, clock, 15 * 60)
    instance.controller.acknowledge_removal()
    clock.advance(24 * 3600)
    instance.window.start_heat()
    assert banner.isVisible()  # ...not for good


def test_the_physician_banner_follows_a_rating_edited_or_given(make_app, qtbot, clock,
                                                                data_dir):
    """The one-week check ran only when a session started or ended: after a rating was
    edited in History (or given after a session) the banner kept its old "6.0 lately" and
    its advice until the next session."""
    week_of_ice(data_dir, clock, [5, 5, 6, 5, 6, 6, 6, 6])
    instance = make_app()
    instance.start()
    exposed(instance.window)
    banner = instance.window.advice_banner
    assert "6.0 lately" in banner.label.text()
    history = open_history(instance, qtbot)
    activate(qtbot, history)
    edit_cell(qtbot, history, 0, COLUMN[SortKey.PAIN_BEFORE], "0")  # the latest morning
    assert not banner.isVisible()  # (6 + 6 + 0) / 3 is 1.3 below 5.3: easing
    edit_cell(qtbot, history, 0, COLUMN[SortKey.PAIN_BEFORE], "9")
    assert banner.isVisible() and "7.0 lately" in banner.label.text()


def test_no_physician_banner_when_the_pain_eases(make_app, qtbot, clock, data_dir):
    week_of_ice(data_dir, clock, [8, 8, 7, 6, 5, 4, 3, 2])
    instance = make_app()
    instance.start()
    exposed(instance.window)
    assert not instance.window.advice_banner.isVisible()


def test_a_warning_sign_says_get_care_now_and_is_recorded(necktimer, window, qtbot, clock):
    signs = window.tips.warning_signs
    assert not window.urgent_banner.isVisible()
    tick_box(qtbot, signs.boxes["headache"])
    assert window.urgent_banner.isVisible() and signs.urgent.isVisible()
    assert "Seek medical attention now" in window.urgent_banner.label.text()
    assert window.tips.current_key == "physician"
    # Under that banner neither the ready ring nor the status line invites a session.
    assert window.ring.caption == "see a doctor first"
    assert window.ring.color == colors.WAITING  # grey, not the green of go
    assert window.status_line.text() == ("You ticked a warning sign: get medical help "
                                         "before another session.")
    clock.advance(30)
    tick_box(qtbot, signs.boxes["headache"])
    assert not window.urgent_banner.isVisible()
    assert window.ring.caption == "start ice or heat when you like"
    assert window.ring.color == colors.READY
    assert necktimer.service.warning_sign_answers() == [
        (T0, ["headache"]), (T0 + timedelta(seconds=30), [])]


def test_a_warning_sign_still_says_get_care_now_after_a_restart(make_app, qtbot):
    """The answer stands until it is changed: the red banner had gone with a restart (or a
    crash), as if the numb arm had never been reported."""
    first = make_app()
    first.start()
    exposed(first.window)
    tick_box(qtbot, first.window.tips.warning_signs.boxes["arm"])
    first.shutdown()

    again = make_app()
    again.start()
    window = again.window
    exposed(window)
    assert window.urgent_banner.isVisible()  # before the tips are even built
    assert "Seek medical attention now" in window.urgent_banner.label.text()
    assert window.tips.current_key == "physician"  # the checklist "these signs" means
    signs = window.tips.warning_signs
    assert [key for key, box in signs.boxes.items() if box.isChecked()] == ["arm"]
    assert signs.urgent.isVisible()
    assert len(again.service.warning_sign_answers()) == 1  # shown, not answered again
    tick_box(qtbot, signs.boxes["arm"])  # unticked: the answer is now "none of these"
    assert not window.urgent_banner.isVisible()
    assert again.service.warning_sign_answers()[-1][1] == []


# -- years of history ------------------------------------------------------------------------------


def test_fifty_thousand_sessions_open_lazily_and_sort_in_sql(necktimer, qtbot, data_dir):
    count = 50_000

    def iso(moment):
        return moment.astimezone(UTC).isoformat(timespec="microseconds")

    starts = [T0 - timedelta(hours=3 * (i + 1)) for i in range(count)]
    with sqlite3.connect(data_dir / "necktimer.sqlite3") as connection:
        connection.executemany(
            "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason, "
            "pain_before, note) VALUES (?, ?, ?, ?, 'completed', ?, ?)",
            [(("ice", "heat")[i % 2], iso(start), iso(start + timedelta(minutes=15)),
              iso(start + timedelta(minutes=15)),
              0 if i == count - 1 else 1 + i % 10,  # the oldest session alone rated 0
              None if i % 7 else f"note {i}")
             for i, start in enumerate(starts)])
    connection.close()
    history = open_history(necktimer, qtbot)
    QApplication.processEvents()
    model = history.model
    assert model.total == count and history.count.text().startswith("50000 session")
    assert model.rowCount() <= 2 * PAGE  # only what the view asked for
    assert model.canFetchMore(QModelIndex())
    history.table.scrollToBottom()
    QApplication.processEvents()
    assert PAGE < model.rowCount() < count  # scrolling fetched the next page, not all
    click_header(qtbot, history.table, COLUMN[SortKey.PAIN_BEFORE])
    if history.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        click_header(qtbot, history.table, COLUMN[SortKey.PAIN_BEFORE])
    assert model.rowCount() <= 2 * PAGE
    # The oldest session was never loaded, yet it comes first: the database sorted.
    assert model.session_at(0).started_at == starts[-1]
    assert model.index(0, COLUMN[SortKey.PAIN_BEFORE]).data() == "0"
    history.therapy.setCurrentIndex(history.therapy.findData("heat"))
    assert model.total == count // 2


def test_tab_leaves_the_table_and_every_control_is_reached(necktimer, diary, qtbot):
    """Tab went from cell to cell and never out of the table: the filters and the
    exports could not be reached from the keyboard."""
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    history.whole.setChecked(False)  # the date fields take part once "All dates" is off
    reached = tab_stops(qtbot, history.table, most=30)
    assert history.export_csv in reached and history.export_pdf in reached
    for field in (history.since, history.until):
        assert any(w is field or field.isAncestorOf(w) for w in reached)
    qtbot.keyClick(history.table, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is reached[-1]


def test_a_screen_reader_meets_history_as_a_window_with_its_title(necktimer, diary, qtbot):
    """A plain widget made a window reached AT-SPI as a nameless "filler"; the main window
    is a "frame", Settings a "dialog" (found by an outside tester)."""
    from PySide6.QtGui import QAccessible

    history = open_history(necktimer, qtbot)
    face = QAccessible.queryAccessibleInterface(history)
    assert face.role() == QAccessible.Role.Window
    assert "History" in face.text(QAccessible.Text.Name)


def test_the_current_cell_is_outlined_while_the_table_has_focus(necktimer, diary, qtbot):
    """Whole rows are selected, and the style's dotted focus frame, dark on the dark
    selection, told no one which cell F2 would edit (found by an outside tester). The
    outline is drawn in the selection's text colour."""
    history = open_history(necktimer, qtbot)
    activate(qtbot, history)
    table, model = history.table, history.model
    table.setFocus()
    table.setCurrentIndex(model.index(1, COLUMN[SortKey.PAIN_AFTER]))
    image = table.viewport().grab().toImage()
    image.save(str(Path(tempfile.gettempdir()) / "necktimer-current-cell.png"))

    def inner_edge(column: int) -> set[str]:
        cell = table.visualRect(model.index(1, column))
        return {image.pixelColor(x, y).name() for x in range(cell.left(), cell.left() + 4)
                for y in range(cell.top() + 3, cell.bottom() - 2)}

    selected = inner_edge(COLUMN[SortKey.PAIN_BEFORE])  # same row, not current
    bright = table.palette().color(QPalette.ColorRole.HighlightedText).name()
    assert bright in inner_edge(COLUMN[SortKey.PAIN_AFTER]) and bright not in selected
