"""The ring's digits move every second on their own, between the controller's states.

The controller publishes when the sentence's minute changes; each second the
countdown's own timer fires (here: its timeout is emitted, as `helpers.tick`
calls what the controller's timer would).
"""

from datetime import timedelta

from helpers import text_of, tick
from PySide6.QtGui import QColor

from necktimer.core.clock import FakeClock
from necktimer.core.humanize import format_countdown
from necktimer.ui.countdown import Countdown
from necktimer.ui.ring import CountdownRing

BLUE = QColor("#2f7fd1")


def count_tick(countdown: Countdown, clock: FakeClock, seconds: float) -> None:
    """Time passes and the countdown's timer fires (the controller's does not)."""
    clock.advance(seconds)
    countdown._timer.timeout.emit()  # noqa: SLF001 - what its timer does


def lone_countdown(qtbot, clock: FakeClock) -> tuple[Countdown, CountdownRing, list]:
    """A countdown on screen following a 15-minute session, with no controller."""
    ring = CountdownRing()
    qtbot.addWidget(ring)
    countdown = Countdown(ring, clock)
    behind = []
    countdown.behind.connect(lambda: behind.append(clock.boottime()))
    countdown.set_on_screen(True)
    countdown.follow(timedelta(minutes=15), timedelta(minutes=15), BLUE, "Ice · off at 09:15")
    return countdown, ring, behind


def test_each_second_moves_the_digits_and_arc_from_the_boot_clock(qtbot, clock):
    countdown, ring, behind = lone_countdown(qtbot, clock)
    assert ring.text == "15:00"
    for second in range(1, 6):
        count_tick(countdown, clock, 1)
        assert ring.text == format_countdown(timedelta(seconds=900 - second))
        assert abs(ring.fraction - (900 - second) / 900) < 1e-9
        assert timedelta(milliseconds=900) < countdown.next_tick <= timedelta(milliseconds=1005)
    assert ring.caption == "Ice · off at 09:15"
    assert behind == []  # nothing for anyone else to catch up on


def test_the_next_tick_is_planned_for_just_after_the_digits_change(qtbot, clock):
    countdown, ring, _ = lone_countdown(qtbot, clock)
    count_tick(countdown, clock, 0.3)  # 899.7 s left: "15:00" until 899 s
    assert ring.text == "15:00"
    assert timedelta(milliseconds=650) < countdown.next_tick <= timedelta(milliseconds=705)
    timer = countdown._timer  # noqa: SLF001
    assert timer.isSingleShot() and timer.timerType().name == "PreciseTimer"


def test_setting_the_wall_clock_does_not_move_the_digits(qtbot, clock):
    countdown, ring, behind = lone_countdown(qtbot, clock)
    for _second in range(10):
        count_tick(countdown, clock, 1)
    clock.jump(-3600)  # someone sets the clock back an hour
    count_tick(countdown, clock, 0)
    assert ring.text == "14:50"
    clock.jump(7200)
    count_tick(countdown, clock, 1)
    assert ring.text == "14:49"
    assert behind == []


def test_a_suspend_is_shown_at_the_first_tick_after_it_and_reported(qtbot, clock):
    countdown, ring, behind = lone_countdown(qtbot, clock)
    count_tick(countdown, clock, 1)
    clock.suspend(6 * 60)  # the lid closed; no timer fired meanwhile
    count_tick(countdown, clock, 0)
    assert ring.text == "08:59"
    assert len(behind) == 1  # the sentence and the tray are six minutes behind
    count_tick(countdown, clock, 1)
    assert len(behind) == 1


def test_a_hidden_countdown_does_not_tick_and_catches_up_when_shown(qtbot, clock):
    countdown, ring, behind = lone_countdown(qtbot, clock)
    countdown.set_on_screen(False)
    assert countdown.next_tick is None
    clock.advance(95)
    assert ring.text == "15:00"  # nobody sees it: nothing drawn
    countdown.set_on_screen(True)
    assert ring.text == "13:25"  # the moment it is seen again, with no state published
    assert countdown.next_tick is not None
    assert behind == []  # a hidden window's controller kept its own time


def test_at_zero_the_countdown_stops_and_reports_the_end(qtbot, clock):
    countdown, ring, behind = lone_countdown(qtbot, clock)
    count_tick(countdown, clock, 15 * 60 + 0.01)
    assert ring.text == "00:00" and ring.fraction == 0.0
    assert countdown.next_tick is None
    assert len(behind) == 1


def test_a_stopped_countdown_never_brings_its_digits_back(qtbot, clock):
    countdown, ring, _ = lone_countdown(qtbot, clock)
    count_tick(countdown, clock, 30)
    countdown.stop()
    ring.set_state(1.0, QColor("#3c9a5f"), "Ready", "")
    assert countdown.next_tick is None and countdown.left() is None
    count_tick(countdown, clock, 1)  # a timeout already queued does nothing
    assert ring.text == "Ready"


# -- in the window, with the controller ---------------------------------------------------

def test_between_the_controllers_wakes_only_the_ring_moves(necktimer, window, clock):
    window.start_ice()
    assert necktimer.controller.next_wake == timedelta(minutes=1)  # the sentence's minute
    sentence = text_of(window.status_line)
    for _second in range(59):
        count_tick(window.panel.countdown, clock, 1)
    assert window.ring.text == "14:01"
    assert text_of(window.status_line) == sentence == (
        "Ice session running: it ends at 09:15 (in 15 min). Next session allowed at 11:15.")
    tick(necktimer, clock, 1)  # the controller's minute
    assert window.ring.text == "14:00"
    assert "(in 14 min)" in text_of(window.status_line)


def test_the_digits_agree_with_the_service_at_every_moment(necktimer, window, clock):
    """Many seconds after the last publication, the ring still shows what the service's
    own reckoning of the time left would."""
    window.start_heat()
    for step in (0.4, 0.6, 1, 7.25, 0.999, 0.002, 1, 1, 13.5, 2, 0.25, 1):
        count_tick(window.panel.countdown, clock, step)
        remaining = necktimer.controller.status().remaining
        assert window.ring.text == format_countdown(remaining), step
        assert abs(window.ring.fraction - remaining / timedelta(minutes=15)) < 1e-9


def test_a_hidden_window_does_not_tick_and_shows_the_time_when_seen(necktimer, window, qtbot,
                                                                     clock):
    window.start_ice()
    window.hide()
    assert window.panel.countdown.next_tick is None
    clock.advance(95)
    with qtbot.waitExposed(window):
        window.show()
    assert window.ring.text == "13:25"
    assert window.panel.countdown.next_tick is not None
    window.showMinimized()
    assert window.panel.countdown.next_tick is None


def test_the_end_seen_by_the_digits_brings_the_time_up_at_once(necktimer, window, clock):
    """On a desktop with no resume signal the controller's timer may sleep through a
    suspend by up to a minute; the countdown's first tick after it tells the time's up."""
    window.start_ice()
    count_tick(window.panel.countdown, clock, 15 * 60 + 3)
    assert window.ring.text == "Off now"
    assert window.time_up_banner.isVisibleTo(window)
    assert window.panel.countdown.left() is None


def test_a_suspend_seen_by_the_digits_brings_the_sentence_up_to_date(necktimer, window,
                                                                    clock):
    window.start_ice()
    count_tick(window.panel.countdown, clock, 1)
    clock.suspend(6 * 60)
    count_tick(window.panel.countdown, clock, 0)
    assert "(in 9 min)" in text_of(window.status_line)


def test_a_stopped_session_stops_the_countdown(necktimer, window, clock):
    window.start_ice()
    count_tick(window.panel.countdown, clock, 30)
    window.stop()
    assert window.panel.countdown.next_tick is None
    assert window.panel.countdown.left() is None
    ring_text = window.ring.text
    count_tick(window.panel.countdown, clock, 1)
    assert window.ring.text == ring_text != "14:29"
