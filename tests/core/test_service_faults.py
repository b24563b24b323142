"""The service under faults: a locked file, a vanished folder, damage, another program's file.

The rule under test everywhere: a fault never loosens a rule. The running session's end
lives in memory, a failed write waits and is written later, and the gap survives the loss
of the history through the safety record.
"""

import contextlib
import logging
import random
import shutil
import sqlite3
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from helpers import T0, nothing_can_grow, rows

from necktimer.core import record
from necktimer.core.clock import FakeClock
from necktimer.core.database import DB_NAME, Problem, StorageError
from necktimer.core.diary import Pain
from necktimer.core.record import RECORD_NAME
from necktimer.core.rules import EndReason, State, Therapy
from necktimer.core.service import FixedSettings, SessionService


def reopen(data_dir, clock):
    return SessionService.open(data_dir, clock, FixedSettings(), busy_timeout=0.2)


def ran_out_and_came_off(service, clock, therapy=Therapy.ICE, minutes: int = 15) -> None:
    """A session that ran its full length, its pack confirmed off at once."""
    service.start(therapy, minutes)
    clock.advance(minutes * 60)
    service.tick()
    service.acknowledge_removal()


def one_session_off_at_its_end(data_dir, clock) -> None:
    """A 15-minute ice session that ran out, its pack confirmed off at once; then closed."""
    service = reopen(data_dir, clock)
    ran_out_and_came_off(service, clock)
    service.close()


@pytest.fixture
def locker(data_dir):
    """Another program holding the history file with BEGIN EXCLUSIVE."""
    held = []

    def lock():
        connection = sqlite3.connect(data_dir / DB_NAME, isolation_level=None, timeout=0)
        connection.execute("BEGIN EXCLUSIVE")
        held.append(connection)
        return connection

    yield lock
    for connection in held:
        connection.close()


def test_a_locked_file_at_the_end_delays_the_write_not_the_reminder(data_dir, clock, locker):
    service = reopen(data_dir, clock)
    service.start(Therapy.ICE, 1)
    holder = locker()
    clock.advance(60)
    [ended] = service.tick()  # no exception, no lost reminder
    assert ended.session.end_reason is EndReason.COMPLETED
    assert service.pending_removal() is not None
    assert service.status().state is State.WAITING
    assert service.problem is not None and service.problem.problem is Problem.BUSY
    assert "Another program" in str(service.problem)
    holder.close()
    clock.advance(5)
    service.tick()
    assert service.problem is None and service.pending_writes == 0
    assert rows(data_dir)[0]["end_reason"] == "completed"


def test_no_start_while_the_file_is_locked(data_dir, clock, locker):
    service = reopen(data_dir, clock)
    locker()
    outcome = service.start(Therapy.ICE, 5)
    assert not outcome.ok and outcome.unavailable
    assert "No session was started" in outcome.message


def test_the_log_says_what_waits_only_when_something_does(data_dir, clock, locker, caplog):
    """A start refused on a locked history logged "cannot save (busy); 0 change(s) wait",
    and "everything waiting was saved" when nothing had waited."""
    service = reopen(data_dir, clock)
    holder = locker()
    caplog.set_level(logging.WARNING, logger="necktimer.service")
    assert not service.start(Therapy.ICE, 5).ok
    holder.close()
    service.flush()
    said = [record.getMessage() for record in caplog.records]
    assert said[0].startswith("cannot save (busy): Another program"), said
    assert said[1] == "the history can be written again", said
    assert len(said) == 2
    caplog.clear()
    service.start(Therapy.ICE, 5)
    holder = locker()
    clock.advance(60)
    service.stop()  # kept in memory, written later
    holder.close()
    service.flush()
    said = [record.getMessage() for record in caplog.records]
    assert said[0].startswith("cannot save (busy); 1 change waits"), said
    assert said[1] == "the history can be written again; everything waiting was saved", said


def test_a_stop_while_locked_is_kept_and_written_later(data_dir, clock, locker):
    service = reopen(data_dir, clock)
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    holder = locker()
    outcome = service.stop()
    assert outcome.ok and service.status().state is State.WAITING
    assert service.pending_writes == 1
    holder.close()
    service.tick()
    assert rows(data_dir)[0]["end_reason"] == "stopped"


def test_a_stop_undone_while_locked_survives_a_crash_with_its_reminder_and_gap(
        data_dir, clock, locker):
    """Stop (written), then the file is locked, then Undo, then a crash: the pending undo
    never reached the history. The safety record, written at once, still holds it: the
    backstop (which reads only the record) reminds at the planned end, and a restart
    keeps the session and the gap from its real end, not from the stop."""
    service = reopen(data_dir, clock)
    session = service.start(Therapy.ICE, 3).session
    clock.advance(65)
    assert service.stop().ok
    holder = locker()
    assert service.undo_stop(session.id).ok
    assert service.pending_writes  # the history could not take it
    [kept] = record.read(data_dir).sessions
    assert kept.id == session.id and kept.ended_at is None  # the record did
    holder.close()
    del service  # a crash: the queued write is lost with the process
    restarted = reopen(data_dir, clock)
    status = restarted.status()
    assert status.state is State.RUNNING and status.session.id == session.id
    clock.advance(3 * 60 - 65)
    restarted.tick()
    assert restarted.pending_removal() is not None  # reminded at the planned end
    restarted.acknowledge_removal()
    assert restarted.status().next_allowed_at == session.planned_end + timedelta(hours=2)
    assert rows(data_dir)[0]["end_reason"] == "completed"


@pytest.mark.parametrize("history", ["empty file", "empty history"])
def test_a_damaged_record_beside_a_history_that_holds_nothing_is_a_lost_history(
        data_dir, clock, tmp_path, history):
    """Both files emptied or damaged (a crash on a full disk, a careless clean-up): that
    is not a first start. necktimer asks when a pack last came off, it never says Ready."""
    service = reopen(data_dir, clock)
    service.start(Therapy.ICE, 1)
    clock.advance(60)
    service.tick()
    service.close()
    if history == "empty file":
        (data_dir / DB_NAME).write_bytes(b"")
    else:  # a valid history with nothing in it, made elsewhere
        fresh = tmp_path / "fresh"
        reopen(fresh, clock).close()
        shutil.copyfile(fresh / DB_NAME, data_dir / DB_NAME)
    (data_dir / RECORD_NAME).write_bytes(b"{\"version\": 1, \"sess")
    restarted = reopen(data_dir, clock)
    assert restarted.status().state is State.UNKNOWN
    assert not restarted.start(Therapy.HEAT).ok
    restarted.close()
    assert reopen(data_dir, clock).status().state is State.UNKNOWN  # it is kept


def test_a_damaged_record_is_called_the_safety_record_not_the_history(data_dir, clock,
                                                                       caplog):
    """The history was fine and is what counts then; the warning named the wrong file."""
    service = reopen(data_dir, clock)
    service.start(Therapy.ICE, 1)
    service.close()
    (data_dir / RECORD_NAME).write_bytes(b"{\"version\": 1, \"sess")
    with pytest.raises(StorageError) as raised:
        record.read(data_dir)
    said = str(raised.value)
    assert said.startswith(f"The safety record {data_dir / RECORD_NAME} is damaged (")
    assert "the session history is used instead" in said
    restarted = reopen(data_dir, clock)
    assert restarted.status().state is State.RUNNING  # the history's session, as it was
    assert said in caplog.text
    restarted.close()


def test_a_record_that_cannot_be_written_refuses_a_start_and_is_named_as_the_record(
        data_dir, clock):
    """Its write faults went through the history's sentences ("cannot write its session
    history … Nothing was changed"). And a start went ahead: the record that could not be
    replaced kept older facts, which came back as the truth once the history was lost,
    without this session's gap (found by an outside tester, with `chattr +i`)."""
    service = reopen(data_dir, clock)
    (data_dir / RECORD_NAME).unlink(missing_ok=True)
    (data_dir / RECORD_NAME).mkdir()  # where the record goes, something it cannot replace
    outcome = service.start(Therapy.ICE, 1)
    assert not outcome.ok and outcome.unavailable
    assert rows(data_dir) == []  # nothing began
    said = outcome.message
    assert said.startswith(f"No session was started: necktimer cannot write its safety "
                           f"record in {data_dir} ("), said
    assert "session history" not in said and "Nothing was changed" not in said
    (data_dir / RECORD_NAME).rmdir()  # writable again: the next start goes ahead
    assert service.start(Therapy.ICE, 1).ok
    service.close()


def test_a_locked_file_is_not_taken_for_a_damaged_one(data_dir, clock, locker):
    reopen(data_dir, clock).close()
    before = (data_dir / DB_NAME).read_bytes()
    locker()
    with pytest.raises(StorageError) as raised:
        reopen(data_dir, clock)
    assert raised.value.problem is Problem.BUSY
    assert sorted(p.name for p in data_dir.iterdir() if "damaged" in p.name) == []
    assert (data_dir / DB_NAME).read_bytes() == before


def test_a_deleted_data_folder_is_made_again_with_the_history(data_dir, clock):
    service = reopen(data_dir, clock)
    service.start(Therapy.ICE, 5)
    clock.advance(5 * 60)
    service.tick()
    service.acknowledge_removal()
    clock.advance(3 * 3600)
    service.start(Therapy.HEAT, 15)
    shutil.rmtree(data_dir)
    clock.advance(15 * 60)
    [ended] = service.tick()
    assert ended.session.therapy is Therapy.HEAT
    assert [row["therapy"] for row in rows(data_dir)] == ["ice", "heat"]
    assert rows(data_dir)[1]["end_reason"] == "completed"
    assert (data_dir / RECORD_NAME).exists()
    assert any("deleted" in notice for notice in service.notices)


def test_damage_keeps_the_gap_through_the_safety_record(data_dir, clock):
    one_session_off_at_its_end(data_dir, clock)
    (data_dir / DB_NAME).write_bytes(b"\0" * 4096)  # a zeroed header
    clock.advance(10 * 60)
    again = reopen(data_dir, clock)
    assert any("could not be read" in notice for notice in again.notices)
    status = again.status()
    assert status.state is State.WAITING
    assert status.next_allowed_at == T0 + timedelta(minutes=15, hours=2)
    assert not again.start(Therapy.HEAT).ok
    damaged = [p for p in data_dir.iterdir() if ".damaged-" in p.name]
    assert len(damaged) == 1 and damaged[0].read_bytes() == b"\0" * 4096


def test_rows_are_salvaged_from_a_truncated_file(data_dir, clock):
    service = reopen(data_dir, clock)
    for _ in range(120):
        assert service.start(Therapy.ICE, 15).ok
        clock.advance(15 * 60)
        service.tick()
        service.acknowledge_removal()
        clock.advance(3 * 3600)
    service.close()
    (data_dir / RECORD_NAME).unlink()
    path = data_dir / DB_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
    again = reopen(data_dir, clock)
    assert any("could still be read" in notice for notice in again.notices)
    assert len(rows(data_dir)) > 10
    assert again.status().state is not State.UNKNOWN


def sessions_table_page(path) -> int:
    """Where the sessions table's first page starts in the file."""
    with sqlite3.connect(path) as db:
        (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sessions'"
                             ).fetchone()
        (size,) = db.execute("PRAGMA page_size").fetchone()
    return (root - 1) * size


@pytest.mark.parametrize("where", ["schema page", "sessions page"])
def test_damage_past_the_header_is_moved_aside_too(data_dir, clock, where):
    """Bytes damaged after the 100-byte header read well at opening and failed at the
    first real read: every start and the window refused for good, with nothing moved
    aside and no word of when the next session is allowed (found by an outside tester)."""
    one_session_off_at_its_end(data_dir, clock)
    clock.advance(30 * 60)
    path = data_dir / DB_NAME
    offset = 100 if where == "schema page" else sessions_table_page(path)
    data = bytearray(path.read_bytes())
    data[offset:offset + 4000] = random.Random(7).randbytes(4000)
    path.write_bytes(bytes(data))

    again = reopen(data_dir, clock)
    try:
        assert list(data_dir.glob(f"{DB_NAME}.damaged-*")), "the damaged file is kept aside"
        assert any("damaged file was kept" in n or "could still be read" in n
                   for n in again.notices), again.notices
        status = again.status()  # the safety record still tells the gap
        assert status.state is State.WAITING, status
        refused = again.start(Therapy.HEAT)
        assert not refused.ok and "Next session allowed at" in refused.message
    finally:
        again.close()


def test_when_nothing_survives_the_rules_ask_instead_of_assuming_never(data_dir, clock):
    reopen(data_dir, clock).close()
    (data_dir / RECORD_NAME).unlink(missing_ok=True)
    (data_dir / DB_NAME).write_bytes(b"random bytes, not a database" * 40)
    again = reopen(data_dir, clock)
    assert again.status().state is State.UNKNOWN
    assert not again.start(Therapy.ICE).ok
    again.close()
    # Still asked after a restart, until answered.
    third = reopen(data_dir, clock)
    assert third.status().state is State.UNKNOWN
    answer = third.answer_last_application(clock.now() - timedelta(minutes=30))
    assert answer.ok and third.status().state is State.WAITING
    assert third.status().wait == timedelta(minutes=90)
    third.close()
    fourth = reopen(data_dir, clock)
    assert fourth.status().wait == timedelta(minutes=90)


def answered(data_dir, clock, *, minutes_ago: int):
    """A service on a history lost beyond repair, told a pack came off `minutes_ago`."""
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"garbage" * 100)
    service = reopen(data_dir, clock)
    assert service.status().state is State.UNKNOWN
    assert service.answer_last_application(clock.now() - timedelta(minutes=minutes_ago)).ok
    return service


@pytest.mark.parametrize(("ago", "said"), [
    (timedelta(minutes=30), "Noted: a pack came off today at 08:30. "
                            "Next session allowed at 10:30 (in 1 h 30 min)."),
    (timedelta(hours=10), "Noted: a pack came off yesterday at 23:00. "
                          "Ready: you may start an ice or heat session now."),
    (timedelta(hours=40), "Noted: a pack came off on 28 Feb at 17:00. "
                          "Ready: you may start an ice or heat session now."),
])
def test_an_answer_says_which_day_it_was_taken_as(data_dir, clock, ago, said):
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"garbage" * 100)
    service = reopen(data_dir, clock)  # 09:00 local on 2 March
    assert service.answer_last_application(clock.now() - ago).message == said


def test_an_answer_given_can_make_its_gap_longer_never_shorter_or_gone(data_dir, clock):
    service = answered(data_dir, clock, minutes_ago=30)
    assert service.status().wait == timedelta(minutes=90)
    # "More than a gap ago" now, or an earlier time: the first answer still counts.
    for weaker in (None, clock.now() - timedelta(minutes=60),
                   clock.now() - timedelta(minutes=30)):
        refused = service.answer_last_application(weaker)
        assert not refused.ok
        assert refused.message.startswith("You already said a pack came off at 08:30"), \
            refused.message
        assert "Next session allowed at 10:30" in refused.message
        assert service.status().wait == timedelta(minutes=90)
    assert not service.start(Therapy.ICE).ok
    # A later time is taken: it can only make the gap longer.
    assert service.answer_last_application(clock.now() - timedelta(minutes=10)).ok
    assert service.status().wait == timedelta(minutes=110)
    service.close()
    again = reopen(data_dir, clock)
    assert not again.answer_last_application(None).ok  # also after a restart
    assert again.status().wait == timedelta(minutes=110)


def test_a_reported_end_keeps_its_gap_when_the_wall_clock_is_set_ahead(data_dir, clock):
    service = answered(data_dir, clock, minutes_ago=10)
    clock.jump(2 * 3600)  # the wall clock set two hours ahead; the boot clock did not move
    assert service.status().state is State.WAITING
    assert service.status().wait == timedelta(minutes=110)
    assert not service.start(Therapy.ICE).ok
    service.close()
    again = reopen(data_dir, clock)  # and after a restart on the same boot
    assert again.status().wait == timedelta(minutes=110)


def test_a_reported_end_keeps_its_minute_when_the_two_clocks_tick_apart(data_dir, clock):
    service = answered(data_dir, clock, minutes_ago=10)
    clock.jump(-0.0004)  # the wall clock a little behind the boot clock
    refused = service.answer_last_application(None)
    assert refused.message.startswith("You already said a pack came off at 08:50;"), \
        refused.message
    assert service.status().next_allowed_at.second == 0


def test_a_reported_end_survives_a_second_loss_of_the_history(data_dir, clock):
    service = answered(data_dir, clock, minutes_ago=10)
    service.close()
    (data_dir / DB_NAME).write_bytes(b"damaged again" * 100)  # the safety record is left
    clock.advance(60)
    again = reopen(data_dir, clock)
    assert again.status().state is State.WAITING
    assert again.status().wait == timedelta(minutes=109)
    assert not again.start(Therapy.ICE).ok
    again.close()
    third = reopen(data_dir, clock)  # taken back into the new history
    assert third.status().wait == timedelta(minutes=109)


def test_more_than_a_gap_ago_is_an_answer_too(data_dir, clock):
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"garbage" * 100)
    service = reopen(data_dir, clock)
    assert service.status().state is State.UNKNOWN
    service.answer_last_application(None)
    assert service.status().state is State.READY
    assert service.start(Therapy.ICE).ok


def test_another_programs_database_is_refused_and_left_unchanged(data_dir, clock):
    data_dir.mkdir(parents=True)
    other = sqlite3.connect(data_dir / DB_NAME)
    other.execute("CREATE TABLE recipes (name TEXT)")
    other.execute("INSERT INTO recipes VALUES ('soup')")
    other.commit()
    other.close()
    before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(StorageError) as raised:
        reopen(data_dir, clock)
    assert raised.value.problem is Problem.FOREIGN
    assert "belongs to another program" in str(raised.value)
    assert (data_dir / DB_NAME).read_bytes() == before
    assert [p.name for p in data_dir.iterdir()] == [DB_NAME]


def test_a_symlink_to_a_non_database_is_moved_aside_not_followed(data_dir, clock, tmp_path):
    target = tmp_path / "notes.txt"
    target.write_text("my notes")
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).symlink_to(target)
    service = reopen(data_dir, clock)
    assert target.read_text() == "my notes"
    moved = [p for p in data_dir.iterdir() if ".damaged-" in p.name]
    assert len(moved) == 1 and moved[0].is_symlink()
    assert service.status().state is State.UNKNOWN


@pytest.mark.parametrize("emptied", [False, True])
@pytest.mark.parametrize("trace", ["settings.ini", "necktimer.backstop.json",
                                   "necktimer.sqlite3.damaged-20260301-120000"])
def test_history_and_record_deleted_where_necktimer_was_used_is_a_lost_history(
        data_dir, clock, trace, emptied):
    one_session_off_at_its_end(data_dir, clock)
    (data_dir / trace).write_text("left behind\n")
    if emptied:
        (data_dir / DB_NAME).write_bytes(b"")  # `: > necktimer.sqlite3`
    else:
        (data_dir / DB_NAME).unlink()
    (data_dir / RECORD_NAME).unlink()
    again = reopen(data_dir, clock)
    assert again.status().state is State.UNKNOWN
    assert not again.start(Therapy.HEAT).ok
    assert reopen(data_dir, clock).status().state is State.UNKNOWN  # and it stays asked


def test_history_and_record_deleted_beside_the_backstops_log_is_a_lost_history(
        data_dir, clock):
    """`rm DIR/necktimer.*` in the gap, Settings never saved: only the lock files and the
    backstop's log were left, and the next start was taken for a first one (found by an
    outside tester)."""
    from necktimer.backstop import LOG_NAME
    from necktimer.core.service import BACKSTOP_LOG_NAME

    assert LOG_NAME == BACKSTOP_LOG_NAME
    one_session_off_at_its_end(data_dir, clock)
    (data_dir / LOG_NAME).write_text("watching session 1\n")
    for path in data_dir.glob("necktimer.*"):
        path.unlink()
    service = reopen(data_dir, clock)
    assert service.history_lost and service.status().state is State.UNKNOWN


def test_a_first_start_beside_only_lock_files_is_ready(data_dir, clock):
    data_dir.mkdir(parents=True, exist_ok=True)
    for name in ("instance.lock", "backstop.lock"):
        (data_dir / name).write_text("")
    assert reopen(data_dir, clock).status().state is State.READY


KILLED_IN_A_WRITE = """
import os, signal, sys
from datetime import UTC, datetime
from pathlib import Path
from necktimer.core import database
from necktimer.core.clock import FakeClock
from necktimer.core.service import SessionService
data_dir = Path(sys.argv[1])
if sys.argv[2] == "setting the history up":
    # Killed inside the first launch's own setup: after its first schema step, in the
    # write transaction (the step is logged there).
    database.log.info = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
    SessionService.open(data_dir, FakeClock(datetime(2026, 3, 2, 8, tzinfo=UTC)))
else:  # killed in a write to a history that holds sessions
    connection = database.sqlite3.connect(data_dir / database.DB_NAME, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE sessions SET therapy = therapy")
    os.kill(os.getpid(), signal.SIGKILL)
"""


def killed_in_a_write(data_dir, where: str) -> None:
    import subprocess
    import sys

    killed = subprocess.run([sys.executable, "-c", KILLED_IN_A_WRITE, str(data_dir), where],
                            capture_output=True, text=True, timeout=60)
    assert killed.returncode == -9, killed.stderr
    assert (data_dir / f"{DB_NAME}-journal").exists()  # a hot journal is left


def test_a_first_launch_killed_while_setting_its_history_up_is_still_a_first_start(data_dir):
    """`kill -9` of a first `start` a third of a second in left an empty history and its
    journal: the journal was taken for a trace of earlier use, and the folder, which never
    held a session, for a lost history (`start` refused until `last-applied`)."""
    data_dir.mkdir(parents=True)
    (data_dir / "instance.lock").write_text("")
    killed_in_a_write(data_dir, "setting the history up")
    assert (data_dir / DB_NAME).stat().st_size == 0
    clock = FakeClock(T0)
    service = reopen(data_dir, clock)
    assert not service.history_lost and service.status().state is State.READY
    assert service.start(Therapy.ICE, 5).ok


def test_a_history_emptied_beside_the_journal_of_its_last_write_is_a_lost_history(
        data_dir, clock):
    """The journal of a write to a history that held sessions still tells it was used."""
    one_session_off_at_its_end(data_dir, clock)
    killed_in_a_write(data_dir, "writing to a history with sessions")
    (data_dir / DB_NAME).write_bytes(b"")  # `: > necktimer.sqlite3`
    (data_dir / RECORD_NAME).unlink()
    again = reopen(data_dir, clock)
    assert again.history_lost and again.status().state is State.UNKNOWN


def test_an_undo_that_neither_file_can_keep_is_refused_and_the_stop_stands(data_dir, clock):
    """On a full disk, Undo reopened the session in memory only: after a crash nothing knew
    the pack was on again, no backstop reminded, and a new session could start at once."""
    service = reopen(data_dir, clock)
    session = service.start(Therapy.ICE, 15).session
    clock.advance(90)
    assert service.stop().ok
    with nothing_can_grow():
        undone = service.undo_stop(session.id)
    assert not undone.ok and "could not be undone" in undone.message
    assert service.status().state is State.WAITING  # stopped, as both files still say
    del service  # a crash
    again = reopen(data_dir, clock)
    assert again.status().state is State.WAITING
    assert not again.start(Therapy.HEAT).ok


def test_a_change_is_unsaved_only_while_neither_file_holds_it(data_dir, clock, locker):
    """Quitting threw away what waited in memory without a word. A stop waiting for a
    locked history is not at risk (the safety record holds it); a pain rating is."""
    service = reopen(data_dir, clock)
    session = service.start(Therapy.ICE, 15).session
    clock.advance(5 * 60)
    holder = locker()
    assert service.stop().ok
    assert service.pending_writes and service.unsaved() is None
    service.record_pain(session.id, Pain.AFTER, 3)
    unsaved = service.unsaved()
    assert unsaved.changes == ("a pain rating",)
    assert "Another program is holding" in unsaved.cause
    assert "nothing was renamed or lost" not in unsaved.cause  # it would be, by quitting
    holder.close()
    assert service.unsaved() is None  # asking tries once more, and it was written
    [row] = rows(data_dir)
    assert row["end_reason"] == "stopped" and row["pain_after"] == 3


def test_a_stop_neither_file_can_hold_is_unsaved_and_a_size_limit_is_a_full_disk(data_dir,
                                                                                 clock):
    """A quota or a file-size limit refuses a write as SQLite's "disk I/O error": it was
    taken for a vanished file, and a terminal said so."""
    service = reopen(data_dir, clock)
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    with nothing_can_grow():
        assert service.stop().ok  # in memory: the window goes on, reminders and all
        unsaved = service.unsaved()
        assert service.problem.problem is Problem.FULL
    assert unsaved.changes == ("the stop",)
    assert unsaved.cause.endswith("is full.")
    del service  # the process ends with it unsaved
    assert reopen(data_dir, clock).status().state is State.RUNNING  # nothing says "stopped"


def test_an_emptied_history_beside_its_record_keeps_the_gap_and_says_what_is_gone(data_dir,
                                                                                  clock):
    one_session_off_at_its_end(data_dir, clock)
    (data_dir / "settings.ini").write_text("[General]\n")
    (data_dir / DB_NAME).write_bytes(b"")
    again = reopen(data_dir, clock)
    assert again.status().state is State.WAITING  # the gap, from the record
    assert any("missing or empty" in notice for notice in again.notices)


def test_a_deleted_folder_that_cannot_be_made_again_keeps_its_writes_waiting(data_dir, clock):
    """On a full disk the folder could not be made again, yet the waiting writes went into
    the deleted file (still open) and the problem was cleared: "everything was saved"."""
    service = reopen(data_dir, clock)
    session = service.start(Therapy.ICE, 15).session
    shutil.rmtree(data_dir)
    data_dir.write_text("in the way")  # the folder cannot be made again
    clock.advance(5 * 60)
    assert service.stop().ok
    assert service.pending_writes and service.problem is not None
    service.tick()
    assert service.pending_writes and service.problem is not None  # still waiting
    data_dir.unlink()
    clock.advance(5)
    service.tick()
    assert service.pending_writes == 0 and service.problem is None
    [row] = [r for r in rows(data_dir) if r["id"] == session.id]
    assert row["end_reason"] == "stopped"


@pytest.mark.parametrize("reading", ["1e300", "-5", "'NaN'", "'inf'", "'soon'"])
def test_a_boot_clock_reading_no_clock_gives_is_ignored_not_fatal(data_dir, clock, reading):
    """A mark of 1e300 seconds since boot (or NaN, or infinity) made every start-up and
    `status` fail with OverflowError: the time could not be added, and nobody could see
    when the next session is allowed. Such a mark is ignored: the session is placed by its
    wall time, as one from another boot is, and its gap holds."""
    one_session_off_at_its_end(data_dir, clock)
    with sqlite3.connect(data_dir / DB_NAME) as connection:
        connection.execute(f"UPDATE sessions SET start_boottime = {reading}, "
                           f"end_boottime = {reading}")
    connection.close()
    service = reopen(data_dir, clock)
    status = service.status()
    assert status.state is State.WAITING
    assert status.next_allowed_at == T0 + timedelta(minutes=15, hours=2)
    assert service.start(Therapy.HEAT, 15).ok is False
    service.close()


def test_a_record_with_impossible_boot_readings_still_keeps_the_gap(data_dir, clock):
    """The same through the safety record alone (the history gone): Python's JSON reader
    takes Infinity and NaN, and both the session's mark and the record's anchor held one."""
    import json

    one_session_off_at_its_end(data_dir, clock)
    path = data_dir / RECORD_NAME
    data = json.loads(path.read_text())
    for item in data["sessions"]:
        item["start_mark"][1] = float("inf")
        item["end_mark"][1] = float("nan")
    wall, boot_id, _ = data["anchor"].split(" ")
    data["anchor"] = f"{wall} {boot_id} inf"
    path.write_text(json.dumps(data))
    (data_dir / DB_NAME).unlink()
    facts = record.read(data_dir)
    assert facts.anchor is None
    assert [(s.start_mark, s.end_mark) for s in facts.sessions] == [(None, None)]
    service = reopen(data_dir, clock)
    assert service.status().next_allowed_at == T0 + timedelta(minutes=15, hours=2)
    assert service.start(Therapy.ICE, 15).ok is False
    service.close()


def edit_history(data_dir, change: str) -> None:
    """An UPDATE of the newest session's row, as a user with the sqlite3 tool makes it."""
    with contextlib.closing(sqlite3.connect(data_dir / DB_NAME)) as db, db:
        db.execute(f"UPDATE sessions SET {change} WHERE id = (SELECT max(id) FROM sessions)")


@pytest.mark.parametrize("change", [
    # 900 s: the fake boot clock read 1,000 s at the start; a mark still on this boot
    "end_boottime = start_boottime - 900, removed_boottime = start_boottime - 900",
    "end_reason = 'cancelled'",
])
def test_one_value_edited_in_the_history_does_not_lift_the_gap(data_dir, clock, change):
    """The history's boot marks and end reason were taken as they stood: an end marked
    before its start, or a stop relabelled a mis-start, and the gap was gone, the safety
    record beside it unedited."""
    service = reopen(data_dir, clock)
    assert service.start(Therapy.ICE, 15).ok
    clock.advance(68)  # past the first minute: a stop, and the gap runs from it
    assert service.stop().ok
    service.close()
    edit_history(data_dir, change)
    clock.advance(10 * 60)
    again = reopen(data_dir, clock)
    status = again.status()
    assert status.state is State.WAITING
    assert status.next_allowed_at == T0 + timedelta(seconds=68, hours=2)
    assert not again.start(Therapy.HEAT).ok
    again.close()


def test_a_start_moved_on_in_the_history_does_not_stretch_the_session(data_dir, clock):
    """A running session's start mark set later in the history pushed its end out, again
    with every edit, the record beside it unedited."""
    service = reopen(data_dir, clock)
    assert service.start(Therapy.ICE, 2).ok
    clock.advance(80)
    service.close()
    edit_history(data_dir, "start_boottime = start_boottime + 75")
    again = reopen(data_dir, clock)
    assert again.status().ends_at == T0 + timedelta(minutes=2)
    again.close()


def add_open_row_whose_start_cannot_be_read(
        data_dir, start="garbage", planned="2026-03-02T08:14:00+00:00") -> None:
    with contextlib.closing(sqlite3.connect(data_dir / DB_NAME)) as db, db:
        db.execute("INSERT INTO sessions (therapy, started_at, planned_end) VALUES "
                   "('heat', ?, ?)", (start, planned))


# The last is before the year 1 in UTC: Python's date sums overflowed, and every entry
# point ended in an OverflowError traceback.
@pytest.mark.parametrize(("start", "planned"), [
    ("garbage", "2026-03-02T08:14:00+00:00"), ("", "2026-03-02T08:14:00+00:00"),
    ("0001-01-01T00:00:00+14:00", "0001-01-01T00:05:00+14:00")])
def test_an_open_row_whose_start_cannot_be_read_ends_now_and_the_gap_runs_from_now(
        data_dir, clock, start, planned):
    """Such a row cannot be placed in time and was left out of the rules: status said
    Ready while a pack may have been on, and a start ended in a traceback ("UNIQUE
    constraint failed"). It is ended now, as interrupted, and said so."""
    reopen(data_dir, clock).close()
    add_open_row_whose_start_cannot_be_read(data_dir, start, planned)
    service = reopen(data_dir, clock)
    status = service.status()
    assert status.state is State.WAITING, status
    assert status.awaiting_removal and status.next_allowed_at == T0 + timedelta(hours=2)
    assert service.notices == [
        f"The history {data_dir / DB_NAME} held a session that was still open but whose "
        "start cannot be read. A pack may still be on: that session was ended now, and the "
        "gap runs from when you confirm the pack is off."]
    # The one-week check passes it over (it ended every window's check in a traceback)
    assert service.physician_advice().see_physician is False
    outcome = service.start(Therapy.HEAT, 15)
    assert not outcome.ok and not outcome.unavailable
    service.close()
    # Written so: a later launch, with the safety record gone, finds the same session,
    # and the gap runs from the confirmation that the pack is off
    (data_dir / RECORD_NAME).unlink()
    clock.advance(3600)
    again = reopen(data_dir, clock)
    assert again.notices == []
    assert [(s.therapy, s.end_reason) for s in again.sessions_between(None)] == [
        (Therapy.HEAT, EndReason.INTERRUPTED)]
    assert again.status().awaiting_removal
    assert again.acknowledge_removal()
    assert again.status().next_allowed_at == T0 + timedelta(hours=3)
    assert not again.start(Therapy.ICE, 15).ok
    again.close()


def test_an_open_row_whose_start_cannot_be_read_is_caught_by_a_running_window(
        data_dir, clock):
    """Written while the app runs (another process, a hand), it is found at the next
    wake, and a start at that moment is refused by the gap, not by the history's rule."""
    service = reopen(data_dir, clock)
    assert service.status().state is State.READY
    add_open_row_whose_start_cannot_be_read(data_dir)
    clock.advance(30)
    outcome = service.start(Therapy.ICE, 15)
    assert not outcome.ok and not outcome.unavailable, outcome.message
    assert service.status().next_allowed_at == T0 + timedelta(seconds=30, hours=2)
    service.close()


def test_status_on_an_open_row_whose_start_cannot_be_read_writes_nothing(data_dir, clock):
    """`status` only looks: it says the gap runs from now, and leaves the file as it is."""
    reopen(data_dir, clock).close()
    add_open_row_whose_start_cannot_be_read(data_dir)
    looking = SessionService.open(data_dir, clock, FixedSettings(), looks_only=True)
    assert looking.status().state is State.WAITING
    looking.close()
    with contextlib.closing(sqlite3.connect(data_dir / DB_NAME)) as db:
        assert db.execute("SELECT started_at, ended_at FROM sessions").fetchall() == [
            ("garbage", None)]


def stopped_under_a_four_hour_gap(data_dir, clock) -> None:
    """An ice session stopped 65 s in, under a gap of 4 h set then."""
    from necktimer.core.settings import Settings

    service = SessionService.open(data_dir, clock, FixedSettings(Settings(gap_minutes=240)))
    assert service.start(Therapy.ICE, 15).ok
    clock.advance(65)
    assert service.stop().ok
    service.close()


def test_a_longer_gap_stands_after_the_settings_say_less(data_dir, clock):
    """A gap of 4 h was set, and a session stopped; then settings.ini was deleted (or
    garbled, or the gap lowered), and the next start was allowed 2 h after the stop,
    without a word: the gap was read from the settings of the moment."""
    stopped_under_a_four_hour_gap(data_dir, clock)
    clock.advance(2 * 3600 + 60)
    again = reopen(data_dir, clock)  # the default settings: a 2-hour gap
    assert again.status().next_allowed_at == T0 + timedelta(seconds=65, hours=4)
    assert not again.start(Therapy.HEAT).ok
    again.close()
    clock.advance(2 * 3600)  # once that gap is over, the settings of the day decide again
    last = reopen(data_dir, clock)
    assert last.start(Therapy.HEAT, 15).ok
    started = last.status().session.started_at
    clock.advance(70)
    assert last.stop().ok
    assert last.status().next_allowed_at == started + timedelta(seconds=70, hours=2)
    last.close()


def running_in_the_record_alone(data_dir, clock, planned_end: str) -> None:
    """An ice session 5 minutes in, the history gone, and its planned end in the safety
    record edited to `planned_end`."""
    import json

    service = SessionService.open(data_dir, clock, FixedSettings())
    assert service.start(Therapy.ICE, 15).ok
    clock.advance(5 * 60)
    service.close()
    path = data_dir / RECORD_NAME
    data = json.loads(path.read_text())
    data["sessions"][-1]["planned_end"] = planned_end
    path.write_text(json.dumps(data))
    (data_dir / DB_NAME).unlink()


@pytest.mark.parametrize("hours", [20 / 60, 8])
def test_a_planned_end_past_the_cap_is_held_to_it(data_dir, clock, hours):
    """An edited record planning 20 minutes (or 8 hours) ran 20 on the skin: "now + 15" was
    capped, the start + 15 was not. Every session is held to the cap where it is made."""
    running_in_the_record_alone(data_dir, clock, (T0 + timedelta(hours=hours)).isoformat())
    service = reopen(data_dir, clock)
    status = service.status()
    assert status.state is State.RUNNING and status.remaining == timedelta(minutes=10)
    clock.advance(10 * 60)
    service.tick()
    status = service.status()
    assert status.state is not State.RUNNING
    assert service.start(Therapy.HEAT, 15).ok is False  # and the gap follows it
    service.close()


def test_a_planned_end_in_the_year_9999_never_reads_ready(data_dir, clock):
    """It once read "Ready" in the window, and a new session started inside the gap."""
    running_in_the_record_alone(data_dir, clock, "9999-12-31T23:59:58+00:00")
    service = reopen(data_dir, clock)
    assert service.status().state is not State.READY
    clock.advance(11 * 60)
    assert service.status().state is not State.READY
    assert service.start(Therapy.HEAT, 15).ok is False
    service.close()


@pytest.mark.parametrize("anchor", [12, ["a"], "year-9999"])
def test_an_anchor_of_the_wrong_kind_or_year_is_ignored_not_fatal(data_dir, clock, anchor):
    """An anchor of 12 failed with AttributeError, one in the year 9999 with OverflowError:
    every entry point died and nobody could see when the next session is allowed."""
    import json

    one_session_off_at_its_end(data_dir, clock)
    path = data_dir / RECORD_NAME
    data = json.loads(path.read_text())
    if anchor == "year-9999":
        _wall, boot_id, boottime = data["anchor"].split(" ")
        anchor = f"9999-12-30T00:00:00.000000+00:00 {boot_id} {boottime}"
    data["anchor"] = anchor
    path.write_text(json.dumps(data))
    assert record.read(data_dir).anchor is None
    for history in ("kept", "gone"):
        if history == "gone":
            (data_dir / DB_NAME).unlink()
        service = reopen(data_dir, clock)
        assert service.status().next_allowed_at == T0 + timedelta(minutes=15, hours=2), history
        assert service.start(Therapy.ICE, 15).ok is False
        service.close()


@pytest.mark.parametrize("fault", ["deleted", "damaged"])
def test_a_longer_gap_stands_without_the_record_too(data_dir, clock, fault):
    """The 4 hours were kept in the safety record alone: deleting (or damaging) it and
    lowering the setting let a session start 2 h 31 min after the last one ended."""
    stopped_under_a_four_hour_gap(data_dir, clock)
    record_path = data_dir / RECORD_NAME
    if fault == "deleted":
        record_path.unlink()
    else:
        record_path.write_text("garbage")
    clock.advance(2 * 3600 + 31 * 60)
    again = reopen(data_dir, clock)  # the default settings: a 2-hour gap
    assert again.status().next_allowed_at == T0 + timedelta(seconds=65, hours=4)
    assert not again.start(Therapy.HEAT).ok
    again.close()


@pytest.mark.parametrize("value", ["'garbage'", "5", "'9999-12-31T00:00:00+00:00'",
                                   "'9999-12-31T23:59:59-14:00'"])  # past the year 9999 in UTC
def test_an_end_that_cannot_be_read_is_taken_as_the_planned_end(data_dir, clock, value):
    """`ended_at = 'garbage'` in a history row stopped every entry point with ValueError. An
    end or a removal that cannot be read is not known: the session ran to its planned end."""
    one_session_off_at_its_end(data_dir, clock)
    with sqlite3.connect(data_dir / DB_NAME) as connection:
        connection.execute(f"UPDATE sessions SET ended_at = {value}, removed_at = {value}")
    connection.close()
    (data_dir / RECORD_NAME).unlink()  # the row alone must keep the gap
    service = reopen(data_dir, clock)
    status = service.status()
    assert status.state is State.WAITING, status
    assert service.start(Therapy.HEAT, 15).ok is False
    service.close()


def test_a_row_whose_start_cannot_be_read_is_left_out_and_the_record_keeps_the_gap(
        data_dir, clock):
    one_session_off_at_its_end(data_dir, clock)
    with sqlite3.connect(data_dir / DB_NAME) as connection:
        connection.execute("UPDATE sessions SET started_at = 'soon'")
    connection.close()
    service = reopen(data_dir, clock)
    assert service.status().next_allowed_at == T0 + timedelta(minutes=15, hours=2)
    assert service.start(Therapy.HEAT, 15).ok is False
    service.close()


def shift_start(data_dir, *, wall_s: float = 0, boot_s: float = 0) -> None:
    """Move the open session's recorded start in the history and the safety record, as a
    process with a shifted clock (faketime, a time namespace) or a hand would write it."""
    import json
    from datetime import datetime

    with sqlite3.connect(data_dir / DB_NAME) as connection:
        for started, planned in connection.execute(
                "SELECT started_at, planned_end FROM sessions WHERE ended_at IS NULL"):
            moved = [(datetime.fromisoformat(t) + timedelta(seconds=wall_s)).isoformat()
                     for t in (started, planned)]
            connection.execute("UPDATE sessions SET started_at = ?, planned_end = ?, "
                               "start_boottime = start_boottime + ? WHERE ended_at IS NULL",
                               (*moved, boot_s))
    connection.close()
    path = data_dir / RECORD_NAME
    data = json.loads(path.read_text())
    for item in data["sessions"]:
        if item.get("ended_at") is None:
            for key in ("started_at", "planned_end"):
                item[key] = (datetime.fromisoformat(item[key])
                             + timedelta(seconds=wall_s)).isoformat()
            item["start_mark"][1] += boot_s
    path.write_text(json.dumps(data))


def test_a_start_marked_later_on_this_boots_clock_than_now_still_ends(data_dir, clock):
    """`start_boottime` edited 100,000 s ahead (or written by a process in a shifted time
    namespace): counted back from now, the session started in the future at every
    reading, had its whole length left, and never ended nor reminded. No clock of this
    boot wrote that mark: the session is placed by its wall time, and ends on it."""
    service = reopen(data_dir, clock)
    session = service.start(Therapy.ICE, 2).session
    service.close()
    shift_start(data_dir, boot_s=100_000)
    clock.advance(60)
    service = reopen(data_dir, clock)
    status = service.status()
    assert status.state is State.RUNNING and status.remaining == timedelta(minutes=1)
    clock.advance(61)
    [ended] = service.tick()
    assert ended.session.id == session.id
    assert service.status().state is State.WAITING
    assert service.pending_removal().id == session.id  # the reminder goes out
    service.close()


@pytest.mark.parametrize(("wall_s", "boot_s"), [
    (3 * 3600, 3 * 3600),  # `faketime +3h necktimer start ice`, then killed
    (57 * 365 * 86400, 1.8e9),  # faketime with its defaults: the year 2083
])
def test_a_session_recorded_as_starting_later_than_now_ends_now_and_awaits_the_pack(
        data_dir, clock, wall_s, boot_s):
    """Its "15 min left" never went down, and nothing reminded. Nobody can know how long
    the pack has been on: the session ends now, as interrupted, the pack-off reminder
    goes out, and the gap starts when the pack comes off. It is written as starting now
    too, so a real session started later is the latest one again."""
    service = reopen(data_dir, clock)
    session = service.start(Therapy.ICE, 15).session
    service.close()
    shift_start(data_dir, wall_s=wall_s, boot_s=boot_s)
    clock.advance(30)
    look = SessionService.open(data_dir, clock, FixedSettings(), looks_only=True)
    status = look.status()  # `status` only looks: it says so all the same
    assert status.state is State.WAITING and status.awaiting_removal
    look.close()
    service = reopen(data_dir, clock)
    [ended] = service.recover()  # as a window (or a command that acts) starts
    assert ended.session.id == session.id and ended.while_away
    assert service.pending_removal().id == session.id
    assert service.start(Therapy.HEAT, 15).ok is False
    [row] = [r for r in rows(data_dir) if r["id"] == session.id]
    assert row["end_reason"] == "interrupted"
    assert row["started_at"] == row["ended_at"]
    assert row["started_at"].startswith((T0 + timedelta(seconds=30)).isoformat()[:19])
    service.acknowledge_removal()
    clock.advance(2 * 3600 + 5)
    later = service.start(Therapy.HEAT, 10)
    assert later.ok
    assert service.status().session.id == later.session.id
    service.close()


def with_copy(data_dir, clock, copies):
    return SessionService.open(data_dir, clock, FixedSettings(), busy_timeout=0.2,
                               mirror_folder=copies)


def gap_with_copy(data_dir, clock, copies) -> None:
    """As one_session_off_at_its_end, with the record's copy kept in `copies`."""
    service = with_copy(data_dir, clock, copies)
    ran_out_and_came_off(service, clock)
    service.close()


def test_a_deleted_data_folder_gets_its_record_back_from_the_copy(data_dir, clock, tmp_path):
    """`rm -rf` of the data folder in the gap, with nothing of necktimer running: nothing
    was left to tell, and the next start was a first one, inside the gap (found by an
    outside tester). The record's copy in the state folder brings the gap back."""
    copies = tmp_path / "state" / "records"
    gap_with_copy(data_dir, clock, copies)
    [copy] = copies.iterdir()
    assert copy.read_bytes() == (data_dir / RECORD_NAME).read_bytes()
    assert stat.S_IMODE(copies.stat().st_mode) == 0o700
    shutil.rmtree(data_dir)
    clock.advance(30 * 60)
    service = with_copy(data_dir, clock, copies)
    status = service.status()
    assert status.state is State.WAITING and status.wait == timedelta(minutes=90)
    assert not service.start(Therapy.HEAT, 5).ok
    assert any("were restored from the safety record" in n for n in service.notices)
    service.close()


def test_a_copy_whose_gap_is_long_over_is_left_alone(data_dir, clock, tmp_path):
    """A folder deleted to start afresh a day later is a first start, without a notice."""
    copies = tmp_path / "state" / "records"
    gap_with_copy(data_dir, clock, copies)
    shutil.rmtree(data_dir)
    clock.advance(25 * 3600)
    service = with_copy(data_dir, clock, copies)
    assert service.status().state is State.READY and not service.notices
    service.close()


def test_the_copy_is_one_file_per_data_folder(tmp_path):
    from necktimer.core.record import mirror_path

    copies = tmp_path / "copies"
    names = {mirror_path(copies, Path(p)).name for p in (
        "/home/a/.local/share/necktimer", "/home/a/profile", "/home/a%2Fprofile",
        "/" + "x" * 300, "/" + "x" * 300 + "y")}
    assert len(names) == 5
    assert all(len(name.encode()) < 255 and "/" not in name for name in names)


def test_a_history_made_anew_by_a_look_still_gets_the_record_back(data_dir, clock, tmp_path):
    """A `status` without the copy (another spelling of the folder, say) made an empty
    history; the copy was then never tried again, and the next start was a first one
    (found by an outside tester). It is tried wherever the history holds no session."""
    copies = tmp_path / "state" / "records"
    gap_with_copy(data_dir, clock, copies)
    shutil.rmtree(data_dir)
    reopen(data_dir, clock).close()  # an empty history (not 0 bytes), no record
    service = with_copy(data_dir, clock, copies)
    assert service.status().state is State.WAITING
    assert not service.start(Therapy.HEAT, 5).ok
    service.close()


def test_a_damaged_copy_is_a_lost_history_not_a_first_start(data_dir, clock, tmp_path):
    copies = tmp_path / "state" / "records"
    gap_with_copy(data_dir, clock, copies)
    shutil.rmtree(data_dir)
    [copy] = copies.iterdir()
    copy.write_text("garbage")
    service = with_copy(data_dir, clock, copies)
    assert service.history_lost and service.status().state is State.UNKNOWN
    assert not service.start(Therapy.HEAT, 5).ok
    service.close()


@pytest.mark.parametrize("other", ["made it first", "came right after"])
def test_a_history_made_by_another_process_a_moment_ago_is_not_taken_for_a_lost_one(
        data_dir, monkeypatch, other):
    """Two processes started on a new folder at once (the window and a `status`). The one
    that made the history, or found none and opened the other's, looked for traces of
    earlier use only afterwards, and took the other's (its journal, as it writes) for
    those of a history deleted since: "The session history … was missing or empty", or,
    with no record written yet, a lost history flagged in the file both share (an outside
    tester, with one process paused). What counts is what the folder held before this
    process looked, and only the process that makes the history judges it. The other is a
    real process, holding a write with its journal beside the file."""
    import subprocess
    import sys

    from necktimer.core import database
    from necktimer.core.clock import SystemClock

    started = other == "made it first"
    script = ("import sqlite3, sys; from pathlib import Path\n"
              "from necktimer.core.clock import SystemClock\n"
              "from necktimer.core.rules import Therapy\n"
              "from necktimer.core.service import FixedSettings, SessionService\n"
              "s = SessionService.open(Path(sys.argv[1]), SystemClock(), FixedSettings())\n"
              f"assert s.start(Therapy.ICE, 1).ok if {started} else True\n"
              "db = sqlite3.connect(Path(sys.argv[1]) / 'necktimer.sqlite3',\n"
              "                     isolation_level=None)\n"
              "db.execute('BEGIN IMMEDIATE')\n"
              "db.execute(\"INSERT INTO meta VALUES ('writing', 'now')\")  # its journal\n"
              "print('writing', flush=True)\n"
              "sys.stdin.readline()\n")
    others: list[subprocess.Popen] = []
    open_database = database.open_database

    def run_the_other() -> None:
        others.append(subprocess.Popen([sys.executable, "-c", script, str(data_dir)],
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       text=True))
        assert others[0].stdout.readline().strip() == "writing"

    def with_the_other(*args, **kwargs):
        if started:
            run_the_other()
        opened = open_database(*args, **kwargs)
        if not started:
            run_the_other()
        return opened

    assert not data_dir.exists()  # what this process finds as it starts
    monkeypatch.setattr(database, "open_database", with_the_other)
    service = SessionService.open(data_dir, SystemClock(), FixedSettings(), busy_timeout=0.5)
    with others[0] as process:
        assert service.notices == []
        assert not service.history_lost
        # The other's session, as it is; or none, and a first start
        assert service.status().state is (State.RUNNING if started else State.READY)
        process.stdin.write("\n")
    service.close()


@pytest.mark.parametrize("record_fault", ["garbled", "unreadable"])
@pytest.mark.parametrize("pack", ["off", "still on"])
def test_a_damaged_record_beside_a_damaged_history_is_told_by_its_copy(
        data_dir, clock, tmp_path, record_fault, pack):
    """The record garbled (or unreadable) and the history cut to nothing: necktimer took
    the history for lost, and the next write (a refused start) put "lost, no sessions"
    over the record's copy as well; a pack still on was forgotten with it (outside
    tester). The copy tells the session, and stays whole."""
    copies = tmp_path / "state" / "records"
    service = with_copy(data_dir, clock, copies)
    service.start(Therapy.ICE, 15)
    clock.advance(15 * 60)
    service.tick()
    if pack == "off":
        service.acknowledge_removal()
    service.close()
    [copy] = copies.iterdir()
    kept = copy.read_bytes()
    if record_fault == "garbled":
        (data_dir / RECORD_NAME).write_bytes(b"garbage{")
    else:
        (data_dir / RECORD_NAME).unlink()
        (data_dir / RECORD_NAME).mkdir()  # read fails, as for a file nobody may read
    with open(data_dir / DB_NAME, "r+b") as history:
        history.truncate(1000)
    clock.advance(10 * 60)
    restarted = with_copy(data_dir, clock, copies)
    status = restarted.status()
    if pack == "off":
        assert status.state is State.WAITING and status.wait == timedelta(minutes=110)
    else:  # time's up, the pack waits to come off: the gap has not begun
        assert restarted.pending_removal() is not None
    assert not restarted.start(Therapy.HEAT, 5).ok
    assert any("its copy" in notice for notice in restarted.notices)
    restarted.close()
    assert record.read_copy(copy).sessions  # not overwritten with "lost, no sessions"
    assert b'"history_lost":true' not in copy.read_bytes()
    assert kept  # it was there before


def test_a_record_that_cannot_be_read_is_not_said_to_be_unwritable(data_dir, clock,
                                                                    monkeypatch):
    """A record nobody may read (chmod 000) was reported as "cannot write"."""
    one_session_off_at_its_end(data_dir, clock)

    def refused(path, limit):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(record, "read_small", refused)
    with pytest.raises(StorageError) as raised:
        record.read(data_dir)
    assert raised.value.problem is Problem.ACCESS
    assert "cannot read its safety record" in str(raised.value)
    assert "write" not in str(raised.value)


def years_of_history(data_dir, clock, sessions: int) -> None:
    """`sessions` ended sessions with notes and ratings, and one checklist answer (written
    straight into the file: living through them one by one would take minutes)."""
    one_session_off_at_its_end(data_dir, clock)
    service = reopen(data_dir, clock)
    service.record_warning_signs(["arm"])
    service.close()
    with sqlite3.connect(data_dir / DB_NAME) as db:
        names = [row[1] for row in db.execute("PRAGMA table_info(sessions)")]  # stored ones
        template = db.execute(f"SELECT {', '.join(names)} FROM sessions").fetchone()
        rows_ = []
        for number in range(2, sessions + 1):
            row = dict(zip(names, template, strict=True))
            row.update(id=number, note=f"day {number}", pain_before=number % 11)
            rows_.append(tuple(row[name] for name in names))
        db.executemany(f"INSERT INTO sessions ({', '.join(names)}) "
                       f"VALUES ({', '.join('?' * len(names))})", rows_)
    (data_dir / RECORD_NAME).unlink()  # the history alone tells what it holds


def readable_when_padded(path: Path) -> int:
    """How many session rows the damaged file still holds, read by hand."""
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    pages = int.from_bytes(data[28:32], "big")
    data.extend(bytes(pages * size - len(data)))
    copy = path.with_name("by-hand.sqlite3")
    copy.write_bytes(bytes(data))
    try:
        with contextlib.closing(sqlite3.connect(copy)) as db:
            found = 0
            for row_id in range(1, 3000):  # one by one: any damaged page fails a whole scan
                with contextlib.suppress(sqlite3.DatabaseError):
                    found += db.execute("SELECT count(*) FROM sessions WHERE id = ?",
                                        (row_id,)).fetchone()[0]
            return found
    finally:
        copy.unlink()


def cut_short(path: Path, pages: int = 10) -> None:
    size = int.from_bytes(path.read_bytes()[16:18], "big")
    with open(path, "r+b") as file:
        file.truncate(path.stat().st_size - pages * size)


def test_every_session_and_answer_a_damaged_history_still_gives_is_carried_over(
        data_dir, clock):
    """Only the newest 2000 sessions were carried over, and none of the checklist's
    answers: the rest stayed in a damaged file nothing reads again (outside tester)."""
    years_of_history(data_dir, clock, 2500)
    path = data_dir / DB_NAME
    cut_short(path)
    readable = readable_when_padded(path)
    assert readable > 2000
    again = reopen(data_dir, clock)
    assert len(rows(data_dir)) == readable
    assert any(f"the {readable} sessions that could still be read" in notice
               for notice in again.notices), again.notices
    assert again.warning_signs == ("arm",)  # the answer stands, and the urgent banner
    newest = max(row["id"] for row in rows(data_dir))
    assert newest > 2000 and again.session(newest).note == f"day {newest}"
    again.close()


CRASH = """
import os, sys
from pathlib import Path
from necktimer.core import database, store
from necktimer.core.clock import FakeClock
from necktimer.core.service import SessionService
from datetime import datetime, UTC
where = sys.argv[2]
if where == "before the new file takes the name":
    real = os.replace
    def replace(source, target):
        if str(target).endswith("necktimer.sqlite3"):
            os._exit(9)
        return real(source, target)
    database.os.replace = replace
else:  # in the middle of filling the new file
    real = store.Store.import_session
    count = [0]
    def import_session(self, session):
        count[0] += 1
        if count[0] == 500:
            os._exit(9)
        return real(self, session)
    store.Store.import_session = import_session
SessionService.open(Path(sys.argv[1]), FakeClock(datetime(2026, 3, 2, 8, tzinfo=UTC)))
"""


@pytest.mark.parametrize("where", ["before the new file takes the name",
                                   "in the middle of filling the new file"])
def test_a_crash_while_a_damaged_history_is_replaced_loses_nothing(data_dir, clock,
                                                                      tmp_path, where):
    """The damaged file was moved aside first and the new one filled after: killed in
    between, the next start found an empty history, said nothing of the damage, and never
    read the damaged file again: every session was lost (outside tester)."""
    import subprocess
    import sys

    years_of_history(data_dir, clock, 2500)
    path = data_dir / DB_NAME
    cut_short(path)
    readable = readable_when_padded(path)
    crashed = subprocess.run([sys.executable, "-c", CRASH, str(data_dir), where],
                             capture_output=True, text=True, timeout=60)
    assert crashed.returncode == 9, crashed.stderr
    again = reopen(data_dir, clock)
    assert len(rows(data_dir)) == readable
    assert any("could still be read" in notice for notice in again.notices), again.notices
    assert again.status().state is not State.UNKNOWN
    again.close()
    left = sorted(p.name for p in data_dir.iterdir() if "rebuilding" in p.name)
    assert left == [], left  # the half-made file of the crashed process is gone too


def test_a_copy_that_cannot_be_written_is_said_not_only_logged(data_dir, clock, tmp_path):
    """Its folder on a full disk: the start went ahead and only a log line told, though a
    data folder deleted afterwards came back without its gap (outside tester)."""
    state = tmp_path / "state"
    state.write_text("a file where the folder should be")  # every write of the copy fails
    copies = state / "records"
    service = with_copy(data_dir, clock, copies)
    assert service.start(Therapy.ICE, 5).ok  # the record itself is written: it goes ahead
    assert "spare copy of the safety record could not be written" in service.copy_problem
    assert str(state) in service.copy_problem
    state.unlink()
    clock.advance(60)
    service.stop()
    assert service.copy_problem is None  # written again: nothing to say any more
    assert record.read_copy(record.mirror_path(copies, data_dir)).sessions
    service.close()


def test_damage_found_in_use_on_a_full_disk_keeps_the_change_waiting(data_dir, clock,
                                                                      monkeypatch):
    """The history found damaged at a write while there is no room for the new one: the
    error went out of the stop itself, with the old file already closed under the
    service. The stop waits like any other write; the safety record keeps it."""
    from necktimer.core import database, store

    service = reopen(data_dir, clock)
    assert service.start(Therapy.ICE, 15).ok
    clock.advance(5 * 60)

    def damaged(*_args, **_kwargs):
        raise StorageError(Problem.DAMAGED, "database disk image is malformed")

    def no_room(*_args, **_kwargs):
        raise StorageError(Problem.FULL, "The disk holding the session history is full.")

    monkeypatch.setattr(store.Store, "end_session", damaged)
    monkeypatch.setattr(database, "replace_damaged", no_room)
    outcome = service.stop()  # raised StorageError(FULL) out of the stop
    assert service.problem is not None and service.problem.problem is Problem.FULL
    assert service.status().state is State.WAITING  # in memory, the session is over
    [kept] = [s for s in record.read(data_dir).sessions if s.id == outcome.session.id]
    assert kept.ended_at is not None  # the record holds the stop meanwhile
    monkeypatch.undo()
    assert service.flush()
    assert rows(data_dir)[0]["ended_at"] is not None
    service.close()


def backed_up(data_dir: Path, backup: Path) -> None:
    shutil.copytree(data_dir, backup)


def put_back(backup: Path, data_dir: Path) -> None:
    shutil.rmtree(data_dir)
    shutil.copytree(backup, data_dir)


@pytest.mark.parametrize("then", ["off", "on"])
def test_a_folder_put_back_from_a_backup_keeps_the_gap_of_the_newer_session(
        data_dir, clock, tmp_path, then):
    """An older copy of the data folder put back (a backup tool, a sync) held an older
    record and history, which knew nothing of the latest session: a start went ahead a
    minute after it ended (outside tester). The record's copy in the state folder, written
    with every record, tells of it; a pack still on by it is still on."""
    copies = tmp_path / "state" / "records"
    service = with_copy(data_dir, clock, copies)
    service.start(Therapy.ICE, 5)
    clock.advance(20)
    service.stop()  # a mis-start: the history holds a session
    service.close()
    backed_up(data_dir, tmp_path / "backup")
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    if then == "off":
        ran_out_and_came_off(service, clock, Therapy.HEAT, 10)
    else:
        service.start(Therapy.HEAT, 10)
        clock.advance(3 * 60)
    service.close()
    put_back(tmp_path / "backup", data_dir)
    clock.advance(60)

    service = with_copy(data_dir, clock, copies)
    status = service.status()
    if then == "off":
        assert status.state is State.WAITING
        assert status.wait == timedelta(hours=2) - timedelta(seconds=60)
    else:
        assert status.state is State.RUNNING and status.session.therapy is Therapy.HEAT
    assert not service.start(Therapy.ICE, 5).ok
    assert any("older sessions" in notice for notice in service.notices)
    service.close()
    # Written to the folder's own history and record: it holds without the copy.
    service = reopen(data_dir, clock)
    assert service.status().state is (State.WAITING if then == "off" else State.RUNNING)
    assert [s.therapy for s in service.sessions_between(None)] == [Therapy.ICE, Therapy.HEAT]
    service.close()


def test_a_copy_behind_the_folder_never_reopens_a_stop(data_dir, clock, tmp_path):
    """The copy is written after the record, and that write may fail (a full state folder).
    A copy still telling of a running session the folder has stopped adds nothing."""
    copies = tmp_path / "state" / "records"
    service = with_copy(data_dir, clock, copies)
    service.start(Therapy.ICE, 15)
    clock.advance(5 * 60)
    service.close()
    [copy] = copies.iterdir()
    stale = copy.read_bytes()
    service = with_copy(data_dir, clock, copies)
    service.stop()
    service.close()
    copy.write_bytes(stale)  # as if its last write had failed
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    status = service.status()
    assert status.state is State.WAITING and status.session.end_reason is EndReason.STOPPED
    assert not service.notices
    service.close()


def test_a_copy_from_another_folder_under_the_same_numbers_still_keeps_its_gap(
        data_dir, clock, tmp_path):
    """A folder from another machine put in this one's place: its session 1 is not the
    copy's session 1. The copy's recent end still starts a gap, as a reported end does,
    and the folder's own session is left as it was."""
    copies = tmp_path / "state" / "records"
    elsewhere = tmp_path / "elsewhere"
    other = reopen(elsewhere, clock)
    ran_out_and_came_off(other, clock, Therapy.HEAT, 10)
    other.close()
    clock.advance(5 * 3600)
    gap_with_copy(data_dir, clock, copies)  # session 1 here, off just now
    put_back(elsewhere, data_dir)
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    status = service.status()
    assert status.state is State.WAITING
    assert status.wait == timedelta(hours=2) - timedelta(seconds=60)
    [only] = service.sessions_between(None)
    assert only.therapy is Therapy.HEAT and only.planned_length == timedelta(minutes=10)
    service.close()


def test_a_history_overwritten_in_place_while_running_keeps_the_session_it_lost(
        data_dir, clock, tmp_path):
    """`cp backup/necktimer.sqlite3 necktimer.sqlite3` while the window ran (the file keeps
    its inode, so no folder watch sees it): the next wake read the older file and the
    running session was gone, with no reminder at its end and a new start allowed over
    the pack (outside tester). What the file lost is kept and written back."""
    reopen(data_dir, clock).close()
    older = tmp_path / "older.sqlite3"
    shutil.copyfile(data_dir / DB_NAME, older)
    service = reopen(data_dir, clock)
    service.start(Therapy.HEAT, 10)
    clock.advance(60)
    (data_dir / DB_NAME).write_bytes(older.read_bytes())  # in place, same inode
    service.tick()
    assert service.status().state is State.RUNNING
    assert not service.start(Therapy.ICE, 5).ok
    clock.advance(9 * 60)
    [ended] = service.tick()
    assert ended.session.therapy is Therapy.HEAT  # time's up comes, as it should
    service.close()
    service = reopen(data_dir, clock)  # and the file holds it again
    assert service.pending_removal() is not None
    service.close()


def test_a_backup_taken_before_an_undo_keeps_the_session_running(data_dir, clock, tmp_path):
    """A backup taken between a stop and its undo, put back: the folder said the session
    was cancelled, the copy (written later) that it ran on; the folder won, and a second
    pack went on over the first (outside tester)."""
    copies = tmp_path / "state" / "records"
    service = with_copy(data_dir, clock, copies)
    service.start(Therapy.ICE, 10)
    clock.advance(3)
    service.stop()  # a mis-start
    backed_up(data_dir, tmp_path / "backup")
    assert service.undo_stop(1).ok
    service.close()
    put_back(tmp_path / "backup", data_dir)
    clock.advance(30)
    service = with_copy(data_dir, clock, copies)
    assert service.status().state is State.RUNNING
    assert not service.start(Therapy.HEAT, 5).ok
    service.close()


@pytest.mark.parametrize("apart", [timedelta(seconds=0.2), timedelta(minutes=3)])
def test_a_folder_from_elsewhere_whose_session_shares_a_number_keeps_the_gap(
        data_dir, clock, tmp_path, apart):
    """Session 1 of another machine's folder, started within the cap of this folder's
    session 1 (or swapped folders): taken as the same session, the copy's end was lost."""
    copies = tmp_path / "state" / "records"
    service = with_copy(data_dir, clock, copies)
    ran_out_and_came_off(service, clock, Therapy.HEAT, 10)
    service.close()
    elsewhere = FakeClock(clock.now() - timedelta(minutes=10) + apart)
    other = reopen(tmp_path / "elsewhere", elsewhere)
    other.start(Therapy.ICE, 5)
    elsewhere.advance(3)
    other.stop()  # a mis-start: no gap of its own
    other.close()
    put_back(tmp_path / "elsewhere", data_dir)
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    status = service.status()
    assert status.state is State.WAITING
    assert status.wait == timedelta(hours=2) - timedelta(seconds=60)
    service.close()


def test_a_look_at_a_folder_put_back_says_nothing_until_something_acts(data_dir, clock,
                                                                        tmp_path):
    """`status` writes nothing, so it found the same older folder each time and printed
    the notice every time (a panel polling it logged it for ever)."""
    copies = tmp_path / "state" / "records"
    service = with_copy(data_dir, clock, copies)
    service.start(Therapy.ICE, 5)
    clock.advance(20)
    service.stop()
    service.close()
    backed_up(data_dir, tmp_path / "backup")
    clock.advance(60)
    gap_with_copy(data_dir, clock, copies)
    put_back(tmp_path / "backup", data_dir)
    look = SessionService.open(data_dir, clock, FixedSettings(), looks_only=True,
                               mirror_folder=copies)
    assert look.status().state is State.WAITING and look.notices == []
    look.close()


def test_another_historys_file_copied_over_a_running_one_keeps_the_session_and_says_so_once(
        data_dir, clock, tmp_path, caplog):
    elsewhere = FakeClock(clock.now() - timedelta(days=3))
    other = reopen(tmp_path / "elsewhere", elsewhere)
    other.start(Therapy.ICE, 5)  # its session 1, days ago
    for _ in range(7):  # more writes: SQLite sees the file changed by its change counter
        elsewhere.advance(3 * 3600)
        other.tick()
        other.acknowledge_removal()
        other.start(Therapy.ICE, 5)
    other.close()
    service = reopen(data_dir, clock)
    service.start(Therapy.HEAT, 10)  # this one's session 1
    clock.advance(60)
    (data_dir / DB_NAME).write_bytes((tmp_path / "elsewhere" / DB_NAME).read_bytes())
    with caplog.at_level(logging.WARNING, logger="necktimer.service"):
        for _ in range(3):
            clock.advance(60)
            service.tick()
    status = service.status()
    assert status.state is State.RUNNING and status.session.therapy is Therapy.HEAT
    said = [r.getMessage() for r in caplog.records if "lost sessions" in r.getMessage()]
    assert len(said) == 1
    service.close()


def test_a_folder_from_elsewhere_that_wrote_more_still_keeps_this_ones_gap(data_dir, clock,
                                                                         tmp_path):
    """The copy was set aside when the folder put in its place had simply written more
    (four mis-starts against one session): counts of writes of two histories do not
    compare (retest of the outside tester's swap). Each history is named."""
    copies = tmp_path / "state" / "records"
    gap_with_copy(data_dir, clock, copies)  # session 1 here, off just now
    elsewhere = FakeClock(clock.now() - timedelta(minutes=30))
    other = reopen(tmp_path / "elsewhere", elsewhere)
    for _ in range(4):
        other.start(Therapy.HEAT, 5)
        elsewhere.advance(2)
        other.stop()
        elsewhere.advance(60)
    other.close()
    assert record.read(tmp_path / "elsewhere").serial > record.read(data_dir).serial
    assert record.read(tmp_path / "elsewhere").lineage != record.read(data_dir).lineage
    put_back(tmp_path / "elsewhere", data_dir)
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    status = service.status()
    assert status.state is State.WAITING
    assert status.wait == timedelta(hours=2) - timedelta(seconds=60)
    assert any("another history" in notice for notice in service.notices)
    assert not service.start(Therapy.ICE, 5).ok
    service.close()


@pytest.mark.parametrize("looks_first", [False, True], ids=["start", "status, then start"])
def test_a_folder_from_elsewhere_whose_record_tells_more_than_its_history_keeps_this_gap(
        data_dir, clock, tmp_path, looks_first):
    """Another history put in this folder's place, whose safety record knew of an end its
    history did not (a window killed while another program held the history): taking that
    end over wrote the record, and its copy, before the copy was read, so this folder's
    gap was gone from every file and a start went ahead 2 minutes after its pack came off
    (outside tester)."""
    copies = tmp_path / "state" / "records"
    gap_with_copy(data_dir, clock, copies)  # session 1 here, off just now
    elsewhere = FakeClock(clock.now() - timedelta(minutes=20))
    other = reopen(tmp_path / "elsewhere", elsewhere)
    other.start(Therapy.ICE, 5)
    elsewhere.advance(3)
    other.stop()  # a mis-start, in its record and its history
    other.close()
    # The stop never reached the history: only the record has it.
    with contextlib.closing(sqlite3.connect(tmp_path / "elsewhere" / DB_NAME)) as history, \
            history:
        history.execute("UPDATE sessions SET ended_at = NULL, end_reason = NULL, "
                        "removed_at = NULL")
    put_back(tmp_path / "elsewhere", data_dir)
    clock.advance(120)
    if looks_first:
        look = SessionService.open(data_dir, clock, FixedSettings(), looks_only=True,
                                   mirror_folder=copies)
        assert look.status().state is State.WAITING
        look.close()
    service = with_copy(data_dir, clock, copies)
    status = service.status()
    assert status.state is State.WAITING, status
    assert status.wait == timedelta(hours=2) - timedelta(seconds=120)
    assert not service.start(Therapy.HEAT, 5).ok
    assert any("another history" in notice for notice in service.notices)
    service.close()
    # And still after: the copy keeps this folder's gap for the next process too.
    again = with_copy(data_dir, clock, copies)
    assert again.status().state is State.WAITING
    again.close()


@pytest.mark.parametrize("between", ["nothing", "a session here"])
def test_a_folder_from_elsewhere_put_in_place_again_after_it_went_on_keeps_this_gap(
        data_dir, clock, tmp_path, between):
    """Another profile's folder copied over this one, and again after that profile wrote
    more (a folder synced between two machines): the first time, this folder's gap was
    kept in the copy, but under the other history's name; the second time that copy was
    taken for an older state of the same history, set aside, and a start went ahead
    inside the gap (outside tester). A history taken in from elsewhere goes on under a
    name of its own."""
    copies = tmp_path / "state" / "records"
    elsewhere = FakeClock(clock.now() - timedelta(minutes=30))
    other = reopen(tmp_path / "elsewhere", elsewhere)

    def mis_start_there() -> None:
        other.start(Therapy.HEAT, 5)
        elsewhere.advance(3)
        other.stop()
        elsewhere.advance(60)

    mis_start_there()
    gap_with_copy(data_dir, clock, copies)  # session 1 here, off just now
    backup = tmp_path / "elsewhere-then"
    shutil.copytree(tmp_path / "elsewhere", backup)
    put_back(backup, data_dir)
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    assert not service.start(Therapy.ICE, 5).ok  # the first time, kept
    service.close()
    if between == "a session here":  # used here meanwhile: its own sessions count too
        clock.advance(3 * 3600)
        gap_with_copy(data_dir, clock, copies)
    for _ in range(3):  # the other profile goes on, and writes more than this one
        mis_start_there()
    other.close()
    put_back(tmp_path / "elsewhere", data_dir)
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    status = service.status()
    assert status.state is State.WAITING, status
    assert not service.start(Therapy.ICE, 5).ok
    service.close()


def test_mis_starts_of_another_history_start_no_gap(data_dir, clock, tmp_path):
    """Two folders of mis-starts only, swapped: each copy's mis-starts were made an end
    the user reported, and held off a start for 2 hours (outside tester's retest)."""
    copies = tmp_path / "state" / "records"
    service = with_copy(data_dir, clock, copies)
    service.start(Therapy.HEAT, 5)
    clock.advance(2)
    service.stop()
    service.close()
    elsewhere = FakeClock(clock.now())
    other = reopen(tmp_path / "elsewhere", elsewhere)
    other.start(Therapy.HEAT, 5)
    elsewhere.advance(2)
    other.stop()
    other.close()
    put_back(tmp_path / "elsewhere", data_dir)
    clock.advance(60)
    service = with_copy(data_dir, clock, copies)
    assert service.status().state is State.READY
    assert service.start(Therapy.ICE, 5).ok
    service.close()


def test_a_folder_replaced_under_a_running_window_keeps_the_history_put_there(
        data_dir, clock, tmp_path):
    """`rm -rf Y; cp -a other Y` with the window running: taken for a deleted folder, the
    window copied its own history over the one put there, which was lost (outside
    tester). That history stays, and the window's running session is added to it."""
    elsewhere = FakeClock(clock.now() - timedelta(days=2))
    other = reopen(tmp_path / "elsewhere", elsewhere)
    for _ in range(3):
        ran_out_and_came_off(other, elsewhere, Therapy.HEAT, 5)
        elsewhere.advance(3 * 3600)
    other.close()
    service = reopen(data_dir, clock)
    service.start(Therapy.ICE, 10)
    clock.advance(60)
    put_back(tmp_path / "elsewhere", data_dir)
    service.tick()
    status = service.status()
    assert status.state is State.RUNNING and status.session.therapy is Therapy.ICE
    assert any("replaced" in notice for notice in service.notices)
    service.close()
    service = reopen(data_dir, clock)  # and the next launch still has the pack on
    status = service.status()
    assert status.state is State.RUNNING and status.session.therapy is Therapy.ICE
    rows = [s.therapy for s in service.sessions_between(None)]
    assert rows.count(Therapy.HEAT) == 3  # the history put there, whole
    service.close()
