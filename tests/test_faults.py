"""Faults from outside, against the real program: the promise holds whatever breaks.

No path may let a session run past 15 minutes or start inside the 2-hour gap, and
the pack-off reminder must never be lost. Each test here breaks something for
real and drives `python -m necktimer` in its own processes: another process holds
the history with BEGIN EXCLUSIVE, a small tmpfs fills up, the data folder is
deleted, the file is damaged or belongs to another program, another user takes
the socket folder, libfaketime moves the wall clock (the boot clock left real).

To keep real time short, a session that "started 45 s ago" is seeded through the
service with this machine's clocks set back by 45 s (wall and boot clock alike),
so its planned end is 15 s away for every process.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import queue
import select
import shutil
import signal
import sqlite3
import stat
import subprocess
import tempfile
import termios
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from helpers import exposed, remove_folder
from support.bus import NotificationServer
from support.faults import (
    DB_NAME,
    LIBFAKETIME,
    PYTHON,
    RECORD_NAME,
    TIME_UP,
    App,
    Holder,
    SmallDisk,
    can_mount,
    damaged_files,
    hold_backstop_lock,
    kill_mentioning,
    moved_aside,
    parse_time,
    planned_end_monotonic,
    processes_mentioning,
    rows,
    seed,
    set_file_size_limit,
    sleep_until,
    wait_until,
)

from necktimer.commands import Command, Exit, Request
from necktimer.core.rules import Therapy

WRITE_PROBLEM = "cannot save ("  # the one log line a failed write gets


# -- fixtures -------------------------------------------------------------------------------


@pytest.fixture
def root():
    """A short private folder per test: runtime dir (socket paths < 108 bytes), home, logs."""
    path = Path(tempfile.mkdtemp(prefix="nt-f-"))
    yield path
    kill_mentioning(str(path))
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def app(root, data_dir, monkeypatch):
    running = App(data_dir, root)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(running.runtime))  # for App.socket in here
    yield running
    running.cleanup()



@pytest.fixture
def server(bus, app):
    app.bus_address = bus.address
    running = NotificationServer(bus)
    yield running
    running.stop()


@pytest.fixture
def window_only(data_dir):
    """Only the window may remind: the backstop it arms finds its lock taken and exits."""
    fd = hold_backstop_lock(data_dir)
    yield
    os.close(fd)


def next_time_up(server: NotificationServer, timeout: float):
    while True:
        call = server.next_call(timeout)
        if call.is_notify and call.data["summary"] == TIME_UP:
            return call


def written(data_dir: Path, session_id: int, column: str = "ended_at"):
    found = [r for r in rows(data_dir) if r["id"] == session_id]
    return found and found[0][column]


# -- 1. a failed write never ends the reminders -----------------------------------------


def finish(app: App, window, data_dir: Path, session_id: int, *,
           confirmed: bool = False) -> str:
    """The pack-off is confirmed (unless it was) and recorded; the window quits; returns
    what it logged."""
    if not confirmed:
        done = app.run("done")
        assert done.code == 0, done
    wait_until(lambda: written(data_dir, session_id, "removed_at"), 40,
               "the removal is written")
    assert window.poll() is None, "the window died"
    window.terminate()
    window.wait(timeout=30)
    return app.output(window).err


@pytest.mark.dbus
def test_a_locked_history_does_not_silence_times_up(app, server, data_dir):
    """The issue's case, whole program (window and backstop): 20 s into a 1-minute session
    another program takes the history with BEGIN EXCLUSIVE and holds it for 15 s."""
    session = seed(data_dir, started_ago=20)
    window = app.spawn()
    app.wait_ready()
    end = planned_end_monotonic(data_dir)
    holder = Holder(data_dir / DB_NAME)
    try:
        # While it is held, the window still answers and still says the session runs.
        reply = app.ask(Request(Command.STATUS), timeout=8)
        assert reply is not None and reply.status["state"] == "running", reply
        sleep_until(holder.since + 15)
    finally:
        holder.release()
    call = next_time_up(server, timeout=end + 20 - time.monotonic())
    assert call.at - end < 2.0, f"Time's up came {call.at - end:.1f} s late"
    wait_until(lambda: written(data_dir, session.id), 20, "the end is written")
    assert rows(data_dir)[0]["end_reason"] == "completed"
    err = finish(app, window, data_dir, session.id)
    assert err.count(WRITE_PROBLEM) <= 1, err
    assert "damaged" not in err and not damaged_files(data_dir)


@pytest.mark.dbus
def test_the_window_reminds_on_time_while_the_history_is_locked_over_the_end(
        app, server, window_only, data_dir):
    """The window alone (its backstop kept out): the history is held from 8 s before the
    planned end to 7 s after it."""
    session = seed(data_dir, started_ago=45)
    window = app.spawn()
    app.wait_ready()
    end = planned_end_monotonic(data_dir)
    sleep_until(end - 8)
    holder = Holder(data_dir / DB_NAME)
    try:
        call = next_time_up(server, timeout=end + 20 - time.monotonic())
        late = call.at - end
        sleep_until(holder.since + 15)
    finally:
        holder.release()
    wait_until(lambda: written(data_dir, session.id), 40, "the end is written")
    err = finish(app, window, data_dir, session.id)
    assert err.count(WRITE_PROBLEM) == 1, err  # reported once, not once per retry
    assert "damaged" not in err and not damaged_files(data_dir)
    assert late < 2.0, f"Time's up came {late:.1f} s late"


@pytest.fixture
def small_disk(root):
    """The data folder on a 400 KiB tmpfs (mount needs root; RLIMIT_FSIZE is no full disk for
    a second process, so without mount these tests are skipped, saying why)."""
    if why := can_mount():
        pytest.skip(why)
    disk = SmallDisk(root / "disk", "400k")
    yield disk
    disk.unmount()


class FileSizeLimit:
    """Where no tmpfs can be mounted: RLIMIT_FSIZE on the window's own process, so every
    write it makes past the first byte of a file fails (EFBIG, where a full disk gives
    ENOSPC: only the reminder is checked)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir.parent
        self.pid: int | None = None

    def fill(self) -> None:
        set_file_size_limit(self.pid, 1)

    def free(self) -> None:
        set_file_size_limit(self.pid, None)


@pytest.mark.dbus
def test_a_full_disk_does_not_silence_times_up(app, server, root, data_dir, record_property):
    if can_mount() is None:
        disk = SmallDisk(root / "disk", "400k")
        app.data_dir = data_dir = disk.path / "profile"
    else:
        disk = FileSizeLimit(data_dir)
    record_property("full disk made with", type(disk).__name__)
    fd = hold_backstop_lock(data_dir)  # the window alone reminds (made before the disk fills)
    try:
        session = seed(data_dir, started_ago=45)
        window = app.spawn()
        disk.pid = window.pid
        app.wait_ready()
        end = planned_end_monotonic(data_dir)
        sleep_until(end - 8)
        disk.fill()
        call = next_time_up(server, timeout=end + 20 - time.monotonic())
        assert call.at - end < 2.0, f"Time's up came {call.at - end:.1f} s late"
        # Nothing could be written yet: the end waits in memory, and the window says so.
        assert not written(data_dir, session.id)
        status = app.ask(Request(Command.STATUS))
        assert status is not None and status.status["state"] == "waiting"
        time.sleep(3)
        disk.free()
        wait_until(lambda: written(data_dir, session.id), 40, "the end is written")
        err = finish(app, window, data_dir, session.id)
        assert "damaged" not in err and not damaged_files(data_dir)
        if isinstance(disk, SmallDisk):
            assert err.count(WRITE_PROBLEM) == 1, err  # reported once, not once per retry
            assert "full" in err
    finally:
        os.close(fd)
        if isinstance(disk, SmallDisk):
            disk.unmount()


@pytest.mark.dbus
def test_a_deleted_data_folder_neither_silences_times_up_nor_opens_a_second_session(
        app, server, window_only, data_dir):
    session = seed(data_dir, started_ago=45)
    window = app.spawn()
    app.wait_ready()
    end = planned_end_monotonic(data_dir)
    sleep_until(end - 8)
    remove_folder(data_dir)
    # Status is still the window's (it knows), never "ready".
    assert app.status()["state"] == "running"
    second = app.run("start", "heat", "--minutes", "1")
    assert second.code == 1, second
    assert "still running" in second.out
    call = next_time_up(server, timeout=end + 20 - time.monotonic())
    assert call.at - end < 2.0, f"Time's up came {call.at - end:.1f} s late"
    assert app.status()["state"] == "waiting"
    again = app.run("start", "ice", "--minutes", "1")
    # The pack may still be on: the gap waits for it to come off, and says so.
    assert again.code == 1 and "Next session allowed 2 h after the pack comes off" in again.out, \
        again
    # One window, and the folder made again with the history it had open.
    assert [p for p in app.windows if p.poll() is None] == [window]
    wait_until(lambda: written(data_dir, session.id), 40, "the end is written again")
    found = rows(data_dir)
    assert [r["id"] for r in found] == [session.id]
    assert found[0]["end_reason"] == "completed"
    finish(app, window, data_dir, session.id)


def test_a_deleted_data_folder_and_a_window_slow_to_answer_still_make_no_second_session(
        app, data_dir):
    """The folder (and the instance lock in it) is deleted mid-session, and the window is
    too busy to answer for a while (here: stopped). A second `start` must not take over."""
    seed(data_dir, started_ago=10, minutes=5)
    window = app.spawn()
    app.wait_ready()
    remove_folder(data_dir)
    window.send_signal(signal.SIGSTOP)
    try:
        second = app.spawn("start", "heat", "--minutes", "1")
        wait_until(lambda: second.poll() is not None or app.output(second).out, 40,
                   "the second start answers")
        time.sleep(1.0)
    finally:
        window.send_signal(signal.SIGCONT)
    took_over = second.poll() is None
    if took_over:
        second.kill()
        second.wait(timeout=10)
    said = app.output(second)
    assert "Heat session started" not in said.out, said
    assert not took_over, "a second window took over while the first still had a pack on"
    assert second.returncode != 0
    app.wait_ready()
    assert len(rows(data_dir)) == 1


def test_status_of_a_window_that_does_not_answer_is_read_from_the_history(app, data_dir):
    """A stopped (or swapping) window cannot answer `status`; what it left on disk still
    says when the next session is allowed, so that is said, with why it comes from there."""
    seed(data_dir, started_ago=10, minutes=5)
    window = app.spawn()
    app.wait_ready()
    window.send_signal(signal.SIGSTOP)
    try:
        said = app.run("status", timeout=60)
        as_json = app.run("status", "--json", timeout=60)
    finally:
        window.send_signal(signal.SIGCONT)
    assert said.code == 0, said
    assert said.out.startswith("Ice session running: it ends at "), said
    assert "does not answer" in said.err, said
    assert as_json.code == 0 and json.loads(as_json.out)["state"] == "running", as_json
    app.wait_ready()


LOCK_HOLDER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(float(sys.argv[2]))
"""


def test_a_command_outlives_a_window_that_dies_while_starting(app, data_dir):
    seed(data_dir, started_ago=10, minutes=5)
    data_dir.joinpath("instance.lock").touch()
    holder = subprocess.Popen([PYTHON, "-c", LOCK_HOLDER, str(data_dir / "instance.lock"), "1"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        began = time.monotonic()
        result = app.run("stop")
        took = time.monotonic() - began
    finally:
        holder.kill()
        holder.wait(timeout=10)
        holder.stdout.close()
    assert result.code == 0 and "cancelled" in result.out, result
    assert took < 5, f"the command waited {took:.1f} s for a window that had died"


@pytest.mark.dbus
def test_a_window_quit_at_times_up_leaves_its_reminder_on_screen_to_the_backstop(
        app, server, data_dir):
    """Quitting the window while the pack waited to come off took the time's-up
    notification off the screen, and the backstop put up a fresh one up to a minute later.
    Told of it, the backstop now takes over the one on screen at once: a click counts."""
    session = seed(data_dir, started_ago=50)
    window = app.spawn("--verbose")  # it logs whom it told of its notification
    app.wait_ready()
    end = planned_end_monotonic(data_dir)
    shown = next_time_up(server, timeout=end + 20 - time.monotonic())
    told = f"was told of time's-up notification {shown.id}"
    wait_until(lambda: told in app.output(window).err, 20, "the backstop is told")
    window.terminate()  # as the tray's Quit, asked with a pack on and answered yes
    assert window.wait(timeout=30) == 0, app.output(window)
    gone = time.monotonic()
    # Not taken back; and at once the backstop makes it its own, since the server sends
    # a click only to whoever showed the bubble (as dunst and Plasma do).
    taken = server.next_call(timeout=20)
    assert taken.is_notify and taken.data["replaces_id"] == shown.id, taken
    assert taken.at - gone < 5, taken.at - gone  # not at its next round, a minute on
    assert taken.data["body"].startswith("Reminder"), taken  # the window's was the first
    server.invoke(shown.id, "default")  # the bubble the user has seen all along
    wait_until(lambda: written(data_dir, session.id, "removed_at"), 20, "the click counts")
    assert server.next_call(timeout=20).data == {"closed": shown.id}  # and it goes


# -- 2. busy and full are not damage ---------------------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file's mode and content hash (a link: where it points)."""
    found = {}
    for path in sorted(folder.iterdir()):
        if path.is_symlink():
            found[path.name] = (0, os.readlink(path))
        elif path.is_file():
            found[path.name] = (stat.S_IMODE(path.stat().st_mode),
                                hashlib.sha256(path.read_bytes()).hexdigest())
    return found


@pytest.mark.parametrize(("mode", "args"), [
    ("EXCLUSIVE", ("status",)), ("EXCLUSIVE", ("start", "ice")), ("EXCLUSIVE", ("stop",)),
    ("EXCLUSIVE", ("done",)), ("IMMEDIATE", ("start", "heat", "--minutes", "1")),
])
def test_a_locked_history_is_waited_for_then_reported_and_nothing_is_renamed(app, data_dir,
                                                                              mode, args):
    if mode == "IMMEDIATE":  # reads go on; a start must write and is refused for it
        seed(data_dir, started_ago=30, stop_after=5)
    else:
        seed(data_dir, started_ago=11 * 60, removed=True)
    before = snapshot(data_dir)
    holder = Holder(data_dir / DB_NAME, mode)
    try:
        began = time.monotonic()
        result = app.run(*args)
        waited = time.monotonic() - began
    finally:
        holder.release()
    if args == ("status",):
        # It still answers when, from the safety record, and says why.
        assert result.code == 0 and "Next session allowed at" in result.out, result
    elif args == ("start", "ice"):
        # In the gap the rules refuse it anyway: until when, read from the safety record
        # ("busy" alone left it out)
        assert result.code == 1 and "Next session allowed at" in result.out, result
        assert "(from the safety record" in result.err, result
    else:
        assert result.code == 3, result
    if args != ("status",):
        # On stderr, as every exit 3 says it (a start refused by its window said it on
        # stdout, where a script reads answers)
        assert "Another program is holding" in result.err, result
        assert "Another program is holding" not in result.out, result
    assert "Another program is holding the session history" in result.text
    if mode == "EXCLUSIVE":  # (a window gives up a start after 0.25 s: it must not freeze)
        assert waited >= 4.0, "it did not wait for the other program (busy timeout)"
    assert "damaged" not in result.text and "could not be read" not in result.text
    after = snapshot(data_dir)
    after.pop("instance.lock", None)
    before.pop("instance.lock", None)
    assert after == before
    assert not [p for p in app.windows if p.poll() is None]


def test_on_a_full_disk_start_says_the_disk_is_full(app, small_disk):
    app.data_dir = data_dir = small_disk.path / "profile"
    seed(data_dir, started_ago=30, stop_after=5)  # a mis-start: ready, a start must write
    before = snapshot(data_dir)
    small_disk.fill()
    try:
        status = app.run("status")
        assert status.code == 0, status  # reading still works
        started = app.run("start", "heat", "--minutes", "1", timeout=60)
        assert started.code == 3, started
        assert "does not answer" not in started.text
        assert "is full" in started.text and "No session was started" in started.text, started
        assert not damaged_files(data_dir)
        assert {k: v for k, v in snapshot(data_dir).items() if k in before} == before
    finally:
        small_disk.free()
    kill_mentioning(str(data_dir))


def test_on_a_full_disk_a_terminal_never_says_a_change_happened_that_it_could_not_keep(
        app, small_disk):
    """With no window running, `stop` said "cancelled", exit 0, and the exiting process
    took the unwritten stop with it: the next `status` said the session was running."""
    app.data_dir = data_dir = small_disk.path / "profile"
    seed(data_dir, started_ago=90, minutes=5)
    small_disk.fill()
    try:
        stopped = app.run("stop")
        assert stopped.code == 3, stopped
        assert "Not saved yet: the stop." in stopped.err and "is full" in stopped.err
        assert "keeps what it has not saved" not in stopped.err  # not once this has exited
        assert "stopped" not in stopped.out.lower(), stopped
        assert app.status()["state"] == "running"  # what the files say, and was said
    finally:
        small_disk.free()
    again = app.run("stop")
    assert again.code == 0 and "stopped" in again.out.lower(), again
    assert app.status()["state"] == "waiting"
    kill_mentioning(str(data_dir))


def test_a_status_on_a_full_disk_answers_without_a_word_about_writing(app, small_disk):
    """`status` wrote what it worked out (the time, an end at the planned end), and on a
    full disk printed "cannot write the history (full); 0 change(s) wait" every time."""
    app.data_dir = data_dir = small_disk.path / "profile"
    session = seed(data_dir, started_ago=20 * 60, minutes=15)  # ended 5 minutes ago
    small_disk.fill()
    try:
        looked = [app.run("status"), app.run("status", "--json")]
    finally:
        small_disk.free()
    for result in looked:
        assert result.code == 0 and result.err == "", result
    # The end is known to the look: the pack is to come off, five minutes late.
    assert looked[0].out.startswith("Time's up at "), looked[0]
    assert "take the ice pack off now" in looked[0].out, looked[0]
    assert json.loads(looked[1].out)["state"] == "waiting"
    # A look writes nothing, with or without room: whoever acts next writes the end.
    assert app.run("status").code == 0
    assert rows(data_dir)[0]["ended_at"] is None
    assert app.run("done", "--at-end").code == 0
    assert rows(data_dir)[0]["ended_at"] is not None and rows(data_dir)[0]["id"] == session.id
    kill_mentioning(str(data_dir))


def test_a_new_history_on_a_full_disk_is_refused_plainly(app, small_disk):
    app.data_dir = data_dir = small_disk.path / "fresh"
    small_disk.fill()
    try:
        result = app.run("start", "ice", "--minutes", "1")
    finally:
        small_disk.free()
    kill_mentioning(str(data_dir))
    assert result.code == 3, result
    assert "is full" in result.err and "does not answer" not in result.text, result
    assert "nothing was changed" in result.err, result
    assert "keeps what it has not saved" not in result.err  # no process is left to keep it


def test_a_damaged_history_on_a_full_disk_is_left_as_it_was_and_said_so(app, small_disk):
    """`stop` said "necktimer keeps what it has not saved yet", with no process left to
    keep anything; the damaged file must stay where it is, to be read again with room."""
    app.data_dir = data_dir = small_disk.path / "profile"
    seed(data_dir, started_ago=90, minutes=5)
    history = data_dir / "necktimer.sqlite3"
    with open(history, "r+b") as file:
        file.seek(100)
        file.write(os.urandom(2000))
    small_disk.fill()
    try:
        stopped = app.run("stop")
    finally:
        small_disk.free()
    assert stopped.code == 3, stopped
    assert "is full" in stopped.err and "nothing was changed" in stopped.err, stopped
    assert "keeps what it has not saved" not in stopped.err
    assert history.exists() and not damaged_files(data_dir)
    kill_mentioning(str(data_dir))


# -- 3. damage: the gap survives the history --------------------------------------------------


def truncate_half(path: Path, _outside: Path) -> None:
    size = path.stat().st_size
    with open(path, "r+b") as file:
        file.truncate(size // 2)


def random_bytes(path: Path, _outside: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def zero_header(path: Path, _outside: Path) -> None:
    with open(path, "r+b") as file:
        file.write(b"\0" * 100)


def link_to_text(path: Path, outside: Path) -> None:
    outside.write_text("my shopping list\n" * 50)
    path.unlink()
    path.symlink_to(outside)


DAMAGE = [truncate_half, random_bytes, zero_header, link_to_text]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__)
def test_damage_keeps_the_gap(app, data_dir, root, damage):
    session = seed(data_dir, started_ago=11 * 60, removed=True)
    outside = root / "notes.txt"
    damage(data_dir / DB_NAME, outside)
    kept = outside.read_bytes() if outside.exists() else None
    result = app.run("start", "ice", "--minutes", "1")
    assert result.code == 1, result
    assert "Next session allowed at" in result.out
    assert "could not be read" in result.err  # said, and where the damaged file went
    assert len(damaged_files(data_dir)) == 1
    if kept is not None:
        assert outside.read_bytes() == kept  # the link was moved aside, its target untouched
        assert damaged_files(data_dir)[0].is_symlink()
    status = app.status()
    assert status["state"] == "waiting"
    assert 7200 - 660 <= status["wait_s"] <= 7200 - 600 + 5, status  # ended 10 min ago
    assert session.ended_at is not None


@pytest.mark.dbus
def test_a_history_damaged_mid_session_neither_silences_times_up_nor_loses_the_session(
        app, server, window_only, data_dir):
    session = seed(data_dir, started_ago=45)
    window = app.spawn()
    app.wait_ready()
    end = planned_end_monotonic(data_dir)
    sleep_until(end - 8)
    path = data_dir / DB_NAME
    with open(path, "r+b") as file:  # another program scribbles over it, in place
        file.write(os.urandom(path.stat().st_size))
    call = next_time_up(server, timeout=end + 20 - time.monotonic())
    assert call.at - end < 2.0, f"Time's up came {call.at - end:.1f} s late"
    assert app.status()["state"] == "waiting"
    assert app.run("start", "heat").code == 1  # the gap holds
    wait_until(lambda: damaged_files(data_dir), 20, "the damaged file is kept aside")
    wait_until(lambda: written(data_dir, session.id), 20, "the end is in the new history")
    assert [r["id"] for r in rows(data_dir)] == [session.id]
    finish(app, window, data_dir, session.id)


def test_salvaged_rows_alone_keep_the_gap(app, data_dir, root):
    seed(data_dir, started_ago=11 * 60, removed=True)
    (data_dir / RECORD_NAME).unlink()
    truncate_half(data_dir / DB_NAME, root)
    result = app.run("start", "ice", "--minutes", "1")
    assert result.code == 1, result
    assert "Next session allowed at" in result.out


def test_when_nothing_survives_the_cli_refuses_and_says_how_to_answer(app, data_dir, root):
    seed(data_dir, started_ago=11 * 60, removed=True)
    (data_dir / RECORD_NAME).unlink()
    random_bytes(data_dir / DB_NAME, root)
    result = app.run("start", "ice", "--minutes", "1")
    assert result.code == 1, result
    assert "last-applied" in result.out, result


def test_when_nothing_survives_nothing_starts_until_answered(app, data_dir, root):
    seed(data_dir, started_ago=11 * 60, removed=True)
    (data_dir / RECORD_NAME).unlink()
    random_bytes(data_dir / DB_NAME, root)
    refused = app.run("start", "ice", "--minutes", "1")
    assert refused.code == 1, refused
    status = app.status()
    assert status["state"] == "unknown", status
    # Asked again at every launch until answered, never "never".
    assert app.run("start", "heat").code == 1
    # The answer "10 minutes ago" keeps the gap from then. Just after midnight "23:55"
    # is yesterday's: a reading names the latest such time not after now.
    ten_ago = (datetime.now().astimezone() - timedelta(minutes=10)).strftime("%H:%M")
    answered = app.run("last-applied", ten_ago)
    assert answered.code == 0, answered
    status = app.status()
    assert status["state"] == "waiting" and 6500 <= status["wait_s"] <= 6600 + 60, status
    assert app.run("start", "ice").code == 1


def test_a_last_applied_time_is_read_on_the_asking_terminals_clock(app, data_dir, root):
    """A window on UTC, a terminal in Tokyo: "23:42" is Tokyo's 23:42, not the window's
    (read there it was 15 hours off, and the gap it should have kept was gone)."""
    seed(data_dir, started_ago=11 * 60, removed=True)
    (data_dir / RECORD_NAME).unlink()
    random_bytes(data_dir / DB_NAME, root)
    app.spawn(env={"TZ": "UTC"})
    app.wait_ready()
    tokyo = ZoneInfo("Asia/Tokyo")
    half_an_hour_ago = (datetime.now(tokyo) - timedelta(minutes=30)).strftime("%H:%M")
    answered = app.run("last-applied", half_an_hour_ago, env={"TZ": "Asia/Tokyo"})
    assert answered.code == 0, answered
    status = app.status()
    # 90 minutes left, less the seconds the minute dropped and the run took.
    assert status["state"] == "waiting" and 5280 <= status["wait_s"] <= 5400, status
    assert app.run("start", "ice", env={"TZ": "Asia/Tokyo"}).code == 1


def test_the_window_asks_when_ice_or_heat_was_last_applied(qtbot, data_dir, root):
    from PySide6.QtCore import Qt

    from necktimer.core.clock import SystemClock
    from necktimer.core.service import SessionService
    from necktimer.settings_io import SettingsFile
    from necktimer.ui.app import Necktimer

    seed(data_dir, started_ago=11 * 60, removed=True)
    (data_dir / RECORD_NAME).unlink()
    random_bytes(data_dir / DB_NAME, root)
    settings = SettingsFile(data_dir)
    service = SessionService.open(data_dir, SystemClock(), settings)
    instance = Necktimer(service, settings, tray_available=False, dbus_address=None,
                         system_bus=None, arm_backstop=lambda *a, **k: True)
    try:
        instance.start()
        exposed(instance.window)
        panel = instance.window.panel
        assert panel.question.isVisible()
        assert "When did you last" in panel.question.question.text()
        qtbot.mouseClick(panel.start_ice_button, Qt.MouseButton.LeftButton)
        assert not instance.controller.start(Therapy.ICE, 1).ok
        assert rows(data_dir) == []  # nothing started on the assumption "never"
    finally:
        instance.shutdown()
        instance.window.close()


# -- 4. another program's database ------------------------------------------------------------


FOREIGN = {
    "marked": ["PRAGMA application_id = 1234", "CREATE TABLE notes (body TEXT)",
               "INSERT INTO notes VALUES ('keep me')"],
    "unmarked": ["CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('Ann')"],
    "look-alike": ["CREATE TABLE sessions (id INTEGER PRIMARY KEY, what TEXT)",
                   "CREATE TABLE meta (key TEXT, value TEXT)", "PRAGMA user_version = 7",
                   "INSERT INTO sessions (what) VALUES ('not ours')"],
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
@pytest.mark.parametrize("args", [("status",), ("start", "ice", "--minutes", "1")])
def test_another_programs_database_is_refused_and_left_unchanged(app, data_dir, kind, args):
    data_dir.mkdir(mode=0o700)
    connection = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    for statement in FOREIGN[kind]:
        connection.execute(statement)
    connection.close()
    before = snapshot(data_dir)
    result = app.run(*args)
    assert result.code == 3, result
    assert "belongs to another program" in result.err
    assert "damaged" not in result.text
    after = snapshot(data_dir)
    assert after[DB_NAME] == before[DB_NAME]
    assert not damaged_files(data_dir)
    assert not [name for name in after if name.startswith(DB_NAME + "-")]
    assert not [p for p in app.windows if p.poll() is None]


def test_a_link_to_another_programs_database_is_refused_and_both_left_alone(app, data_dir,
                                                                            root):
    theirs = root / "their.sqlite3"
    connection = sqlite3.connect(theirs, isolation_level=None)
    for statement in FOREIGN["marked"]:
        connection.execute(statement)
    connection.close()
    kept = theirs.read_bytes()
    data_dir.mkdir(mode=0o700)
    (data_dir / DB_NAME).symlink_to(theirs)
    result = app.run("start", "ice", "--minutes", "1")
    assert result.code == 3 and "belongs to another program" in result.err, result
    assert (data_dir / DB_NAME).is_symlink() and theirs.read_bytes() == kept
    assert not damaged_files(data_dir)


def test_necktimers_own_file_carries_its_mark(app, data_dir):
    assert app.run("status").code == 0
    connection = sqlite3.connect(data_dir / DB_NAME)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x4E4B544D
    finally:
        connection.close()


# -- 5. the single-instance socket -----------------------------------------------------------


VICTIM_UID = 4242  # a user with no name: only its number matters
NOBODY = 65534


def setpriv(uid: int) -> list[str]:
    return ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]


@pytest.fixture
def two_users(reachable_tmp):
    """Qt-free necktimer code runnable as other users, and the victim's fallback folder."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv (util-linux) to act as two other users")
    from helpers import pure_python_copy

    command, env = pure_python_copy(reachable_tmp / "code")
    fallback = Path(f"/tmp/necktimer-{VICTIM_UID}")
    with moved_aside(fallback):
        yield command[-1], env, fallback


PROBE = """
import os, sys
from necktimer.instance import UnsafeFolder, socket_folder
try:
    print("OK", socket_folder(), oct(os.stat(socket_folder()).st_mode & 0o777))
except UnsafeFolder as error:
    print("REFUSED", error)
"""


def as_user(uid: int, python: str, env: dict, code: str) -> str:
    env = {key: value for key, value in env.items() if key != "XDG_RUNTIME_DIR"}
    done = subprocess.run([*setpriv(uid), python, "-c", code], capture_output=True,
                          text=True, env=env, cwd="/", timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("planted", ["folder-0700", "folder-1777", "link-to-theirs",
                                     "link-to-victims", "file"])
def test_the_fallback_socket_folder_of_another_user_is_refused(two_users, reachable_tmp,
                                                               planted):
    python, env, fallback = two_users
    theirs = reachable_tmp / "theirs"
    victims = reachable_tmp / "victims"
    for folder, owner in ((theirs, NOBODY), (victims, VICTIM_UID)):
        folder.mkdir(mode=0o700)
        os.chown(folder, owner, owner)
    plant = {
        "folder-0700": f"os.mkdir({str(fallback)!r}, 0o700)",
        "folder-1777": f"os.mkdir({str(fallback)!r}); os.chmod({str(fallback)!r}, 0o1777)",
        "link-to-theirs": f"os.symlink({str(theirs)!r}, {str(fallback)!r})",
        "link-to-victims": f"os.symlink({str(victims)!r}, {str(fallback)!r})",
        "file": f"open({str(fallback)!r}, 'w').close()",
    }[planted]
    as_user(NOBODY, python, env, f"import os; {plant}")
    before = os.lstat(fallback)
    answer = as_user(VICTIM_UID, python, env, PROBE)
    assert answer.startswith("REFUSED"), answer
    after = os.lstat(fallback)
    assert (after.st_uid, after.st_mode) == (before.st_uid, before.st_mode)
    assert not any(victims.iterdir()) and not any(theirs.iterdir())


def test_the_fallback_socket_folder_is_made_private_and_checked(two_users):
    python, env, fallback = two_users
    answer = as_user(VICTIM_UID, python, env, PROBE)
    assert answer == f"OK {fallback} 0o700"
    info = os.lstat(fallback)
    assert info.st_uid == VICTIM_UID and stat.S_ISDIR(info.st_mode)


FAKE_SERVER = """
import os, socket, sys
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind(sys.argv[1])
os.chmod(sys.argv[1], 0o777)
os.setgroups([]); os.setgid(65534); os.setuid(65534)  # listen() as another user
listener.listen(8)
print("listening", flush=True)
while True:
    connection, _ = listener.accept()
    connection.recv(4096)
    connection.sendall(b'{"code": 0, "message": "FAKE: all is well", "status": {"state": '
                       b'"ready", "therapy": null, "ends_at": null, "next_allowed_at": null, '
                       b'"remaining_s": 900, "wait_s": null}}\\n')
    connection.close()
"""


def test_the_client_trusts_no_answer_from_another_users_socket(app, data_dir):
    if os.geteuid() != 0:
        pytest.skip("needs root to listen on a socket as another user")
    seed(data_dir, started_ago=30, minutes=5)
    path = app.socket
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fake = subprocess.Popen([PYTHON, "-c", FAKE_SERVER, str(path)], stdout=subprocess.PIPE,
                            text=True)
    try:
        assert fake.stdout.readline().strip() == "listening"
        status = app.run("status", "--json")
        assert status.code == 0, status
        assert json.loads(status.out)["state"] == "running"  # from the history, not the fake
        assert "another user" in status.err
        human = app.run("status")
        assert "FAKE" not in human.text
    finally:
        fake.kill()
        fake.wait(timeout=10)
        fake.stdout.close()


@pytest.fixture
def taken_fallback():
    """XDG_RUNTIME_DIR unset, and /tmp/necktimer-<uid> made first by the user nobody."""
    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to plant a folder as another user")
    fallback = Path(f"/tmp/necktimer-{os.getuid()}")
    if fallback.is_dir() and not fallback.is_symlink() and any(fallback.iterdir()):
        pytest.skip(f"{fallback} is in use by a necktimer of this user; not touched")
    with moved_aside(fallback):
        subprocess.run([*setpriv(NOBODY), "/usr/bin/python3", "-c",
                        f"import os; os.mkdir({str(fallback)!r}, 0o777); "
                        f"os.chmod({str(fallback)!r}, 0o777)"], check=True)
        yield fallback


def test_a_window_whose_socket_folder_was_taken_listens_in_its_data_folder(
        app, data_dir, taken_fallback):
    """No XDG_RUNTIME_DIR, and another user made /tmp/necktimer-<uid> first: the window
    listens in its data folder, so later launches reach it and are answered by it."""
    app.extra_env["XDG_RUNTIME_DIR"] = ""
    window = app.spawn("start", "ice", "--minutes", "1")
    wait_until(lambda: (data_dir / "socket" / "instance.sock").exists(), 30,
               "the window listens")
    second = app.run("start", "heat", "--minutes", "1")
    assert second.code == 1 and "still running" in second.out, second  # the window's answer
    assert "belongs to another user" in second.err  # what the other user did is said
    status = app.run("status", "--json")
    assert json.loads(status.out)["state"] == "running"
    assert [p for p in app.windows if p.poll() is None] == [window]
    assert len(rows(data_dir)) == 1
    assert list(taken_fallback.iterdir()) == []  # nothing of ours in their folder
    assert app.run("stop").code == 0
    assert app.run("quit").code == 0
    assert window.wait(timeout=30) == 0


def test_the_window_says_when_no_launch_can_reach_it(qtbot, root, taken_fallback,
                                                      monkeypatch):
    """Neither the usual folder (taken) nor the data folder (its path too long for a
    socket's) can hold the socket: the window says so, and goes on working."""
    from necktimer.core.clock import SystemClock
    from necktimer.core.service import SessionService
    from necktimer.instance import InstanceLock
    from necktimer.settings_io import SettingsFile
    from necktimer.ui.app import Necktimer

    monkeypatch.delenv("XDG_RUNTIME_DIR")
    data_dir = root / ("a-folder-with-a-long-name-" * 4)
    settings = SettingsFile(data_dir)
    service = SessionService.open(data_dir, SystemClock(), settings)
    lock = InstanceLock(data_dir)
    assert lock.acquire()
    instance = Necktimer(service, settings, tray_available=False, dbus_address=None,
                         system_bus=None, arm_backstop=lambda *a, **k: True, lock=lock)
    try:
        instance.start()
        exposed(instance.window)
        banner = instance.window.problem_banner
        assert banner.isVisible()
        assert "cannot reach this window" in banner.label.text()
        assert "another user" in banner.label.text()
        assert instance.server is None
    finally:
        instance.shutdown()
        instance.window.close()
        lock.release()


# -- 6. the wall clock moves, the boot clock decides -----------------------------------------


def faketime_env(spec_file: Path) -> dict[str, str]:
    return {"LD_PRELOAD": LIBFAKETIME, "FAKETIME_TIMESTAMP_FILE": str(spec_file),
            "FAKETIME_NO_CACHE": "1", "FAKETIME_DONT_FAKE_MONOTONIC": "1"}


needs_faketime = pytest.mark.skipif(
    LIBFAKETIME is None or not shutil.which("faketime"),
    reason="libfaketime is needed (Debian packages faketime and libfaketime)")


@needs_faketime
@pytest.mark.parametrize("offset", ["+3h", "+2h", "+1d"])
def test_a_clock_set_forward_between_runs_does_not_shorten_the_gap(app, data_dir, offset):
    seed(data_dir, started_ago=6 * 60, minutes=5, removed=True)  # ended a minute ago
    faked = ("faketime", "-f", offset)
    env = {"FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    result = app.run("start", "ice", "--minutes", "1", prefix=faked, env=env)
    assert result.code == 1, result
    assert "Next session allowed at" in result.out
    asked = app.run("status", "--json", prefix=faked, env=env)
    assert asked.code == 0 and asked.out, asked  # (once seen empty in CI: say why, if again)
    status = json.loads(asked.out)
    assert status["state"] == "waiting" and 7000 <= status["wait_s"] <= 7200 - 55, status


@needs_faketime
def test_a_last_applied_time_before_the_clocks_went_forward_keeps_its_whole_gap(app, data_dir):
    """03:30 on the morning New York's clocks went forward, a terminal whose TZ is the
    rule itself (no zone file) answers "01:30": 06:30 UTC, so an hour left. Read with the
    offset of now (or by a window, which cannot know the rule), it was 05:30 and ready."""
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(os.urandom(8192))  # nothing survives: the app asks
    faked = ("faketime", "-f", "@2026-03-08 03:30:00")  # read in New York: 07:30 UTC
    env = {"FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    app.spawn(prefix=faked, env=env | {"TZ": "America/New_York"})
    app.wait_ready()
    rule = env | {"TZ": "EST5EDT,M3.2.0,M11.1.0"}
    answered = app.run("last-applied", "01:30", prefix=faked, env=rule)
    assert answered.code == 0 and "Next session allowed at 04:30" in answered.out, answered
    status = json.loads(app.run("status", "--json", prefix=faked, env=rule).out)
    assert status["state"] == "waiting" and 3500 <= status["wait_s"] <= 3600, status


@needs_faketime
def test_a_window_whose_boot_clock_runs_ahead_still_answers_status_and_acts_on_nothing_late(
        app, data_dir):
    """Under faketime (the boot clock faked too) every request looks to the window as if
    its asker had long stopped waiting. `status` only looks, so it is answered; an act is
    refused in words a person understands, and not done."""
    window = app.spawn(prefix=("faketime", "-f", "+3h"))
    app.wait_ready()  # asks `status` from this process's real clocks
    asked = app.run("status", "--json")
    assert asked.code == 0 and json.loads(asked.out)["state"] == "ready", asked
    refused = app.run("start", "ice", "--minutes", "1")
    assert refused.code == Exit.UNAVAILABLE, refused
    assert "after the terminal had stopped waiting" in refused.err, refused
    assert "clock runs apart" in refused.err and "Nothing changed" in refused.err, refused
    assert json.loads(app.run("status", "--json").out)["state"] == "ready"
    assert not rows(data_dir)
    window.kill()
    window.wait(timeout=10)


@needs_faketime
def test_a_clock_set_forward_between_runs_does_not_end_a_running_session(app, data_dir):
    seed(data_dir, started_ago=20)
    faked = ("faketime", "-f", "+3h")
    env = {"FAKETIME_DONT_FAKE_MONOTONIC": "1"}
    status = json.loads(app.run("status", "--json", prefix=faked, env=env).out)
    assert status["state"] == "running" and 30 <= status["remaining_s"] <= 41, status
    refused = app.run("start", "heat", prefix=faked, env=env)
    assert refused.code == 1 and "still running" in refused.out, refused
    window = app.spawn(prefix=faked, env=env)  # a window launched 3 h "later" resumes it
    reply = app.wait_ready()
    assert reply.status["state"] == "running" and reply.status["remaining_s"] >= 25, reply
    assert rows(data_dir)[0]["ended_at"] is None
    window.kill()
    window.wait(timeout=10)


@needs_faketime
@pytest.mark.dbus
@pytest.mark.parametrize("jump", ["+3h", "-3h"])
def test_a_clock_jump_during_a_session_neither_ends_it_nor_shortens_the_gap(
        app, server, data_dir, root, jump):
    spec = root / "faketime"
    spec.write_text("+0\n")
    app.extra_env.update(faketime_env(spec))
    session = seed(data_dir, started_ago=35)
    window = app.spawn()
    app.wait_ready()
    end = planned_end_monotonic(data_dir)
    spec.write_text(f"{jump}\n")
    time.sleep(2.0)  # a few wake-ups with the clock 3 h ahead
    reply = app.ask(Request(Command.STATUS))
    assert reply is not None and reply.status["state"] == "running", reply
    assert abs(reply.status["remaining_s"] - (end - time.monotonic())) < 2.5
    with pytest.raises(queue.Empty):  # nothing ends before the real planned end
        next_time_up(server, timeout=max(end - 4 - time.monotonic(), 0.1))
    spec.write_text("+0\n")  # set back
    call = next_time_up(server, timeout=end + 10 - time.monotonic())
    assert abs(call.at - end) < 2.0, f"Time's up {call.at - end:+.1f} s from the planned end"
    done = app.ask(Request(Command.DONE))  # the pack comes off at once
    assert done is not None and done.ok, done
    # The gap runs from the real end, on the real clock.
    reply = app.ask(Request(Command.STATUS))
    allowed = datetime.fromisoformat(reply.status["next_allowed_at"])
    real_end = datetime.now().astimezone() - timedelta(seconds=time.monotonic() - end)
    assert abs((allowed - (real_end + timedelta(hours=2))).total_seconds()) < 3
    spec.write_text("+3h\n")
    refused = app.ask(Request(Command.START, Therapy.ICE, 1))
    assert refused is not None and not refused.ok and "allowed at" in refused.message
    spec.write_text("+0\n")
    finish(app, window, data_dir, session.id, confirmed=True)


@needs_faketime
def test_after_the_clock_is_set_back_the_app_records_real_times(app, data_dir, root):
    spec = root / "faketime"
    spec.write_text("+0\n")
    app.extra_env.update(faketime_env(spec))
    session = seed(data_dir, started_ago=65)  # ended 5 s ago, pack still on
    window = app.spawn()
    app.wait_ready()
    spec.write_text("+3h\n")
    time.sleep(2.0)
    assert app.ask(Request(Command.STATUS)) is not None  # the window reads the clock
    spec.write_text("+0\n")
    time.sleep(1.0)
    assert app.run("done").code == 0
    wait_until(lambda: written(data_dir, session.id, "removed_at"), 20, "removal written")
    removed = parse_time(written(data_dir, session.id, "removed_at"))
    lag = (removed - datetime.now().astimezone()).total_seconds()
    window.terminate()
    window.wait(timeout=30)
    assert abs(lag) < 10, f"removed_at recorded {lag / 3600:+.2f} h off the real clock"


@needs_faketime
def test_after_the_clock_is_set_back_a_restarted_necktimer_records_real_times(app, data_dir,
                                                                              root):
    spec = root / "faketime"
    spec.write_text("+3h\n")
    app.extra_env.update(faketime_env(spec))
    session = seed(data_dir, started_ago=65)  # ended 5 s ago, pack still on
    window = app.spawn()  # launched while the clock is 3 h ahead
    app.wait_ready()
    window.kill()
    window.wait(timeout=10)
    spec.write_text("+0\n")  # the clock is put right (NTP), then the user confirms
    assert app.run("done").code == 0
    removed = parse_time(written(data_dir, session.id, "removed_at"))
    lag = (removed - datetime.now().astimezone()).total_seconds()
    assert abs(lag) < 10, f"removed_at recorded {lag / 3600:+.2f} h off the real clock"


@pytest.mark.dbus
def test_a_frozen_window_ends_an_overdue_session_as_soon_as_it_runs_again(
        app, server, window_only, data_dir):
    """The nearest thing to suspend a test can make: SIGSTOP over the planned end. (A real
    suspend, where CLOCK_MONOTONIC stops but CLOCK_BOOTTIME runs on, needs a machine to
    sleep; the resume path itself is tested with logind's PrepareForSleep in tests/ui.)"""
    seed(data_dir, started_ago=50)
    window = app.spawn()
    app.wait_ready()
    end = planned_end_monotonic(data_dir)
    sleep_until(end - 5)
    window.send_signal(signal.SIGSTOP)
    try:
        sleep_until(end + 8)
    finally:
        window.send_signal(signal.SIGCONT)
    woke = time.monotonic()
    call = next_time_up(server, timeout=10)
    assert call.at - woke < 2.0


# -- 7. mis-starts cannot be chained ----------------------------------------------------------


def test_a_mis_start_shortens_the_next_session_everywhere(app, data_dir):
    window = app.spawn("start", "ice", "--minutes", "1")
    wait_until(lambda: "Ice session started" in app.output(window).out, 30, "started")
    app.wait_ready()
    time.sleep(6.0)
    stopped = app.run("stop")
    assert stopped.code == 0 and "cancelled" in stopped.out, stopped
    used = rows(data_dir)[0]
    applied = (parse_time(used["ended_at"]) - parse_time(used["started_at"])).total_seconds()
    assert 5.5 < applied < 12
    ready = app.status()
    # remaining_s is rounded up (never understated): 14 min 54 s for 6 s of ice
    assert ready["state"] == "ready" and ready["remaining_s"] <= 900 - applied + 1, ready
    human = app.run("status")
    assert "at most 14 min" in human.out, human
    started = app.run("start", "heat", "--minutes", "15")
    assert started.code == 0, started
    assert "shorter than you asked" in started.out, started
    running = app.status()
    assert running["remaining_s"] <= 900 - applied + 1, running
    second = rows(data_dir)[1]
    planned = (parse_time(second["planned_end"]) - parse_time(second["started_at"]))
    assert planned.total_seconds() <= 900 - applied + 0.5
    app.run("stop")
    assert app.run("quit").code == 0
    window.wait(timeout=30)


def test_three_chained_mis_starts_leave_what_is_left_of_15_minutes(app, data_dir):
    for ago in (400, 300, 200):
        seed(data_dir, started_ago=ago, stop_after=58)
    status = app.status()
    assert status["state"] == "ready" and status["remaining_s"] <= 900 - 174, status
    window = app.spawn("start", "ice", "--minutes", "15")
    wait_until(lambda: "Ice session started" in app.output(window).out, 30, "started")
    out = app.output(window).out
    assert "shorter than you asked" in out and "12 min" in out, out
    reply = app.wait_ready()
    assert reply.status["remaining_s"] <= 900 - 174
    found = rows(data_dir)
    total = sum((min(parse_time(r["ended_at"] or r["planned_end"]), parse_time(r["planned_end"]))
                 - parse_time(r["started_at"])).total_seconds() for r in found)
    assert total <= 900 + 1
    app.run("stop")
    app.run("quit")
    window.wait(timeout=30)


def test_the_length_picker_offers_only_what_is_left(qtbot, data_dir):
    from necktimer.core.clock import SystemClock
    from necktimer.core.service import SessionService
    from necktimer.settings_io import SettingsFile
    from necktimer.ui.app import Necktimer

    seed(data_dir, started_ago=120, stop_after=6)
    settings = SettingsFile(data_dir)
    service = SessionService.open(data_dir, SystemClock(), settings)
    instance = Necktimer(service, settings, tray_available=False, dbus_address=None,
                         system_bus=None, arm_backstop=lambda *a, **k: True)
    try:
        instance.start()
        exposed(instance.window)
        picker = instance.window.length_picker
        assert picker.maximum() == 14
        assert "at most 14 min 5" in picker.toolTip(), picker.toolTip()
    finally:
        instance.shutdown()
        instance.window.close()


# -- 8. smaller holes -------------------------------------------------------------------------


def test_an_empty_data_dir_is_a_usage_error(app, root):
    before = sorted(p.name for p in root.iterdir())
    result = app.run("--data-dir", "", "status", data_dir_arg=False)
    assert result.code == 2, result
    assert len(result.err.strip().splitlines()) == 1
    assert sorted(p.name for p in root.iterdir()) == before


def test_only_folders_necktimer_creates_get_their_mode_set(app, root):
    shared = root / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    app.data_dir = shared
    assert app.run("status").code == 0
    assert app.run("stop").code == 1
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    app.data_dir = root / "new" / "deeper" / "profile"
    assert app.run("status").code == 0
    for folder in (root / "new", root / "new" / "deeper", app.data_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def raw_exchange(path: Path, payload: bytes) -> bytes:
    import socket

    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10)
        client.connect(str(path))
        client.sendall(payload)
        data = b""
        while b"\n" not in data:
            chunk = client.recv(4096)
            if not chunk:
                break
            data += chunk
        return data


@pytest.mark.parametrize("payload", [b"[" * 4000 + b"\n", b'{"a":' * 800 + b"\n",
                                     b"[" * 4000 + b"]" * 95 + b"\n"])
def test_deeply_nested_json_gets_a_refusal_and_the_window_lives(app, payload):
    window = app.spawn()
    app.wait_ready()
    answer = json.loads(raw_exchange(app.socket, payload).splitlines()[0])
    assert answer["code"] == 2 and answer["message"].startswith("refused"), answer
    assert window.poll() is None
    assert app.wait_ready(timeout=10).ok
    app.run("quit")
    window.wait(timeout=30)


@pytest.mark.parametrize("argument", ["\n", "ice\nheat", "\x1b[31m"])
def test_a_control_character_in_an_argument_gets_a_one_line_error(app, argument):
    result = app.run("status", argument)
    assert result.code == 2
    assert result.out == ""
    assert len(result.err.splitlines()) == 1, result.err


def test_csv_cells_never_run_or_split(data_dir):
    import csv
    import io

    from necktimer.core.diary import FORMULA_STARTERS, to_csv
    from necktimer.core.service import SessionService

    notes = ["a;=1+1", "a\t=1+1", "＝1+1", "line one\n=HYPERLINK(\"x\")", "a|@SUM(1)",
             " =1+1", "a,+1", "\r=1", "ok; -2", "a;＋1"]
    seed(data_dir, started_ago=11 * 60, removed=True)
    service = SessionService.open(data_dir, __import__(
        "necktimer.core.clock", fromlist=["SystemClock"]).SystemClock())
    [session] = service.sessions_between(None)
    text_rows = []
    for note in notes:
        service.record_note(session.id, note)
        [session] = service.sessions_between(None)
        text_rows.append(to_csv([session]))
    service.close()
    for note, text in zip(notes, text_rows, strict=True):
        assert text.count("\n") == 2, (note, text)  # header and one row, one line each
        cell = list(csv.reader(io.StringIO(text)))[1][-1]
        for separator in (";", ",", "\t", "|"):
            for part in cell.split(separator):
                assert not part.lstrip().startswith(FORMULA_STARTERS), (note, cell)


@pytest.mark.parametrize("which", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_window_quit_by_a_signal_with_a_pack_on_says_what_that_costs(app, data_dir, which):
    """`necktimer start ice` with no window open becomes the window; Ctrl+C in that
    terminal closed it with the pack on, silently, where the window would have asked."""
    window = app.spawn("start", "ice", "--minutes", "5")
    app.wait_ready()
    window.send_signal(which)
    window.wait(timeout=30)
    said = app.output(window)
    assert "Ice session started" in said.out
    assert said.err.count("A pack is on. If necktimer quits now") == 1, said.err
    assert window.returncode == 0
    assert app.status()["state"] == "running"  # quitting never ends the session


def test_a_window_outlives_the_terminal_it_was_started_from(app):
    """`necktimer start ice` typed in a terminal becomes the window; closing that terminal
    (SIGHUP to the process it controls) killed the window with the pack on, silently."""
    terminal, its_side = os.openpty()

    def take_the_terminal() -> None:  # as a shell gives a job its controlling terminal
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    window = subprocess.Popen(app.command("start", "ice", "--minutes", "5"),
                              stdin=its_side, stdout=its_side, stderr=its_side,
                              env=app.env, cwd=app.root, start_new_session=True,
                              preexec_fn=take_the_terminal)
    app.windows.append(window)
    os.close(its_side)
    said = b""
    deadline = time.monotonic() + 30
    while b"Ice session started" not in said:
        assert time.monotonic() < deadline, said
        ready, _, _ = select.select([terminal], [], [], 1.0)
        if ready:
            said += os.read(terminal, 4096)
    app.wait_ready()
    os.close(terminal)  # the terminal window is closed: its session gets SIGHUP
    # The signal is delivered before the window runs again, so an answer comes after it.
    assert app.ask(Request(Command.STATUS)) is not None, "the window died of the hangup"
    assert window.poll() is None
    assert app.status()["state"] == "running"
    # What it says on quitting goes nowhere now, and quitting still goes well.
    window.send_signal(signal.SIGTERM)
    assert window.wait(timeout=30) == 0


def test_a_folder_deleted_just_after_a_start_is_watched_by_a_backstop_again(app, data_dir):
    """`start ice; rm -rf` at once: the backstop the start armed found no folder and left,
    and the window made the folder again without arming another; killed after that,
    nothing reminded. Now a backstop watches the new folder and outlives the window."""
    window = app.spawn()
    app.wait_ready()
    assert app.run("start", "ice", "--minutes", "2").code == 0
    remove_folder(data_dir)
    wait_until(lambda: (data_dir / RECORD_NAME).exists(), 30, "the folder is made again")

    def backstops() -> list[int]:
        return [pid for pid in processes_mentioning(str(data_dir))
                if b"backstop" in Path(f"/proc/{pid}/cmdline").read_bytes()]

    wait_until(lambda: len(backstops()) == 1, 30, "one backstop watches the new folder")
    window.kill()
    window.wait(timeout=10)
    # Under load, for a moment: a second one armed as the first seemed to leave, still
    # starting (it leaves when it finds the lock taken), or the first still holding the
    # lock of the deleted folder (it takes the new folder's at its next look).
    def one_watches() -> bool:
        try:
            holder = int((data_dir / "backstop.lock").read_text().partition("\n")[0])
        except (OSError, ValueError):
            return False
        return backstops() == [holder]

    wait_until(one_watches, 15, "one backstop outlives the window, holding the folder's lock")


def test_a_read_only_file_system_is_named_as_one(app, small_disk):
    """`start` said the folder "is read-only", `status` that the history "cannot be read":
    it can be read; the file system takes no writes."""
    app.data_dir = data_dir = small_disk.path / "profile"
    seed(data_dir, started_ago=3 * 3600, removed=True)  # long over: a start would be allowed
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk.path)], check=True)
    try:
        started = app.run("start", "ice", "--minutes", "1")
        assert started.code == 3, started
        assert f"{data_dir} is on a read-only file system" in started.text, started
        status = app.run("status")
        assert status.code == 0, status
        assert "cannot be read" not in status.text
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk.path)], check=True)
    kill_mentioning(str(data_dir))


def test_a_start_in_the_gap_on_a_read_only_file_system_says_until_when(app, small_disk):
    """Only "cannot write its session history" was said, where a locked history said when
    the next session is allowed: the rules refuse this start anyway (outside tester)."""
    app.data_dir = data_dir = small_disk.path / "profile"
    seed(data_dir, started_ago=10 * 60, minutes=5, removed=True)  # off 5 minutes ago
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk.path)], check=True)
    try:
        started = app.run("start", "ice", "--minutes", "1")
        assert started.code == 1, started
        assert f"{data_dir} is on a read-only file system" in started.text, started
        assert "Next session allowed at" in started.text and "(in 1 h 5" in started.text
        assert started.text.count("Next session allowed at") == 1  # not on stderr again
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk.path)], check=True)
    kill_mentioning(str(data_dir))


@pytest.mark.parametrize("then", ["start", "window"])
def test_a_start_just_after_the_folder_was_deleted_waits_for_the_backstop(app, data_dir, then):
    """`rm -rf DIR && necktimer start heat`, the window already dead: the start came before
    the backstop wrote the safety record again (it lets a deletion finish first), found
    no trace of the pack that was on, and began a session inside the gap. Only the
    backstop's process outlives the folder; a start that finds no record asks whether one
    watches it, and waits for the record (found by an outside tester)."""
    window = app.spawn("start", "ice", "--minutes", "5")
    app.wait_ready()
    log = data_dir / "backstop.log"
    wait_until(lambda: log.exists() and "watching session 1" in log.read_text(), 30,
               "the backstop has read the record")
    window.kill()
    window.wait(timeout=10)
    remove_folder(data_dir)
    if then == "start":
        again = app.run("start", "heat", "--minutes", "1")
        assert again.code == 1, again
        assert "Heat session started" not in again.out
    else:  # a window opened at once shows the pack that is on, and refuses a start
        app.spawn()
        app.wait_ready()
        assert app.ask(Request(Command.START, Therapy.HEAT, 1)).code == 1
    assert app.status()["state"] == "running"  # the ice pack that is still on


def test_a_folder_deleted_with_nothing_of_necktimer_left_keeps_its_pack_and_gap(app, data_dir):
    """The window and its backstop killed at once (a crash, a logout), then `rm -rf`:
    nothing was left to tell a pack was on, and the next start began a session inside
    the gap (found by an outside tester). The safety record's copy in the user's state
    folder, written with every record, is put back into the folder made anew."""
    app.spawn()
    app.wait_ready()
    assert app.run("start", "ice", "--minutes", "5").code == 0
    kill_mentioning(str(data_dir))  # the window and the backstop, at once
    remove_folder(data_dir)
    said = app.run("status")
    assert said.out.startswith("Ice session running"), said
    assert "were restored from the safety record" in said.err, said  # told once, the first
    status = app.status()
    assert status["state"] == "running" and status["therapy"] == "ice", status
    again = app.run("start", "heat", "--minutes", "1")
    assert again.code == 1 and "Heat session started" not in again.out, again
    copies = app.home / ".local" / "state" / "necktimer" / "records"
    assert stat.S_IMODE(copies.stat().st_mode) == 0o700
    assert [stat.S_IMODE(p.stat().st_mode) for p in copies.iterdir()] == [0o600]


@pytest.mark.parametrize("spelling", ["x/../{name}", "/{path}", "link"])
def test_another_spelling_of_the_folder_finds_its_copy_and_its_backstop(app, data_dir,
                                                                        spelling):
    """`--data-dir /a/x/../d` (or `//a/d`, or a symlink) named the record's copy and the
    search for the folder's backstop differently: with the window killed and the folder
    deleted, a start so spelled began a second session over the pack that was on (found
    by an outside tester). Every spelling is made the folder's one real path."""
    app.spawn()
    app.wait_ready()
    assert app.run("start", "ice", "--minutes", "5").code == 0
    for process in app.windows:
        process.kill()
        process.wait(timeout=10)
    remove_folder(data_dir)
    (data_dir.parent / "x").mkdir(exist_ok=True)
    if spelling == "link":
        other = data_dir.parent / "link"
        other.symlink_to(data_dir)
    else:
        other = spelling.format(name=data_dir.name, path=data_dir)
        other = Path(other) if other.startswith("/") else data_dir.parent / other
    again = app.run("--data-dir", str(other), "start", "heat", "--minutes", "1",
                    data_dir_arg=False)
    assert again.code == 1 and "Heat session started" not in again.out, again
    assert app.status()["state"] == "running"


def delete_folder(app, data_dir: Path) -> None:
    remove_folder(data_dir)


def delete_folder_then_look(app, data_dir: Path) -> None:
    """A `status` at once makes a new, empty history before the backstop could act."""
    remove_folder(data_dir)
    assert app.run("status").code == 0


def delete_both_files(app, data_dir: Path) -> None:
    """The folder stays, so the backstop's watch on it does too: no event says when."""
    (data_dir / DB_NAME).unlink()
    (data_dir / RECORD_NAME).unlink()


@pytest.mark.parametrize("delete", [delete_folder, delete_folder_then_look, delete_both_files],
                         ids=["rm -rf", "rm -rf; status", "rm both files"])
def test_a_folder_deleted_with_no_window_left_keeps_its_gap_through_the_backstop(
        app, data_dir, delete):
    """The window killed and the folder deleted: only the backstop knew a pack was on.
    The next `status` said Ready, and a `start` began a session inside the gap. It now
    writes the safety record again once no window is there to do it, also where a new
    history was made in the meantime (it holds nothing of the pack) or only the files
    went (found by an outside tester)."""
    window = app.spawn("start", "ice", "--minutes", "5")
    app.wait_ready()

    def backstops() -> list[int]:
        return [pid for pid in processes_mentioning(str(data_dir))
                if b"backstop" in Path(f"/proc/{pid}/cmdline").read_bytes()]

    wait_until(lambda: len(backstops()) == 1, 30, "the backstop runs")
    log = data_dir / "backstop.log"
    wait_until(lambda: log.exists() and "watching session 1" in log.read_text(), 30,
               "the backstop has read the record")
    window.kill()
    window.wait(timeout=10)
    delete(app, data_dir)
    wait_until(lambda: (data_dir / RECORD_NAME).exists(), 30,
               "the backstop writes the safety record again")
    assert app.status()["state"] == "running"
    again = app.run("start", "heat", "--minutes", "1")
    assert again.code == 1, again
    assert "Heat session started" not in again.out
