"""The running instance: closing, quitting (never silent while a pack is on), commands."""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta

import pytest
from helpers import exposed, nothing_can_grow, rows, settings_on_disk, tick
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from necktimer.commands import Command, Exit, Request
from necktimer.core.rules import State, Therapy
from necktimer.instance import BACKSTOP_LOCK_NAME
from necktimer.ui.backstop_watch import stopped


def test_closing_with_a_tray_keeps_running(make_app, qtbot):
    instance = make_app(tray_available=True)
    instance.start()
    exposed(instance.window)
    instance.window.close()
    assert not instance.window.isVisible()
    assert not instance.quitting


def test_closing_without_a_tray_and_nothing_on_quits(make_app, qtbot):
    instance = make_app()
    instance.start()
    instance.window.close()
    assert instance.quitting


def test_quit_while_a_pack_is_on_asks_first_and_can_be_refused(make_app, qtbot, clock):
    instance = make_app(tray_available=True)
    instance.start()
    instance.controller.start(Therapy.ICE)
    instance.window.quit_action.trigger()
    box = instance.question
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "nobody will remind you" in box.text()
    assert box.defaultButton().text() == "Keep running"
    box.defaultButton().click()
    assert not instance.quitting
    assert instance.controller.state.status.state is State.RUNNING


@contextlib.contextmanager
def backstop_lock_held(data_dir, reach: str = "desktop"):
    """Another process holding the backstop's lock, as a backstop watching a session does,
    its note saying whether it reaches the desktop ("desktop" or "no desktop")."""
    data_dir.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir / BACKSTOP_LOCK_NAME), reach],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    try:
        yield holder
    finally:
        holder.kill()
        holder.communicate(timeout=10)  # reaps it and closes the pipe


@pytest.fixture
def running_backstop(data_dir):
    with backstop_lock_held(data_dir) as holder:
        yield holder


HOLD_LOCK = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.write(fd, f"{os.getpid()}\\n{sys.argv[2]}\\n".encode())
print("held", flush=True)
time.sleep(60)
"""


@pytest.mark.dbus
def test_a_stopped_backstop_is_not_promised_to_remind(make_app, clock, server, bus,
                                                      running_backstop):
    """A backstop stopped with SIGSTOP holds its lock and reminds only once continued: the
    window promised "a desktop notification will still tell you at 10:53", and nothing
    came then (outside tester)."""
    instance = make_app(tray_available=True, dbus_address=bus.address)
    instance.start()
    instance.controller.start(Therapy.ICE)
    os.kill(running_backstop.pid, signal.SIGSTOP)
    while not stopped(running_backstop.pid):  # delivered in a moment, not at kill()
        QTest.qWait(10)
    try:
        refused = instance.handle_request(Request(Command.QUIT))
        assert refused.code == Exit.REFUSED
        assert "nobody" in refused.message, refused.message
    finally:
        os.kill(running_backstop.pid, signal.SIGCONT)
    assert instance.controller.reminded_without_window()


@pytest.mark.dbus
def test_quitting_says_the_backstop_still_reminds_when_one_runs(make_app, clock, server,
                                                                bus, running_backstop):
    instance = make_app(tray_available=True, dbus_address=bus.address)
    instance.start()
    instance.controller.start(Therapy.ICE)
    instance.window.quit_action.trigger()
    text = instance.question.text()
    assert "nobody will remind you" not in text
    assert "a desktop notification will still tell you at 09:15 to take the pack off" in text
    instance.question.defaultButton().click()  # keep running
    refused = instance.handle_request(Request(Command.QUIT))  # from a terminal
    assert refused.code == Exit.REFUSED
    assert "a desktop notification still says when to take the pack off" in refused.message
    assert "nobody" not in refused.message
    tick(instance, clock, 15 * 60)  # time's up: the pack waits to be marked removed
    instance.tray.quit.trigger()
    assert "will still remind you to take it off" in instance.question.text()
    instance.question.defaultButton().click()


def test_quit_from_the_tray_while_a_pack_waits_for_removal_asks_too(make_app, clock):
    instance = make_app(tray_available=True)
    instance.start()
    instance.controller.start(Therapy.HEAT)
    tick(instance, clock, 15 * 60)
    instance.tray.quit.trigger()
    assert instance.question is not None and not instance.quitting
    quit_anyway = next(b for b in instance.question.buttons() if b.text() == "Quit anyway")
    quit_anyway.click()
    assert instance.quitting


def test_quit_with_nothing_on_does_not_ask(make_app):
    instance = make_app(tray_available=True)
    instance.start()
    instance.window.quit_action.trigger()
    assert instance.question is None and instance.quitting


def test_closing_without_a_tray_while_running_asks_first(make_app):
    instance = make_app()
    instance.start()
    instance.controller.start(Therapy.ICE)
    instance.window.close()
    assert instance.question is not None and not instance.quitting
    instance.question.defaultButton().click()


def test_the_quit_command_refuses_while_a_pack_is_on_unless_forced(make_app, qtbot):
    instance = make_app()
    instance.start()
    instance.controller.start(Therapy.ICE)
    reply = instance.handle_request(Request(Command.QUIT))
    assert reply.code is Exit.REFUSED and "--force" in reply.message
    assert not instance.quitting
    forced = instance.handle_request(Request(Command.QUIT, force=True))
    assert forced.code is Exit.OK
    qtbot.waitUntil(lambda: instance.quitting, timeout=2000)


def test_quitting_while_a_change_cannot_be_saved_asks_and_says_what_would_be_lost(
        make_app, clock, data_dir):
    """A note written while another program held the history waited in memory; quitting
    (from the tray, or `necktimer quit`) threw it away without a word."""
    instance = make_app(tray_available=True)
    instance.start()
    session = instance.controller.start(Therapy.ICE).session
    tick(instance, clock, 15 * 60)
    instance.controller.acknowledge_removal()  # the pack is off: nothing else to ask about
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    instance.service.set_busy_timeout(0.05)
    instance.service.record_note(session.id, "stiff on the left")
    instance.tray.quit.trigger()
    box = instance.question
    assert box is not None and not instance.quitting
    assert "Not saved yet: a note." in box.text()
    assert "Another program is holding" in box.text() and "that is lost" in box.text()
    assert "pack" not in box.text()
    box.defaultButton().click()  # keep running
    refused = instance.handle_request(Request(Command.QUIT))  # from a terminal
    assert refused.code is Exit.REFUSED and not instance.quitting
    assert "Not saved yet: a note." in refused.message and "--force" in refused.message
    holder.close()
    instance.tray.quit.trigger()  # the last try before asking saves it: no question
    assert instance.question is None and instance.quitting
    assert rows(data_dir)[0]["note"] == "stiff on the left"


def test_a_stop_from_a_terminal_that_only_the_window_holds_says_so(make_app, clock):
    """On a full disk the window keeps a stop in memory and retries; the terminal was told
    a plain "stopped", which a crash of the window would have taken back."""
    instance = make_app(tray_available=True)
    instance.start()
    instance.controller.start(Therapy.ICE)
    tick(instance, clock, 5 * 60)
    with nothing_can_grow():
        reply = instance.handle_request(Request(Command.STOP))
        status = instance.handle_request(Request(Command.STATUS))
    assert reply.code is Exit.OK and reply.message.startswith("Ice session stopped.")
    assert "Not saved yet: the stop. The disk holding the session history" in reply.message
    assert reply.message.endswith("quitting it now would lose it.")
    assert "Not saved yet: the stop." in status.message
    again = instance.handle_request(Request(Command.STATUS))  # room again: written
    assert "Not saved" not in again.message and rows(instance.service.data_dir)[0][
        "end_reason"] == "stopped"


def test_a_stop_from_a_terminal_is_taken_back_from_a_terminal(make_app, clock):
    """`necktimer stop` typed by mistake: `necktimer undo` within 10 s, as the window's own
    Undo, whose banner goes with it (outside tester)."""
    instance = make_app()
    instance.start()
    instance.controller.start(Therapy.ICE)
    tick(instance, clock, 5 * 60)
    stop = instance.handle_request(Request(Command.STOP))
    assert stop.message.endswith("To take the stop back, run 'necktimer undo' within 10 s.")
    assert instance.controller.state.undo is not None  # the window offers it too
    tick(instance, clock, 3)
    undo = instance.handle_request(Request(Command.UNDO))
    assert (undo.code, undo.message) == (Exit.OK, "Stop undone: the session goes on until 09:15.")
    assert instance.controller.state.undo is None
    assert instance.controller.state.status.state is State.RUNNING


def test_a_stop_typed_before_the_window_opened_is_still_taken_back(make_app, clock):
    """`necktimer stop` with no window, then the window opened: `necktimer undo` within
    the 10 s said "There is no stop to undo" (outside tester). At 10 s it is too late,
    as the window's own offer says."""
    instance = make_app()
    instance.controller.start(Therapy.ICE)
    tick(instance, clock, 5 * 60)
    instance.shutdown()
    typed = make_app()  # the stop typed in a terminal: no window to offer Undo
    assert typed.service.stop().ok
    typed.shutdown()
    instance = make_app()
    instance.start()
    # The window offers it too, for what is left of the 10 s (it offered nothing).
    assert instance.controller.state.undo is not None
    assert instance.window.undo_banner.isVisibleTo(instance.window)
    tick(instance, clock, 9)
    undo = instance.handle_request(Request(Command.UNDO))
    assert undo.code == Exit.OK, undo.message
    assert instance.controller.state.status.state is State.RUNNING
    instance.controller.stop()
    tick(instance, clock, 10)
    late = instance.handle_request(Request(Command.UNDO))
    assert (late.code, late.message) == (Exit.REFUSED, "It is too late to undo that stop.")


def test_quitting_with_settings_the_file_could_not_take_asks_and_names_them(
        make_app, settings_file, data_dir):
    """A gap set to 4 hours on a full disk applied until quitting, which asked nothing:
    the next start used 2 hours."""
    instance = make_app(tray_available=True)
    instance.start()
    longer, _warnings = settings_file.current.replace(gap_minutes=240)
    with nothing_can_grow():
        instance.apply_settings(longer)
        instance.tray.quit.trigger()
    box = instance.question
    assert box is not None and not instance.quitting
    assert "Not saved yet: your settings. The settings file" in box.text()
    box.defaultButton().click()  # keep running
    instance.tray.quit.trigger()  # room again: written on the way out, no question
    assert instance.question is None and instance.quitting
    assert settings_on_disk(data_dir, "gap_minutes") == "240"


def test_logout_closes_cleanly_without_questions(make_app, qapp):
    instance = make_app(tray_available=True)
    instance.start()
    instance.controller.start(Therapy.ICE)
    instance.session_ending()  # what the session manager's commitDataRequest triggers
    instance.window.close()
    assert instance.question is None and instance.quitting


def test_the_window_paints_before_the_rest_is_built(make_app, qtbot):
    """A zero-length timer beside show() built the tips, tray and channels before the
    expose that paints the window: a mapped window stayed blank for ~30 ms."""
    from PySide6.QtCore import QEvent, QObject

    instance = make_app(tray_available=True)
    painted: list[bool] = []  # at each paint of the window: whether the rest was built

    class Paints(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                painted.append(instance.tray is not None or instance.window.tips is not None)
            return False

    paints = Paints()
    instance.window.installEventFilter(paints)
    instance.start(deferred=True)
    assert instance.tray is None and instance.window.tips is None
    qtbot.waitUntil(lambda: instance.tray is not None and instance.window.tips is not None)
    assert painted and painted[0] is False, painted


def test_minimized_start_stays_in_the_tray(make_app):
    instance = make_app(tray_available=True)
    instance.start(minimized=True)
    assert not instance.window.isVisible() and instance.tray.is_shown()


def test_a_window_first_shown_from_the_tray_has_its_full_size(make_app):
    """Opened from the tray after a login's `--minimized`, it came up at 520x403 on a
    1280x800 screen, its tips squeezed, where a plain launch opens at 920x600."""
    launched = make_app()
    launched.start()
    size = launched.window.size()
    launched.shutdown()
    instance = make_app(tray_available=True)
    instance.start(minimized=True)
    instance.tray.showWindowRequested.emit()
    assert instance.window.isVisible()
    assert instance.window.size() == size and size.width() > 520


def test_minimized_start_without_a_tray_shows_the_window(make_app, qtbot):
    instance = make_app()
    instance.start(minimized=True)
    assert instance.window.isVisible()


def test_a_start_arms_the_backstop(make_app, backstop, clock):
    instance = make_app()
    instance.start()
    outcome = instance.controller.start(Therapy.ICE)
    # started before the commit (for the id the row is about to be committed as), and
    # given its words after it
    assert backstop.ahead == [outcome.session.id]
    assert backstop.armed == [outcome.session.id] and backstop.started == [False]


def test_a_start_the_rules_refuse_arms_nothing(make_app, backstop, clock):
    instance = make_app()
    instance.start()
    instance.controller.start(Therapy.ICE)
    assert not instance.controller.start(Therapy.HEAT).ok
    assert backstop.ahead == [1] and backstop.armed == [1]


def test_a_restart_with_a_pack_on_arms_the_backstop_again(make_app, backstop, clock):
    first = make_app()
    first.start()
    session = first.controller.start(Therapy.ICE).session
    first.shutdown()
    again = make_app()
    again.start()
    assert backstop.armed == [session.id, session.id]
    assert backstop.started == [False, True]  # no start ahead of it this time: it starts one


def test_a_lock_taken_over_is_shown_until_the_window_holds_it_again(make_app, data_dir):
    """The folder was emptied under the window and another necktimer took the new lock
    file: the banner says so. It stayed for ever, even once the window held it again."""
    from necktimer.instance import LOCK_NAME, InstanceLock

    data_dir.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(data_dir)
    assert lock.acquire()
    instance = make_app(lock=lock)
    instance.start()
    banner = instance.window.problem_banner
    (data_dir / LOCK_NAME).unlink()
    other = InstanceLock(data_dir)
    assert other.acquire()
    try:
        instance.controller.start(Therapy.ICE)  # any change makes the window look
        assert "Another necktimer has taken over" in banner.label.text()
        assert not banner.isHidden()
    finally:
        other.release()
    instance.controller.stop()
    assert lock.still_ours()
    assert banner.isHidden()
    lock.release()


PING = """
import sys
from pathlib import Path
from necktimer.commands import Command, Request
from necktimer.instance import ask_instance
print(ask_instance(Path(sys.argv[1]), Request(Command.PING), timeout=5).message)
"""


def pinged_from_a_terminal(qtbot, data_dir) -> str:
    """What the window answers a PING from another process, found as a launch finds it
    (the window answers from this process's event loop, so wait without blocking it)."""
    ping = subprocess.Popen([sys.executable, "-c", PING, str(data_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: ping.poll() is not None, timeout=10000)
    out, err = ping.communicate()
    assert ping.returncode == 0, err
    return out.strip()


def test_a_socket_in_the_data_folder_is_made_again_with_the_folder(make_app, data_dir,
                                                                    qtbot, tmp_path,
                                                                    monkeypatch):
    """Where the usual socket folder is unusable the window listens in its data folder;
    deleting that folder took the socket along, and no launch could reach the window."""
    from necktimer.instance import InstanceLock

    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    (runtime / "necktimer").symlink_to(tmp_path)  # planted: not a folder of ours
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data_dir.mkdir(parents=True, exist_ok=True)
    lock = InstanceLock(data_dir)
    assert lock.acquire()
    instance = make_app(lock=lock)
    instance.start()
    qtbot.waitUntil(lambda: instance.server is not None, timeout=3000)
    assert instance.server.path == data_dir / "socket" / "instance.sock"
    assert pinged_from_a_terminal(qtbot, data_dir) == "pong"
    assert instance.window.problem_banner.isHidden()
    import shutil

    shutil.rmtree(data_dir)
    qtbot.waitUntil(lambda: instance.server.path.exists() and lock.still_ours(), timeout=3000)
    assert pinged_from_a_terminal(qtbot, data_dir) == "pong"
    assert instance.window.problem_banner.isHidden()
    instance.server.close()
    lock.release()


def test_status_and_show_commands_reach_the_window(make_app):
    instance = make_app()
    instance.start()
    status = instance.handle_request(Request(Command.STATUS))
    assert status.code is Exit.OK and status.status["state"] == "ready"
    assert instance.handle_request(Request(Command.SHOW)).code is Exit.OK


def test_a_deleted_data_folder_is_made_again_at_once_not_at_the_next_wake(make_app, qtbot,
                                                                          clock, data_dir,
                                                                          backstop):
    import shutil

    instance = make_app()
    instance.start()
    instance.controller.start(Therapy.ICE)
    instance.window.hide()  # in the tray: no countdown to draw
    assert instance.controller.next_wake >= timedelta(seconds=10)  # nothing due for a while
    shutil.rmtree(data_dir)
    # Before any timer fires: a crash now must not leave an empty folder behind.
    qtbot.waitUntil(lambda: (data_dir / "necktimer.safety.json").exists()
                    and (data_dir / "necktimer.sqlite3").exists(), timeout=3000)
    assert instance.controller.state.status.state is State.RUNNING
    # Its words written again, and a backstop armed again: the one the start armed may
    # have found no folder and left (tests/test_faults.py has the real processes).
    assert backstop.started[-1] is True and backstop.armed[-1] == 1


def test_quitting_without_desktop_notifications_never_promises_one(make_app, clock,
                                                                   running_backstop):
    """The backstop reminds by a desktop notification on the window's session bus. A
    window with none (a terminal over SSH) said one "will still tell you", and none came."""
    instance = make_app(tray_available=True, dbus_address=None)
    instance.start()
    instance.controller.start(Therapy.ICE)
    instance.window.quit_action.trigger()
    assert "nobody will remind you" in instance.question.text()
    instance.question.defaultButton().click()  # keep running
    refused = instance.handle_request(Request(Command.QUIT))
    assert "nobody will remind you" in refused.message


@pytest.mark.dbus
def test_quitting_never_promises_a_reminder_from_a_backstop_that_has_no_desktop(
        make_app, clock, server, bus, data_dir):
    """A backstop started where there was no session bus (over SSH, say) says so in its
    lock: a window on the desktop must not count on it to remind."""
    with backstop_lock_held(data_dir, "no desktop"):
        instance = make_app(tray_available=True, dbus_address=bus.address)
        instance.start()
        instance.controller.start(Therapy.ICE)
        instance.window.quit_action.trigger()
        assert "nobody will remind you" in instance.question.text()
        instance.question.defaultButton().click()  # keep running


def test_the_window_says_while_no_backstop_stays_to_watch_the_pack(make_app, qtbot, backstop):
    """Every backstop started ended at once (the fake one here starts nothing at all): the
    window said nothing, and a crash of it would have lost the time's-up reminder."""
    instance = make_app(follow_backstop=True)
    instance.start()
    window = instance.window
    instance.controller.start(Therapy.ICE, 15)
    qtbot.waitUntil(lambda: window.problem_banner.isVisible(), timeout=10000)
    assert "Keep this window open until the pack is off" in window.problem_banner.label.text()
    assert len(backstop.armed) > 1  # started again before it was said
    instance.controller.stop()  # no pack on: nothing to watch, nothing to say
    qtbot.waitUntil(lambda: not window.problem_banner.isVisible(), timeout=10000)
