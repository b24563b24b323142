"""Times through the installed formats: past times keep their minute, 'allowed at' rounds up."""

import os
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from necktimer.core import i18n

LOCAL = timezone(timedelta(hours=1))
MOMENT = datetime(2026, 3, 2, 22, 21, 1, tzinfo=UTC)  # 23:21:01 local


def test_a_time_that_happened_shows_its_own_minute():
    assert i18n.clock_time(MOMENT) == "23:21"  # never 23:22


def test_only_allowed_at_rounds_up():
    assert i18n.allowed_time(MOMENT) == "23:22"
    assert i18n.allowed_time(MOMENT.replace(second=0)) == "23:21"


def test_an_allowed_time_on_a_later_day_says_so():
    """At 23:21 a gap of 2 h ends at 01:22: "01:22" alone reads as this morning's, gone."""
    evening = MOMENT  # 23:21 local
    assert i18n.allowed_time(evening + timedelta(minutes=30), evening) == "23:52"
    assert i18n.allowed_time(evening + timedelta(hours=2), evening) == "01:22 tomorrow"
    assert i18n.allowed_time(evening + timedelta(days=2), evening).startswith("23:22 on ")
    assert i18n.allowed_time(evening + timedelta(minutes=37), evening) == "23:59"
    assert i18n.allowed_time(evening + timedelta(minutes=38), evening) == "00:00 tomorrow"


def test_the_status_names_tomorrow_for_a_gap_past_midnight():
    from necktimer.core.rules import State, Status

    status = Status(State.WAITING, now=MOMENT, wait=timedelta(hours=2))
    assert status.sentence() == "Next session allowed at 01:22 tomorrow (in 2 h)."


def test_twelve_hour_formats_come_from_the_installed_locale():
    i18n.install(formats=i18n.Formats(time=lambda moment: moment.strftime("%I:%M %p")))
    assert i18n.clock_time(MOMENT) == "11:21 PM"


def test_arg_fills_placeholders_once_and_in_any_order():
    assert i18n.arg("%2 then %1", "a", "%1") == "%1 then a"
    assert i18n.arg("%1 and %3", "x") == "x and %3"


def test_a_value_ending_in_a_period_also_ends_the_sentence():
    assert i18n.arg("a partir de las %1.", "2:29 a.m.") == "a partir de las 2:29 a.m."
    assert i18n.arg("las %1. Retire", "11:28 p.m.") == "las 11:28 p.m. Retire"
    assert i18n.arg("at %1.", "23:21") == "at 23:21."
    assert i18n.arg("%1.%2", "a.", "b") == "a.b"


def test_spanish_says_a_la_una_but_a_las_dos():
    """The article before a time follows its hour: "a la 1:18", "a las 13:18"."""
    assert i18n.arg("terminó a las %1.", "1:18 p. m.") == "terminó a la 1:18 p. m."
    assert i18n.arg("a partir de las %3.", "", "", "01:05") == "a partir de la 01:05."
    assert i18n.arg("hasta las %1", "13:05") == "hasta las 13:05"
    assert i18n.arg("a las %1", "10:05") == "a las 10:05"
    assert i18n.arg("atlas %1", "1:05") == "atlas 1:05"  # a word, not the article
    assert i18n.arg("Ends at %1.", "1:05") == "Ends at 1:05."


def test_untranslated_counts_fill_n():
    class Words(i18n.Translatable):
        def minutes(self, n):
            return self.tr("%n min", "", n)

    assert Words().minutes(7) == "7 min"


def test_an_installed_translator_is_used_with_its_context():
    seen = []

    def translator(context, text, disambiguation, n):
        seen.append((context, text))
        return "übersetzt"

    i18n.install(translator=translator)
    assert i18n.translate("Status", "Ready") == "übersetzt"
    assert seen == [("Status", "Ready")]


# -- a clock reading back to a moment ("I took it off at 01:50") --------------------------

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*fields) -> datetime:
    return datetime(*fields, tzinfo=BERLIN)


@pytest.mark.parametrize(("now", "reading", "moment_utc"), [
    # Earlier today, later today (so yesterday), and now itself.
    (berlin(2026, 3, 2, 9, 0), (8, 30), datetime(2026, 3, 2, 7, 30, tzinfo=UTC)),
    (berlin(2026, 3, 2, 9, 0), (14, 30), datetime(2026, 3, 1, 13, 30, tzinfo=UTC)),
    (berlin(2026, 3, 2, 9, 0), (9, 0), datetime(2026, 3, 2, 8, 0, tzinfo=UTC)),
    # The morning clocks go forward (02:00 -> 03:00): 01:50 was still winter time, not
    # now's summer offset (that made it 00:50 UTC look like 23:50, an hour too early).
    (berlin(2026, 3, 29, 4, 0), (1, 50), datetime(2026, 3, 29, 0, 50, tzinfo=UTC)),
    # 02:30 never showed that morning: the later of its two readings counts.
    (berlin(2026, 3, 29, 4, 0), (2, 30), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
    # The night clocks go back, 02:30 shows twice: the later one counts.
    (berlin(2026, 10, 25, 4, 0), (2, 30), datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
    # The evening after a change, the morning's reading has the morning's offset.
    (berlin(2026, 3, 29, 20, 0), (1, 50), datetime(2026, 3, 29, 0, 50, tzinfo=UTC)),
    # 02:30 on its first pass, the night clocks go back: the later 02:30 is still to
    # come, so the one that has been counts (not yesterday's, which lifted the gap).
    (berlin(2026, 10, 25, 2, 45), (2, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
    # Just after midnight, a reading before it is yesterday evening's.
    (berlin(2026, 3, 3, 0, 5), (23, 58), datetime(2026, 3, 2, 22, 58, tzinfo=UTC)),
])
def test_a_reading_is_the_latest_moment_not_after_now_with_that_days_offset(
        now, reading, moment_utc):
    for zone in (BERLIN, None):  # a named zone, and the machine's (the C library's)
        with machine_zone("Europe/Berlin"), i18n.speaking(tz=zone):
            moment = i18n.last_at(*reading, now)
            assert moment == moment_utc, zone
            assert moment <= now


@contextmanager
def machine_zone(name: str):
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ")
        else:
            os.environ["TZ"] = before
        time.tzset()


def test_a_reading_a_little_ahead_is_a_fast_clock_not_yesterday():
    """At 15:59, "16:01" is left in the future (for the service to refuse and ask again):
    read as yesterday's it named a pack 24 hours gone, and the gap was lifted."""
    now = berlin(2026, 3, 2, 15, 59)
    with i18n.speaking(tz=BERLIN):
        assert i18n.last_at(16, 1, now) == datetime(2026, 3, 2, 15, 1, tzinfo=UTC)
        assert i18n.last_at(17, 58, now) > now  # still less than two hours ahead
        assert i18n.last_at(17, 59, now) == datetime(2026, 3, 1, 16, 59, tzinfo=UTC)


@pytest.mark.parametrize(("now", "reading", "refused_as"), [
    # "00:01" at 23:59 is not this morning's, nearly a day ago.
    (berlin(2026, 6, 10, 23, 59), (0, 1), datetime(2026, 6, 10, 22, 1, tzinfo=UTC)),
    # "02:01" at 01:59 the night 02:00-03:00 is skipped: not 01:01 winter time, an hour ago.
    (berlin(2026, 3, 29, 1, 59), (2, 1), datetime(2026, 3, 29, 1, 1, tzinfo=UTC)),
    # "02:30" at 03:20 the morning 02:00-03:00 is skipped: no clock that went forward
    # showed it, and on one still on winter time it is still to come (it named 01:30 winter
    # time, which made the gap an hour shorter).
    (berlin(2026, 3, 29, 3, 20), (2, 30), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),
    # "03:20" at 01:10 the night 02:00-03:00 is skipped: two hours ahead on the face, 70
    # minutes in real time, a watch running fast (it was taken as yesterday's).
    (berlin(2026, 3, 29, 1, 10), (3, 20), datetime(2026, 3, 29, 1, 20, tzinfo=UTC)),
    # "02:03" at 02:01 on the second pass of the hour the clocks go back: not the first.
    (datetime(2026, 10, 25, 1, 1, tzinfo=UTC), (2, 3), datetime(2026, 10, 25, 1, 3, tzinfo=UTC)),
])
def test_a_reading_ahead_of_the_clock_is_refused_across_midnight_and_clock_changes(
        now, reading, refused_as):
    for zone in (BERLIN, None):
        with machine_zone("Europe/Berlin"), i18n.speaking(tz=zone):
            assert i18n.last_at(*reading, now) == refused_as, zone
            assert refused_as > now


def test_a_time_that_has_been_says_when_it_was_on_an_earlier_day():
    """At 09:58, "Time's up at 23:59" read as a minute still to come."""
    with i18n.speaking(tz=BERLIN):
        now = berlin(2026, 3, 3, 9, 58)
        assert i18n.past_time(berlin(2026, 3, 3, 0, 5), now) == "00:05"
        assert i18n.past_time(berlin(2026, 3, 2, 23, 59), now) == "23:59 yesterday"
        assert i18n.past_time(berlin(2026, 2, 28, 23, 59), now) == "23:59 on 28 Feb"
