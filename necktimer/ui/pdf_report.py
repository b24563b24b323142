"""A printable PDF summary of the diary, to bring to a physician."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from necktimer import DISPLAY_NAME
from necktimer.core.diary import WARNING_SIGNS, Advice, Day
from necktimer.core.rules import Session

MAX_ROWS = 400  # a summary for a visit, not an archive: the CSV export holds everything


def summary_html(
    sessions: Sequence[Session],
    first: date,
    last: date,
    days: Sequence[Day],
    advice: Advice,
    warning_answers: Sequence[tuple[datetime, list[str]]],
    local_tz: tzinfo | None,
    generated: datetime,
) -> str:
    e = html.escape
    rows = []
    for s in list(sessions)[:MAX_ROWS]:
        end = s.ended_at or s.planned_end
        minutes = round((end - s.started_at).total_seconds() / 60)
        rows.append(
            "<tr>" + "".join(f"<td>{e(str(cell))}</td>" for cell in (
                s.started_at.astimezone(local_tz).strftime("%Y-%m-%d %H:%M"),
                s.therapy.label, f"{minutes} min",
                s.end_reason.value if s.end_reason else "running",
                "" if s.pain_before is None else s.pain_before,
                "" if s.pain_after is None else s.pain_after,
                s.note or "",
            )) + "</tr>")
    more = len(sessions) - MAX_ROWS
    trend_rows = "".join(
        f"<tr><td>{d.day:%Y-%m-%d}</td><td>{d.sessions}</td>"
        f"<td>{'' if d.pain is None else f'{d.pain:.1f}'}</td></tr>" for d in days)
    if warning_answers:
        answers = "".join(
            f"<li>{at.astimezone(local_tz):%Y-%m-%d %H:%M}: "
            + (e(", ".join(WARNING_SIGNS[k] for k in keys)) if keys else "none of the signs")
            + "</li>" for at, keys in warning_answers)
    else:
        answers = "<li>The warning-sign checklist was not answered.</li>"
    return f"""
    <h1>Neck pain diary — summary for a physician visit</h1>
    <p><b>Period:</b> {first:%d %B %Y} – {last:%d %B %Y}<br>
       <b>Sessions:</b> {len(sessions)} (ice and heat, at most 15 minutes each, 2 hours apart)<br>
       <b>Pain trend:</b> {e(advice.trend)}<br>
       <b>Generated:</b> {generated.astimezone(local_tz):%Y-%m-%d %H:%M} by {DISPLAY_NAME}</p>
    <h2>Warning signs reported</h2>
    <ul>{answers}</ul>
    <h2>Sessions and pain per day (last 14 days)</h2>
    <table border="1" cellspacing="0" cellpadding="3">
      <tr><th>Day</th><th>Sessions</th><th>Mean pain (0–10)</th></tr>{trend_rows}
    </table>
    <h2>Sessions</h2>
    <table border="1" cellspacing="0" cellpadding="3">
      <tr><th>Start</th><th>Therapy</th><th>Length</th><th>Ended</th>
          <th>Pain before</th><th>Pain after</th><th>Note</th></tr>
      {''.join(rows)}
    </table>
    {f'<p>… and {more} earlier sessions (see the CSV export).</p>' if more > 0 else ''}
    <p><i>Recorded by the patient with {DISPLAY_NAME}. Self-care information, not medical
    advice.</i></p>
    """


def write_pdf(path: Path, document_html: str) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    writer.setTitle("Neck pain diary — summary for a physician visit")
    writer.setCreator(DISPLAY_NAME)
    document = QTextDocument()
    document.setHtml(document_html)
    document.print_(writer)
    return path
