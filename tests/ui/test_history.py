"""The pain diary in the window, the History view, its exports and the physician advice."""

import csv
import shutil
import subprocess
import unicodedata
from datetime import timedelta

import pytest
from helpers import T0
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from necktimer.core.rules import EndReason, Therapy
from necktimer.ui.history_model import COLUMNS

DAY = timedelta(days=1)


def fill(store, days, pains, therapy=Therapy.ICE, note=None):
    with store.transaction():
        for day, pain in zip(days, pains, strict=True):
            start = T0 + day * DAY
            session_id = store.insert_session(therapy, start, start + timedelta(minutes=15))
            store.end_session(session_id, start + timedelta(minutes=15), EndReason.COMPLETED,
                              removed_at=start + timedelta(minutes=16))
            store.set_pain(session_id, "pain_before", pain)
            if note:
                store.set_note(session_id, note)


def test_pain_is_asked_at_start_and_after_removal(necktimer, window, qtbot, clock):
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    assert window.pain_prompt.isVisible()
    assert "before the pack goes on" in window.pain_prompt.question.text()
    qtbot.mouseClick(window.pain_prompt.buttons[7], Qt.MouseButton.LeftButton)
    assert not window.pain_prompt.isVisible()
    clock.advance(15 * 60)
    necktimer.controller.refresh()
    qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
    assert window.pain_prompt.isVisible() and "pack is off" in window.pain_prompt.question.text()
    qtbot.mouseClick(window.pain_prompt.buttons[4], Qt.MouseButton.LeftButton)
    [session] = necktimer.store.all_sessions()
    assert (session.pain_before, session.pain_after) == (7, 4)


def test_pain_rating_can_be_skipped(necktimer, window, qtbot):
    qtbot.mouseClick(window.start_heat_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.pain_prompt.skip, Qt.MouseButton.LeftButton)
    assert not window.pain_prompt.isVisible()
    assert necktimer.store.all_sessions()[0].pain_before is None


def test_stop_after_grace_asks_pain_after_but_a_mis_start_does_not(necktimer, window, clock):
    window.start_ice()
    clock.advance(30)
    window.stop()
    assert not window.pain_prompt.isVisible()
    window.start_ice()
    clock.advance(5 * 60)
    window.stop()
    assert window.pain_prompt.isVisible()
    assert window.pain_prompt.asking[1] == "pain_after"


def test_history_lists_sorts_filters_and_edits(necktimer, store, qtbot):
    fill(store, range(0, 6), [6, 5, 4, 3, 2, 1])
    fill(store, [0.5, 1.5], [9, 8], therapy=Therapy.HEAT, note="=cmd|' /C calc'!A0")
    history = necktimer.show_history()
    qtbot.waitExposed(history)
    model = history.model
    assert model.rowCount() == 8 and history.count.text() == "8 sessions"
    assert model.index(0, 0).data() == "2026-03-07 09:00"  # newest first
    model.sort([c.key for c in COLUMNS].index("pain_before"), Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 4).data() for r in range(3)] == ["9", "8", "6"]
    history.therapy.setCurrentIndex(history.therapy.findData("heat"))
    assert model.rowCount() == 2 and history.count.text() == "2 sessions"
    assert {model.index(r, 1).data() for r in range(2)} == {"Heat"}
    pain_after = model.index(0, 5)
    assert model.flags(pain_after) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(pain_after, "3")
    assert not model.setData(pain_after, "12")  # outside 0-10, refused
    assert model.setData(model.index(0, 6), "better after heat")
    edited = model.session_at(0)
    assert edited.pain_after == 3 and edited.note == "better after heat"
    assert store.get(edited.id).note == "better after heat"


def test_history_date_range_filter(necktimer, store, clock):
    fill(store, range(0, 20, 2), [5] * 10)
    clock.advance(20 * 86400)
    history = necktimer.show_history()
    history.whole.setChecked(False)
    history.since.setDate(history.since.date().fromString("2026-03-05", "yyyy-MM-dd"))
    history.until.setDate(history.until.date().fromString("2026-03-10", "yyyy-MM-dd"))
    # sessions on days 4, 6, 8 (2026-03-06, -08, -10)
    assert history.model.rowCount() == 3


def test_csv_export_round_trip(necktimer, store, tmp_path):
    fill(store, range(4), [5, 4, 3, 2], note="+1 worse? no, =fine")
    history = necktimer.show_history()
    path = history.write_csv(tmp_path / "diary.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 4
    assert [r["pain_before"] for r in rows] == ["5", "4", "3", "2"]
    assert all(r["note"] == "'+1 worse? no, =fine" for r in rows)


def test_pdf_summary_holds_the_sessions_and_warning_answers(necktimer, window, store,
                                                            tmp_path, clock):
    fill(store, range(8), [6, 6, 6, 6, 6, 6, 6, 6], note="stiff on waking")
    clock.advance(7.5 * 86400)
    window.tips.warning_signs.boxes["nausea"].setChecked(True)
    history = necktimer.show_history()
    path = history.write_pdf(tmp_path / "summary.pdf")
    assert shutil.which("pdftotext"), "pdftotext is needed (poppler-utils, installed by .ci/run)"
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    # one line of words, with typographic ligatures (ﬀ) unfolded
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "summary for a physician visit" in text
    assert "Sessions: 8" in text
    assert "has not eased (6.0 then 6.0" in text
    assert "Nausea" in text
    assert text.count("stiff on waking") == 8
    assert "2026-03-02" in text and "2026-03-09" in text


def test_physician_banner_after_a_week_without_improvement(make_app, store, qtbot, clock):
    fill(store, range(8), [5, 5, 6, 5, 6, 6, 6, 6])
    clock.advance(7.5 * 86400)
    instance = make_app()
    instance.start()
    banner = instance.window.advice_banner
    assert banner.isVisible()
    assert "treating your neck for 7 days" in banner.label.text()
    qtbot.mouseClick(banner.open_tip, Qt.MouseButton.LeftButton)
    assert instance.window.tips.current_key == "physician"
    qtbot.mouseClick(banner.snooze, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    clock.advance(86400 + 60)
    instance.controller.check_advice()
    assert banner.isVisible()  # dismissed for a day, not forever


def test_no_banner_when_pain_eases(make_app, store, clock):
    fill(store, range(8), [8, 8, 7, 6, 5, 4, 3, 2])
    clock.advance(7.5 * 86400)
    instance = make_app()
    instance.start()
    assert not instance.window.advice_banner.isVisible()


def test_warning_sign_shows_urgent_message_and_is_recorded(necktimer, window, store, clock):
    signs = window.tips.warning_signs
    assert not window.urgent_banner.isVisible()
    signs.boxes["headache"].setChecked(True)
    assert window.urgent_banner.isVisible() and signs.urgent.isVisible()
    assert "Seek medical attention now" in window.urgent_banner.text()
    assert window.tips.current_key == "physician"
    clock.advance(30)
    signs.boxes["headache"].setChecked(False)
    assert not window.urgent_banner.isVisible()
    assert store.warning_sign_answers() == [(T0, ["headache"]),
                                            (T0 + timedelta(seconds=30), [])]


@pytest.mark.parametrize("count", [50_000])
def test_fifty_thousand_sessions_open_lazily(necktimer, store, count, qtbot):
    with store.transaction():
        store._db.executemany(  # bulk insert, the way years of use would leave the file
            "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason) "
            "VALUES (?, ?, ?, ?, 'completed')",
            [(("ice", "heat")[i % 2],
              (T0 - timedelta(hours=3 * (i + 1))).isoformat(),
              (T0 - timedelta(hours=3 * (i + 1)) + timedelta(minutes=15)).isoformat(),
              (T0 - timedelta(hours=3 * (i + 1)) + timedelta(minutes=15)).isoformat())
             for i in range(count)])
    history = necktimer.show_history()
    qtbot.waitExposed(history)
    QApplication.processEvents()
    model = history.model
    assert model.total == count
    assert model.rowCount() < 2_000  # only what the view has asked for so far
    history.table.scrollToBottom()
    QApplication.processEvents()
    assert model.rowCount() > 200  # scrolling fetched more
    model.sort(4, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() <= 2_000 and model.index(0, 0).data()
