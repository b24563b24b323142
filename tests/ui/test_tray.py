"""The tray icon's drawing, tooltip and menu, all redrawn from the view state."""

from datetime import timedelta

import pytest
from helpers import T0, text_of, tick
from PySide6.QtGui import QColor

from necktimer.core.rules import Session, State, Status, Therapy
from necktimer.ui import colors
from necktimer.ui.tray import ATTENTION, Look, look_for, tooltip_for, tray_pixmap
from necktimer.ui.view_state import PackReminder, ViewState


def session(therapy=Therapy.ICE):
    return Session(1, therapy, T0, T0 + timedelta(minutes=15))


def ring_colour(pixmap):
    """The colour at 12 o'clock on the ring, where the arc starts."""
    image = pixmap.toImage()
    return QColor(image.pixel(image.width() // 2, int(image.height() * 0.09)))


def close_to(a, b, tolerance=40):
    return all(abs(x - y) <= tolerance for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def view(status, **extra):
    return ViewState(status=status, **extra)


@pytest.mark.parametrize(("status", "expected"), [
    (Status(State.RUNNING, T0, session(Therapy.ICE), remaining=timedelta(minutes=7)), colors.ICE),
    (Status(State.RUNNING, T0, session(Therapy.HEAT), remaining=timedelta(minutes=7)),
     colors.HEAT),
    (Status(State.WAITING, T0, session(), wait=timedelta(hours=1)), colors.WAITING),
    (Status(State.READY, T0), colors.READY),
    # A lost history refuses starts until answered: it was green, the Ready colour.
    (Status(State.UNKNOWN, T0), colors.WAITING),
])
def test_ring_colour_follows_the_state(qapp, status, expected):
    assert close_to(ring_colour(tray_pixmap(look_for(view(status)))), expected)


def test_attention_state_is_red(qapp):
    status = Status(State.WAITING, T0, session(), wait=timedelta(hours=2))
    reminder = PackReminder(session(), 1, False)
    look = look_for(view(status, reminder=reminder))
    assert look.attention and close_to(ring_colour(tray_pixmap(look)), ATTENTION)


def test_the_picture_changes_only_when_the_shown_minutes_change():
    def at(seconds):
        return look_for(view(Status(State.RUNNING, T0, session(),
                                    remaining=timedelta(seconds=seconds))))

    assert at(421) == at(479) == Look(State.RUNNING, Therapy.ICE, 8 / 15, 8)
    assert at(420) != at(421)
    gap = [look_for(view(Status(State.WAITING, T0, session(), wait=timedelta(minutes=m))))
           for m in (119, 116, 115, 114)]
    assert gap[0] == gap[1] and gap[1] != gap[3]  # steps of 5 minutes


def test_tooltips():
    running = Status(State.RUNNING, T0, session(), remaining=timedelta(minutes=7))
    assert tooltip_for(view(running)) == "Ice · 7 min left"
    last = Status(State.RUNNING, T0, session(Therapy.HEAT), remaining=timedelta(seconds=50))
    assert tooltip_for(view(last, heads_up=True)) == \
        "Heat · 1 minute left — get ready to take it off"
    waiting = Status(State.WAITING, T0, session(), wait=timedelta(hours=1, minutes=42))
    assert tooltip_for(view(waiting)) == "Neck Timer · next session at 10:42"
    reminder = PackReminder(session(Therapy.HEAT), 1, False)
    assert tooltip_for(view(waiting, reminder=reminder)) == \
        "Neck Timer · Time's up — remove the heat pack"


def test_menu_follows_the_rules(make_app, clock):
    instance = make_app(tray_available=True)
    instance.start()
    tray = instance.tray
    assert tray.start_ice.isEnabled() and not tray.stop.isEnabled()
    assert not tray.removed.isEnabled() and not tray.undo.isVisible()
    instance.controller.start(Therapy.ICE)
    assert not tray.start_ice.isEnabled() and tray.stop.isEnabled()
    tick(instance, clock, 15 * 60)
    assert tray.removed.isEnabled()
    tray.removed.trigger()
    assert not tray.removed.isEnabled()
    assert instance.controller.state.reminder is None


def test_tray_offers_the_end_as_the_removal_once_confirming_is_late(make_app, clock):
    instance = make_app(tray_available=True)
    instance.start()
    tray = instance.tray
    instance.controller.start(Therapy.ICE)
    tick(instance, clock, 15 * 60)
    assert not tray.removed_at_end.isVisible()  # on time, "Done" says it all
    assert tray.removed.text() == "Done — removed"
    tick(instance, clock, 2 * 60)
    assert tray.removed_at_end.isVisible() and tray.removed_at_end.text() == \
        "It came off at 09:15"
    assert tray.removed.text() == "Done — removed now"  # beside it, "Done" says when
    tray.removed_at_end.trigger()
    assert instance.controller.state.reminder is None
    assert instance.controller.state.status.next_allowed_at == T0 + timedelta(hours=2,
                                                                               minutes=15)
    assert not tray.removed_at_end.isVisible()


def test_tray_start_uses_the_length_chosen_last_and_the_same_rules(make_app, clock,
                                                                   settings_file):
    settings_file.update(default_minutes=6)
    instance = make_app(tray_available=True)
    instance.start()
    instance.window.hide()
    instance.tray.start_heat.trigger()
    status = instance.controller.state.status
    assert status.therapy is Therapy.HEAT and status.remaining == timedelta(minutes=6)
    instance.tray.start_ice.trigger()  # refused while running, as everywhere
    assert instance.controller.state.status.therapy is Therapy.HEAT


def test_window_tray_and_terminal_start_the_length_the_window_shows(make_app, clock,
                                                                    settings_file):
    """The length lives in one place: picked in the window, it is what the tray's items
    say and start, and what a terminal's `start` without --minutes starts."""
    from necktimer.commands import Command, Request

    instance = make_app(tray_available=True)
    instance.start()
    window, tray = instance.window, instance.tray
    assert tray.start_ice.text() == "Start ice (15 min)"
    window.length_picker.setValue(5)  # not started yet: only chosen
    assert (tray.start_ice.text(), tray.start_heat.text()) == ("Start ice (5 min)",
                                                               "Start heat (5 min)")
    tray.start_ice.trigger()
    assert instance.controller.state.status.remaining == timedelta(minutes=5)
    assert settings_file.current.default_minutes == 5  # remembered for next time
    instance.controller.stop()
    clock.advance(3 * 3600)
    instance.controller.refresh()
    window.length_picker.setValue(7)
    reply = instance.handle_request(Request(Command.START, Therapy.HEAT))
    assert reply.ok and instance.controller.state.status.remaining == timedelta(minutes=7)
    instance.controller.stop()
    settings_file.update(default_minutes=9)  # chosen in Settings: everything follows
    assert window.length_picker.value() == 9 and tray.start_heat.text() == "Start heat (9 min)"


def test_the_menu_says_why_start_is_greyed_and_until_when(make_app, clock):
    """Start ice and Start heat were greyed with no reason: only the tooltip said when,
    and GNOME's AppIndicator shows no tooltips."""
    instance = make_app(tray_available=True)
    instance.start()
    tray, controller = instance.tray, instance.controller
    assert not tray.summary.isVisible()  # ready: Start is open, nothing to explain
    controller.start(Therapy.ICE, 5)
    assert tray.summary.isVisible() and not tray.summary.isEnabled()
    assert tray.summary.text() == "Ice session ends at 09:05"
    assert "ends at 09:05" in text_of(instance.window.status_line)
    tick(instance, clock, 5 * 60)
    assert tray.summary.text() == "Time's up — remove the ice pack"
    controller.acknowledge_removal()
    assert tray.summary.text() == "Next session allowed at 11:05"
    assert not tray.start_ice.isEnabled()
    tick(instance, clock, 2 * 3600)
    assert not tray.summary.isVisible() and tray.start_ice.isEnabled()
    tick(instance, clock, 25)
    controller.start(Therapy.HEAT)  # ends at 11:20:25: the same minute as the window says
    assert tray.summary.text() == "Heat session ends at 11:20"
    assert "ends at 11:20" in text_of(instance.window.status_line)
    tick(instance, clock, 6)
    controller.stop()  # a mis-start: 14 min 54 s are left
    assert (tray.start_ice.text(), tray.start_heat.text()) == ("Start ice (14 min)",
                                                               "Start heat (14 min)")


def test_tray_stop_offers_undo_in_the_menu(make_app, clock):
    instance = make_app(tray_available=True)
    instance.start()
    instance.controller.start(Therapy.ICE)
    tick(instance, clock, 120)
    instance.tray.stop.trigger()
    assert instance.tray.undo.isVisible()
    instance.tray.undo.trigger()
    assert instance.controller.state.status.state is State.RUNNING


def test_the_icon_is_redrawn_only_when_its_picture_changes(make_app, clock):
    instance = make_app(tray_available=True)
    instance.start()
    instance.window.hide()
    instance.controller.start(Therapy.ICE)
    first = instance.tray.look
    tick(instance, clock, 20)
    assert instance.tray.look is first  # 14:40 left still shows "15"
    tick(instance, clock, 40)
    assert instance.tray.look != first
    assert instance.tray.tooltip == "Ice · 14 min left"
