"""Reminders through a real notification server on a private D-Bus session bus."""

import json
import queue
import shutil
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import T0
from PySide6.QtDBus import QDBusConnection

from necktimer.core.rules import State
from necktimer.ui.dbus_notifications import URGENCY_CRITICAL, URGENCY_NORMAL

SERVER = Path(__file__).resolve().parents[1] / "support" / "notification_server.py"


class Bus:
    """A private dbus-daemon and, optionally, the test notification server on it."""

    def __init__(self):
        assert shutil.which("dbus-daemon"), "dbus-daemon is needed (Debian package dbus-daemon)"
        out = subprocess.run(
            ["dbus-daemon", "--session", "--fork", "--print-address=1", "--print-pid=1"],
            capture_output=True, text=True, check=True, timeout=30,
        ).stdout.split()
        self.address, self.pid = out[0], int(out[1])
        self.server = None
        self.lines: queue.Queue = queue.Queue()

    def start_server(self, *extra):
        self.server = subprocess.Popen(
            [sys.executable, str(SERVER), self.address, *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        threading.Thread(target=self._pump, daemon=True).start()
        assert self.next() == {"ready": True}

    def _pump(self):
        for line in self.server.stdout:
            self.lines.put(json.loads(line))

    def next(self, timeout=10):
        return self.lines.get(timeout=timeout)

    def notifications(self):
        """Every Notify call the server has printed so far, synchronised with a round trip."""
        self.command("ping")
        calls = []
        while True:
            item = self.next()
            if item.get("done") == ["ping"]:
                return calls
            if "summary" in item or "closed" in item:
                calls.append(item)

    def command(self, text):
        self.server.stdin.write(text + "\n")
        self.server.stdin.flush()

    def stop(self):
        if self.server:
            self.server.kill()
            self.server.wait()
            self.server.stdin.close()
            self.server.stdout.close()
        subprocess.run(["kill", str(self.pid)], check=False)


@pytest.fixture
def bus():
    running = Bus()
    yield running
    running.stop()


@pytest.fixture
def with_server(bus):
    bus.start_server()
    return bus


def tick(instance, clock, seconds):
    clock.advance(seconds)
    instance.controller.refresh()


def session_ended(make_app, bus, clock, therapy="heat"):
    """A running app whose 15-minute session has just ended; returns it and the notification."""
    instance = make_app(dbus_address=bus.address)
    instance.start()
    getattr(instance.window, f"start_{therapy}")()
    tick(instance, clock, 15 * 60)
    [first] = bus.notifications()
    return instance, first


def test_session_end_sends_an_urgent_notification_with_action(make_app, with_server, clock):
    instance = make_app(dbus_address=with_server.address)
    instance.start()
    assert instance.reminders.backend == "dbus"
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    [call] = with_server.notifications()
    assert call["summary"] == "Time's up — remove the ice pack"
    assert call["body"] == ("Your 15-minute ice session ended at 09:15. "
                            "Take the pack off and check your skin.")
    assert call["hints"]["urgency"] == URGENCY_CRITICAL
    assert call["actions"] == ["removed", "Done — removed", "default", "Show"]
    assert call["hints"]["sound-file"].endswith("reminder.wav")
    assert call["hints"]["desktop-entry"] == "io.github.necktimer.NeckTimer"
    assert call["app_name"] == "Neck Timer" and call["replaces_id"] == 0


def test_reminder_repeats_each_minute_replacing_until_removed(make_app, with_server, clock,
                                                              qtbot):
    instance, first = session_ended(make_app, with_server, clock)
    tick(instance, clock, 30)
    assert with_server.notifications() == []  # not before a minute has passed
    tick(instance, clock, 30)
    [second] = with_server.notifications()
    assert second["replaces_id"] == first["id"]  # replaced, not stacked
    assert second["body"].startswith("Reminder 2: ")
    tick(instance, clock, 60)
    [third] = with_server.notifications()
    assert third["body"].startswith("Reminder 3: ")

    # The user clicks "Done — removed" in the notification.
    with qtbot.waitSignal(instance.controller.removalAcknowledged, timeout=5000):
        with_server.command(f"invoke {first['id']} removed")
    [session] = instance.store.all_sessions()
    assert session.removed_at == T0 + timedelta(minutes=17)
    assert {"closed": first["id"]} in with_server.notifications()  # withdrawn from the screen
    for _ in range(5):
        tick(instance, clock, 60)
    assert [c for c in with_server.notifications() if "summary" in c] == []
    assert not instance.window.banner.isVisible()


def test_gap_over_notification_fires_once(make_app, with_server, clock):
    instance = make_app(dbus_address=with_server.address)
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    instance.controller.acknowledge_removal()
    with_server.notifications()
    tick(instance, clock, 2 * 3600 - 1)
    assert [c for c in with_server.notifications() if "summary" in c] == []
    tick(instance, clock, 1)
    [call] = [c for c in with_server.notifications() if "summary" in c]
    assert call["summary"] == "You may apply ice or heat again"
    assert call["hints"]["urgency"] == URGENCY_NORMAL
    for _ in range(3):
        tick(instance, clock, 60)
    assert [c for c in with_server.notifications() if "summary" in c] == []


def test_gap_over_reminder_can_be_turned_off(make_app, with_server, clock):
    instance = make_app(dbus_address=with_server.address)
    settings, _ = instance.settings.current.replace(gap_reminder=False)
    instance.apply_settings(settings)
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    instance.controller.acknowledge_removal()
    tick(instance, clock, 2 * 3600 + 60)
    summaries = [c["summary"] for c in with_server.notifications() if "summary" in c]
    assert summaries == ["Time's up — remove the ice pack"]  # and no gap-over notice


def test_suspend_past_the_end_fires_the_reminder_on_the_first_wake(make_app, with_server,
                                                                   clock):
    instance = make_app(dbus_address=with_server.address)
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 3 * 60)
    clock.suspend(40 * 60)  # the laptop sleeps; Qt's timers do not run
    instance.controller.refresh()  # the first wake after resume
    [call] = with_server.notifications()
    assert call["summary"] == "Time's up — remove the ice pack"
    assert instance.controller.status.state is State.WAITING


def test_logind_resume_wakes_the_controller(make_app, bus, qtbot, clock):
    bus.start_server("--login1")
    system = QDBusConnection.connectToBus(bus.address, "fake-system-bus")
    instance = make_app(dbus_address=bus.address, system_bus=system)
    assert instance.sleep.watching
    instance.start()
    instance.window.start_heat()
    clock.suspend(20 * 60)
    with qtbot.waitSignal(instance.controller.sessionEnded, timeout=5000):
        bus.command("resume")
    [call] = bus.notifications()
    assert call["summary"] == "Time's up — remove the heat pack"
    QDBusConnection.disconnectFromBus("fake-system-bus")


def test_no_notification_server_falls_back_to_the_window(make_app, bus, clock, caplog):
    instance = make_app(dbus_address=bus.address)  # a bus, but nobody serves notifications
    assert instance.reminders.backend == "window"
    assert sum("desktop notifications unavailable" in r.message for r in caplog.records) == 1
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    assert instance.window.banner.isVisible()
    assert instance.reminders.sent[-1][0] == "window"


def test_no_bus_at_all_falls_back_without_crashing(make_app, clock):
    instance = make_app(dbus_address="unix:path=/nonexistent/bus")
    assert instance.reminders.backend == "window"
    instance.start()
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    assert instance.reminders.sent[-1][1] == "Time's up — remove the ice pack"


def test_server_vanishing_mid_session_degrades_and_keeps_the_reminder(make_app, with_server,
                                                                      clock):
    instance = make_app(dbus_address=with_server.address)
    instance.start()
    instance.window.start_ice()
    with_server.server.kill()
    with_server.server.wait()
    tick(instance, clock, 15 * 60)
    assert instance.reminders.backend == "window"
    assert instance.reminders.sent[-1][0] == "window"
    assert instance.window.banner.isVisible()


def test_tray_is_the_fallback_when_there_is_a_tray(make_app, bus, clock):
    instance = make_app(dbus_address=bus.address, tray_available=True)
    assert instance.reminders.backend == "tray"
    instance.tray.hide()  # a tray icon that is hidden cannot show a balloon
    assert instance.reminders.backend == "window"
    instance.tray.show()
    instance.start()
    instance.window.start_heat()
    tick(instance, clock, 15 * 60)
    assert instance.reminders.sent[-1] == (
        "tray", "Time's up — remove the heat pack",
        "Your 15-minute heat session ended at 09:15. Take the pack off and check your skin.")


def test_no_audio_degrades_with_one_log_line(make_app, clock, caplog, monkeypatch):
    import importlib

    real = importlib.import_module

    def no_multimedia(name, *args):
        if name == "PySide6.QtMultimedia":
            raise ImportError("libpulse.so.0: cannot open shared object file")
        return real(name, *args)

    monkeypatch.setattr(importlib, "import_module", no_multimedia)
    instance = make_app(dbus_address=None)
    instance.start()
    for _ in range(3):
        assert instance.reminders.chime.play() is False
    assert sum("no sound for reminders" in r.message for r in caplog.records) == 1


def test_dismissing_the_notification_is_not_removing_the_pack(make_app, with_server, clock,
                                                             qtbot):
    instance, first = session_ended(make_app, with_server, clock, therapy="ice")
    with qtbot.waitSignal(instance.reminders.dbus.closed, timeout=5000):
        with_server.command(f"close {first['id']} 2")  # the user swiped it away
    assert instance.controller.reminder_pending
    tick(instance, clock, 60)
    [again] = [c for c in with_server.notifications() if "summary" in c]
    assert again["replaces_id"] == 0 and again["summary"] == first["summary"]
    assert instance.store.all_sessions()[0].removed_at is None


def test_a_wall_clock_jump_between_wakes_is_noticed(make_app, clock, qtbot):
    instance = make_app(dbus_address=None)
    instance.start()
    instance.window.start_heat()
    with qtbot.waitSignal(instance.controller.wallClockJumped) as jumped:
        clock.suspend(600)
        instance.controller.refresh()
    assert jumped.args == [600.0]
