"""Reminders through a real notification server on a private D-Bus session bus, and fallbacks."""

import json
import subprocess
import sys
from datetime import timedelta

import pytest
from helpers import T0, rows, tick
from support.bus import SERVER as SERVER_SCRIPT

from necktimer.core.alerts import Urgency
from necktimer.core.rules import State

pytestmark = pytest.mark.dbus




def notifies(server):
    return [call.data for call in server.calls() if call.is_notify]


def session_ended(make_app, bus, clock, therapy="heat"):
    """A running app whose 15-minute session has just ended; returns it and the notification."""
    instance = make_app(dbus_address=bus.address)
    instance.start()
    getattr(instance.window, f"start_{therapy}")()
    tick(instance, clock, 14 * 60)  # the heads-up
    tick(instance, clock, 60)  # the end
    return instance


def test_session_end_sends_an_urgent_notification_whose_click_means_removed(make_app, bus,
                                                                            server, clock):
    instance = session_ended(make_app, bus, clock, "ice")
    assert instance.reminders.used == "desktop notifications"
    heads_up, call = notifies(server)
    assert heads_up["summary"] == "1 minute left — get ready to take the ice pack off"
    assert heads_up["hints"]["urgency"] == Urgency.LOW
    assert call["summary"] == "Time's up — remove the ice pack"
    assert call["body"] == ("Your 15-minute ice session ended at 09:15. "
                            "Take the pack off and check your skin. "
                            "Clicking this notice tells necktimer it is off.")
    assert call["hints"]["urgency"] == Urgency.CRITICAL
    assert call["actions"][:2] == ["default", "Done — removed"]  # the bubble click itself
    assert call["hints"]["sound-file"].endswith("reminder.wav")
    assert call["hints"]["desktop-entry"] == "io.github.necktimer.NeckTimer"
    assert call["expire_timeout"] == 0 and call["replaces_id"] == 0


def test_the_heads_up_goes_when_time_is_up_or_the_session_is_stopped(make_app, bus, server,
                                                                    clock):
    """"1 minute left" stayed on screen beside "Time's up" until the pack was confirmed off
    (outside tester)."""
    instance = session_ended(make_app, bus, clock, "ice")
    calls = [call.data for call in server.calls()]
    heads_up, time_up = [call for call in calls if "summary" in call]
    # Closed before "Time's up" came, and that one stays.
    assert calls.index({"closed": heads_up["id"]}) < calls.index(time_up)
    assert {"closed": time_up["id"]} not in calls
    instance.controller.acknowledge_removal()
    tick(instance, clock, 2 * 3600)
    instance.window.start_heat()
    tick(instance, clock, 14 * 60 + 10)
    [heads_up] = [call for call in notifies(server) if call["summary"].startswith("1 minute")]
    instance.window.stop()
    assert {"closed": heads_up["id"]} in [call.data for call in server.calls()]


def test_reminder_repeats_each_minute_replacing_until_the_bubble_is_clicked(
        make_app, bus, server, clock, qtbot, data_dir):
    instance = session_ended(make_app, bus, clock)
    first = notifies(server)[-1]
    tick(instance, clock, 30)
    assert notifies(server) == []  # not before a minute has passed
    tick(instance, clock, 30)
    [second] = notifies(server)
    assert second["replaces_id"] == first["id"]  # replaced, not stacked
    assert second["body"].startswith("Reminder 2: ")
    tick(instance, clock, 60)
    with qtbot.waitSignal(instance.controller.stateChanged, timeout=5000,
                          check_params_cb=lambda state: state.reminder is None):
        server.invoke(first["id"], "default")  # the user clicks the bubble
    assert rows(data_dir)[0]["removed_at"].startswith("2026-03-02T08:17:00")
    assert {"closed": first["id"]} in [call.data for call in server.calls()]
    for _ in range(5):
        tick(instance, clock, 60)
    assert notifies(server) == []
    assert not instance.window.time_up_banner.isVisible()


def test_a_late_reminder_offers_the_end_as_when_the_pack_came_off(make_app, bus, server,
                                                                   clock, qtbot, data_dir):
    instance = session_ended(make_app, bus, clock, "ice")
    assert "removed-at-end" not in notifies(server)[-1]["actions"]  # on time: Done says it
    tick(instance, clock, 60)
    assert "removed-at-end" not in notifies(server)[-1]["actions"]
    tick(instance, clock, 60)  # two minutes late
    [third] = notifies(server)
    actions = dict(zip(third["actions"][::2], third["actions"][1::2], strict=True))
    assert actions["removed-at-end"] == "It came off at 09:15"
    assert third["actions"][:2] == ["default", "Done — removed now"]  # beside it: says when
    with qtbot.waitSignal(instance.controller.stateChanged, timeout=5000,
                          check_params_cb=lambda state: state.reminder is None):
        server.invoke(third["id"], "removed-at-end")
    assert rows(data_dir)[0]["removed_at"].startswith("2026-03-02T08:15:00")
    status = instance.controller.state.status
    assert status.next_allowed_at == T0 + timedelta(hours=2, minutes=15)  # from the end


def test_dismissing_the_notification_is_not_removing_the_pack(make_app, bus, server, clock,
                                                              qtbot, data_dir):
    instance = session_ended(make_app, bus, clock, "ice")
    first = notifies(server)[-1]
    server.close(first["id"], 2)  # the user swiped it away
    qtbot.waitUntil(lambda: instance.controller.state.reminder is not None, timeout=2000)
    qtbot.wait(200)
    tick(instance, clock, 60)
    [again] = notifies(server)
    assert again["replaces_id"] == 0 and again["summary"] == first["summary"]
    assert rows(data_dir)[0]["removed_at"] is None


def test_gap_over_notification_fires_once_and_can_be_turned_off(make_app, bus, server, clock,
                                                                settings_file):
    instance = session_ended(make_app, bus, clock, "ice")
    instance.controller.acknowledge_removal()
    server.calls()
    tick(instance, clock, 2 * 3600 - 1)
    assert notifies(server) == []
    tick(instance, clock, 1)
    [call] = notifies(server)
    assert call["summary"] == "You may apply ice or heat again"
    assert call["hints"]["urgency"] == Urgency.NORMAL
    settings_file.update(gap_reminder=False)
    instance.window.start_heat()
    tick(instance, clock, 15 * 60)
    instance.controller.acknowledge_removal()
    tick(instance, clock, 2 * 3600 + 60)
    summaries = [c["summary"] for c in notifies(server)]
    assert "You may apply ice or heat again" not in summaries


def test_suspend_past_the_end_fires_the_reminder_on_the_first_wake(make_app, bus, server,
                                                                   clock):
    instance = make_app(dbus_address=bus.address)
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 3 * 60)
    clock.suspend(40 * 60)  # the laptop sleeps; Qt's timers do not run
    instance.controller.refresh()  # the first wake after resume
    assert [c["summary"] for c in notifies(server)] == ["Time's up — remove the ice pack"]
    assert instance.controller.state.status.state is State.WAITING


def test_logind_resume_wakes_the_controller(make_app, bus, qtbot, clock):
    """A fake logind on the private bus announces PrepareForSleep(false) after a suspend."""
    login1 = subprocess.Popen([sys.executable, str(SERVER_SCRIPT), bus.address, "--login1"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert json.loads(login1.stdout.readline()) == {"ready": True}
        instance = make_app(dbus_address=bus.address, system_bus=bus.address)
        instance.start()
        assert instance.sleep.watching
        instance.window.start_heat()
        clock.suspend(20 * 60)
        with qtbot.waitSignal(instance.controller.stateChanged, timeout=5000,
                              check_params_cb=lambda state: state.reminder is not None):
            login1.stdin.write("resume\n")
            login1.stdin.flush()
        assert instance.controller.state.status.state is State.WAITING
    finally:
        login1.kill()
        login1.communicate()


def test_no_notification_server_falls_back_to_the_window(make_app, bus, clock, caplog):
    instance = make_app(dbus_address=bus.address)  # a bus, but nobody serves notifications
    instance.start()
    assert instance.reminders.channel_names == ["window"]
    assert sum("desktop notifications unavailable" in r.message for r in caplog.records) == 1
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    assert instance.reminders.used == "window"
    assert instance.window.time_up_banner.isVisible()


def test_no_bus_at_all_falls_back_without_crashing(make_app, clock):
    instance = make_app(dbus_address="unix:path=/nonexistent/bus")
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    assert instance.reminders.used == "window"


def test_server_vanishing_mid_session_degrades_and_keeps_the_reminder(make_app, bus, server,
                                                                      clock, caplog):
    instance = make_app(dbus_address=bus.address)
    instance.start()
    instance.window.start_ice()
    server.stop()
    tick(instance, clock, 15 * 60)
    assert instance.reminders.used == "window"
    assert instance.window.time_up_banner.isVisible()
    assert any("desktop notifications failed" in r.message for r in caplog.records)


def test_tray_is_the_fallback_when_there_is_a_tray(make_app, bus, clock):
    instance = make_app(dbus_address=bus.address, tray_available=True)
    instance.start()
    assert instance.reminders.channel_names == ["tray balloon", "window"]
    instance.window.start_heat()
    tick(instance, clock, 15 * 60)
    assert instance.reminders.used == "tray balloon"
    instance.tray.hide()  # a hidden tray icon cannot show a balloon
    tick(instance, clock, 60)
    assert instance.reminders.used == "window"


def test_no_chime_where_the_notification_server_plays_the_sound(make_app, bus, server, clock,
                                                                chime):
    session_ended(make_app, bus, clock)
    assert chime.played == 0  # the test server plays sounds itself ("sound" capability)


def test_the_chime_plays_with_the_window_channel_unless_switched_off(make_app, clock, chime,
                                                                     settings_file):
    instance = make_app()
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    assert chime.played == 1
    settings_file.update(sound=False)
    tick(instance, clock, 60)
    assert chime.played == 1 and instance.controller.state.reminder.count == 2


def test_quitting_closes_the_notification_left_on_screen(make_app, bus, server, clock):
    instance = session_ended(make_app, bus, clock)
    shown = notifies(server)[-1]
    instance.quit()
    assert {"closed": shown["id"]} in [call.data for call in server.calls()]


def test_no_in_app_sound_degrades_with_one_log_line(clock, caplog, monkeypatch, qapp):
    import importlib
    import logging

    caplog.set_level(logging.INFO)

    from necktimer.ui.sound import Chime

    real = importlib.import_module

    def no_multimedia(name, *args):
        if name == "PySide6.QtMultimedia":
            raise ImportError("No module named 'PySide6.QtMultimedia'")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", no_multimedia)
    chime = Chime()
    for _ in range(3):
        assert chime.play() is False
    said = [r for r in caplog.records if "no in-app sound" in r.message]
    # The usual install has no in-app chime: said once, and only with --verbose.
    assert [r.levelno for r in said] == [logging.INFO]
