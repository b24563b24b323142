"""The safety rules as pure functions of a history and a time."""

from datetime import timedelta

import pytest
from helpers import LOCAL, T0

from necktimer.core import rules
from necktimer.core.rules import EndReason, Session, State, Therapy


def session(id=1, start=T0, minutes=15, ended=None, reason=None, therapy=Therapy.ICE):
    return Session(id, therapy, start, start + timedelta(minutes=minutes), ended, reason)


def test_no_history_is_ready():
    status = rules.evaluate([], T0)
    assert status.state is State.READY
    assert rules.may_start(status).allowed
    assert status.sentence(LOCAL) == "Ready: you may start an ice or heat session now."


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


def test_refusal_while_running_names_the_allowed_time():
    status = rules.evaluate([session()], T0 + timedelta(minutes=3))
    decision = rules.may_start(status, LOCAL)
    assert not decision.allowed
    # ends 09:15 local, gap of 2 h
    assert decision.allowed_at == T0 + timedelta(minutes=15, hours=2)
    assert "Next session allowed at 11:15 — in 2 h 12 min." in decision.reason


def test_gap_after_completed_session():
    history = [session(ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED)]
    at = T0 + timedelta(minutes=15) + timedelta(hours=1, minutes=42)
    decision = rules.may_start(rules.evaluate(history, at), LOCAL)
    assert not decision.allowed
    assert decision.reason.endswith("Next session allowed at 11:15 — in 18 min.")
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


def test_clock_before_the_start_never_gives_more_than_the_session_length():
    status = rules.evaluate([session(minutes=10)], T0 - timedelta(hours=1))
    assert status.state is State.RUNNING
    assert status.remaining == timedelta(minutes=10)


def test_clock_set_back_during_the_gap_never_lengthens_wait_past_the_gap():
    history = [session(ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED)]
    status = rules.evaluate(history, T0 - timedelta(hours=5))
    assert status.wait == timedelta(hours=2)


def test_longer_gap_setting_is_used_and_shorter_is_clamped():
    history = [session(ended=T0 + timedelta(minutes=15), reason=EndReason.COMPLETED)]
    end = T0 + timedelta(minutes=15)
    assert rules.evaluate(history, end, gap=timedelta(hours=3)).wait == timedelta(hours=3)
    assert rules.evaluate(history, end, gap=timedelta(minutes=10)).wait == timedelta(hours=2)
