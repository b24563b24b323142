"""The pain diary read back: the one-week check, the 14-day trend, CSV export.

When to see a physician (the article's advice, made checkable):

* An *episode* is a run of counted sessions with no pause longer than 14 days
  between one session's start and the next.
* Once the current episode is 7 days old, necktimer compares the pain ratings of
  its first 3 days with those of its last 3 days. A rating is the pain noted
  before a session, or after it when only that one was given. The pain has
  *improved* when the later average is at least 1 point (on the 0–10 scale)
  below the earlier one.
* If it has not improved — flat, worse, or too few ratings to tell — the window
  advises consulting a physician. The advice can be put off for a day, not for good.

The check asks the history a few bounded questions (`EpisodeQueries`), so it
costs the same with a week of sessions or with years of them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Protocol

from necktimer.core.i18n import Translatable, arg, decimal, local, translate
from necktimer.core.rules import LATE_CONFIRMATION, Session
from necktimer.core.value import value

NOTE_LIMIT = 500  # characters a session's note may hold

EPISODE_PAUSE = timedelta(days=14)
EPISODE_CHECK_AGE = timedelta(days=7)
WINDOW = timedelta(days=3)
IMPROVEMENT = 1.0  # points on the 0-10 scale
SNOOZE = timedelta(days=1)
CHART_DAYS = 14

class Pain(enum.StrEnum):
    """The two pain ratings of a session."""

    BEFORE = "pain_before"
    AFTER = "pain_after"


WARNING_SIGN_KEYS = ("headache", "swelling", "nausea", "arm", "other")


def warning_signs() -> dict[str, str]:
    """The warning signs with their names in the user's language, in checklist order."""
    return {
        "headache": translate("WarningSigns", "Severe headache"),
        "swelling": translate("WarningSigns", "Swelling"),
        "nausea": translate("WarningSigns", "Nausea"),
        "arm": translate("WarningSigns", "Numbness or weakness in an arm"),
        "other": translate("WarningSigns", "Other alarming signs"),
    }


WARNING_SIGNS = WARNING_SIGN_KEYS  # the keys, for validation


def care_first(sentence: str, *, ready: bool) -> str:
    """What the user may do now (`sentence`), as said while a warning sign is ticked: under
    "seek medical attention now", "Ready: you may start a session" read as an invitation
    (outside tester). Ready, the sentence gives way; otherwise the advice follows it."""
    if ready:
        return translate("WarningSigns", "You ticked a warning sign: get medical help "
                                         "before another session.")
    return arg(translate("WarningSigns", "%1 You ticked a warning sign: get medical help "
                                         "now."), sentence)


def fmean(values: list[float]) -> float:
    """The mean (statistics.fmean, without the statistics module's start-up cost)."""
    return sum(values) / len(values)


def off_late(session: Session) -> timedelta | None:
    """How long the pack stayed on after the session ended, where its removal was noted
    late (LATE_CONFIRMATION or more); None otherwise. History and the summary show it."""
    if session.ended_at is None or session.removed_at is None:
        return None
    late = session.removed_at - min(session.ended_at, session.planned_end)
    return late if late >= LATE_CONFIRMATION else None


class EpisodeQueries(Protocol):
    def latest_start(self) -> datetime | None: ...

    def episode_start(self, latest: datetime) -> datetime: ...

    def mean_rating(self, since: datetime, until: datetime) -> tuple[float | None, int]: ...


def walk_back_episode(starts_before: Callable[[datetime, int], list[datetime]],
                      latest: datetime, page: int = 1000) -> datetime:
    """The first start of the episode that `latest` belongs to, reading newest first."""
    start = latest
    cursor = latest + timedelta(microseconds=1)
    while True:
        starts = starts_before(cursor, page)
        for moment in starts:
            if start - moment > EPISODE_PAUSE:
                return start
            start = moment
        if len(starts) < page:
            return start
        cursor = starts[-1]


class AdviceText(Translatable):
    def treating_for(self, days: int) -> str:
        return self.tr("You have been treating your neck for %n days.", "", days)


@value
class Advice:
    see_physician: bool
    days: int = 0
    early_mean: float | None = None
    late_mean: float | None = None

    @property
    def trend(self) -> str:
        if self.early_mean is None or self.late_mean is None:
            return translate("Advice", "There are too few pain ratings to tell whether the "
                                       "pain is easing.")
        if self.late_mean <= self.early_mean - IMPROVEMENT:
            text = translate("Advice", "The pain is easing (%1 at first, %2 lately, on the "
                                       "0–10 scale).")
        elif self.late_mean >= self.early_mean + IMPROVEMENT:
            text = translate("Advice", "The pain is getting worse (%1 at first, %2 lately, "
                                       "on the 0–10 scale).")
        else:
            text = translate("Advice", "The pain has not eased (%1 at first, %2 lately, on "
                                       "the 0–10 scale).")
        return arg(text, decimal(self.early_mean), decimal(self.late_mean))

    @property
    def message(self) -> str:
        return arg(translate("Advice", "%1 %2 Most spasms ease within about a week: please "
                                       "consult a physician."),
                   AdviceText().treating_for(self.days), self.trend)


def physician_advice(history: EpisodeQueries, now: datetime) -> Advice:
    """Whether to advise seeing a physician now (see the module docstring for the rule)."""
    latest = history.latest_start()
    if latest is None or now - latest > EPISODE_PAUSE:
        return Advice(False)
    start = history.episode_start(latest)
    age = now - start
    if age < EPISODE_CHECK_AGE:
        return Advice(False)
    early_mean, _ = history.mean_rating(start, start + WINDOW)
    late_mean, _ = history.mean_rating(now - WINDOW, now + timedelta(days=1))
    improved = (early_mean is not None and late_mean is not None
                and late_mean <= early_mean - IMPROVEMENT)
    return Advice(not improved, age.days, early_mean, late_mean)


@value
class Day:
    day: date
    sessions: int
    before: float | None = None  # mean of the ratings before a session
    after: float | None = None  # mean of the ratings after one


def last_days(history: Iterable[Session], today: date, days: int = CHART_DAYS) -> list[Day]:
    """Counted sessions per day and the mean pain before and after them, for the chart and
    the PDF (oldest day first)."""
    first = today - timedelta(days=days - 1)
    counts: dict[date, int] = {}
    befores: dict[date, list[int]] = {}
    afters: dict[date, list[int]] = {}
    for session in history:
        if not session.counts_for_gap:
            continue
        day = local(session.started_at).date()
        if first <= day <= today:
            counts[day] = counts.get(day, 0) + 1
            for values, value in ((befores, session.pain_before),
                                  (afters, session.pain_after)):
                if value is not None:
                    values.setdefault(day, []).append(value)
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        means = [fmean(values[day]) if day in values else None for values in (befores, afters)]
        result.append(Day(day, counts.get(day, 0), *means))
    return result


def chart_start(today: date, days: int = CHART_DAYS) -> date:
    return today - timedelta(days=days - 1)


CSV_COLUMNS = ("date", "start", "therapy", "planned_min", "actual_min", "ended",
               "pain_before", "pain_after", "removed_at", "note")
# What makes a spreadsheet run a cell as a formula (full-width forms included).
FORMULA_STARTERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Where a spreadsheet that ignores quoting might split a cell.
SEPARATORS = (";", ",", "\t", "|")


def safe_cell(value: object) -> str:
    """Text a spreadsheet shows as text, never runs, and never splits into rows."""
    text = "" if value is None else str(value)
    text = " ".join(text.splitlines()).replace("\t", " ")
    for separator in SEPARATORS:
        parts = text.split(separator)
        text = separator.join([parts[0]] + [_quote_formula(p) for p in parts[1:]])
    return _quote_formula(text)


def _quote_formula(text: str) -> str:
    stripped = text.lstrip()
    if stripped.startswith(FORMULA_STARTERS):
        return text[: len(text) - len(stripped)] + "'" + stripped
    return text


def to_csv(sessions: Iterable[Session]) -> str:
    """Every cell quoted, ISO dates and numbers: the same file in every language."""
    import csv  # here, not at the top: only an export needs it, never the start-up
    import io

    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        start = local(s.started_at)
        actual = s.actual_length
        writer.writerow([safe_cell(v) for v in (
            start.date().isoformat(),
            start.strftime("%H:%M"),
            s.therapy.value,
            round(s.planned_length.total_seconds() / 60, 1),
            "" if actual is None else round(actual.total_seconds() / 60, 1),
            s.end_reason.value if s.end_reason else "running",
            s.pain_before,
            s.pain_after,
            local(s.removed_at).strftime("%Y-%m-%d %H:%M") if s.removed_at else "",
            s.note,
        )])
    return out.getvalue()
