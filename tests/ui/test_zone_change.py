"""A running window follows the machine's time zone when it changes (travel, the desktop's
automatic time zone, `timedatectl set-timezone`): it kept the old zone's times."""

from __future__ import annotations

import time

import pytest
from helpers import point_zone, text_of

from necktimer.core import i18n


@pytest.fixture
def zone_link(tmp_path, monkeypatch):
    """The process's zone read from a link of the test's own (the machine's
    /etc/localtime is not the tests' to change), in Berlin to begin with."""
    link = tmp_path / "zone" / "localtime"
    link.parent.mkdir()
    point_zone(link, "Europe/Berlin")
    monkeypatch.setenv("TZ", f":{link}")
    time.tzset()
    i18n.install(tz=None)  # the process's own zone, as in the app
    yield link
    monkeypatch.undo()
    time.tzset()


def test_the_window_shows_times_in_the_new_zone_once_it_changes(zone_link, make_app, qtbot,
                                                               backstop):
    instance = make_app()
    instance.start()
    window = instance.window
    session = window.start_ice().session  # 08:00 UTC: 09:00 in Berlin, off at 09:15
    armed = len(backstop.armed)
    assert "ends at 09:15" in text_of(window.status_line)
    assert window.ring.caption == "Ice · off at 09:15"
    point_zone(zone_link, "Asia/Tokyo")  # nothing else happens: no tick, no click
    qtbot.waitUntil(lambda: "ends at 17:15" in text_of(window.status_line), timeout=5000)
    assert window.ring.caption == "Ice · off at 17:15"
    assert "09:15" not in text_of(window.message_line)  # the start's message said 09:15
    # The backstop's words ("ended at 09:15") are written again in the new zone.
    assert (session.id, False) in list(zip(backstop.armed, backstop.started, strict=True))[armed:]
