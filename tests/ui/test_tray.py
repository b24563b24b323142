"""The tray icon's drawing, tooltip and menu, and closing the window with and without a tray."""

from datetime import timedelta

import pytest
from helpers import T0
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMessageBox

from necktimer.core.rules import EndReason, Session, State, Status, Therapy
from necktimer.ui import colors
from necktimer.ui.tray import ATTENTION, tooltip_for, tray_pixmap


def session(therapy=Therapy.ICE):
    return Session(1, therapy, T0, T0 + timedelta(minutes=15))


def ring_colour(pixmap):
    """The colour at 12 o'clock on the ring, where the arc starts."""
    image = pixmap.toImage()
    return QColor(image.pixel(image.width() // 2, int(image.height() * 0.09)))


def close_to(a, b, tolerance=40):
    return all(abs(x - y) <= tolerance for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status(State.RUNNING, T0, session(Therapy.ICE), remaining=timedelta(minutes=7)),
         colors.ICE),
        (Status(State.RUNNING, T0, session(Therapy.HEAT), remaining=timedelta(minutes=7)),
         colors.HEAT),
        (Status(State.WAITING, T0, session(), wait=timedelta(hours=1)), colors.WAITING),
    ],
)
def test_ring_colour_follows_the_state(qapp, status, expected):
    assert close_to(ring_colour(tray_pixmap(status)), expected)


def test_ready_is_the_plain_application_icon(qapp):
    image = tray_pixmap(Status(State.READY, T0)).toImage()
    centre = QColor(image.pixel(image.width() // 2, image.height() // 2))
    assert close_to(centre, QColor("#ffffff"))  # the clock hands' hub
    corner_bg = QColor(image.pixel(image.width() // 4, image.height() // 8))
    assert close_to(corner_bg, QColor("#24323f"))


def test_ring_shrinks_as_time_runs_out(qapp):
    def coloured_pixels(minutes):
        status = Status(State.RUNNING, T0, session(), remaining=timedelta(minutes=minutes))
        image = tray_pixmap(status).toImage()
        return sum(close_to(QColor(image.pixel(x, y)), colors.ICE, 30)
                   for x in range(image.width()) for y in range(image.height()))
    assert coloured_pixels(14) > coloured_pixels(7) > coloured_pixels(2)


def test_attention_state_is_red(qapp):
    status = Status(State.WAITING, T0, session(), wait=timedelta(hours=2))
    assert close_to(ring_colour(tray_pixmap(status, attention=True)), ATTENTION)


def test_tooltips():
    running = Status(State.RUNNING, T0, session(), remaining=timedelta(minutes=6, seconds=30))
    assert tooltip_for(running, False) == "Ice · 7 min left"
    from helpers import LOCAL
    waiting = Status(State.WAITING, T0, session(), wait=timedelta(hours=2, minutes=5))
    assert tooltip_for(waiting, False, LOCAL) == "Next session at 11:05"
    assert tooltip_for(waiting, True) == "Neck Timer · Time's up — remove the ice pack"


def test_menu_follows_the_rules(make_app, clock):
    instance = make_app(tray_available=True, dbus_address=None)
    instance.start()
    tray = instance.tray
    assert [a.text() for a in tray.menu.actions() if a.text()] == [
        "Start ice", "Start heat", "Stop", "Done — removed", "Show window", "History…",
        "Settings…", "Quit"]
    assert tray.start_ice.isEnabled() and not tray.stop.isEnabled()
    tray.start_heat.trigger()
    assert instance.controller.status.therapy is Therapy.HEAT
    assert not tray.start_ice.isEnabled() and tray.stop.isEnabled()
    assert tray.icon.toolTip() == "Heat · 15 min left"
    clock.advance(15 * 60)
    instance.controller.refresh()
    assert tray.attention and tray.removed.isEnabled()
    assert not tray.start_ice.isEnabled()
    tray.removed.trigger()
    assert not tray.attention
    assert instance.store.all_sessions()[0].removed_at is not None


def test_tray_start_goes_through_the_same_rules(make_app, clock):
    instance = make_app(tray_available=True, dbus_address=None)
    instance.start()
    instance.window.start_ice()
    clock.advance(5 * 60)
    instance.window.stop()
    outcome = instance.controller.start(Therapy.HEAT)  # what the tray item calls
    assert not outcome.ok and "Next session allowed at" in outcome.message
    assert len(instance.store.all_sessions()) == 1


def test_closing_with_a_tray_keeps_running(make_app, qtbot):
    instance = make_app(tray_available=True, dbus_address=None)
    instance.start()
    qtbot.waitExposed(instance.window)
    instance.window.close()
    assert not instance.window.isVisible()
    assert not instance._quitting
    instance.tray.show_window.trigger()
    assert instance.window.isVisible()


def test_closing_without_a_tray_and_nothing_running_quits(make_app, qtbot, monkeypatch):
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    instance = make_app()
    instance.start()
    instance.window.close()
    qtbot.waitUntil(lambda: quits == [True])


def test_closing_without_a_tray_while_running_asks_first(make_app, qtbot, clock, monkeypatch):
    quits = []
    monkeypatch.setattr(QApplication, "quit", lambda: quits.append(True))
    instance = make_app()
    instance.start()
    instance.window.start_ice()
    clock.advance(5 * 60)
    instance.window.close()
    box = instance.question
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "still running" in box.text()
    keep = next(b for b in box.buttons() if b.text() == "Keep running")
    keep.click()
    assert instance.controller.status.state is State.RUNNING and quits == []
    instance.window.close()
    stop = next(b for b in instance.question.buttons() if b.text() == "Stop and quit")
    QTimer.singleShot(0, stop.click)
    qtbot.waitUntil(lambda: quits == [True])
    assert instance.store.all_sessions()[0].end_reason is EndReason.STOPPED


def test_minimized_start_stays_in_the_tray(make_app):
    instance = make_app(tray_available=True, dbus_address=None)
    instance.start(minimized=True)
    assert not instance.window.isVisible()
    instance.tray.show_window.trigger()
    assert instance.window.isVisible()


def test_minimized_start_without_a_tray_shows_the_window(make_app):
    instance = make_app(tray_available=False, dbus_address=None)
    instance.start(minimized=True)
    assert instance.window.isVisible()  # nowhere else to be
