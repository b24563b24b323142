"""The safety rules as pure functions of a history and a time."""

from datetime import timedelta

import pytest
from helpers import T0

from necktimer.core import rules
from necktimer.core.rules import EndReason, Session, State, Therapy


def session(id=1, start=T0, minutes=15, ended=None, reason=None, therapy=Therapy.ICE,
            removed=None):
    return Session(id, therapy, start, start + timedelta(minutes=minutes), ended, reason,
                   removed)


def test_no_history_is_ready():
    status = rules.evaluate([], T0)
    assert status.state is State.READY
    assert rules.may_start(status).allowed
    assert status.sentence() == "Ready: you may start an ice or heat session now."


def test_running_session_counts_down_from_its_start():
    status = rules.evaluate([session()], T0 + timedelta(minutes=5))
    assert status.state is State.RUNNING
    assert status.remaining == timedelta(minutes=10)
    assert status.therapy is Therapy.ICE
    assert status.ends_at == T0 + timedelta(minutes=15)


def test_session_ends_by_itself_at_its_planned_end():
    status = rules.evaluate([session()], T0 + timedelta(minutes=15))
    assert status.state is State.WAITING
    assert status.wait == timedelta(hours=2)


def test_the_gap_waits_for_the_pack_to_come_off():
    history = [session(ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED)]
    at = T0 + timedelta(minutes=50)  # time's up 35 minutes ago; nobody said the pack is off
    status = rules.evaluate(history, at)
    assert status.state is State.WAITING and status.awaiting_removal
    assert status.wait == timedelta(hours=2)
    assert status.next_allowed_at == at + timedelta(hours=2)
    assert status.sentence() == ("Next session allowed 2 h after the pack comes off "
                                 "(at 11:50 if it is off now).")
    # Hours later it is still waiting: the skin has not begun its rest.
    assert not rules.may_start(rules.evaluate(history, at + timedelta(hours=3))).allowed


def test_a_pack_taken_off_late_starts_the_gap_when_it_came_off():
    end = T0 + timedelta(minutes=15)
    history = [session(ended=end, reason=EndReason.COMPLETED,
                       removed=end + timedelta(minutes=45))]
    at = end + timedelta(hours=2)  # two hours after the end, 75 minutes after removal
    status = rules.evaluate(history, at)
    assert status.state is State.WAITING and not status.awaiting_removal
    assert status.next_allowed_at == end + timedelta(hours=2, minutes=45)
    assert rules.may_start(rules.evaluate(history, at + timedelta(minutes=45))).allowed


def test_confirming_is_late_from_two_minutes_after_the_end():
    end = T0 + timedelta(minutes=15)
    running = session()
    assert rules.late_end(running, end - timedelta(minutes=5)) is None
    assert rules.late_end(running, end + timedelta(seconds=119)) is None
    assert rules.late_end(running, end + rules.LATE_CONFIRMATION) == end


def test_a_stopped_session_does_not_wait_for_removal():
    history = [session(ended=T0 + timedelta(minutes=5), reason=EndReason.STOPPED)]
    status = rules.evaluate(history, T0 + timedelta(minutes=6))
    assert not status.awaiting_removal
    assert status.next_allowed_at == T0 + timedelta(minutes=5, hours=2)


def test_an_unconfirmed_session_does_not_lock_out_forever():
    end = T0 + timedelta(minutes=15)
    history = [session(ended=end, reason=EndReason.COMPLETED)]
    before = rules.evaluate(history, end + rules.PACK_WATCH - timedelta(seconds=1))
    assert before.awaiting_removal
    # Half a day on, the pack is taken as off then, not at the end: the gap follows, and
    # the time it names moves on without a jump (not confirming never lifts it early).
    later = rules.evaluate(history, end + rules.PACK_WATCH)
    assert later.state is State.WAITING and not later.awaiting_removal
    assert later.next_allowed_at == end + rules.PACK_WATCH + timedelta(hours=2)
    assert abs(later.next_allowed_at - before.next_allowed_at) <= timedelta(seconds=1)
    assert rules.evaluate(history, later.next_allowed_at).state is State.READY
    assert rules.gap_start(history[0], later.now) == end + rules.PACK_WATCH


def test_only_the_latest_session_waits_for_removal():
    # An old session nobody confirmed, then a newer one stopped by hand.
    later = T0 + timedelta(hours=3)
    history = [session(id=1, ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED),
               session(id=2, start=later, ended=later + timedelta(minutes=10),
                       reason=EndReason.STOPPED)]
    status = rules.evaluate(history, T0 + timedelta(hours=4))
    assert not status.awaiting_removal
    assert status.next_allowed_at == T0 + timedelta(hours=5, minutes=10)


def test_refusal_while_running_names_the_allowed_time():
    status = rules.evaluate([session()], T0 + timedelta(minutes=3))
    decision = rules.may_start(status)
    assert not decision.allowed
    # ends 09:15 local, gap of 2 h
    assert decision.allowed_at == T0 + timedelta(minutes=15, hours=2)
    assert "Next session allowed at 11:15 (in 2 h 12 min)." in decision.reason


def test_gap_after_completed_session():
    end = T0 + timedelta(minutes=15)
    history = [session(ended=end, reason=EndReason.COMPLETED, removed=end)]
    at = T0 + timedelta(minutes=15) + timedelta(hours=1, minutes=42)
    decision = rules.may_start(rules.evaluate(history, at))
    assert not decision.allowed
    assert decision.reason.endswith("Next session allowed at 11:15 (in 18 min).")
    later = rules.evaluate(history, T0 + timedelta(minutes=15, hours=2))
    assert rules.may_start(later).allowed


def test_gap_follows_a_stopped_session_from_when_it_stopped():
    history = [session(ended=T0 + timedelta(minutes=5), reason=EndReason.STOPPED)]
    status = rules.evaluate(history, T0 + timedelta(minutes=6))
    assert status.state is State.WAITING
    assert status.next_allowed_at == T0 + timedelta(minutes=5, hours=2)


def test_cancelled_session_starts_no_gap():
    history = [session(ended=T0 + timedelta(seconds=30), reason=EndReason.CANCELLED)]
    assert rules.evaluate(history, T0 + timedelta(seconds=31)).state is State.READY


def test_cancelled_session_does_not_hide_an_earlier_gap():
    history = [
        session(1, ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED),
        session(2, start=T0 + timedelta(minutes=20), ended=T0 + timedelta(minutes=20, seconds=5),
                reason=EndReason.CANCELLED),
    ]
    status = rules.evaluate(history, T0 + timedelta(minutes=30))
    assert status.state is State.WAITING
    assert status.next_allowed_at == T0 + timedelta(minutes=15, hours=2)


def test_stop_reason_grace_boundary():
    s = session()
    assert rules.stop_reason(s, T0 + timedelta(seconds=59.9)) is EndReason.CANCELLED
    assert rules.stop_reason(s, T0 + timedelta(seconds=60)) is EndReason.STOPPED


@pytest.mark.parametrize("minutes", [0, 16, -1, 100])
def test_lengths_outside_1_to_15_are_rejected(minutes):
    with pytest.raises(ValueError, match="1 to 15 minutes"):
        rules.check_minutes(minutes)


@pytest.mark.parametrize("minutes", [1, 7, 15])
def test_lengths_1_to_15_are_accepted(minutes):
    assert rules.check_minutes(minutes) == minutes


def test_a_row_planned_longer_than_the_cap_still_shows_at_most_15_minutes():
    # An edited or corrupt record must not stretch a countdown.
    long = Session(1, Therapy.HEAT, T0, T0 + timedelta(hours=3))
    status = rules.evaluate([long], T0 + timedelta(seconds=1))
    assert status.remaining <= rules.CAP


def test_clock_a_little_before_the_start_never_gives_more_than_the_session_length():
    status = rules.evaluate([session(minutes=10)], T0 - timedelta(seconds=1))
    assert status.state is State.RUNNING
    assert status.remaining == timedelta(minutes=10)


def test_a_session_that_starts_later_than_now_is_over_now_and_awaits_the_pack():
    """Recorded as starting an hour (or decades) from now, by a process with a shifted
    clock or in an edited file: counted from its start it had its whole length left at
    every reading and never ended. It is over, and the gap waits for the pack."""
    # 55 s ahead ran 15 min 55 s (an outside tester): no more than 2 s is let through.
    for ahead in (timedelta(seconds=3), timedelta(seconds=55), timedelta(hours=1),
                  timedelta(days=365 * 57)):
        now = T0 - ahead
        status = rules.evaluate([session(minutes=10)], now)
        assert status.state is State.WAITING and status.awaiting_removal
        assert status.session.end_at(now) == now
        assert not rules.may_start(status).allowed


def test_clock_set_back_during_the_gap_never_lengthens_wait_past_the_gap():
    history = [session(ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED)]
    status = rules.evaluate(history, T0 - timedelta(hours=5))
    assert status.wait == timedelta(hours=2)


def test_longer_gap_setting_is_used_and_shorter_is_clamped():
    history = [session(ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED)]
    end = T0 + timedelta(minutes=15)
    assert rules.evaluate(history, end, gap=timedelta(hours=3)).wait == timedelta(hours=3)
    assert rules.evaluate(history, end, gap=timedelta(minutes=10)).wait == timedelta(hours=2)


def cancelled(id, start, seconds):
    return session(id, start=start, ended=start + timedelta(seconds=seconds),
                   reason=EndReason.CANCELLED)


def test_mis_starts_count_toward_the_cycle_cap():
    history = [cancelled(1, T0, 6)]
    status = rules.evaluate(history, T0 + timedelta(seconds=10))
    assert status.state is State.READY
    assert status.cycle_left == timedelta(minutes=14, seconds=54)
    assert status.shortened
    assert "at most 14 min 54 s" in status.sentence()
    decision = rules.may_start(status)
    assert decision.allowed and decision.longest == timedelta(minutes=14, seconds=54)
    assert rules.planned_length(timedelta(minutes=15), decision) == decision.longest


def test_chained_mis_starts_cannot_add_up_past_the_cap():
    # 58 s on, stop, start again... as the attacker did: the cycle runs out.
    history, start = [], T0
    for index in range(16):
        history.append(cancelled(index + 1, start, 58))
        start += timedelta(seconds=59)
    status = rules.evaluate(history, start)
    assert status.state is State.WAITING  # 15 × 58 s > 14 min 55 s: the gap follows
    assert status.next_allowed_at == history[-1].ended_at + rules.MIN_GAP


def test_a_full_gap_without_application_starts_a_fresh_cycle():
    history = [cancelled(1, T0, 50)]
    later = T0 + timedelta(seconds=50) + rules.MIN_GAP
    assert rules.evaluate(history, later).cycle_left == rules.CAP


def test_a_counted_session_ends_the_cycle_of_earlier_mis_starts():
    history = [cancelled(1, T0, 50),
               session(2, start=T0 + timedelta(minutes=1), ended=T0 + timedelta(minutes=16),
                       reason=EndReason.COMPLETED)]
    after_gap = T0 + timedelta(minutes=16) + rules.MIN_GAP
    assert rules.evaluate(history, after_gap).cycle_left == rules.CAP


def test_lost_history_is_never_taken_as_never():
    status = rules.evaluate([], T0, history_lost=True)
    assert status.state is State.UNKNOWN
    decision = rules.may_start(status)
    assert not decision.allowed
    assert "when the last pack came off" in decision.reason


def test_a_known_gap_answers_the_question_even_when_the_history_was_lost():
    history = [session(ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED)]
    status = rules.evaluate(history, T0 + timedelta(minutes=30), history_lost=True)
    assert status.state is State.WAITING


def test_actual_length_is_one_rule_for_every_view():
    stopped = session(ended=T0 + timedelta(minutes=4), reason=EndReason.STOPPED)
    assert stopped.actual_length == timedelta(minutes=4)
    overlong = session(minutes=5, ended=T0 + timedelta(minutes=50), reason=EndReason.COMPLETED)
    assert overlong.actual_length == timedelta(minutes=5)  # never past the planned end
    assert session().actual_length is None  # still running


@pytest.mark.parametrize(("left", "offered"), [
    (timedelta(minutes=15), 15),
    (timedelta(minutes=14, seconds=54), 14),  # a 6 s mis-start: 14 whole minutes
    (timedelta(seconds=30), 1),  # less than a minute left: a start is cut to it anyway
])
def test_the_longest_length_offered_is_the_whole_minutes_left(left, offered):
    status = rules.Status(State.READY, T0, cycle_left=left)
    assert status.longest_minutes == offered
