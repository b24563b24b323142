"""The pain diary read back: episodes, the one-week check, the 14-day trend, CSV export.

When to see a physician (the article's advice, made checkable):

* An *episode* is a run of sessions with no pause longer than 14 days between
  one session's start and the next.
* Once the current episode is 7 days old, necktimer compares the pain ratings of
  its first 3 days with those of its last 3 days. A rating is the pain noted
  before a session, or after it when only that one was given. The pain has
  *improved* when the later average is at least 1 point (on the 0–10 scale)
  below the earlier one.
* If it has not improved — flat, worse, or too few ratings to tell — the window
  advises consulting a physician. The advice can be put off for a day, not for good.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from statistics import fmean

from necktimer.core.rules import EndReason, Session

EPISODE_PAUSE = timedelta(days=14)
EPISODE_CHECK_AGE = timedelta(days=7)
WINDOW = timedelta(days=3)
IMPROVEMENT = 1.0  # points on the 0-10 scale
SNOOZE = timedelta(days=1)

WARNING_SIGNS: dict[str, str] = {
    "headache": "Extreme headache",
    "swelling": "Swelling",
    "nausea": "Nausea",
    "arm": "Numbness or weakness in an arm",
    "other": "Other alarming signs",
}


def rating(session: Session) -> int | None:
    return session.pain_before if session.pain_before is not None else session.pain_after


@dataclass(frozen=True)
class Episode:
    sessions: tuple[Session, ...]

    @property
    def start(self) -> datetime:
        return self.sessions[0].started_at

    @property
    def last(self) -> datetime:
        return self.sessions[-1].started_at

    def age(self, now: datetime) -> timedelta:
        return now - self.start


def episodes(history: Iterable[Session]) -> list[Episode]:
    """Split the counted sessions into episodes (oldest first)."""
    ordered = sorted((s for s in history if s.end_reason is not EndReason.CANCELLED),
                     key=lambda s: s.started_at)
    groups: list[list[Session]] = []
    for session in ordered:
        if groups and session.started_at - groups[-1][-1].started_at <= EPISODE_PAUSE:
            groups[-1].append(session)
        else:
            groups.append([session])
    return [Episode(tuple(group)) for group in groups]


def current_episode(history: Iterable[Session], now: datetime) -> Episode | None:
    found = episodes(history)
    if not found or now - found[-1].last > EPISODE_PAUSE:
        return None
    return found[-1]


@dataclass(frozen=True)
class Advice:
    see_physician: bool
    days: int = 0
    early_mean: float | None = None
    late_mean: float | None = None

    @property
    def trend(self) -> str:
        if self.early_mean is None or self.late_mean is None:
            return "too few pain ratings to tell whether the pain is easing"
        change = f"{self.early_mean:.1f} then {self.late_mean:.1f} on the 0–10 scale"
        if self.late_mean <= self.early_mean - IMPROVEMENT:
            return f"the pain is easing ({change})"
        if self.late_mean >= self.early_mean + IMPROVEMENT:
            return f"the pain is getting worse ({change})"
        return f"the pain has not eased ({change})"

    @property
    def message(self) -> str:
        return (f"You have been treating your neck for {self.days} days; {self.trend}. "
                "Most spasms clear within about a week: please consult a physician.")


def physician_advice(history: Sequence[Session], now: datetime) -> Advice:
    """Whether to advise seeing a physician now (see the module docstring for the rule)."""
    episode = current_episode(history, now)
    if episode is None or episode.age(now) < EPISODE_CHECK_AGE:
        return Advice(False)
    early = [r for s in episode.sessions if s.started_at < episode.start + WINDOW
             and (r := rating(s)) is not None]
    late = [r for s in episode.sessions if s.started_at >= now - WINDOW
            and (r := rating(s)) is not None]
    early_mean = fmean(early) if early else None
    late_mean = fmean(late) if late else None
    improved = (early_mean is not None and late_mean is not None
                and late_mean <= early_mean - IMPROVEMENT)
    return Advice(not improved, episode.age(now).days, early_mean, late_mean)


@dataclass(frozen=True)
class Day:
    day: date
    sessions: int
    pain: float | None  # mean rating that day


def last_days(history: Iterable[Session], today: date, local_tz: tzinfo | None,
              days: int = 14) -> list[Day]:
    """Sessions per day and the mean pain rating, for the chart (oldest day first)."""
    first = today - timedelta(days=days - 1)
    counts: dict[date, int] = {}
    ratings: dict[date, list[int]] = {}
    for session in history:
        if session.end_reason is EndReason.CANCELLED:
            continue
        day = session.started_at.astimezone(local_tz).date()
        if first <= day <= today:
            counts[day] = counts.get(day, 0) + 1
            if (value := rating(session)) is not None:
                ratings.setdefault(day, []).append(value)
    result = []
    for offset in range(days):
        day = first + timedelta(days=offset)
        values = ratings.get(day)
        result.append(Day(day, counts.get(day, 0), fmean(values) if values else None))
    return result


CSV_COLUMNS = ("date", "start", "therapy", "planned_min", "actual_min", "ended",
               "pain_before", "pain_after", "removed_at", "note")


def _safe_cell(value: object) -> str:
    """Text a spreadsheet will show, never run: formula starters get a leading quote."""
    text = "" if value is None else str(value)
    if text and text[0] in "=+-@\t\r":
        return "'" + text
    return text


def to_csv(sessions: Iterable[Session], local_tz: tzinfo | None = None) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        start = s.started_at.astimezone(local_tz)
        end = s.ended_at or s.planned_end
        writer.writerow([_safe_cell(v) for v in (
            start.date().isoformat(),
            start.strftime("%H:%M"),
            s.therapy.value,
            round(s.planned_length.total_seconds() / 60),
            round((end - s.started_at).total_seconds() / 60, 1),
            s.end_reason.value if s.end_reason else "running",
            s.pain_before,
            s.pain_after,
            s.removed_at.astimezone(local_tz).strftime("%Y-%m-%d %H:%M") if s.removed_at else "",
            s.note,
        )])
    return out.getvalue()
