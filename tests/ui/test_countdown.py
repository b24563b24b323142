"""The ring's digits move every second on their own, between the controller's states.

The controller publishes when the sentence's minutes change; `countdown.tick()` is
what the countdown's own timer calls each second (as `helpers.tick` is the
controller's).
"""

from datetime import timedelta

from helpers import tick

from necktimer.core.humanize import format_countdown
from necktimer.core.rules import State


def count_tick(window, clock, seconds: float) -> None:
    """Time passes and the countdown's timer fires (the controller's does not)."""
    clock.advance(seconds)
    window.panel.countdown.tick()


def published(necktimer) -> list:
    states = []
    necktimer.controller.stateChanged.connect(states.append)
    return states


def test_each_second_moves_the_digits_without_publishing_a_state(necktimer, window, clock):
    window.start_ice()
    states = published(necktimer)
    for second in range(1, 6):
        count_tick(window, clock, 1)
        assert window.ring.text == format_countdown(timedelta(seconds=900 - second))
        assert abs(window.ring.fraction - (900 - second) / 900) < 1e-9
    assert window.ring.caption == "Ice · off at 09:15"
    assert states == []  # nothing derived, nothing else redrawn
    assert necktimer.controller.next_wake >= timedelta(seconds=59)  # at the minute's turn
    assert window.status_line.text().startswith("Ice session running: it ends at 09:15 (in 15 min)")


def test_the_next_tick_is_planned_for_just_after_the_digits_change(necktimer, window, clock):
    window.start_ice()
    clock.advance(0.3)  # 899.7 s left: "15:00" until 899 s
    window.panel.countdown.tick()
    assert window.ring.text == "15:00"
    wait = window.panel.countdown.next_tick
    assert timedelta(milliseconds=650) < wait <= timedelta(milliseconds=705)
    timer = window.panel.countdown._timer  # noqa: SLF001
    assert timer.isSingleShot() and timer.timerType().name == "PreciseTimer"


def test_the_digits_agree_with_a_freshly_published_state_at_every_moment(necktimer, window,
                                                                          clock):
    window.start_heat()
    for step in (0.4, 0.6, 1, 7.25, 59, 0.999, 0.002, 120, 300, 400.5):
        count_tick(window, clock, step)
        own = window.ring.text, window.ring.fraction
        necktimer.controller.refresh()
        status = necktimer.controller.state.status
        if status.state is not State.RUNNING:
            break
        assert own[0] == window.ring.text == format_countdown(status.remaining), step
        assert abs(own[1] - window.ring.fraction) < 1e-9


def test_setting_the_wall_clock_does_not_move_the_digits(necktimer, window, clock):
    window.start_ice()
    count_tick(window, clock, 10)
    assert window.ring.text == "14:50"
    clock.jump(-3600)  # someone sets the clock back an hour
    window.panel.countdown.tick()
    assert window.ring.text == "14:50"
    clock.jump(7200)
    count_tick(window, clock, 1)
    assert window.ring.text == "14:49"


def test_a_suspend_is_counted_at_the_first_tick_after_it(necktimer, window, clock):
    window.start_ice()
    clock.suspend(6 * 60)  # the lid closed; no timer fired meanwhile
    window.panel.countdown.tick()
    assert window.ring.text == "09:00"


def test_a_hidden_window_does_not_tick_and_catches_up_when_shown(necktimer, window, qtbot,
                                                                 clock):
    window.start_ice()
    window.hide()
    assert window.panel.countdown.next_tick is None
    clock.advance(95)  # nothing ticks, and nothing is published either
    assert window.ring.text == "15:00"
    window.show()
    qtbot.waitExposed(window)
    assert window.ring.text == "13:25"  # the moment it is seen again
    assert window.panel.countdown.next_tick is not None
    window.showMinimized()
    assert window.panel.countdown.next_tick is None


def test_the_countdown_stops_at_zero_and_the_end_is_the_controllers(necktimer, window, clock):
    window.start_ice()
    count_tick(window, clock, 15 * 60 + 3)
    assert window.ring.text == "00:00" and window.ring.fraction == 0.0
    assert window.panel.countdown.next_tick is None  # nothing left to count
    tick(necktimer, clock, 0)  # the controller's end event
    assert window.ring.text == "Off now"
    assert window.panel.countdown.left() is None


def test_a_stopped_session_stops_the_countdown(necktimer, window, clock):
    window.start_ice()
    count_tick(window, clock, 30)
    window.stop()
    assert window.panel.countdown.next_tick is None
    assert window.panel.countdown.left() is None
    ring_text = window.ring.text
    count_tick(window, clock, 1)  # a timer already queued must not bring the digits back
    assert window.ring.text == ring_text != "14:29"
