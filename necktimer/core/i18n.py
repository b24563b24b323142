"""The user's language and clock, without importing Qt.

Every sentence a person reads goes through `translate(context, text)` or, for
text with a count, through `self.tr(text, "", n)` in a `Translatable` class:
`pyside6-lupdate` finds both forms (it marks only `self.tr` calls with a count
as plural, which is why counted text lives in small classes). Placeholders are
Qt's `%1`, `%2`, … filled by `arg`, so translators can reorder them.

By default text stays English and times are 24-hour in the machine's time zone.
The Qt layer installs Qt's translator and QLocale's time and date formats at
start-up (`install`), for the window and the command line alike.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from necktimer.core.value import value

# (context, source text, disambiguation, count) -> translated text with %n filled in
Translator = Callable[[str, str, str | None, int], str]


def _untranslated(_context: str, text: str, _disambiguation: str | None, n: int) -> str:
    return english(text, n)


def english(text: str, n: int) -> str:
    """The source text itself: %n filled in, and "(s)" plurals made right ("1 session")."""
    if n < 0:
        return text
    return text.replace("(s)", "" if n == 1 else "s").replace("%n", str(n))


@value
class Formats:
    """How times and dates are written: 24-hour and ISO dates unless a locale says otherwise."""

    time: Callable[[datetime], str] = lambda moment: moment.strftime("%H:%M")
    date: Callable[[date], str] = lambda day: day.isoformat()
    # As `date`, with the year in four digits where the locale writes two ("02.03.26"):
    # for a document a physician reads, maybe years on. None: `date` has four already.
    full_date: Callable[[date], str] | None = None
    short_date: Callable[[date], str] = lambda day: day.strftime("%d %b")
    decimal: Callable[[float], str] = lambda value: f"{value:.1f}"  # one decimal place
    twelve_hour: bool = False  # the clock shows a.m. and p.m. ("7:36" may be either)
    date_pattern: str = "yyyy-MM-dd"  # `date` as a Qt pattern, for fields that take a date
    time_pattern: str = "HH:mm"  # `time` as a Qt pattern, for fields that take a time
    # Only the locale-independent outputs (CSV, JSON) bypass these.


@value
class _Presentation:
    translator: Translator = _untranslated
    formats: Formats = Formats()
    tz: tzinfo | None = None  # None: the machine's own time zone


_current = _Presentation()


def install(*, translator: Translator | None = None, formats: Formats | None = None,
            tz: tzinfo | type[Ellipsis] | None = ...) -> None:
    """Set the translator, the time and date formats, or the time zone (tests pin the zone)."""
    global _current
    changes: dict[str, object] = {}
    if translator is not None:
        changes["translator"] = translator
    if formats is not None:
        changes["formats"] = formats
    if tz is not ...:
        changes["tz"] = tz
    _current = replace(_current, **changes)


@contextmanager
def speaking(*, translator: Translator | None = None, formats: Formats | None = None,
             tz: tzinfo | type[Ellipsis] | None = ...) -> Iterator[None]:
    """Compose text in another presentation for a moment (an answer to another terminal)."""
    global _current
    saved = _current
    install(translator=translator, formats=formats, tz=tz)
    try:
        yield
    finally:
        _current = saved


def reset() -> None:
    """Back to untranslated English, 24-hour times and the machine's time zone."""
    global _current
    _current = _Presentation()


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return _current.translator(context, text, disambiguation, n)


class Translatable:
    """A translation context for text with a count: lupdate reads `self.tr(text, "", n)`.

    The context is the class name, as lupdate sees it, so subclasses must not
    inherit `tr` calls from each other.
    """

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(type(self).__name__, text, disambiguation, n)


_PLACEHOLDER = re.compile(r"(\blas )?%(\d)(\.?)")
_ONE_OCLOCK = re.compile(r"0?1[:.]\d\d")  # 1:18, 01:18, 1:18 p. m.


def arg(text: str, *values: object) -> str:
    """Fill Qt-style %1 … %9 placeholders in one pass (a value may itself contain '%2').

    A value that ends in a period ("11:28 p.m.") also ends a sentence that closes
    right after it: "… a las 11:28 p.m.", not "p.m..". And Spanish says "a las 2:10"
    but "a la 1:10": the article before a time follows the hour it names.
    """

    def fill(match: re.Match[str]) -> str:
        article, number, period = match.groups()
        index = int(number) - 1
        if not 0 <= index < len(values):
            return match.group(0)
        value = str(values[index])
        if article and _ONE_OCLOCK.match(value):
            article = "la "
        return (article or "") + (value if value.endswith(".") else value + period)

    return _PLACEHOLDER.sub(fill, text)


# -- times and dates ----------------------------------------------------------------------


def local(moment: datetime) -> datetime:
    """A timezone-aware moment in the user's time zone."""
    return moment.astimezone(_current.tz)


def today(now: datetime) -> date:
    return local(now).date()


def start_of_day(day: date) -> datetime:
    """Midnight that begins `day` in the user's zone, with that day's own UTC offset."""
    naive = datetime.combine(day, time(0))
    if _current.tz is None:
        return naive.astimezone()  # the machine's zone, daylight saving included
    return naive.replace(tzinfo=_current.tz)


FAST_CLOCK = timedelta(hours=2)  # a reading this far ahead is a fast clock, not yesterday


def last_at(hour: int, minute: int, now: datetime) -> datetime:
    """The latest moment, not after `now`, at which the user's clock read hour:minute.

    Each day's reading gets that day's own UTC offset, not now's: the clocks may have
    changed since. Where a reading names two moments (the hour the clocks go back), the
    later one not after now is taken: as the end of an application, it makes the gap as
    long as the reading allows.

    A reading less than FAST_CLOCK ahead of the clock's present reading ("16:01" at
    15:59, "00:01" at 23:59, "02:01" at 01:59 the night 02:00 is skipped) is a watch
    running fast or a slip: its next moment, in the future, is returned for the caller to
    refuse. Read as an earlier day's, it named a pack long gone and lifted the gap.
    The moment is in UTC: on the user's clock it could carry `fold`, which arithmetic
    with it would drop.
    """
    shown = local(now)
    ahead = ((hour - shown.hour) * 60 + minute - shown.minute) % (24 * 60)
    candidates = [moment for days in (1, 0, -1, -2) for moment in _readings(
        datetime.combine(shown.date() + timedelta(days=days), time(hour, minute)))]
    if 0 < ahead < FAST_CLOCK.total_seconds() // 60:
        return min(moment for moment in candidates if moment > now)
    # Ahead on the face by two hours or more may still be less in real time, the night the
    # clocks go forward ("3:15" at 1:10 is 65 minutes off); and "02:30" at 03:20 that
    # morning is behind on the face, yet its reading (the later one, see _readings) has
    # not come. Either is a watch running fast, not yesterday's reading.
    today = datetime.combine(shown.date(), time(hour, minute))
    limit = now.astimezone(UTC) + FAST_CLOCK  # in real time: aware arithmetic is the face's
    soon = [moment for moment in _readings(today) if now < moment < limit]
    if soon and ((hour, minute) > (shown.hour, shown.minute) or _skipped(today)):
        return min(soon)
    return max(moment for moment in candidates if moment <= now)


def _instants(naive: datetime) -> list[datetime]:
    zone = _current.tz
    return [(naive.replace(fold=fold).astimezone() if zone is None  # the machine's zone
             else naive.replace(fold=fold, tzinfo=zone)).astimezone(UTC) for fold in (0, 1)]


def _skipped(naive: datetime) -> bool:
    """Whether no clock that changed ever showed this reading (the hour clocks skip)."""
    return all(local(m).replace(tzinfo=None) != naive for m in _instants(naive))


def _readings(naive: datetime) -> list[datetime]:
    """The instants a wall-clock reading names, in UTC: two in the hour the clocks go back;
    in the hour they skip, only the later of the two it could be, so that an end read
    from it never makes a gap shorter."""
    instants = _instants(naive)
    return [max(instants)] if _skipped(naive) else sorted(set(instants))


def twelve_hour() -> bool:
    """Whether the user's clock shows a.m. and p.m."""
    return _current.formats.twelve_hour


def clock_time(moment: datetime | None) -> str:
    """The minute a moment falls in ('23:21', or '11:21 PM'): never rounded up.

    Use it for everything that has happened or is planned to happen; only
    `allowed_time` rounds up.
    """
    if moment is None:
        return "—"
    return _current.formats.time(local(moment).replace(second=0, microsecond=0))


def past_time(moment: datetime, now: datetime | None = None) -> str:
    """A moment that has been, as `clock_time`; given `now`, saying so when it fell on an
    earlier day ("23:55 yesterday"): at 09:58, "time's up at 23:59" read as a minute still
    to come. (Words written ahead of time, for the backstop, have no `now`.)"""
    text = clock_time(moment)
    if now is None:
        return text
    days = (local(now).date() - local(moment).date()).days
    if days == 1:
        return arg(translate("Times", "%1 yesterday"), text)
    if days > 1:
        return arg(translate("Times", "%1 on %2"), text, _current.formats.short_date(
            local(moment).date()))
    return text


def allowed_time(moment: datetime | None, now: datetime | None = None) -> str:
    """A future 'allowed at' time, rounded up to the minute so it is never too early.

    Given `now`, a time on a later day says so ("08:55 tomorrow"): a gap that runs past
    midnight must not read as this morning's 08:55, already gone.
    """
    if moment is None:
        return "—"
    shown = rounded_up(moment)
    text = _current.formats.time(shown)
    if now is None:
        return text
    days = (shown.date() - local(now).date()).days
    if days == 1:
        return arg(translate("Times", "%1 tomorrow"), text)
    if days > 1:
        return arg(translate("Times", "%1 on %2"), text, _current.formats.short_date(shown))
    return text


def rounded_up(moment: datetime) -> datetime:
    """A moment in the user's zone, rounded up to its minute: how an allowed time is shown."""
    shown = local(moment)
    if shown.second or shown.microsecond:
        shown = shown.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return shown


def long_date(day: date) -> str:
    return _current.formats.date(day)


def full_date(day: date) -> str:
    formats = _current.formats
    return (formats.full_date or formats.date)(day)


def short_date(day: date) -> str:
    return _current.formats.short_date(day)


def date_pattern() -> str:
    """How a date field shows its date: as `long_date` writes one."""
    return _current.formats.date_pattern


def time_pattern() -> str:
    """How a time field shows its time: as `clock_time` writes one."""
    return _current.formats.time_pattern


def decimal(value: float) -> str:
    """A number with one decimal, in the locale's style ('4.5', '4,5')."""
    return _current.formats.decimal(value)


def date_and_time(moment: datetime, *, full_year: bool = False) -> str:
    """A date and the minute, for History, the PDF (`full_year`) and notes."""
    shown = local(moment)
    day = full_date(shown.date()) if full_year else _current.formats.date(shown.date())
    return arg(translate("Time", "%1 %2", "a date, then a time of day"), day,
               clock_time(moment))
