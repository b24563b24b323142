"""Starting, stopping and recovering sessions through the one service, with a fake clock."""

import logging
from datetime import timedelta

import pytest
from helpers import T0, rows

from necktimer.core.diary import Pain
from necktimer.core.rules import EndReason, State, Therapy
from necktimer.core.service import FixedSettings, SessionService
from necktimer.core.settings import Settings


def reopen(data_dir, clock, settings=None):
    """What a restart does: a new connection and a new service on the same folder."""
    return SessionService.open(data_dir, clock, settings or FixedSettings())


def test_start_is_written_before_the_countdown_starts(service, data_dir):
    outcome = service.start(Therapy.ICE, 10)
    assert outcome.ok
    assert outcome.message == "Ice session started: take the ice pack off at 09:10 (in 10 min)."
    # A second, independent connection sees the row at once: it was committed.
    [row] = rows(data_dir)
    assert row["therapy"] == "ice" and row["ended_at"] is None
    assert row["started_at"] == "2026-03-02T08:00:00.000000+00:00"
    assert row["planned_s"] == 600 and row["start_boot"] == "boot-1"


def test_before_commit_sees_the_id_while_nothing_is_committed_yet(service, data_dir):
    seen = []

    def before_commit(session_id):
        seen.append((session_id, rows(data_dir)))  # another connection: nothing yet

    outcome = service.start(Therapy.ICE, 10, before_commit=before_commit)
    assert seen == [(outcome.session.id, [])]
    assert [row["id"] for row in rows(data_dir)] == [outcome.session.id]
    refused = service.start(Therapy.HEAT, 10, before_commit=before_commit)
    assert not refused.ok and len(seen) == 1  # a refused start never gets that far


def test_session_completes_by_itself_and_is_recorded(service, clock, data_dir):
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
    assert rows(data_dir)[0]["end_reason"] == "completed"


def test_a_look_works_out_the_end_and_writes_nothing(service, clock, data_dir, caplog):
    """`status` opens the history only to look: what it works out stays in its memory
    (on a full disk, writing it printed a warning at every look)."""
    import hashlib

    def files() -> dict[str, str]:
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()
                for path in data_dir.iterdir() if path.is_file()}

    service.start(Therapy.ICE, 15)
    service.close()
    before = files()
    clock.advance(20 * 60)
    look = SessionService.open(data_dir, clock, FixedSettings(), looks_only=True)
    look.recover()
    assert look.status().state is State.WAITING  # the end is known to the look
    assert look.flush() is False  # and kept to itself
    look.close()
    assert files() == before
    assert "lost" not in caplog.text  # nothing of the user's was in it
    acting = reopen(data_dir, clock)
    acting.recover()
    assert acting.status().state is State.WAITING
    acting.close()
    assert rows(data_dir)[0]["end_reason"] == "completed"  # whoever acts writes it


def test_refused_while_running_and_during_gap(service, clock):
    service.start(Therapy.ICE)
    clock.advance(60 * 5)
    refused = service.start(Therapy.HEAT)
    assert not refused.ok
    assert "still running" in refused.message and "11:15" in refused.message
    clock.advance(60 * 10)
    service.tick()
    service.acknowledge_removal()  # off at its end
    clock.advance(60 * 60)
    refused = service.start(Therapy.HEAT)
    assert not refused.ok
    assert refused.message.endswith("Next session allowed at 11:15 (in 1 h).")
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
    assert "Next session allowed at 11:06 (in 2 h)." in outcome.message


def test_mis_start_is_cancelled_and_shortens_the_next_session(service, clock, data_dir):
    service.start(Therapy.HEAT)
    clock.advance(6)
    outcome = service.stop()
    assert outcome.session.end_reason is EndReason.CANCELLED
    status = service.status()
    assert status.state is State.READY
    assert status.cycle_left == timedelta(minutes=14, seconds=54)
    started = service.start(Therapy.ICE, 15)
    assert started.ok
    assert "09:15" in started.message and "14 min 54 s" in started.message
    assert "shorter than you asked" in started.message
    assert rows(data_dir)[-1]["planned_s"] == 14 * 60 + 54


def test_undo_resumes_with_the_original_planned_end(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    stopped = service.stop()
    clock.advance(4)
    undone = service.undo_stop(stopped.session.id)
    assert undone.ok
    status = service.status()
    assert status.state is State.RUNNING
    assert status.ends_at == T0 + timedelta(minutes=15)


def test_undo_drops_the_pain_rated_since_the_stop(service, clock, data_dir):
    """A rating given in the undo window was not the pain after the session: kept, it
    stood in History as "Pain after" while the pack went on for ten more minutes."""
    session = service.start(Therapy.ICE, 15).session
    service.record_pain(session.id, Pain.BEFORE, 7)
    clock.advance(5 * 60)
    service.stop()
    service.record_pain(session.id, Pain.AFTER, 3)
    clock.advance(4)
    assert service.undo_stop(session.id).ok
    assert (rows(data_dir)[0]["pain_before"], rows(data_dir)[0]["pain_after"]) == (7, None)
    reopened = reopen(data_dir, clock)
    assert reopened.status().session.pain_after is None
    assert reopened.status().session.pain_before == 7


def test_undo_is_refused_after_its_window(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    stopped = service.stop()
    clock.advance(11)
    assert not service.undo_stop(stopped.session.id).ok
    assert service.status().state is State.WAITING


def test_stop_with_nothing_running(service):
    outcome = service.stop()
    assert not outcome.ok and outcome.message == "No session is running."


def test_lengths_outside_range_are_refused_not_changed(service, data_dir):
    for minutes in (0, 16, 60):
        outcome = service.start(Therapy.ICE, minutes)
        assert not outcome.ok and "1 to 15 minutes" in outcome.message
    assert rows(data_dir) == []


def test_default_length_comes_from_settings(service, settings_box):
    settings_box.set(default_minutes=7)
    outcome = service.start(Therapy.ICE)
    assert outcome.status.remaining == timedelta(minutes=7)


def test_longer_gap_setting_is_honoured(service, settings_box, clock):
    settings_box.set(gap_minutes=180)
    service.start(Therapy.ICE)
    clock.advance(15 * 60)
    service.acknowledge_removal()
    clock.advance(2 * 3600)
    assert not service.start(Therapy.ICE).ok
    clock.advance(3600)
    assert service.start(Therapy.ICE).ok


def test_a_gap_lengthened_while_it_runs_is_not_shortened_by_setting_it_back(
        service, settings_box, clock, data_dir):
    """Settings: 3 h after a session ended, then 2 h again: the gap running went back to
    2 h, though the dialog says the gap already running stays (outside tester)."""
    service.start(Therapy.HEAT, 15)
    clock.advance(65)
    assert service.stop().ok
    end = service.status().next_allowed_at - timedelta(hours=2)
    settings_box.set(gap_minutes=180)
    service.tick()  # the window's refresh after its settings changed, or any wake
    assert service.status().next_allowed_at == end + timedelta(hours=3)
    settings_box.set(gap_minutes=120)
    service.tick()
    assert service.status().next_allowed_at == end + timedelta(hours=3)
    assert "the gap stays 3 h" in service.kept_gap_note()
    assert reopen(data_dir, clock).status().next_allowed_at == end + timedelta(hours=3)
    clock.advance(3 * 3600)
    assert service.start(Therapy.ICE, 5).ok  # the next start: the settings decide again
    assert service.gap == timedelta(hours=2)


def test_recovery_resumes_a_session_with_time_left(service, data_dir, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(4 * 60)
    restarted = reopen(data_dir, clock)  # the process died; a new one starts
    assert restarted.recover() == []
    status = restarted.status()
    assert status.state is State.RUNNING
    assert status.remaining == timedelta(minutes=11)


def test_recovery_closes_a_session_that_ended_while_closed(service, data_dir, clock):
    service.start(Therapy.HEAT, 15)
    clock.advance(40 * 60)
    restarted = reopen(data_dir, clock)
    [ended] = restarted.recover()
    assert ended.while_away and ended.session.closed_while_away
    assert ended.session.end_reason is EndReason.COMPLETED
    assert ended.session.ended_at == T0 + timedelta(minutes=15)  # at its planned end
    assert restarted.pending_removal().id == ended.session.id
    status = restarted.status()
    assert status.state is State.WAITING and status.awaiting_removal
    # Nobody knows when the pack came off: the gap starts when someone says it did.
    assert status.next_allowed_at == T0 + timedelta(minutes=40, hours=2)
    clock.advance(60)
    restarted.acknowledge_removal()
    assert restarted.status().next_allowed_at == T0 + timedelta(minutes=41, hours=2)


def test_suspend_past_the_end_ends_the_session_at_once(service, clock):
    service.start(Therapy.ICE, 15)
    clock.suspend(3600)  # the laptop sleeps an hour
    [ended] = service.tick()
    assert ended.session.ended_at == T0 + timedelta(minutes=15)
    assert service.status().state is State.WAITING


def test_setting_the_clock_ahead_neither_ends_a_session_nor_shortens_the_gap(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(60)
    clock.jump(3 * 3600)
    assert service.tick() == []
    status = service.status()
    assert status.state is State.RUNNING and status.remaining == timedelta(minutes=14)
    clock.advance(14 * 60)
    [_ended] = service.tick()
    clock.jump(3 * 3600)
    refused = service.start(Therapy.HEAT)
    assert not refused.ok
    assert service.status().wait == timedelta(hours=2)


@pytest.mark.parametrize("read_from", ["memory", "history", "safety record"])
def test_a_clock_set_ahead_after_a_late_removal_does_not_shorten_the_gap(service, clock,
                                                                         data_dir, read_from):
    """The gap runs from the removal, which kept no boot-clock mark: confirmed off three
    hours after the end, then the clock set three hours ahead, the removal looked three
    hours older, and a new session could start a minute after the pack came off."""
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    clock.advance(3 * 3600)  # the pack comes off three hours late
    assert service.acknowledge_removal() is not None
    clock.advance(60)
    clock.jump(3 * 3600)  # `faketime +3h necktimer status`, or the clock set wrong
    if read_from != "memory":
        service.close()
        if read_from == "safety record":
            (data_dir / "necktimer.sqlite3").unlink()
        service = reopen(data_dir, clock)
    assert not service.start(Therapy.HEAT).ok
    assert service.status().wait == timedelta(minutes=119)


def test_setting_the_clock_ahead_between_runs_does_not_shorten_the_gap(service, clock, data_dir):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    service.acknowledge_removal()
    service.close()
    clock.advance(10 * 60)
    clock.jump(3 * 3600)  # `faketime +3h necktimer start ice` in the same boot
    restarted = reopen(data_dir, clock)
    restarted.recover()
    refused = restarted.start(Therapy.ICE)
    assert not refused.ok
    assert restarted.status().wait == timedelta(minutes=110)


def test_clock_backward_jump_keeps_counting_down_in_real_time(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    clock.jump(-3600)  # the clock is set back an hour
    status = service.status()
    assert status.remaining == timedelta(minutes=10)  # not 70 minutes
    assert status.ends_at == T0 + timedelta(minutes=15) - timedelta(hours=1)  # on the new clock
    clock.advance(10 * 60)
    [ended] = service.tick()
    assert ended.session.end_reason is EndReason.COMPLETED


def test_clock_backward_jump_never_shortens_the_gap(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    service.acknowledge_removal()
    clock.advance(30 * 60)
    clock.jump(-2 * 3600)
    status = service.status()
    assert status.state is State.WAITING
    assert status.wait == timedelta(minutes=90)
    clock.advance(89 * 60)
    assert not service.start(Therapy.HEAT).ok
    clock.advance(60)
    assert service.start(Therapy.HEAT).ok


def test_clock_set_back_across_a_reboot_closes_an_open_session(service, data_dir, clock):
    service.start(Therapy.HEAT, 15)
    clock.advance(5 * 60)
    service.close()
    clock.reboot(60, wall_error=-3 * 3600)
    restarted = reopen(data_dir, clock)
    [ended] = restarted.recover()
    assert ended.session.end_reason is EndReason.INTERRUPTED and ended.while_away
    status = restarted.status()
    assert status.state is State.WAITING and status.wait <= timedelta(hours=2)


def test_clock_set_back_across_a_reboot_never_shortens_the_gap(service, data_dir, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    service.close()
    clock.reboot(60, wall_error=-3 * 3600)
    restarted = reopen(data_dir, clock)
    restarted.recover()
    assert restarted.status().wait == timedelta(hours=2)  # the time down cannot be known


@pytest.mark.parametrize("wall_error", [-9 * 60, 0, 2 * 60])
def test_a_session_open_across_a_reboot_ends_at_once_whatever_the_wall_clock_says(
        service, data_dir, clock, wall_error):
    """Ten minutes into a 15-minute session the machine restarts and is back a minute
    later. A wall clock 9 minutes slow would have given it 14 more minutes (24 in all):
    across a reboot nothing but the wall clock can time it, so it ends now."""
    service.start(Therapy.HEAT, 15)
    clock.advance(10 * 60)
    service.close()
    clock.reboot(60, wall_error=wall_error)
    restarted = reopen(data_dir, clock)
    [ended] = restarted.recover()
    assert ended.session.end_reason is EndReason.INTERRUPTED and ended.while_away
    status = restarted.status()
    assert status.state is State.WAITING and status.remaining is None
    assert not restarted.start(Therapy.ICE).ok
    assert restarted.pending_removal() is not None  # "take the pack off" is said


def test_a_session_over_by_the_wall_clock_after_a_reboot_completed(service, data_dir, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    service.close()
    clock.reboot(20 * 60)
    restarted = reopen(data_dir, clock)
    [ended] = restarted.recover()
    assert ended.session.end_reason is EndReason.COMPLETED and ended.while_away


def test_two_services_cannot_both_start(data_dir, clock):
    first = reopen(data_dir, clock)
    second = reopen(data_dir, clock)
    assert first.start(Therapy.ICE).ok
    refused = second.start(Therapy.HEAT)
    assert not refused.ok and "still running" in refused.message
    assert len(rows(data_dir)) == 1


def test_removal_reminder_lifecycle(service, clock, data_dir):
    service.start(Therapy.ICE, 1)
    assert service.pending_removal() is None
    clock.advance(60)
    service.tick()
    assert service.pending_removal() is not None
    clock.advance(90)
    acknowledged = service.acknowledge_removal()
    assert acknowledged.removed_at == T0 + timedelta(seconds=150)
    assert service.pending_removal() is None
    assert service.acknowledge_removal() is None
    assert rows(data_dir)[0]["removed_at"] == "2026-03-02T08:02:30.000000+00:00"


@pytest.mark.parametrize(("at_end", "allowed"), [
    (False, T0 + timedelta(minutes=60, hours=2)),  # Done 45 min late: off then, as far as known
    (True, T0 + timedelta(minutes=15, hours=2)),  # "It came off at 09:15", says the user
])
def test_a_late_confirmation_starts_the_gap_when_the_pack_came_off(service, clock, data_dir,
                                                                    at_end, allowed):
    service.start(Therapy.ICE, 15)
    clock.advance(60 * 60)
    service.tick()
    assert service.status().awaiting_removal
    session = service.acknowledge_removal(at_end=at_end)
    assert service.status().next_allowed_at == allowed
    assert session.removed_at == allowed - timedelta(hours=2)
    assert reopen(data_dir, clock).status().next_allowed_at == allowed  # as it was written


def test_gap_over_is_due_when_a_late_confirmed_gap_ends(service, clock):
    """Measured from the session's end, a removal confirmed 45 minutes late put the gap's
    end outside the notice's window: "You may apply ice or heat again" never came."""
    service.start(Therapy.ICE, 15)
    clock.advance(60 * 60)
    service.tick()
    service.acknowledge_removal()  # 45 minutes late
    clock.advance(2 * 3600 - 5)
    assert service.gap_over_due() is None  # not yet
    clock.advance(10)
    assert service.gap_over_due() is not None


def test_gap_over_is_due_once(service, clock):
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    service.acknowledge_removal()
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


def test_pain_ratings_and_notes_are_kept(service, clock, data_dir):
    session = service.start(Therapy.ICE, 5).session
    service.record_pain(session.id, Pain.BEFORE, 7)
    service.record_note(session.id, "  stiff after the drive  ")
    [row] = rows(data_dir)
    assert row["pain_before"] == 7 and row["note"] == "stiff after the drive"
    assert service.session(session.id).pain_before == 7


def test_a_note_with_half_a_character_is_kept_and_holds_nothing_back(service, clock,
                                                                      data_dir):
    """A lone UTF-16 surrogate could not be stored: the write failed, stayed first in
    line and failed every write after it, the end of the session included."""
    session = service.start(Therapy.ICE, 5).session
    service.record_note(session.id, "cold \ud83d then \ud83d\ude00")
    clock.advance(60)
    assert service.stop().ok
    [row] = rows(data_dir)
    assert row["note"] == "cold \ufffd then \U0001f600" and row["ended_at"] is not None


def test_a_write_that_can_never_be_stored_does_not_hold_back_the_next(service, clock,
                                                                      data_dir, caplog,
                                                                      monkeypatch):
    from necktimer.core import store

    caplog.set_level(logging.ERROR, logger="necktimer.service")
    session = service.start(Therapy.ICE, 5).session
    clock.advance(60)
    def garbled(self, session_id, note):  # as a write that got past the cleaning
        self._db.execute("UPDATE sessions SET note = ? WHERE id = ?", ("\udc80", session_id))

    monkeypatch.setattr(store.Store, "set_note", garbled)
    service.record_note(session.id, "fine")
    monkeypatch.undo()
    assert service.stop().ok
    assert rows(data_dir)[0]["ended_at"] is not None
    assert "could not save a note" in caplog.text


def test_settings_changes_are_read_on_every_call(data_dir, clock):
    settings = FixedSettings(Settings(default_minutes=3))
    service = SessionService.open(data_dir, clock, settings)
    assert service.start(Therapy.ICE).status.remaining == timedelta(minutes=3)


def test_times_written_after_the_clock_comes_back_are_real(service, clock, data_dir):
    service.start(Therapy.ICE, 5)
    clock.advance(60)
    clock.jump(3 * 3600)
    clock.advance(4 * 60)
    service.tick()
    clock.jump(-3 * 3600)
    clock.advance(30)
    service.acknowledge_removal()
    [row] = rows(data_dir)
    assert row["removed_at"] == "2026-03-02T08:05:30.000000+00:00"


def test_a_restart_while_the_clock_was_ahead_leaves_no_future_times(service, clock, data_dir):
    service.start(Therapy.ICE, 5)
    clock.advance(5 * 60)
    service.tick()
    service.close()
    clock.jump(3 * 3600)  # set ahead; necktimer starts again this way
    ahead = reopen(data_dir, clock)
    ahead.recover()
    ahead.close()
    clock.jump(-3 * 3600)  # set right again
    clock.advance(60)
    again = reopen(data_dir, clock)
    again.recover()
    again.acknowledge_removal()
    assert rows(data_dir)[0]["removed_at"] == "2026-03-02T08:06:00.000000+00:00"
