"""A printable PDF summary of the diary, to bring to a physician."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument, QTextOption

from necktimer import DISPLAY_NAME
from necktimer.core import rules
from necktimer.core.diary import Advice, Day, off_late, warning_signs
from necktimer.core.humanize import format_duration, format_length
from necktimer.core.i18n import (
    Translatable,
    arg,
    date_and_time,
    decimal,
    full_date,
    translate,
)
from necktimer.core.rules import Session, Therapy

MAX_ROWS = 400  # a summary for a visit, not an archive: the CSV export holds everything


class ReportText(Translatable):
    def cancelled(self, n: int) -> str:
        return self.tr("%n cancelled mis-start(s), not counted", "", n)

    def earlier(self, n: int) -> str:
        return self.tr("… and %n earlier session(s) (see the CSV export).", "", n)

    def per_day(self, n: int) -> str:
        return self.tr("Sessions and pain per day (last %n day(s))", "", n)


def summary_html(sessions: Sequence[Session], first: date, last: date, days: Sequence[Day],
                 advice: Advice, warning_answers: Sequence[tuple[datetime, list[str]]],
                 generated: datetime, gap: timedelta, disclaimer: str, *,
                 therapy: Therapy | None = None, filtered: bool = False) -> str:
    """The summary as HTML. `sessions`, `first`–`last` and `days` are what History shows;
    `therapy` its filter, and `filtered` whether it leaves sessions out (one therapy, a
    date range): the pain trend, worked out on every session, then says so."""
    e = html.escape
    words = ReportText()
    counted = [s for s in sessions if s.counts_for_gap]
    t_note = e(translate("Report", "Note:"))
    cancelled = len(sessions) - len(counted)
    rows = []
    # Short cells never break inside a word ("abgeschloss-en"); the length, which may say
    # how late the pack came off, and the headings wrap between words, so that the table
    # keeps to the page's width in every language. A note, free text of any length, gets
    # a row of its own across the table instead of a column squeezed thin.
    for s in counted[:MAX_ROWS]:
        actual = s.actual_length
        length = format_length(actual) if actual is not None else translate("Report", "running")
        if (late := off_late(s)) is not None:  # the skin had the pack longer
            length = arg(translate("Report", "%1, pack off %2 late"), length,
                         format_length(late))  # as long as it was: not a wait, not rounded up
        cells = (date_and_time(s.started_at, full_year=True), s.therapy.label, length,
                 s.end_reason.label if s.end_reason else translate("Report", "running"),
                 "" if s.pain_before is None else s.pain_before,
                 "" if s.pain_after is None else s.pain_after)
        rows.append("<tr>" + "".join(
            f"<td>{e(str(cell))}</td>" if cell is length
            else f'<td style="white-space: nowrap">{e(str(cell))}</td>' for cell in cells)
            + "</tr>")
        if s.note:
            rows.append(f'<tr><td colspan="6"><i>{t_note}</i> {e(s.note)}</td></tr>')
    more = len(counted) - MAX_ROWS
    def mean(value: float | None) -> str:
        return "" if value is None else decimal(value)

    trend_rows = "".join(
        f"<tr><td>{e(full_date(d.day))}</td><td>{d.sessions}</td>"
        f"<td>{mean(d.before)}</td><td>{mean(d.after)}</td></tr>" for d in days)
    names = warning_signs()
    none_ticked = translate("Report", "none of the signs")
    if warning_answers:
        answers = "".join(
            f"<li>{e(date_and_time(at, full_year=True))}: "
            + e(", ".join(names[k] for k in keys if k in names) if keys else none_ticked)
            + "</li>" for at, keys in warning_answers)
    else:
        answers = "<li>" + e(translate("Report", "The warning-sign checklist was not "
                                                 "answered.")) + "</li>"
    total = str(len(counted))  # after "Sessions:", a number says it ("9 sessions" repeated it)
    if cancelled:
        total = arg(translate("Report", "%1 (and %2)"), total, words.cancelled(cancelled))
    rules_text = arg(translate("Report", "ice and heat, at most %1 minutes each, %2 apart"),
                     rules.MAX_MINUTES, format_duration(gap))
    label = {
        "title": translate("Report", "Neck pain diary — summary for a physician visit"),
        "period": translate("Report", "Period:"),
        "sessions": translate("Report", "Sessions:"),
        "trend": translate("Report", "Pain trend:"),
        "generated": translate("Report", "Generated:"),
        "signs": translate("Report", "Warning signs reported"),
        "per_day": words.per_day(len(days)),
        "shown": translate("Report", "Shown:"),
        "trend_all": translate("Report", "Pain trend (all sessions):"),
        "day": translate("Report", "Day"),
        "count": translate("Report", "Sessions"),
        "mean_before": translate("Report", "Pain before, mean (0–10)"),
        "mean_after": translate("Report", "Pain after, mean (0–10)"),
        "start": translate("Report", "Start"),
        "therapy": translate("Report", "Therapy"),
        "length": translate("Report", "Length"),
        "ended": translate("Report", "Ended"),
        "before": translate("Report", "Pain before"),
        "after": translate("Report", "Pain after"),
        "note": translate("Report", "Note"),
        "recorded": translate("Report", "Recorded by the patient."),
    }
    t = {key: e(value) for key, value in label.items()}
    only = {Therapy.ICE: translate("Report", "ice sessions only"),
            Therapy.HEAT: translate("Report", "heat sessions only"), None: ""}[therapy]
    shown = f'<b>{t["shown"]}</b> {e(only)}<br>' if only else ""
    more_text = f"<p>{e(words.earlier(more))}</p>" if more > 0 else ""
    return f"""
    <h1>{t["title"]}</h1>
    <p><b>{t["period"]}</b> {e(full_date(first))} – {e(full_date(last))}<br>
       <b>{t["sessions"]}</b> {e(total)} · {e(rules_text)}<br>
       {shown}<b>{t["trend_all" if filtered else "trend"]}</b> {e(advice.trend)}<br>
       <b>{t["generated"]}</b> {e(date_and_time(generated, full_year=True))} · {e(DISPLAY_NAME)}</p>
    <h2>{t["signs"]}</h2>
    <ul>{answers}</ul>
    <h2>{t["per_day"]}</h2>
    <table border="1" cellspacing="0" cellpadding="3" width="100%">
      <thead><tr><th>{t["day"]}</th><th>{t["count"]}</th><th>{t["mean_before"]}</th>
          <th>{t["mean_after"]}</th></tr></thead>{trend_rows}
    </table>
    <h2>{t["count"]}</h2>
    <table border="1" cellspacing="0" cellpadding="3" width="100%">
      <thead><tr>{"".join(f"<th>{t[key]}</th>" for key in (
          "start", "therapy", "length", "ended", "before", "after"))}</tr></thead>
      {"".join(rows)}
    </table>
    {more_text}
    <p><i>{t["recorded"]} {e(disclaimer)}</i></p>
    """


def pdf_bytes(document_html: str) -> bytes:
    """The summary as the bytes of a PDF file. Rendered in memory: QPdfWriter writing to
    a file says nothing when it cannot (a missing folder, a full disk), and the caller
    then writes the bytes where a failure raises."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle(translate("Report", "Neck pain diary — summary for a physician visit"))
    writer.setCreator(DISPLAY_NAME)
    document = QTextDocument()
    # The tables a little smaller than the text: six columns of German or Spanish fit
    # the width of the page without breaking a word.
    document.setDefaultStyleSheet("th, td { font-size: 8pt; }")
    # Lines break between words only (Qt's default also breaks inside one), so a column
    # is never narrower than its longest word.
    option = document.defaultTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(option)
    document.setHtml(document_html)
    document.print_(writer)  # ends its painter: the file in the buffer is complete
    return bytes(buffer.data())
