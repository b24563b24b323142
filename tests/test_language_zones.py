"""A terminal's time zone, as sent to a running window and read back there.

The end-to-end case (a second process asking a running window) is in
tests/ui/test_instance_server.py; here are the two halves on their own.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from necktimer import language
from necktimer.commands import Speech

NOW = datetime.now(UTC)


@pytest.fixture
def tz_here():
    """Set this process's TZ (the C library reads it again at tzset); put it back after."""
    before = os.environ.get("TZ")

    def set_tz(value: str | None) -> None:
        if value is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = value
        time.tzset()

    yield set_tz
    set_tz(before)


def offset_of(zone) -> timedelta:
    return NOW.astimezone(zone).utcoffset()


@pytest.mark.parametrize(("tz", "sent"), [
    (None, ""), ("", "+00:00"), (":", "+00:00"),  # set but empty: the C library's UTC
    ("America/Chicago", "America/Chicago"), (":Europe/Berlin", "Europe/Berlin"),
    ("UTC", "UTC"), ("EST5EDT", "EST5EDT"),  # a zone file has this one
    ("<+0530>-5:30", "+05:30"), ("<-03>3", "-03:00"),  # POSIX rules with fixed offsets
    ("/usr/share/zoneinfo/Asia/Kathmandu", "+05:45"), (":/usr/share/zoneinfo/UTC", "+00:00"),
    ("Mars/Olympus", "+00:00"),  # unknown: the C library takes it as UTC, and so do we
    ("XXX-24", ""), ("XXX+24:30", ""),  # the C library takes these; no zone can hold them
])
def test_a_zone_is_sent_by_name_when_it_has_one_else_as_the_offset_here(tz_here, tz, sent):
    tz_here(tz)
    assert language.sendable_zone() == sent
    assert Speech.from_message(Speech(tz=sent).to_message()).tz == sent  # the window takes it


def test_a_posix_rule_is_sent_as_the_offset_the_c_library_gives_it_now(tz_here):
    tz_here("EST5EDT,M3.2.0,M11.1.0")  # New York's rule, spelled out
    sent = language.sendable_zone()
    assert sent in ("-05:00", "-04:00")
    assert offset_of(language.zone_for(sent)) == timedelta(seconds=time.localtime().tm_gmtoff)


@pytest.mark.parametrize(("sent", "offset"), [
    ("+05:30", timedelta(hours=5, minutes=30)), ("-03:00", timedelta(hours=-3)),
    ("+00:00", timedelta(0)), ("-09:30", -timedelta(hours=9, minutes=30)),
    ("Asia/Kathmandu", timedelta(hours=5, minutes=45)), (":Asia/Kathmandu", timedelta(hours=5,
                                                                                     minutes=45)),
])
def test_the_window_reads_a_name_or_an_offset(sent, offset):
    assert offset_of(language.zone_for(sent)) == offset


@pytest.mark.parametrize("sent", [
    "", "Mars/Olympus", "EST5EDT,M3.2.0,M11.1.0", "America", "../../etc/passwd",
    "/etc/localtime", "+5:30", "+24:00", "-24:30",
])
def test_what_the_window_cannot_read_keeps_its_own_zone_and_never_raises(sent, tz_here):
    tz_here(None)
    assert language.zone_for(sent) is ...


def test_a_terminal_without_tz_is_answered_in_the_machines_zone_by_a_window_with_one(tz_here):
    tz_here("Asia/Tokyo")  # the window's own TZ
    machine = language.zone_for("")
    with open("/etc/localtime", "rb") as file:
        assert offset_of(machine) == offset_of(ZoneInfo.from_file(file))
    tz_here(None)
    assert language.zone_for("") is ...  # a window without TZ is in the machine's zone


@pytest.mark.parametrize(("lang", "clock"), [
    ("en US", ""), ("ü_Ü.UTF-8", ""), ("x" * 70, ""), ("de_DE.UTF-8", "de_DE"),
])
def test_a_terminals_odd_locale_is_sent_as_one_the_window_takes(monkeypatch, lang, clock):
    for name in ("LC_ALL", "LC_TIME", "LANGUAGE", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    speech = language.speech_here()
    assert speech.time == clock
    assert Speech.from_message(speech.to_message()) == speech  # never refused


def test_status_json_reads_the_terminals_zone_whoever_answered(tz_here):
    """A window in Berlin answered `status --json` with +01:00 offsets; with no window the
    same terminal got its own -05:00: one command, two answers."""
    from necktimer.cli import in_this_zone

    tz_here("America/New_York")
    said = {"state": "waiting", "ends_at": None, "wait_s": 5,
            "next_allowed_at": "2026-10-25T03:59:08+01:00"}
    assert in_this_zone(said) == {"state": "waiting", "ends_at": None, "wait_s": 5,
                                  "next_allowed_at": "2026-10-24T22:59:08-04:00"}
    assert in_this_zone({"next_allowed_at": "soon"}) == {"next_allowed_at": "soon"}


@pytest.mark.parametrize(("lang", "iso"), [("C.UTF-8", True), ("POSIX", True),
                                           ("de_DE.UTF-8", False)])
def test_dates_follow_lc_time_even_where_the_language_is_another(monkeypatch, lang, iso):
    """LANGUAGE=de beside LANG=C.UTF-8: Qt's system locale was German with the C
    library's "d MM yyyy", and History read "28 11 2026" (outside tester)."""
    from datetime import date

    from PySide6.QtCore import QLocale

    for name in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    monkeypatch.setenv("LANGUAGE", "de")
    formats = language.formats_for(language.formats_locale("system", QLocale("de_DE")))
    written = formats.date(date(2026, 11, 28))
    assert (written == "2026-11-28") == iso, written
    # A language picked in Settings writes as that language does, whatever LC_TIME says.
    assert language.formats_locale("de", QLocale("de_DE")).language() is QLocale.Language.German
