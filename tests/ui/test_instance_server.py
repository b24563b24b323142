"""The running instance's socket, checked with real necktimer processes.

Each process runs offscreen with its own XDG_RUNTIME_DIR. The waits here are for
processes to start or exit (with timeouts), never for the app's own timing.
"""

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import started_ago

from necktimer.cli import LOCK_WAIT_S
from necktimer.commands import MAX_MESSAGE, Command, Exit, Reply, Request, encode, waiting_clock
from necktimer.core.rules import Therapy
from necktimer.instance import Unreachable, send, socket_path

START_TIMEOUT = 30  # seconds for a process to come up or go away


def backstop_pid(data_dir: Path) -> int | None:
    """The backstop a window armed for this folder (it records its pid), if it still runs."""
    try:
        pid = int((data_dir / "backstop.lock").read_text().partition("\n")[0])
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if b"backstop" in command and str(data_dir).encode() in command else None


class Launcher:
    """Starts `necktimer --data-dir DIR ...` processes and cleans up after them."""

    def __init__(self, data_dir: Path, runtime: Path, logs: Path) -> None:
        self.data_dir = data_dir
        self.logs = logs
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime))
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.cwd = runtime
        self.processes: list[subprocess.Popen] = []
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("XDG_RUNTIME_DIR", str(runtime))  # socket_path() reads it
            self.socket = socket_path(data_dir)

    def spawn(self, *args: str) -> subprocess.Popen:
        """A long-running process; its output goes to files so no pipe can fill up."""
        number = len(self.processes)
        with (self.logs / f"{number}.out").open("w") as out, \
                (self.logs / f"{number}.err").open("w") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "necktimer", "--data-dir", str(self.data_dir), *args],
                stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=self.env, cwd=self.cwd)
        process.number = number
        self.processes.append(process)
        return process

    def output(self, process: subprocess.Popen) -> tuple[str, str]:
        return ((self.logs / f"{process.number}.out").read_text(),
                (self.logs / f"{process.number}.err").read_text())

    def run(self, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
        """A short command, like `necktimer status`, run to its end."""
        result = subprocess.run(
            [sys.executable, "-m", "necktimer", "--data-dir", str(self.data_dir), *args],
            capture_output=True, text=True, env=self.env | (env or {}), cwd=self.cwd,
            timeout=START_TIMEOUT)
        return result.returncode, result.stdout.strip(), result.stderr.strip()

    def ask(self, command: Command, **fields) -> Reply:
        return send(self.socket, Request(command, **fields), timeout=5)

    def wait_ready(self, process: subprocess.Popen | None = None) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            with contextlib.suppress(Unreachable):
                if self.ask(Command.PING).message == "pong":
                    return
            if process is not None and process.poll() is not None:
                pytest.fail(f"the instance exited with {process.returncode}: "
                            f"{self.output(process)[1][-2000:]}")
            assert time.monotonic() < deadline, "no instance answered"
            time.sleep(0.05)

    def alive(self) -> list[subprocess.Popen]:
        return [p for p in self.processes if p.poll() is None]

    def cleanup(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=START_TIMEOUT)
        self.processes.clear()
        if (pid := backstop_pid(self.data_dir)) is not None:  # armed by a window we started
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


@pytest.fixture
def runtime():
    path = Path(tempfile.mkdtemp(prefix="nt-run-"))  # short: socket paths stay < 108 bytes
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def launcher(data_dir, runtime, tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    running = Launcher(data_dir, runtime, logs)
    yield running
    running.cleanup()


def wait_exit(process: subprocess.Popen) -> int:
    return process.wait(timeout=START_TIMEOUT)


def test_two_launches_at_once_leave_one_instance(launcher):
    for _round in range(5):
        first, second = launcher.spawn(), launcher.spawn()
        launcher.wait_ready()
        deadline = time.monotonic() + START_TIMEOUT
        while len(launcher.alive()) > 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        [winner] = launcher.alive()
        loser = second if winner is first else first
        assert loser.returncode == 0, launcher.output(loser)
        assert launcher.output(loser)[0].strip() == "necktimer is open."
        assert launcher.ask(Command.QUIT) == Reply(Exit.OK, "necktimer is quitting.")
        assert wait_exit(winner) == 0
        launcher.cleanup()


def test_commands_from_a_second_process_act_on_the_first(launcher):
    primary = launcher.spawn()
    launcher.wait_ready(primary)
    code, out, _ = launcher.run("start", "ice", "--minutes", "5")
    assert code == 0 and out.startswith("Ice session started: take the ice pack off at")
    code, out, _ = launcher.run("status", "--json")
    data = json.loads(out)
    assert data["state"] == "running" and data["therapy"] == "ice"
    assert 280 <= data["remaining_s"] <= 300
    code, out, _ = launcher.run("start", "heat")
    assert code == 1
    assert "The ice session is still running." in out and "Next session allowed at" in out
    code, out, _ = launcher.run("quit")
    assert code == 1 and out.startswith("A session is running")  # a pack is on
    assert primary.poll() is None
    code, out, _ = launcher.run("stop")
    assert code == 0 and "cancelled within its first minute" in out
    code, out, _ = launcher.run()  # a plain second launch raises the window and exits
    assert (code, out) == (0, "necktimer is open.")
    code, out, _ = launcher.run("--minimized")  # an autostart leaves it where it is
    assert (code, out) == (0, "necktimer is already running.")
    assert primary.poll() is None
    code, out, _ = launcher.run("quit")
    assert (code, out) == (0, "necktimer is quitting.")
    assert wait_exit(primary) == 0
    assert not launcher.socket.exists()  # a clean exit takes its socket along


def in_its_gap(data_dir: Path) -> None:
    """A 5-minute ice session on this machine's clocks that ended, pack off, 25 minutes ago."""
    service, clock, _ = started_ago(data_dir, 30, 5)
    clock.advance(5 * 60)
    service.tick()
    service.acknowledge_removal()
    service.close()


def test_a_start_refused_from_the_menu_opens_the_window_saying_why(launcher):
    """The menu's Start ice runs `necktimer --show start ice` with nobody reading its
    output: refused in the gap, it exited with code 1 and nothing showed on the screen."""
    in_its_gap(launcher.data_dir)
    code, out, _ = launcher.run("start", "ice")  # typed in a terminal: said there
    assert code == 1 and "Next session allowed at" in out
    window = launcher.spawn("--show", "start", "ice")
    launcher.wait_ready(window)  # the window opened, and stays
    out, _ = launcher.output(window)
    assert "Next session allowed at" in out and "(in 1 h 35 min)." in out
    assert launcher.ask(Command.STATUS).status["state"] == "waiting"  # nothing started
    assert window.poll() is None
    assert launcher.ask(Command.QUIT).ok
    assert wait_exit(window) == 0


def test_a_start_refused_from_the_menu_brings_a_tray_only_window_up(launcher):
    in_its_gap(launcher.data_dir)
    tray_only = launcher.spawn("-v", "--minimized")
    launcher.wait_ready(tray_only)
    code, out, _ = launcher.run("start", "heat")
    assert code == 1 and "Next session allowed at" in out
    assert "the window is shown" not in launcher.output(tray_only)[1]
    code, out, _ = launcher.run("--show", "start", "heat")
    assert code == 1 and "Next session allowed at" in out  # the terminal is told as before
    assert "the window is shown, as a command asked" in launcher.output(tray_only)[1]
    assert launcher.ask(Command.STATUS).status["state"] == "waiting"


def test_a_running_window_answers_each_terminal_in_its_own_language_and_clock(launcher):
    launcher.env |= {"LC_ALL": "", "LANGUAGE": "", "LANG": "es_US.UTF-8", "TZ": "UTC"}
    primary = launcher.spawn("start", "ice", "--minutes", "5")
    launcher.wait_ready(primary)
    german = {"LANG": "de_DE.UTF-8", "TZ": "Europe/Berlin"}
    code, out, _ = launcher.run("status", env=german)
    assert code == 0 and out.startswith("Eisanwendung läuft: sie endet um "), out
    [ends_berlin] = re.findall(r"endet um (\d\d:\d\d)", out)
    code, out, _ = launcher.run("status", env={"LANG": "en_US.UTF-8", "TZ": "UTC"})
    assert out.startswith("Ice session running: it ends at "), out
    [ends_utc] = re.findall(r"ends at (\d{1,2}:\d\d\s[AP]M)", out)  # en_US: 12-hour
    utc = datetime.strptime(" ".join(ends_utc.split()), "%I:%M %p")
    berlin = datetime.strptime(ends_berlin, "%H:%M")
    assert (berlin - utc) % timedelta(days=1) in (timedelta(hours=1), timedelta(hours=2))
    # German words with an American clock, as LC_TIME asks
    code, out, _ = launcher.run("quit", env=german | {"LC_TIME": "en_US.UTF-8"})
    assert code == 1 and out.startswith("Eine Anwendung läuft"), out
    code, out, _ = launcher.run("status", env=german | {"LC_TIME": "en_US.UTF-8"})
    assert re.search(r"endet um \d{1,2}:\d\d\s[AP]M", out), out
    # the window itself keeps its own language
    code, out, _ = launcher.run("status")
    assert out.startswith("Sesión de hielo en curso"), out
    assert launcher.run("quit", "--force")[0] == 0
    assert wait_exit(primary) == 0


def test_a_terminal_whose_zone_has_no_name_is_answered_in_its_own_clock(launcher):
    """TZ as only the C library reads it (a POSIX rule, a zone file's path, a name it
    takes as UTC) used to be refused, or cost the answer to a command already done."""
    launcher.env |= {"LC_ALL": "", "LANGUAGE": "", "LANG": "C.UTF-8", "TZ": "UTC"}
    primary = launcher.spawn("start", "ice", "--minutes", "5")
    launcher.wait_ready(primary)
    code, out, _ = launcher.run("status")
    [ends_utc] = re.findall(r"ends at (\d\d:\d\d)", out)
    utc = datetime.strptime(ends_utc, "%H:%M")

    def ends_in(tz: str) -> timedelta:
        code, out, err = launcher.run("status", env={"TZ": tz})
        assert code == 0, (tz, out, err)
        [ends] = re.findall(r"ends at (\d\d:\d\d)", out)
        return (datetime.strptime(ends, "%H:%M") - utc) % timedelta(days=1)

    # New York's rule, without naming a zone file: five hours behind UTC, four in summer.
    assert ends_in("EST5EDT,M3.2.0,M11.1.0") in (timedelta(hours=19), timedelta(hours=20))
    assert ends_in("<+0530>-5:30") == timedelta(hours=5, minutes=30)  # a fixed POSIX offset
    assert ends_in(":/usr/share/zoneinfo/Asia/Kolkata") == timedelta(hours=5, minutes=30)
    assert ends_in("Mars/Olympus") == timedelta(0)  # no such zone: the C library says UTC
    assert ends_in("XXX-24") == timedelta(0)  # a whole day ahead: the same clock reading
    # A locale the window would refuse to read is sent as English with a 24-hour clock.
    code, out, err = launcher.run("status", env={"LANG": "en US", "TZ": "UTC"})
    assert code == 0 and out.startswith("Ice session running"), (out, err)
    # Such a terminal's command is carried out, and reported as done.
    code, out, err = launcher.run("stop", env={"TZ": "XXX-24", "LANG": "ü_Ü.UTF-8"})
    assert code == 0 and "cancelled within its first minute" in out, (out, err)
    assert json.loads(launcher.run("status", "--json")[1])["state"] == "ready"
    assert launcher.run("quit")[0] == 0
    assert wait_exit(primary) == 0


def test_a_window_whose_socket_folder_is_deleted_listens_again(launcher):
    """A cleaner of temporary files (or `rm -rf` of the folder) took the socket: every
    later command went unanswered for the window's life, and the backstop, taking the
    window for dead, reminded beside it."""
    window = launcher.spawn("-v")
    launcher.wait_ready(window)
    shutil.rmtree(launcher.socket.parent)
    launcher.wait_ready(window)  # it listens again, at the same path
    code, out, _ = launcher.run("start", "ice", "--minutes", "5")
    assert code == 0 and out.startswith("Ice session started")
    launcher.socket.unlink()  # the file alone this time
    launcher.wait_ready(window)
    assert launcher.ask(Command.STATUS).status["state"] == "running"
    assert "was removed; listening again" in launcher.output(window)[1]
    assert window.poll() is None
    assert launcher.ask(Command.QUIT, force=True).ok
    assert wait_exit(window) == 0


def test_a_killed_instance_does_not_block_the_next(launcher):
    crashed = launcher.spawn()
    launcher.wait_ready(crashed)
    assert launcher.run("start", "heat", "--minutes", "10")[0] == 0
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(timeout=START_TIMEOUT)
    assert launcher.socket.is_socket()  # left behind by the crash
    assert (launcher.data_dir / "instance.lock").exists()
    successor = launcher.spawn()
    launcher.wait_ready(successor)
    status = launcher.ask(Command.STATUS).status
    assert status["state"] == "running" and status["therapy"] == "heat"  # it survived
    assert launcher.run("stop")[0] == 0
    assert launcher.run("quit")[:2] == (0, "necktimer is quitting.")
    assert wait_exit(successor) == 0


def test_a_terminal_with_another_runtime_folder_finds_the_window_through_its_lock_file(
        launcher):
    """An SSH login, or a cron job, has another XDG_RUNTIME_DIR than the desktop (or none):
    it computes another socket path, yet must reach the window, not wait and give up."""
    window = launcher.spawn()
    launcher.wait_ready(window)
    elsewhere = Path(tempfile.mkdtemp(prefix="nt-ssh-"))
    try:
        terminal = {"XDG_RUNTIME_DIR": str(elsewhere)}
        began = time.monotonic()
        code, out, err = launcher.run("start", "ice", "--minutes", "5", env=terminal)
        assert code == 0 and out.startswith("Ice session started"), (out, err)
        assert time.monotonic() - began < LOCK_WAIT_S  # answered, not waited out
        assert launcher.ask(Command.STATUS).status["state"] == "running"  # the window's
        code, out, _ = launcher.run("start", "heat", env=terminal)
        assert code == 1 and "The ice session is still running." in out
        # A socket left in the terminal's own folder by a window that died does not hide
        # the live one.
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("XDG_RUNTIME_DIR", str(elsewhere))
            stale = socket_path(launcher.data_dir)
        with socket.socket(socket.AF_UNIX) as dead:
            dead.bind(str(stale))  # bound, never listening: refuses, as a dead window's does
        code, out, _ = launcher.run("stop", env=terminal)
        assert code == 0 and "cancelled within its first minute" in out
        assert launcher.run("quit", env=terminal)[:2] == (0, "necktimer is quitting.")
        assert wait_exit(window) == 0
    finally:
        shutil.rmtree(elsewhere, ignore_errors=True)


def test_a_socket_folder_taken_by_another_user_is_named_once_not_two_hundred_times(
        launcher, runtime):
    if os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user (uid 65534)")
    window = launcher.spawn()
    launcher.wait_ready(window)
    os.chown(runtime / "necktimer", 65534, 65534)
    try:
        code, _out, err = launcher.run("stop")
        assert code == Exit.UNAVAILABLE
        said = f"{runtime / 'necktimer'} belongs to another user."
        assert err.count(said) == 2, err  # warned once, then named as the reason
        assert "does not answer" in err.splitlines()[-1] and said in err.splitlines()[-1]
    finally:
        os.chown(runtime / "necktimer", os.getuid(), os.getgid())
    assert launcher.ask(Command.QUIT).ok
    assert wait_exit(window) == 0


def test_a_socket_folder_someone_else_planted_moves_the_socket_into_the_data_folder(
        launcher, runtime, tmp_path):
    """With the socket folder unusable before the window started (a link planted there;
    as another user would plant /tmp/necktimer-<uid>), no launch could reach the window:
    `start` waited 10 s and gave up, and a "done" from the backstop was lost."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (runtime / "necktimer").rmdir()
    (runtime / "necktimer").symlink_to(elsewhere)
    window = launcher.spawn("start", "ice", "--minutes", "5")
    moved = launcher.data_dir / "socket" / "instance.sock"
    deadline = time.monotonic() + START_TIMEOUT
    while not moved.exists():  # it listens once the window has painted
        assert window.poll() is None and time.monotonic() < deadline, launcher.output(window)
        time.sleep(0.05)
    assert "Ice session started" in launcher.output(window)[0]
    info = os.lstat(moved)
    assert stat.S_ISSOCK(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600
    assert stat.S_IMODE(os.lstat(moved.parent).st_mode) == 0o700
    began = time.monotonic()
    code, out, err = launcher.run("start", "heat")
    assert code == 1 and "The ice session is still running." in out, (out, err)
    assert time.monotonic() - began < LOCK_WAIT_S  # the window answered
    assert "may be a link" in err  # what someone did is still said
    code, out, _ = launcher.run("stop")
    assert code == 0 and "cancelled within its first minute" in out
    assert launcher.run("quit")[:2] == (0, "necktimer is quitting.")
    assert wait_exit(window) == 0
    assert not moved.exists() and not any(elsewhere.iterdir())


def test_after_an_accepted_quit_nothing_else_is_done(launcher):
    """`quit` and `start` at the same instant: the window answered "quitting" and
    "started", then quit with the pack on. What reaches it after an accepted quit is now
    dropped unanswered; its asker takes that as nobody there and starts its own window."""
    window = launcher.spawn()
    launcher.wait_ready(window)
    os.kill(window.pid, signal.SIGSTOP)  # both arrive before the window reads either
    asks = []
    try:
        for request in (Request(Command.QUIT), Request(Command.START, Therapy.ICE, 2)):
            asking = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            asking.settimeout(10)
            asking.connect(str(launcher.socket))
            asking.sendall(encode(request.to_message()))
            asks.append(asking)
    finally:
        os.kill(window.pid, signal.SIGCONT)
    answers = []
    for asking in asks:
        with asking:
            try:
                answers.append(asking.recv(4096))
            except (ConnectionResetError, BrokenPipeError):
                answers.append(b"")
    quit_answer, start_answer = answers
    if b"quitting" in quit_answer:
        assert start_answer == b"", start_answer  # dropped, never "started"
        assert wait_exit(window) == 0
        code, out, _ = launcher.run("status", "--json")
        assert code == 0 and json.loads(out)["state"] == "ready"  # the start was not done
    else:  # the start came first: then the quit is refused while the pack is on
        assert b"started" in start_answer and b"A session is running" in quit_answer
        assert window.poll() is None


def test_a_frozen_window_does_not_later_do_what_a_terminal_gave_up_on(launcher):
    window = launcher.spawn()
    launcher.wait_ready(window)
    os.kill(window.pid, signal.SIGSTOP)
    try:
        code, _out, err = launcher.run("start", "heat", "--minutes", "3")
    finally:
        os.kill(window.pid, signal.SIGCONT)
    assert code == Exit.UNAVAILABLE and "does not answer" in err, err
    # Running again, it reads the queued start first: too late, so not done.
    assert launcher.ask(Command.STATUS).status["state"] == "ready"
    assert "came after its asker stopped waiting" in launcher.output(window)[1]
    assert launcher.ask(Command.QUIT).ok
    assert wait_exit(window) == 0


def test_the_socket_and_its_folder_are_private(launcher, runtime):
    primary = launcher.spawn()
    launcher.wait_ready(primary)
    info = os.lstat(launcher.socket)
    assert stat.S_ISSOCK(info.st_mode)
    assert stat.S_IMODE(info.st_mode) == 0o600 and info.st_uid == os.getuid()
    folder = os.lstat(launcher.socket.parent)
    assert launcher.socket.parent == runtime / "necktimer"
    assert stat.S_IMODE(folder.st_mode) == 0o700 and folder.st_uid == os.getuid()
    launcher.ask(Command.QUIT)
    assert wait_exit(primary) == 0


# -- malformed messages: one instance answers them all ----------------------------------------


@pytest.fixture(scope="module")
def instance(tmp_path_factory):
    base = tmp_path_factory.mktemp("malformed")
    runtime = Path(tempfile.mkdtemp(prefix="nt-run-"))
    logs = base / "logs"
    logs.mkdir()
    running = Launcher(base / "profile", runtime, logs)
    process = running.spawn("-v")
    running.wait_ready(process)
    yield running, process
    running.cleanup()
    shutil.rmtree(runtime, ignore_errors=True)


def raw_exchange(path: Path, payload: bytes) -> bytes:
    """Send raw bytes as a client would and read everything the instance answers."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10)
        client.connect(str(path))
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            client.sendall(payload)  # the instance may answer and hang up before the end
        data = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := client.recv(4096):
                data += chunk
        return data


@pytest.mark.parametrize(("payload", "complaint"), [
    (b"not json at all\n", "not a JSON message"),
    (b"\xff\xfe\x00garbage\n", "not a JSON message"),
    (b"\n", "not a JSON message"),
    (b'["a", "list"]\n', "a message must be a JSON object"),
    (b'{"v": 99, "cmd": "status"}\n', "unsupported protocol version 99"),
    (b'{"v": 2, "cmd": "format-disk"}\n', "unknown command 'format-disk'"),
    (b'{"v": 2, "cmd": "start", "therapy": "lava"}\n', "start needs therapy"),
    (b'{"v": 2, "cmd": "start", "therapy": "ice", "minutes": 999}\n', "999 is not allowed"),
    (b'{"v": 2, "cmd": "start", "therapy": "ice", "minutes": "5"}\n', "whole number"),
    (b'{"v": 2, "cmd": "start", "therapy": "ice", "extra": 1}\n', "does not take"),
    (b'{"v": 2, "cmd": "start", "therapy": "ice", "until": "soon"}\n', "until must be"),
    (b"[" * 4000 + b"\n", "NestedTooDeeply"),
    (b"[" * 2000 + b"]" * 2000 + b"\n", "NestedTooDeeply"),
    (b"x" * (MAX_MESSAGE * 30), f"over the {MAX_MESSAGE}-byte limit"),
    (b'{"v": 2, "cmd": "status", "pad": "' + b"y" * (MAX_MESSAGE * 2) + b'"}\n',
     f"over the {MAX_MESSAGE}-byte limit"),
], ids=["text", "not-utf8", "empty", "list", "version", "command", "therapy", "minutes",
        "minutes-text", "extra-field", "until-text", "deep-list", "deep-closed-list", "oversized",
        "oversized-line"])
def test_malformed_messages_are_refused_with_a_reply_and_the_instance_lives(instance, payload,
                                                                           complaint):
    running, process = instance
    answer = raw_exchange(running.socket, payload)
    assert answer.endswith(b"\n") and answer.count(b"\n") == 1  # exactly one reply line
    reply = json.loads(answer)
    assert reply["code"] == Exit.USAGE
    assert reply["message"].startswith("refused: ") and complaint in reply["message"]
    assert process.poll() is None
    assert running.ask(Command.PING) == Reply(Exit.OK, "pong", {"time_up_notification": 0})
    assert running.ask(Command.STATUS).status["state"] == "ready"  # nothing was started


def test_a_command_read_after_its_asker_stopped_waiting_is_not_done(instance):
    """A window frozen (stopped, swapping) past a terminal's wait read the queued `start`
    once it ran again and started the session the terminal had reported as not done."""
    running, process = instance
    late = Request(Command.START, Therapy.HEAT, 3, until=waiting_clock() - 1)
    answer = json.loads(raw_exchange(running.socket, encode(late.to_message())))
    assert answer["code"] == Exit.UNAVAILABLE and "Not done" in answer["message"]
    assert running.ask(Command.STATUS).status["state"] == "ready"
    assert process.poll() is None


@pytest.mark.parametrize("command", [Command.STATUS, Command.PING])
def test_a_question_read_after_its_asker_stopped_waiting_is_still_answered(instance, command):
    """Answering changes nothing, and a window whose boot clock runs ahead (faketime)
    sees every request as late: `status` from any terminal said only "not done"."""
    running, _process = instance
    late = Request(command, until=waiting_clock() - 1)
    answer = json.loads(raw_exchange(running.socket, encode(late.to_message())))
    assert answer["code"] == Exit.OK, answer
    assert "status" in answer and ("state" in answer["status"]) == (command is Command.STATUS)


def test_refusals_are_logged(instance):
    running, process = instance
    raw_exchange(running.socket, b"garbage\n")
    running.ask(Command.PING)
    assert "refused a command: not a JSON message" in running.output(process)[1]


def test_a_socket_another_process_answers_on_is_not_taken_over(qapp, tmp_path):
    """A window holding its folder's lock took any socket file at its path for a dead
    window's and removed it: where two folders' socket names collided, the second window
    took the first one's socket, and with it that window's commands."""
    from necktimer.ui.instance_server import InstanceServer

    path = tmp_path / "shared.sock"
    with socket.socket(socket.AF_UNIX) as live:
        live.bind(str(path))
        live.listen(1)
        server = InstanceServer(path, lambda request: Reply(Exit.OK, "the second window"))
        assert server.listen() == f"another program listens on {path}"
        with socket.socket(socket.AF_UNIX) as asker:
            asker.connect(str(path))  # still the first one's
    path.unlink()
    with socket.socket(socket.AF_UNIX) as dead:
        dead.bind(str(path))  # bound, never listening: refuses, as a dead window's does
    assert server.listen() is None  # a dead window's socket is taken over as before
    server.close()


def test_the_asker_of_a_request_is_the_process_the_kernel_names(qapp, qtbot, tmp_path):
    """The window hands its time's-up notification to the backstop that asked for it (by
    process id): the id comes from the socket's peer credentials, not from the message."""
    from necktimer.ui.instance_server import InstanceServer

    askers = []

    def handler(request: Request) -> Reply:
        askers.append(request.asker)
        return Reply(Exit.OK, "pong")

    path = tmp_path / "instance.sock"
    server = InstanceServer(path, handler)
    assert server.listen() is None
    script = ("import socket, sys\n"
              "with socket.socket(socket.AF_UNIX) as s:\n"
              "    s.connect(sys.argv[1]); s.sendall(sys.argv[2].encode()); s.recv(4096)\n")
    message = encode(Request(Command.PING).to_message()).decode()
    asking = subprocess.Popen([sys.executable, "-c", script, str(path), message])
    try:
        qtbot.waitUntil(lambda: bool(askers), timeout=20000)
    finally:
        asking.wait(timeout=20)
        server.close()
    assert askers == [asking.pid] and asking.pid != os.getpid()
