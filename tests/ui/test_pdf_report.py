"""The PDF summary for a physician visit, written from the History window and read back."""

import shutil
import sqlite3
import subprocess
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from helpers import LOCAL, exposed
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from necktimer.core import i18n

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"),
                                reason="pdftotext (poppler-utils) is needed to read the PDF back")


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A local time in February/March 2026 (day 0 is 2 March, the test's today)."""
    return datetime(2026, 3, 2, hour, minute, tzinfo=LOCAL) + timedelta(days=day)


def add(data_dir, start: datetime, on_for_s: int, *, planned_s: int = 900,
        reason: str = "completed", before=None, note=None) -> None:
    """One finished session, written into the history by another connection."""
    def iso(moment: datetime) -> str:  # as the history keeps times: UTC, to the microsecond
        return moment.astimezone(UTC).isoformat(timespec="microseconds")

    with sqlite3.connect(data_dir / "necktimer.sqlite3") as connection:
        connection.execute(
            "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason, "
            "pain_before, note) VALUES ('ice', ?, ?, ?, ?, ?, ?)",
            (iso(start), iso(start + timedelta(seconds=planned_s)),
             iso(start + timedelta(seconds=on_for_s)), reason, before, note))
    connection.close()


@pytest.fixture
def week(necktimer, data_dir):
    """Eight mornings of ice at pain 6, a session the cycle rule cut to 16 s, a mis-start."""
    for day in range(-8, 0):
        add(data_dir, at(day, 9), 900, before=6, note="stiff on waking")
    add(data_dir, at(-1, 13), 16, planned_s=16)
    add(data_dir, at(-1, 15, 30), 20, reason="cancelled")
    return necktimer


def tick_box(qtbot, box) -> None:
    """Click a check box on its indicator (its centre may lie past a short label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True, timeout=60).stdout
    # one line of words, with typographic ligatures (ﬀ) unfolded
    return " ".join(unicodedata.normalize("NFKC", text).split())


def summary(necktimer, tmp_path, name="summary.pdf") -> str:
    history = necktimer.show_history()
    return pdf_text(history.write_pdf(tmp_path / name))


def test_the_summary_holds_the_period_the_counted_sessions_and_the_trend(week, tmp_path):
    text = summary(week, tmp_path)
    assert "Neck pain diary — summary for a physician visit" in text
    assert "Period: 2026-02-22 – 2026-03-02" in text
    assert "Sessions: 9 (" in text  # the mis-start is not one of them...
    assert "(and 1 cancelled mis-start" in text and "not counted)" in text  # ...but it is said
    assert "Pain trend: The pain has not eased (6.0 at first, 6.0 lately" in text
    assert "Generated: 2026-03-02 09:00 · Neck Timer" in text
    assert text.count("stiff on waking") == 8
    assert "15:30" not in text  # the mis-start has no row
    assert "Ice 16 s completed" in text  # 16 seconds, not "0 min"
    assert "0 min" not in text
    assert "2026-03-01 2 6.0" in text  # the day's row in the 14-day table
    # which pain: before and after each session are kept apart, never mixed in one mean
    assert "Pain before, mean (0–10)" in text and "Pain after, mean (0–10)" in text


def test_the_gap_is_the_one_in_the_settings(week, tmp_path, settings_file):
    assert "ice and heat, at most 15 minutes each, 2 h apart" in summary(week, tmp_path)
    settings_file.update(gap_minutes=180)
    assert "at most 15 minutes each, 3 h apart" in summary(week, tmp_path, "longer.pdf")


def test_warning_sign_answers_are_listed(week, tmp_path, qtbot, clock):
    assert "The warning-sign checklist was not answered." in summary(week, tmp_path)
    signs = week.window.tips.warning_signs
    tick_box(qtbot, signs.boxes["nausea"])
    clock.advance(60)
    tick_box(qtbot, signs.boxes["arm"])
    text = summary(week, tmp_path, "answered.pdf")
    assert "Warning signs reported 2026-03-02 09:00: Nausea " in text
    assert "2026-03-02 09:01: Nausea, Numbness or weakness in an arm" in text
    assert "not answered" not in text


def test_dates_times_and_numbers_follow_the_installed_formats(week, tmp_path):
    i18n.install(formats=i18n.Formats(
        time=lambda moment: moment.strftime("%H.%M"),
        date=lambda day: day.strftime("%d.%m.%Y"),
        short_date=lambda day: day.strftime("%d.%m."),
        decimal=lambda value: f"{value:.1f}".replace(".", ",")))
    text = summary(week, tmp_path)
    assert "Period: 22.02.2026 – 02.03.2026" in text
    assert "Generated: 02.03.2026 09.00" in text
    assert "01.03.2026 13.00 Ice 16 s completed" in text  # no cell breaks its words
    assert "(6,0 at first, 6,0 lately" in text
    assert "2026-0" not in text  # no ISO date left anywhere


def test_the_summary_carries_the_disclaimer(week, tmp_path):
    text = summary(week, tmp_path)
    assert ("Recorded by the patient. Self-care information only, not medical "
                         "advice. It does not replace a doctor, and using necktimer creates no "
                         "doctor–patient relationship.") in text


def test_the_summary_follows_the_history_filter(week, tmp_path):
    history = week.show_history()
    history.therapy.setCurrentIndex(history.therapy.findData("heat"))
    text = pdf_text(history.write_pdf(tmp_path / "heat.pdf"))
    assert "Sessions: 0 · ice and heat" in text and "stiff on waking" not in text
    # It says what it leaves out: a physician read heat's sessions beside a trend of all
    assert "Shown: heat sessions only" in text
    assert "Pain trend (all sessions): The pain has not eased" in text


def test_a_filtered_summary_covers_the_period_asked_for(week, tmp_path, qtbot):
    """A range that ended days ago printed a period up to today, and 14 days of the
    per-day table, most of them before the range and empty."""
    history = week.show_history()
    tick_box(qtbot, history.whole)
    history.since.setDate(QDate(2026, 2, 25))
    history.until.setDate(QDate(2026, 2, 27))
    text = pdf_text(history.write_pdf(tmp_path / "range.pdf"))
    assert "Period: 2026-02-25 – 2026-02-27" in text
    assert "Sessions and pain per day (last 3 days)" in text
    assert "2026-02-24" not in text and "2026-02-28" not in text
    assert "Shown:" not in text  # both therapies
    assert "Pain trend (all sessions):" in text


def test_the_save_button_asks_where_and_writes_there(week, tmp_path, qtbot):
    history = week.show_history()
    exposed(history)
    qtbot.mouseClick(history.export_pdf, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in history.findChildren(QFileDialog) if d.isVisible()]
    assert dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.defaultSuffix() == "pdf"
    target = tmp_path / "for the doctor.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    assert history.count.text() == f"Saved {target}"
    assert "summary for a physician visit" in pdf_text(target)


def test_the_counts_read_as_english(week, tmp_path):
    assert "Sessions: 9 (and 1 cancelled mis-start, not counted)" in summary(
        week, tmp_path)


def words_and_pages(path) -> tuple[list[tuple[str, float]], float]:
    """Every word of the PDF with where it ends on the x axis, and the page width."""
    import re

    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                           text=True, check=True, timeout=60).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    words = [(text, float(x_max)) for x_max, text in
             re.findall(r'<word xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)" '
                        r'yMax="[\d.]+">([^<]*)</word>', boxes)]
    return words, width


@pytest.fixture
def german(qapp):
    from necktimer import language

    language.install("de", qapp)
    yield
    language.install("en", qapp)
    i18n.install(formats=i18n.Formats())


def test_in_german_the_sessions_table_keeps_to_the_page_and_its_words_whole(
        week, data_dir, tmp_path, german):
    """Six columns of German ("Schmerz nachher", "Auflage 45 min zu spät abgenommen") ran
    off the right edge of the page, so a physician never saw the pain after; letting the
    long cells wrap broke words instead ("abgenom-men")."""
    start = at(-1, 18)
    with sqlite3.connect(data_dir / "necktimer.sqlite3") as connection:
        connection.execute(
            "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason, "
            "removed_at, pain_before, pain_after) VALUES ('heat', ?, ?, ?, 'completed', ?, "
            "7, 3)", tuple(moment.astimezone(UTC).isoformat(timespec="microseconds")
                           for moment in (start, start + timedelta(minutes=15),
                                          start + timedelta(minutes=15),
                                          start + timedelta(minutes=60))))
    connection.close()
    path = week.show_history().write_pdf(tmp_path / "de.pdf")
    words, width = words_and_pages(path)
    text = [word for word, _ in words]
    assert "nachher" in text and "abgenommen" in text  # the last header; a whole long word
    margin = 15 / 25.4 * 72  # 15 mm, in points
    off_page = [(word, x_max) for word, x_max in words if x_max > width - margin + 1]
    assert off_page == []
