"""Starting, stopping and recovering sessions through the one service, with a fake clock."""

from datetime import datetime, timedelta

import pytest
from helpers import LOCAL, T0

from necktimer.core.clock import FakeClock
from necktimer.core.rules import EndReason, State, Therapy
from necktimer.core.service import SessionService
from necktimer.core.settings import Settings
from necktimer.core.store import Store


def reopen(data_dir, clock):
    """What a restart does: a new connection and a new service on the same file."""
    return SessionService(Store.open(data_dir).store, clock, Settings, LOCAL)


def test_start_is_written_before_the_countdown_starts(service, data_dir, clock):
    outcome = service.start(Therapy.ICE, 10)
    assert outcome.ok
    assert outcome.message == "Ice session started: take the ice pack off at 09:10 (in 10 min)."
    # A second, independent connection sees the row at once: it was committed.
    other = Store.open(data_dir).store
    [row] = other.all_sessions()
    assert row.therapy is Therapy.ICE and row.started_at == T0 and row.ended_at is None
    assert row.planned_end == T0 + timedelta(minutes=10)


def test_session_completes_by_itself_and_is_recorded(service, clock):
    service.start(Therapy.HEAT, 15)
    clock.advance(15 * 60 - 1)
    assert service.tick() == []
    assert service.status().state is State.RUNNING
    clock.advance(1)
    [ended] = service.tick()
    assert ended.session.end_reason is EndReason.COMPLETED
    assert ended.session.ended_at == T0 + timedelta(minutes=15)
    assert not ended.while_away
    assert service.status().state is State.WAITING


def test_refused_while_running_and_during_gap(service, clock):
    service.start(Therapy.ICE)
    clock.advance(60 * 5)
    refused = service.start(Therapy.HEAT)
    assert not refused.ok
    assert "still running" in refused.message
    assert "11:15" in refused.message
    clock.advance(60 * 10)
    service.tick()
    clock.advance(60 * 60)
    refused = service.start(Therapy.HEAT)
    assert not refused.ok
    assert refused.message.endswith("Next session allowed at 11:15 — in 1 h.")
    clock.advance(60 * 60)
    assert service.start(Therapy.HEAT).ok


def test_stop_after_grace_starts_gap_from_the_stop(service, clock):
    service.start(Therapy.ICE)
    clock.advance(6 * 60)
    outcome = service.stop()
    assert outcome.ok
    assert outcome.session.end_reason is EndReason.STOPPED
    assert outcome.session.removed_at == T0 + timedelta(minutes=6)
    assert outcome.status.next_allowed_at == T0 + timedelta(minutes=6, hours=2)
    assert "Next session allowed at 11:06 — in 2 h." in outcome.message


def test_mis_start_within_60_seconds_is_cancelled_and_starts_no_gap(service, clock):
    service.start(Therapy.HEAT)
    clock.advance(59)
    outcome = service.stop()
    assert outcome.session.end_reason is EndReason.CANCELLED
    assert service.status().state is State.READY
    assert service.start(Therapy.ICE).ok


def test_stop_with_nothing_running(service):
    outcome = service.stop()
    assert not outcome.ok and outcome.message == "No session is running."


def test_lengths_outside_range_are_refused_not_changed(service, store):
    for minutes in (0, 16, 60):
        outcome = service.start(Therapy.ICE, minutes)
        assert not outcome.ok and "1 to 15 minutes" in outcome.message
    assert store.count() == 0


def test_default_length_comes_from_settings(service, settings_box, clock):
    settings_box["value"] = Settings(default_minutes=7)
    outcome = service.start(Therapy.ICE)
    assert outcome.status.remaining == timedelta(minutes=7)


def test_longer_gap_setting_is_honoured(service, settings_box, clock):
    settings_box["value"] = Settings(gap_minutes=180)
    service.start(Therapy.ICE)
    clock.advance(15 * 60 + 2 * 3600)
    assert not service.start(Therapy.ICE).ok
    clock.advance(3600)
    assert service.start(Therapy.ICE).ok


def test_recovery_resumes_a_session_with_time_left(service, data_dir, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(4 * 60)
    # the process dies here; a new one starts
    restarted = reopen(data_dir, clock)
    assert restarted.recover() == []
    status = restarted.status()
    assert status.state is State.RUNNING
    assert status.remaining == timedelta(minutes=11)


def test_recovery_closes_a_session_that_ended_while_closed(service, data_dir, clock):
    service.start(Therapy.HEAT, 15)
    clock.advance(40 * 60)
    restarted = reopen(data_dir, clock)
    [ended] = restarted.recover()
    assert ended.while_away
    assert ended.session.end_reason is EndReason.COMPLETED
    assert ended.session.ended_at == T0 + timedelta(minutes=15)  # at its planned end
    assert restarted.store.closed_while_away(ended.session.id)
    assert restarted.pending_removal() == ended.session
    status = restarted.status()
    assert status.state is State.WAITING
    assert status.next_allowed_at == T0 + timedelta(minutes=15, hours=2)


def test_clock_forward_jump_ends_the_session_at_once(service, clock):
    service.start(Therapy.ICE, 15)
    clock.jump(3600)  # a suspended laptop wakes an hour later
    [ended] = service.tick()
    assert ended.session.ended_at == T0 + timedelta(minutes=15)
    assert service.status().state is State.WAITING


def test_clock_backward_jump_keeps_counting_down_in_real_time(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    clock.jump(-3600)  # the clock is set back an hour
    status = service.status()
    assert status.remaining == timedelta(minutes=10)  # not 70 minutes
    clock.advance(10 * 60)
    [ended] = service.tick()
    assert service.status().state is State.WAITING
    assert ended.session.end_reason is EndReason.COMPLETED


def test_clock_backward_jump_never_shortens_the_gap(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    clock.advance(30 * 60)
    clock.jump(-2 * 3600)
    status = service.status()
    assert status.state is State.WAITING
    assert status.wait == timedelta(minutes=90)
    clock.advance(89 * 60)
    assert not service.start(Therapy.HEAT).ok
    clock.advance(60)
    assert service.start(Therapy.HEAT).ok


def test_clock_set_back_while_closed_closes_open_session(service, data_dir, clock):
    service.start(Therapy.HEAT, 15)
    clock.advance(5 * 60)
    service.tick()
    # closed, then the clock is set back 3 hours before the next start
    clock.jump(-3 * 3600)
    restarted = reopen(data_dir, clock)
    [ended] = restarted.recover()
    assert ended.session.end_reason is EndReason.INTERRUPTED
    assert ended.while_away
    status = restarted.status()
    assert status.state is State.WAITING
    assert status.wait <= timedelta(hours=2)
    assert status.remaining is None


def test_clock_set_back_while_closed_never_shortens_gap(service, data_dir, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    clock.jump(-3 * 3600)
    restarted = reopen(data_dir, clock)
    restarted.recover()
    assert restarted.status().wait == timedelta(hours=2)


def test_two_processes_cannot_both_start(data_dir, clock):
    first = reopen(data_dir, clock)
    second = reopen(data_dir, clock)
    assert first.start(Therapy.ICE).ok
    refused = second.start(Therapy.HEAT)
    assert not refused.ok and "still running" in refused.message
    assert len(first.store.all_sessions()) == 1


def test_removal_reminder_lifecycle(service, clock):
    service.start(Therapy.ICE, 1)
    assert service.pending_removal() is None
    clock.advance(60)
    service.tick()
    pending = service.pending_removal()
    assert pending is not None
    clock.advance(90)
    acknowledged = service.acknowledge_removal()
    assert acknowledged.removed_at == T0 + timedelta(seconds=150)
    assert service.pending_removal() is None
    assert service.acknowledge_removal() is None


def test_gap_over_is_due_once(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    assert service.gap_over_due() is None
    clock.advance(2 * 3600)
    session = service.gap_over_due()
    assert session is not None
    service.mark_gap_noticed(session)
    assert service.gap_over_due() is None


def test_gap_over_long_ago_is_not_announced(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60 + 5 * 3600)
    service.tick()
    assert service.gap_over_due() is None


def test_fake_clock_rejects_naive_times():
    with pytest.raises(ValueError, match="timezone-aware"):
        FakeClock(datetime(2026, 1, 1))
