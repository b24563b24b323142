"""The controller's own timer follows the wake-up plan: often when seen, rarely when hidden."""

from datetime import timedelta

from necktimer.core.settings import Settings


def test_wake_ups_follow_what_is_visible_and_pending(necktimer, window, clock):
    controller = necktimer.controller
    assert controller.next_wake is None  # ready, nothing pending: no timer at all
    window.start_ice()
    assert controller.next_wake == timedelta(seconds=1)  # a countdown on screen
    window.hide()
    assert controller.next_wake == timedelta(seconds=5)  # hidden, but a session runs
    clock.advance(15 * 60)
    controller.refresh()
    assert controller.next_wake <= timedelta(minutes=1)  # the repeat of the reminder
    controller.acknowledge_removal()
    assert controller.next_wake == timedelta(minutes=1)  # only the gap-over reminder left
    clock.advance(2 * 3600)
    controller.refresh()
    assert controller.next_wake is None  # gap over and told: sleep


def test_no_wake_ups_for_the_gap_when_its_reminder_is_off(necktimer, window, clock):
    off, _ = Settings().replace(gap_reminder=False)
    necktimer.apply_settings(off)
    window.start_heat()
    window.hide()
    clock.advance(5 * 60)
    window.controller.stop()
    assert necktimer.controller.next_wake is None
