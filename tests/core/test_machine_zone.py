"""The machine's time zone, followed while necktimer runs (a laptop carried elsewhere)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers import point_zone

from necktimer.core.machine_zone import MACHINE_ZONE_FILE, MachineZone, zone_file

ZONES = Path("/usr/share/zoneinfo")

NOON_UTC = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def machine_zone_at(tmp_path, monkeypatch):
    """This process's zone read from a link of the test's own, put back after."""
    link = tmp_path / "localtime"
    point_zone(link, "Europe/Berlin")
    monkeypatch.setenv("TZ", f":{link}")
    time.tzset()
    yield link
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize(("tz", "path"), [
    (None, MACHINE_ZONE_FILE),
    (":/etc/zones/here", Path("/etc/zones/here")), ("/etc/zones/here", Path("/etc/zones/here")),
    ("Europe/Berlin", None), (":Europe/Berlin", None), ("EST5EDT", None),
    ("", None), (":", None),  # the C library's UTC
])
def test_the_zone_comes_from_the_machines_file_or_tzs_own(tz, path):
    assert zone_file(tz) == path


def test_a_zone_named_by_tz_is_never_looked_at_again(monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    zone = MachineZone()
    assert zone.path is None and not zone.changed() and zone.generation == 0


def test_another_zone_file_is_read_once_and_counted(machine_zone_at):
    zone = MachineZone()
    assert NOON_UTC.astimezone().hour == 14  # Berlin, summer time
    assert not zone.changed()
    point_zone(machine_zone_at, "Asia/Tokyo")
    assert NOON_UTC.astimezone().hour == 14  # the C library still has Berlin
    assert zone.changed()
    assert NOON_UTC.astimezone().hour == 21
    assert zone.generation == 1
    assert not zone.changed() and zone.generation == 1


def test_a_zone_file_copied_over_the_old_one_is_seen_too(tmp_path, monkeypatch):
    copy = tmp_path / "localtime"
    copy.write_bytes((ZONES / "Europe/Berlin").read_bytes())
    monkeypatch.setenv("TZ", f":{copy}")
    time.tzset()
    try:
        zone = MachineZone()
        copy.write_bytes((ZONES / "America/New_York").read_bytes())
        assert zone.changed()
        assert NOON_UTC.astimezone().hour == 8
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_zone_file_that_goes_away_means_utc(machine_zone_at):
    zone = MachineZone()
    os.unlink(machine_zone_at)
    assert zone.changed()
    assert NOON_UTC.astimezone().utcoffset().total_seconds() == 0
