"""The controller: one published state, one timer for the next thing due, one-off effects."""

from datetime import timedelta

from helpers import nothing_can_grow, rows, settings_on_disk, text_of, tick
from PySide6.QtCore import Qt, QTimer

from necktimer.core.alerts import Kind
from necktimer.core.rules import State, Therapy


def collect(signal):
    seen = []
    signal.connect(lambda *args: seen.append(args[0] if len(args) == 1 else args))
    return seen


def test_wake_ups_follow_what_is_visible_and_pending(necktimer, window, clock):
    controller = necktimer.controller
    controller.set_resume_signal(True)  # a desktop whose logind announces resume
    assert controller.next_wake is None  # ready, nothing pending: no timer at all
    window.start_ice()
    # On screen, the sentence's minutes: the ring's digits tick on their own timer.
    assert controller.next_wake == timedelta(minutes=1)
    assert window.panel.countdown.next_tick is not None
    window.hide()
    assert window.panel.countdown.next_tick is None
    assert controller.next_wake == timedelta(minutes=14)  # hidden: the heads-up is next
    tick(necktimer, clock, 14 * 60)
    assert controller.next_wake == timedelta(minutes=1)  # the end
    tick(necktimer, clock, 60)
    assert controller.next_wake == timedelta(minutes=1)  # the reminder's repeat
    controller.acknowledge_removal()
    assert controller.next_wake == timedelta(hours=2)  # only the gap-over reminder left
    tick(necktimer, clock, 2 * 3600)
    assert controller.next_wake is None  # gap over and told: sleep


def test_without_a_resume_signal_a_pack_on_is_checked_each_minute(necktimer, window, clock):
    window.start_ice()
    window.hide()
    assert necktimer.controller.next_wake == timedelta(minutes=1)


def test_no_wake_ups_for_the_gap_when_its_reminder_is_off(necktimer, window, clock,
                                                         settings_file):
    settings_file.update(gap_reminder=False)
    window.start_heat()
    window.hide()
    clock.advance(5 * 60)
    necktimer.controller.stop()
    tick(necktimer, clock, 11)  # the undo offer ran out
    assert necktimer.controller.next_wake is None


def test_one_state_published_per_request(necktimer, window):
    states = collect(necktimer.controller.stateChanged)
    window.start_ice()
    assert len(states) == 1 and states[0].status.state is State.RUNNING
    assert states[0].message.startswith("Ice session started")


def test_a_start_from_anywhere_shows_its_message_in_the_window(necktimer, window):
    necktimer.controller.start(Therapy.HEAT, 5)  # the tray or the command line
    assert text_of(window.message_line).startswith("Heat session started")


def test_reminders_repeat_each_minute_until_removed(necktimer, window, clock):
    alerts = collect(necktimer.controller.alert)
    window.start_ice()
    window.hide()
    tick(necktimer, clock, 15 * 60)
    tick(necktimer, clock, 30)
    tick(necktimer, clock, 30)
    time_up = [a for a in alerts if a.kind is Kind.TIME_UP]
    assert [a.body.startswith("Reminder 2:") for a in time_up] == [False, True]
    withdrawn = collect(necktimer.controller.alertWithdrawn)
    necktimer.controller.acknowledge_removal()
    assert withdrawn == [Kind.TIME_UP]
    tick(necktimer, clock, 60)
    assert len([a for a in alerts if a.kind is Kind.TIME_UP]) == 2


def test_a_one_minute_session_gets_no_heads_up(necktimer, window, clock):
    """Its ring read "1 minute left — get ready" from its very first second."""
    alerts = collect(necktimer.controller.alert)
    assert necktimer.controller.start(Therapy.ICE, 1).ok
    tick(necktimer, clock, 1)
    assert not necktimer.controller.state.heads_up
    assert window.ring.caption.startswith("Ice · off at")
    assert Kind.HEADS_UP not in [a.kind for a in alerts]


def test_heads_up_one_minute_before_the_end_can_be_switched_off(necktimer, window, clock,
                                                                 settings_file):
    alerts = collect(necktimer.controller.alert)
    window.start_ice()
    tick(necktimer, clock, 14 * 60)
    assert [a.kind for a in alerts] == [Kind.HEADS_UP]
    assert necktimer.controller.state.heads_up
    assert window.ring.caption == "1 minute left — get ready"
    tick(necktimer, clock, 60)
    necktimer.controller.acknowledge_removal()
    tick(necktimer, clock, 2 * 3600)
    settings_file.update(heads_up=False)
    alerts.clear()
    window.start_heat()
    tick(necktimer, clock, 14 * 60)
    assert Kind.HEADS_UP not in [a.kind for a in alerts]


def test_banners_follow_the_state_and_are_never_left_behind(necktimer, window, clock,
                                                            settings_file):
    """The stale banners of the daily-use issue: ignore "Done", wait two hours, start heat."""
    settings_file.update(gap_reminder=False)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    assert window.time_up_banner.isVisible()
    assert not window.removed_at_end.isVisible()  # "Done" says it all, on time
    assert window.removed_now.text() == "Done — &removed"
    tick(necktimer, clock, 2 * 3600)  # "Done — removed" ignored all along
    # The pack may still be on: no new session, and the gap waits for it to come off.
    assert not window.start_heat().ok
    assert window.time_up_banner.isVisible()
    # Late, the banner offers the truth if the pack came off at the end.
    assert window.removed_at_end.isVisible()
    assert window.removed_at_end.text() == "It came off &at 09:15"
    # Beside it, "Done" says when the pack came off: now
    assert window.removed_now.text() == "Done — &removed now"
    assert window.removed_now.accessibleName() == "Done — removed now"
    window.removed_at_end.click()
    assert window.start_heat().ok  # the gap ran from 09:15
    assert not window.time_up_banner.isVisible()
    assert not window.gap_banner.isVisible()
    assert not window.removed_action.isEnabled()


def test_the_gap_over_banner_goes_when_the_next_session_starts(necktimer, window, clock):
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    tick(necktimer, clock, 2 * 3600)
    assert window.gap_banner.isVisible()
    window.start_heat()
    assert not window.gap_banner.isVisible()


def test_the_pain_question_is_asked_once_after_and_goes_when_it_no_longer_applies(
        necktimer, window, clock, settings_file):
    window.start_ice()
    assert not window.pain_prompt.isVisible()  # by default, only after the session
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    assert window.pain_prompt.isVisible()
    assert "pack is off" in window.pain_prompt.question.text()
    window.pain_prompt.buttons[3].click()
    assert not window.pain_prompt.isVisible()
    settings_file.update(ask_pain_before=True)
    tick(necktimer, clock, 2 * 3600)
    window.start_heat()
    assert "before the pack went on" in window.pain_prompt.question.text()
    tick(necktimer, clock, 15 * 60)
    assert not window.pain_prompt.isVisible()  # "before" no longer applies after time's up


def test_pain_prompts_can_be_switched_off(necktimer, window, clock, settings_file):
    settings_file.update(diary_prompts=False, ask_pain_before=True)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    assert not window.pain_prompt.isVisible()


def test_a_write_that_fails_is_reported_once_and_retried(necktimer, window, clock, data_dir):
    import sqlite3

    window.start_ice()
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    necktimer.service.set_busy_timeout(0.05)
    tick(necktimer, clock, 15 * 60)
    assert window.time_up_banner.isVisible()  # the reminder never waits for the write
    assert window.problem_banner.isVisible()
    assert "Another program" in window.problem_banner.label.text()
    assert necktimer.controller.next_wake <= timedelta(seconds=2)  # a retry is planned
    holder.close()
    tick(necktimer, clock, 2)
    assert not window.problem_banner.isVisible()


def test_a_one_week_check_on_a_locked_history_is_one_line_not_a_traceback(
        necktimer, window, clock, data_dir, caplog):
    import logging
    import sqlite3

    window.start_ice()
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    necktimer.service.set_busy_timeout(0.05)
    caplog.set_level(logging.WARNING, logger="necktimer.controller")
    tick(necktimer, clock, 15 * 60)  # the end runs the check again
    holder.close()
    [said] = [r for r in caplog.records if "one-week check" in r.getMessage()]
    assert said.exc_info is None
    assert said.getMessage().startswith("the one-week check could not read the history "
                                        "(Another program"), said.getMessage()
    assert window.time_up_banner.isVisible()


def test_a_button_whose_write_fails_is_retried_soon_not_at_the_next_event(
        necktimer, window, clock, data_dir):
    """Done pressed while another program held the history: the retry waited for the
    next event (the end of the gap, two hours off), and the banner stayed all along."""
    import sqlite3

    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    necktimer.service.set_busy_timeout(0.05)
    necktimer.controller.acknowledge_removal()
    assert window.problem_banner.isVisible()
    assert necktimer.controller.next_wake <= timedelta(seconds=2)  # a retry is planned
    holder.close()
    tick(necktimer, clock, 2)
    assert not window.problem_banner.isVisible()
    assert rows(data_dir)[0]["removed_at"] is not None


def test_settings_the_file_could_not_take_are_retried_and_the_banner_goes_with_the_problem(
        necktimer, window, clock, data_dir):
    """A gap set to 4 h on a full disk: the banner said the settings could not be saved,
    and it stayed after the disk had room again and the file held them (at quit)."""
    longer, _warnings = necktimer.settings.current.replace(gap_minutes=240)
    with nothing_can_grow():
        necktimer.apply_settings(longer)
        assert "The settings could not be saved" in window.problem_banner.label.text()
        assert necktimer.controller.next_wake <= timedelta(seconds=2)  # a retry is planned
        tick(necktimer, clock, 2)  # still no room: tried again, and said once only
        assert window.problem_banner.isVisible()
        assert necktimer.controller.next_wake <= timedelta(seconds=4)  # backing off
    assert settings_on_disk(data_dir, "gap_minutes") != "240"  # the file still lacks them
    tick(necktimer, clock, 4)
    assert not window.problem_banner.isVisible()
    assert settings_on_disk(data_dir, "gap_minutes") == "240"
    assert necktimer.controller.unsaved() is None
    assert necktimer.controller.next_wake is None  # no more retries: idle again


def test_timers_of_the_controller_are_only_one(necktimer, window):
    window.start_ice()
    timers = [t for t in necktimer.controller.findChildren(QTimer) if t.isActive()]
    assert len(timers) == 1


def test_a_window_shown_after_the_end_before_the_timer_fires_still_says_pack_off(
        necktimer, window, qtbot, clock):
    """Any publication first handles what fell due: showing the window just after a
    session's end (its timer a little late) must not skip the time's-up reminder."""
    told = collect(necktimer.controller.alert)
    window.start_ice()
    window.hide()
    clock.advance(15 * 60 + 0.3)  # the end has passed; the controller's timer has not fired
    with qtbot.waitExposed(window):
        window.show()
    assert necktimer.controller.state.reminder is not None
    assert window.ring.text == "Off now"
    assert window.time_up_banner.isVisible()
    assert [alert.kind for alert in told] == [Kind.TIME_UP]


def test_the_timer_is_precise_for_long_waits_too(necktimer, window):
    """Qt rounds coarse waits of 20 s or more to whole seconds: a session's end would be
    told late, and the sentence would change out of step with the ring's digits."""
    necktimer.controller.set_resume_signal(True)
    window.start_ice()
    window.hide()
    timer = necktimer.controller._timer  # noqa: SLF001
    assert necktimer.controller.next_wake == timedelta(minutes=14)
    assert timer.timerType() is Qt.TimerType.PreciseTimer


def test_a_clock_set_back_while_hidden_does_not_swallow_the_heads_up(necktimer, window, clock):
    """When the timer fires, whether its event is due is judged on the boot clock: with
    the wall clock set back an hour, the heads-up still goes out, and on time."""
    controller = necktimer.controller
    controller.set_resume_signal(True)
    told = collect(controller.alert)
    window.start_ice()
    window.hide()
    clock.jump(-3600)  # someone sets the clock back; nothing is published meanwhile
    clock.advance(14 * 60 + 0.01)
    controller._timer.timeout.emit()  # noqa: SLF001 - its timer fires for the heads-up
    assert [alert.kind for alert in told] == [Kind.HEADS_UP]
    clock.jump(7200)  # and set forward: nothing falls due early
    window.show()
    assert [alert.kind for alert in told] == [Kind.HEADS_UP]
    window.hide()


def test_tomorrow_leaves_the_window_at_midnight(necktimer, window, clock):
    """The sentence was redrawn only when its minutes changed: "tomorrow" stood for up to a
    minute of the new day."""
    clock.advance(12 * 3600 + 50 * 60 + 30)  # 21:50:30
    window.start_ice()
    tick(necktimer, clock, 15 * 60)  # the pack comes off at 22:05:30
    necktimer.controller.acknowledge_removal()
    tick(necktimer, clock, 3600 + 54 * 60)  # 23:59:30
    assert "Next session allowed at 00:06 tomorrow" in text_of(window.status_line)
    assert necktimer.controller.next_wake == timedelta(seconds=30)  # midnight, not 23:59:30+60
    tick(necktimer, clock, 30)
    assert "Next session allowed at 00:06 (in 6 min)" in text_of(window.status_line)


def test_the_late_removal_offer_says_yesterday_after_midnight(necktimer, window, clock):
    clock.advance(14 * 3600 + 35 * 60)  # 23:35
    window.start_heat()
    tick(necktimer, clock, 85 * 60)  # 01:00: it ended at 23:50, the pack is still on
    assert window.removed_at_end.text() == "It came off &at 23:50 yesterday"


def test_a_record_copy_that_cannot_be_written_is_shown_until_dismissed(
        qapp, data_dir, clock, settings_file, chime, backstop, tmp_path):
    from necktimer.core.service import SessionService
    from necktimer.ui.app import Necktimer

    state = tmp_path / "state"
    state.write_text("a file where the state folder should be")
    service = SessionService.open(data_dir, clock, settings_file,
                                  mirror_folder=state / "records")
    instance = Necktimer(service, settings_file, tray_available=False, dbus_address=None,
                         system_bus=None, chime=chime, arm_backstop=backstop,
                         arm_ahead=backstop.arm_ahead)
    try:
        instance.start()
        assert instance.controller.start(Therapy.ICE, 5).ok
        [notice] = instance.controller.state.notices
        assert "spare copy of the safety record could not be written" in notice
        assert instance.window.notice_banner.isVisibleTo(instance.window)
        instance.controller.dismiss_notices()
        assert instance.controller.state.notices == ()
        tick(instance, clock, 60)
        assert instance.controller.state.notices == ()  # dismissed stays dismissed
        state.unlink()
        tick(instance, clock, 5 * 60)  # the end: written again, copy and all
        assert service.copy_problem is None
    finally:
        instance.shutdown()
