"""One timer for the next thing due; none when nothing is pending."""

from datetime import timedelta

from helpers import T0

from necktimer.core.humanize import format_duration
from necktimer.core.rules import Session, State, Status, Therapy
from necktimer.core.schedule import Plan, next_wake

SESSION = Session(1, Therapy.ICE, T0, T0 + timedelta(minutes=15))


def running(remaining_s):
    return Status(State.RUNNING, T0, SESSION, remaining=timedelta(seconds=remaining_s))


def waiting(wait_s):
    return Status(State.WAITING, T0, SESSION, wait=timedelta(seconds=wait_s))


def test_nothing_pending_means_no_timer():
    assert next_wake(Status(State.READY, T0), Plan()) is None


def test_hidden_session_wakes_only_at_the_heads_up_and_the_end():
    assert next_wake(running(600), Plan(heads_up_pending=True)) == timedelta(seconds=540)
    assert next_wake(running(600), Plan()) == timedelta(seconds=600)


def test_a_visible_window_wakes_when_its_sentence_changes_not_every_second():
    # "ends in 10 min" until 540 s are left: the ring's digits tick on their own.
    assert next_wake(running(599.3), Plan(window_visible=True)) == timedelta(seconds=59.3)
    assert next_wake(running(60.4), Plan(window_visible=True)) == timedelta(seconds=0.4)
    # The last minute reads "in 59 s", "in 58 s"…: then every second.
    assert next_wake(running(60), Plan(window_visible=True)) == timedelta(seconds=1)
    assert next_wake(running(42.25), Plan(window_visible=True)) == timedelta(seconds=0.25)
    # The same for the gap's sentence.
    assert next_wake(waiting(3010), Plan(window_visible=True)) == timedelta(seconds=10)
    assert next_wake(waiting(59.5), Plan(window_visible=True)) == timedelta(seconds=0.5)


def test_the_window_wakes_exactly_when_the_sentence_would_read_differently():
    for left in (900, 845.5, 600.001, 121, 61, 60.5, 60, 59.999, 30.2, 1.5, 0.7):
        wake = next_wake(running(left), Plan(window_visible=True))
        before = format_duration(timedelta(seconds=left) - wake + timedelta(milliseconds=1))
        after = format_duration(timedelta(seconds=left) - wake)
        assert before == format_duration(timedelta(seconds=left)), left
        assert after != before, left


def test_the_tray_wakes_when_its_minutes_change():
    assert next_wake(running(425), Plan(tray=True)) == timedelta(seconds=5)


def test_the_gap_wakes_only_when_someone_is_told():
    assert next_wake(waiting(3000), Plan()) is None
    assert next_wake(waiting(3000), Plan(gap_watched=True)) == timedelta(seconds=3000)
    assert next_wake(waiting(3000), Plan(tray=True)) == timedelta(seconds=300)  # 5-min steps
    assert next_wake(waiting(3010), Plan(tray=True)) == timedelta(seconds=10)


def test_reminder_repeats_and_undo_and_retry_are_events():
    status = Status(State.WAITING, T0, SESSION, wait=timedelta(hours=2))
    plan = Plan(next_reminder_at=T0 + timedelta(seconds=42))
    assert next_wake(status, plan) == timedelta(seconds=42)
    assert next_wake(status, Plan(undo_until=T0 + timedelta(seconds=7))) == timedelta(seconds=7)
    assert next_wake(status, Plan(retry_at=T0 + timedelta(seconds=2))) == timedelta(seconds=2)


def test_a_shown_undo_offer_wakes_each_second_a_hidden_one_only_at_its_end():
    status = Status(State.WAITING, T0, SESSION, wait=timedelta(hours=2))
    until = T0 + timedelta(seconds=7.25)
    assert next_wake(status, Plan(undo_until=until)) == timedelta(seconds=7.25)
    # The banner counts the seconds down: it reads "8 seconds" until 7 s are left.
    shown = Plan(undo_until=until, window_visible=True)
    assert next_wake(status, shown) == timedelta(seconds=0.25)


def test_without_a_resume_signal_a_pack_on_is_checked_each_minute():
    assert next_wake(running(600), Plan(resume_signal=False)) == timedelta(minutes=1)


def test_tomorrow_leaves_the_allowed_time_at_midnight_not_up_to_a_step_later():
    """"02:00 tomorrow" stood for up to a minute into the new day (five in the tray):
    the sentence was only redrawn when its minutes changed."""
    before_midnight = T0.replace(hour=22, minute=59, second=30)  # 23:59:30 local
    gap = Status(State.WAITING, before_midnight, SESSION, wait=timedelta(hours=2))
    assert next_wake(gap, Plan(window_visible=True)) == timedelta(seconds=30)
    assert next_wake(gap, Plan(tray=True)) == timedelta(seconds=30)
    assert next_wake(gap, Plan(gap_watched=True)) == timedelta(hours=2)  # nothing shown
    on = Status(State.RUNNING, before_midnight, SESSION, remaining=timedelta(minutes=10))
    assert next_wake(on, Plan(tray=True)) == timedelta(seconds=30)
    # A gap that ends today has no day in its words, and no midnight wake.
    assert next_wake(waiting(7200), Plan(tray=True)) == timedelta(seconds=300)


def test_the_time_if_the_pack_is_off_now_changes_as_each_minute_turns():
    """"(at 11:31 if it is off now)" moves with the clock; the window woke with the gap's
    fixed length instead and read a minute behind a terminal asking at the same moment."""
    from necktimer.core.i18n import allowed_time

    for seconds_in in (0.0, 0.02, 25.5, 57, 59.999):
        now = T0 + timedelta(minutes=30, seconds=seconds_in)
        status = Status(State.WAITING, now, SESSION, wait=timedelta(hours=2),
                        awaiting_removal=True)
        wake = next_wake(status, Plan(window_visible=True))
        shown = allowed_time(status.next_allowed_at, now)
        later = now + wake + timedelta(milliseconds=1)
        assert allowed_time(later + timedelta(hours=2), later) != shown, seconds_in
        if wake > timedelta(milliseconds=2):
            just_before = now + wake - timedelta(milliseconds=1)
            assert allowed_time(just_before + timedelta(hours=2), just_before) == shown
    hidden = Status(State.WAITING, T0, SESSION, wait=timedelta(hours=2), awaiting_removal=True)
    assert next_wake(hidden, Plan()) is None  # nobody sees it: nothing to wake for
