"""The backstop reminds about the pack when necktimer itself is gone.

Real processes throughout: the backstop (`python -m necktimer backstop`), the
window where the issue asks for it, a private D-Bus session bus with the test
notification server on it, and a real history and safety record in a temporary
data folder. Times are measured with time.monotonic() around those processes.

To keep the wait short, most tests seed a 1-minute session that started
nearly a minute ago: the service reads clocks set back by the same amount
(wall and boot clock alike), so the record's boot-clock marks are true ones and
the planned end is a few seconds away for every process.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from helpers import ClockBehind, remove_folder

from necktimer.commands import (
    MAX_MESSAGE,
    Command,
    Exit,
    Reply,
    Request,
    decode,
    encode,
    execute,
)
from necktimer.core import i18n, record
from necktimer.core.clock import SystemClock
from necktimer.core.rules import CAP as CAP_TIME
from necktimer.core.rules import EndReason, Session, Therapy
from necktimer.core.service import SessionService
from necktimer.instance import InstanceLock, socket_path

pytestmark = pytest.mark.dbus

PYTHON = sys.executable
SUMMARY = "Time's up — remove the ice pack"
ON_TIME = (-0.1, 1.0)  # the notification comes within 1 s of the planned end
MINUTE = (59.0, 61.5)  # a repeat comes a minute after the one before
HANDOVER_WAIT = 10.0  # for a backstop asked to give way to leave (it wakes on inotify)


# -- fixtures -------------------------------------------------------------------------------




@pytest.fixture
def env(bus, tmp_path, monkeypatch) -> dict[str, str]:
    """The environment of every process in a test; set here too, because arm_backstop's
    QProcess inherits this process's environment and socket_path() reads it."""
    runtime = Path(tempfile.mkdtemp(prefix="nt-run-"))  # short: socket paths stay < 108 bytes
    runtime.chmod(0o700)
    home = tmp_path / "home"
    home.mkdir()
    for name, value in {
        "DBUS_SESSION_BUS_ADDRESS": bus.address, "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"), "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8", "LANGUAGE": "en",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("LC_ALL", raising=False)
    yield dict(os.environ)
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture
def backstops(data_dir, env):
    """Starts backstops in their own session; none outlives the test."""
    started: list[subprocess.Popen] = []

    def start() -> subprocess.Popen:
        process = subprocess.Popen(
            [PYTHON, "-m", "necktimer", "backstop", "--data-dir", str(data_dir)],
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            start_new_session=True)
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)
    if (pid := lock_holder(data_dir)) is not None:  # one a window or arm_backstop started
        os.kill(pid, signal.SIGKILL)


@pytest.fixture
def shouting():
    """A stand-in translation: the window's words for the backstop come out in it."""
    i18n.install(translator=lambda _context, text, _hint, n: "«"
                 + (text.replace("%n", str(n)) if n >= 0 else text) + "»")
    yield
    i18n.reset()


# -- helpers --------------------------------------------------------------------------------


def start_session(data_dir: Path, *, started_ago: float, minutes: int = 1) -> Session:
    """An ice session started `started_ago` seconds ago, as the user sees it now."""
    service = SessionService.open(data_dir, ClockBehind(started_ago))
    outcome = service.start(Therapy.ICE, minutes)
    assert outcome.ok, outcome.message
    service.close()
    service = SessionService.open(data_dir, SystemClock())
    session = service.session(outcome.session.id)
    service.close()
    return session


def planned_end(data_dir: Path) -> float:
    """The latest session's planned end on this process's monotonic clock (from its mark)."""
    latest = max(record.read(data_dir).sessions, key=lambda s: s.id)
    clock = SystemClock()
    assert latest.start_mark.boot_id == clock.boot_id()
    end = latest.start_mark.boottime + latest.planned_length.total_seconds()
    return time.monotonic() + end - clock.boottime()


def sleep_until(moment: float) -> None:
    time.sleep(max(moment - time.monotonic(), 0))


def wait_until(condition, timeout: float, what: str) -> float:
    """Poll `condition` until it holds; returns how long that took."""
    begin = time.monotonic()
    while not condition():
        assert time.monotonic() - begin < timeout, f"{what}: not within {timeout} s"
        time.sleep(0.02)
    return time.monotonic() - begin


def alive(pid: int) -> bool:
    """Running, and not a zombie (orphans here may wait unreaped for a reaper)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def lock_holder(data_dir: Path) -> int | None:
    """The pid of the backstop that holds the folder's lock, if one runs."""
    try:
        pid = int((data_dir / "backstop.lock").read_text().partition("\n")[0])
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except (OSError, ValueError):
        return None
    if b"backstop" in command and str(data_dir).encode() in command and alive(pid):
        return pid
    return None


def wait_for_backstop(data_dir: Path) -> int:
    wait_until(lambda: lock_holder(data_dir) is not None, 15, "a backstop holds the lock")
    return lock_holder(data_dir)


def log_text(data_dir: Path) -> str:
    try:
        return (data_dir / "backstop.log").read_text()
    except FileNotFoundError:
        return ""


def cli(env: dict[str, str], data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "necktimer", "--data-dir", str(data_dir), *args],
                          env=env, capture_output=True, text=True, timeout=60)


def removed_at(data_dir: Path, session_id: int) -> str | None:
    uri = f"file:{data_dir / 'necktimer.sqlite3'}?mode=ro"
    with sqlite3.connect(uri, uri=True) as db:
        (value,) = db.execute("SELECT removed_at FROM sessions WHERE id = ?",
                              (session_id,)).fetchone()
    return value


def assert_removal_recorded(env, data_dir: Path, session_id: int) -> None:
    assert removed_at(data_dir, session_id) is not None
    [remembered] = [s for s in record.read(data_dir).sessions if s.id == session_id]
    assert remembered.removed_at is not None
    # The copy outside the folder too: it lacked the removal, and a folder deleted then
    # came back with the pack still "on" (outside tester).
    state = env.get("XDG_STATE_HOME") or str(Path(env["HOME"]) / ".local" / "state")
    copies = Path(state) / "necktimer" / "records"
    copy = record.read_copy(record.mirror_path(copies, data_dir))
    assert copy is not None
    [kept] = [s for s in copy.sessions if s.id == session_id]
    assert kept.removed_at == remembered.removed_at
    done = cli(env, data_dir, "done")
    assert (done.returncode, done.stdout.strip()) == (1, "No pack was waiting to come off.")


def within(value: float, bounds: tuple[float, float]) -> bool:
    return bounds[0] <= value <= bounds[1]


@contextlib.contextmanager
def running_window(env, data_dir: Path, tmp_path: Path):
    """necktimer's window (offscreen) with a 1-minute ice session started from the command
    line; it is killed on the way out if the test did not end it."""
    output = (tmp_path / "window.log").open("w")
    window = subprocess.Popen(
        [PYTHON, "-m", "necktimer", "--data-dir", str(data_dir), "start", "ice", "--minutes",
         "1"], env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=output)

    def running() -> bool:
        assert window.poll() is None, (tmp_path / "window.log").read_text()
        return json.loads(cli(env, data_dir, "status", "--json").stdout)["state"] == "running"

    try:
        wait_until(running, 30, "the window started the session")
        yield window
    finally:
        if window.poll() is None:
            window.kill()
        window.wait(timeout=10)
        output.close()


class StandIn:
    """A running necktimer without a window: it holds the instance lock and answers on the
    socket with the real protocol and the real service, as the window does."""

    def __init__(self, data_dir: Path, *, shown: int = 0) -> None:
        self.requests: list[Command] = []
        self.shown = shown  # the time's-up notification it says it has on screen
        self._data_dir = data_dir
        self._lock = InstanceLock(data_dir)
        assert self._lock.acquire()
        path = socket_path(data_dir)
        path.unlink(missing_ok=True)
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(str(path))
        self._listener.listen()
        ready = threading.Event()
        self._thread = threading.Thread(target=self._serve, args=(ready,), daemon=True)
        self._thread.start()
        assert ready.wait(10)

    def _serve(self, ready: threading.Event) -> None:
        service = SessionService.open(self._data_dir, SystemClock())  # SQLite: this thread's
        ready.set()
        try:
            while True:
                try:
                    connection, _ = self._listener.accept()
                except OSError:
                    return  # killed
                with connection:
                    data = b""
                    while b"\n" not in data and (chunk := connection.recv(MAX_MESSAGE)):
                        data += chunk
                    request = Request.from_message(decode(data.split(b"\n")[0]))
                    self.requests.append(request.command)
                    reply = execute(request, service)
                    if request.command is Command.PING:  # as the window answers it
                        reply = Reply(Exit.OK, "pong", {"time_up_notification": self.shown})
                    connection.sendall(encode(reply.to_message()))
        finally:
            service.close()

    def kill(self) -> None:
        """Go away like a crashed window: the socket file stays, the lock goes."""
        self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._thread.join(10)
        self._lock.release()


# -- the tests ------------------------------------------------------------------------------


def test_the_backstop_loads_no_qt():
    code = ("import sys, necktimer.backstop\n"
            "qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')]\n"
            "assert not qt, qt\n")
    result = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_window_killed_mid_session_the_backstop_reminds_until_removed(server, env, data_dir,
                                                                      tmp_path, backstops):
    """The issue's main case: SIGKILL the window 10 s into a 1-minute session."""
    with running_window(env, data_dir, tmp_path) as window:
        launched = time.monotonic()
        status = json.loads(cli(env, data_dir, "status", "--json").stdout)
        end = planned_end(data_dir)
        ends_at = datetime.fromisoformat(status["ends_at"])
        assert (status["state"], status["therapy"]) == ("running", "ice")
        assert abs((ends_at - datetime.now(ends_at.tzinfo)).total_seconds()
                   - (end - time.monotonic())) < 1.5  # ends_at is to the second
        backstop = wait_for_backstop(data_dir)  # the window armed it when the start committed
        sleep_until(launched + 10)
        window.kill()
        window.wait(timeout=10)
        assert [c for c in server.calls() if c.is_notify] == []  # nothing yet

        first = server.next_call(timeout=end - time.monotonic() + 10)
        assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
        assert first.data["summary"] == SUMMARY
        assert first.data["body"].startswith("Your 1-minute ice session ended at ")
        assert first.data["hints"]["urgency"] == 2  # critical
        assert first.data["hints"]["sound-file"].endswith("reminder.wav")
        assert first.data["actions"][:2] == ["default", "Done — removed"]
        assert first.data["expire_timeout"] == 0 and first.data["replaces_id"] == 0

        second = server.next_call(timeout=70)
        assert second.is_notify and within(second.at - first.at, MINUTE), second.at - first.at
        assert second.data["replaces_id"] == first.id  # replaced, not stacked
        assert second.data["body"].startswith("Reminder: Your 1-minute ice session")

        server.invoke(second.id, "default")  # "Done — removed"
        assert server.next_call(timeout=10).data == {"closed": second.id}
        wait_until(lambda: not alive(backstop), 10, "the backstop exited")
        session_id = max(s.id for s in record.read(data_dir).sessions)
        assert_removal_recorded(env, data_dir, session_id)
        assert "the pack of session" in log_text(data_dir)


def test_a_backstop_killed_while_the_window_lives_is_started_again(server, env, data_dir,
                                                                  tmp_path, backstops):
    """The backstop killed (out of memory, a stray kill -9) with the window alive: nothing
    started another, and the window dying after that left nobody to remind at the end
    (outside tester). The window follows its backstop and starts a new one."""
    with running_window(env, data_dir, tmp_path) as window:
        end = planned_end(data_dir)
        first = wait_for_backstop(data_dir)
        os.kill(first, signal.SIGKILL)
        wait_until(lambda: lock_holder(data_dir) not in (None, first), 15,
                   "the window started another backstop")
        assert "no backstop watches session" in (tmp_path / "window.log").read_text()
        window.kill()
        window.wait(timeout=10)
        first_call = server.next_call(timeout=end - time.monotonic() + 10)
        assert first_call.is_notify and within(first_call.at - end, ON_TIME), \
            first_call.at - end
        assert first_call.data["summary"] == SUMMARY


def test_a_window_launched_again_after_a_crash_leaves_one_bubble(server, env, data_dir,
                                                                  tmp_path, backstops):
    """The window was killed; the backstop reminded at the end; the window was launched
    again and reminded too. The backstop's bubble stayed beside the window's until its next
    round, a minute later: two time's-up bubbles. The record the window writes as it
    starts wakes the backstop, which asks and takes its own bubble back at once."""
    with running_window(env, data_dir, tmp_path) as window:
        end = planned_end(data_dir)
        wait_for_backstop(data_dir)
        window.kill()
        window.wait(timeout=10)
    backstop_bubble = server.next_call(timeout=end - time.monotonic() + 10)
    assert backstop_bubble.is_notify and backstop_bubble.data["replaces_id"] == 0
    output = (tmp_path / "again.log").open("w")
    again = subprocess.Popen([PYTHON, "-m", "necktimer", "--data-dir", str(data_dir)],
                             env=env, stdin=subprocess.DEVNULL, stdout=output, stderr=output)
    try:
        # In either order: the backstop may ask before the window has shown its own
        calls = [server.next_call(timeout=30), server.next_call(timeout=30)]
        [window_bubble] = [c for c in calls if c.is_notify]
        [withdrawn] = [c for c in calls if not c.is_notify]
        assert window_bubble.id != backstop_bubble.id
        assert withdrawn.data == {"closed": backstop_bubble.id}
        assert abs(withdrawn.at - window_bubble.at) < 5  # not at the backstop's next round
        assert cli(env, data_dir, "done").returncode == 0
        assert server.next_call(timeout=10).data == {"closed": window_bubble.id}
    finally:
        again.kill()
        again.wait(timeout=10)
        output.close()


def test_with_the_window_alive_one_notification_per_round(server, env, data_dir, tmp_path,
                                                          backstops):
    with running_window(env, data_dir, tmp_path) as window:
        end = planned_end(data_dir)
        backstop = wait_for_backstop(data_dir)
        sleep_until(end + 3)
        assert window.poll() is None, (tmp_path / "window.log").read_text()
        [reminder] = [c for c in server.calls() if c.is_notify]  # the window's, not two
        assert reminder.data["summary"] == SUMMARY
        assert "necktimer answers and reminds" in log_text(data_dir)

        assert cli(env, data_dir, "done").returncode == 0  # through the window
        wait_until(lambda: not alive(backstop), 2, "the backstop exited")
        assert cli(env, data_dir, "quit").returncode == 0


def test_a_dismissed_reminder_comes_back_fresh_a_minute_later(server, env, data_dir,
                                                              backstops):
    session = start_session(data_dir, started_ago=54)
    end = planned_end(data_dir)
    backstop = backstops()

    first = server.next_call(timeout=end - time.monotonic() + 10)
    assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
    assert (first.data["summary"], first.data["replaces_id"]) == (SUMMARY, 0)
    assert first.data["body"].startswith("Your 1-minute ice session ended at ")
    assert "removed-at-end" not in first.data["actions"]  # on time: "Done" says it all
    server.close(first.id, 2)  # the user dismisses it

    second = server.next_call(timeout=70)
    assert second.is_notify and within(second.at - first.at, MINUTE), second.at - first.at
    assert second.data["replaces_id"] == 0 and second.id != first.id  # a fresh one
    assert second.data["body"].startswith("Reminder: Your 1-minute ice session")

    server.invoke(second.id, "default")
    assert server.next_call(timeout=10).data == {"closed": second.id}
    assert backstop.wait(timeout=10) == 0
    assert_removal_recorded(env, data_dir, session.id)


def test_a_late_reminder_offers_that_the_pack_came_off_at_the_end(server, env, data_dir,
                                                                   backstops):
    """Confirmed late, "Done" starts the gap now, since the pack may have stayed on. The
    window's late reminder also offers "It came off at <end>"; the backstop's, sent when no
    window runs, offers it too, and the gap then runs from the end."""
    session = start_session(data_dir, started_ago=60 + 150)  # ended 2.5 min ago
    backstop = backstops()
    first = server.next_call(timeout=10)
    assert first.is_notify
    actions = dict(zip(first.data["actions"][::2], first.data["actions"][1::2], strict=True))
    # In the backstop's words: English, 24-hour, this machine's time zone.
    assert actions["removed-at-end"] == f"It came off at {session.planned_end.astimezone():%H:%M}"
    assert first.data["actions"][:2] == ["default", "Done — removed now"]
    server.invoke(first.id, "removed-at-end")
    assert server.next_call(timeout=10).data == {"closed": first.id}
    assert backstop.wait(timeout=10) == 0
    assert "is off since its end" in log_text(data_dir)
    status = json.loads(cli(env, data_dir, "status", "--json").stdout)
    allowed = datetime.fromisoformat(status["next_allowed_at"])
    assert abs((allowed - session.planned_end - timedelta(hours=2)).total_seconds()) < 1


def test_a_done_that_nothing_can_keep_is_said_once_not_dropped(server, env, data_dir,
                                                               backstops):
    """On a full disk with no window, "Done" on the backstop's reminder closed it and the
    backstop left: the removal was lost, and nothing said so."""
    start_session(data_dir, started_ago=90)  # ended 30 s ago
    backstop = backstops()
    first = server.next_call(timeout=10)
    assert first.is_notify
    # Every write that grows a file now fails for the backstop, as on a full disk.
    subprocess.run(["prlimit", f"--pid={backstop.pid}", "--fsize=0:"], check=True)
    server.invoke(first.id, "default")
    assert server.next_call(timeout=10).data == {"closed": first.id}
    told = server.next_call(timeout=20)
    assert told.is_notify and told.data["summary"] == "The removal was not saved"
    assert "run 'necktimer done' once it can be saved" in told.data["body"]
    assert backstop.wait(timeout=10) == 0  # reminders stop: confirmed is confirmed
    status = json.loads(cli(env, data_dir, "status", "--json").stdout)
    assert status["pack_waiting"] is True  # nothing claims the pack was noted as off


def test_silent_while_necktimer_answers_and_gone_once_it_records_the_removal(
        server, env, data_dir, backstops):
    session = start_session(data_dir, started_ago=55)
    end = planned_end(data_dir)
    instance = StandIn(data_dir)
    try:
        backstop = backstops()
        sleep_until(end + 3)
        assert server.calls() == []
        assert Command.PING in instance.requests  # it asked at the end, and kept quiet

        done = cli(env, data_dir, "done")  # through the running instance
        assert done.returncode == 0, done.stderr
        asked = time.monotonic()
        assert backstop.wait(timeout=5) == 0
        assert time.monotonic() - asked < 2
        assert server.calls() == []
        assert removed_at(data_dir, session.id) is not None
    finally:
        instance.kill()


@pytest.mark.parametrize(("started_ago", "reason"), [(0, EndReason.CANCELLED),
                                                     (70, EndReason.STOPPED)])
def test_arm_backstop_and_stopping_the_session_ends_it_within_2_s(server, env, data_dir,
                                                                   backstops, started_ago,
                                                                   reason):
    from necktimer.ui.backstop_launcher import arm_backstop

    session = start_session(data_dir, started_ago=started_ago, minutes=2)
    assert arm_backstop(data_dir, session, sound=False, sound_file=None)
    backstop = wait_for_backstop(data_dir)
    words = data_dir / "necktimer.backstop.json"
    assert words.stat().st_mode & 0o777 == 0o600
    saved = json.loads(words.read_text())
    assert (saved["session"], saved["summary"], saved["sound"]) == (session.id, SUMMARY, False)
    command = Path(f"/proc/{backstop}/cmdline").read_bytes()
    assert b"remove the ice pack" not in command and b"Done" not in command  # words stay private
    assert (data_dir / "backstop.log").stat().st_mode & 0o777 == 0o600

    service = SessionService.open(data_dir, SystemClock())
    outcome = service.stop()
    service.close()
    assert outcome.ok and outcome.session.end_reason is reason
    stopped = time.monotonic()
    wait_until(lambda: not alive(backstop), 5, "the backstop exited")
    assert time.monotonic() - stopped < 2
    assert server.calls() == []


def test_wakes_at_most_once_per_5_s_while_a_session_runs(server, env, data_dir, backstops):
    start_session(data_dir, started_ago=0)
    backstop = backstops()
    wait_for_backstop(data_dir)
    time.sleep(1)  # past start-up

    def wakes_and_cpu() -> tuple[int, float]:
        """Voluntary switches of all threads (each sleep that ended), and CPU seconds used.
        Preemptions (nonvoluntary switches) come from other load on the machine, not from
        the backstop; a busy loop shows in the CPU time instead."""
        total = 0
        for status in Path(f"/proc/{backstop.pid}/task").glob("*/status"):
            for line in status.read_text().splitlines():
                if line.startswith("voluntary_ctxt_switches"):
                    total += int(line.split()[1])
        fields = Path(f"/proc/{backstop.pid}/stat").read_text().rsplit(")", 1)[1].split()
        cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
        return total, cpu

    woke_before, cpu_before = wakes_and_cpu()
    time.sleep(10)
    woke_after, cpu_after = wakes_and_cpu()
    woke = woke_after - woke_before
    assert woke <= 4, woke  # two 5-second timeouts, and some slack
    assert cpu_after - cpu_before < 0.5, "the backstop is busy while it should sleep"
    assert backstop.poll() is None


def test_a_second_backstop_exits_at_once_and_the_words_are_the_windows(
        server, env, data_dir, backstops, shouting):
    from necktimer.ui.backstop_launcher import arm_backstop

    session = start_session(data_dir, started_ago=53)
    end = planned_end(data_dir)
    assert arm_backstop(data_dir, session, sound=True, sound_file="/tmp/chime.wav")
    first_backstop = wait_for_backstop(data_dir)
    second = backstops()
    assert second.wait(timeout=10) == 0
    assert "another backstop already watches" in log_text(data_dir)

    first = server.next_call(timeout=end - time.monotonic() + 10)
    assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
    assert first.data["summary"] == f"«{SUMMARY}»"  # the window's language
    assert first.data["actions"][:2] == ["default", "«Done — removed»"]
    assert first.data["hints"]["sound-file"] == "/tmp/chime.wav"
    time.sleep(3)
    assert server.calls() == []  # one notification for the round, not two

    assert cli(env, data_dir, "done").returncode == 0  # no window: the command records it
    wait_until(lambda: not alive(first_backstop), 2, "the backstop exited")
    assert server.calls()[-1].data == {"closed": first.id}  # withdrawn from the screen


@pytest.mark.parametrize("bus_there", [True, False], ids=["no-server", "no-bus"])
def test_without_notifications_it_says_it_could_not_reach_the_user(env, data_dir, backstops,
                                                                   bus_there):
    if not bus_there:
        env = {k: v for k, v in env.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    start_session(data_dir, started_ago=56)
    end = planned_end(data_dir)
    if bus_there:
        backstop = backstops()
    else:
        backstop = subprocess.Popen([PYTHON, "-m", "necktimer", "backstop", "--data-dir",
                                     str(data_dir)], env=env, start_new_session=True)
    try:
        sleep_until(end + 2)
        assert "the user could not be reached" in log_text(data_dir)
        assert backstop.poll() is None  # still there, for the next round

        assert cli(env, data_dir, "done").returncode == 0
        assert backstop.wait(timeout=2) == 0
    finally:
        if backstop.poll() is None:
            backstop.kill()
            backstop.wait()


def test_a_backstop_that_cannot_reach_the_desktop_gives_way_to_one_that_can(
        server, env, data_dir, backstops):
    """One started where there was no session bus (a window over SSH) held the lock, and
    the one a window on the desktop armed later left at once: after a crash nobody was
    reminded. The one that can notify now takes over, and reminds on time."""
    from necktimer.instance import backstop_reaches_desktop

    start_session(data_dir, started_ago=45)
    end = planned_end(data_dir)
    no_bus = {k: v for k, v in env.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    silent = subprocess.Popen([PYTHON, "-m", "necktimer", "backstop", "--data-dir",
                               str(data_dir)], env=no_bus, stdin=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        wait_until(lambda: backstop_reaches_desktop(data_dir) is False, 15,
                   "the first backstop says it has no desktop")
        assert lock_holder(data_dir) == silent.pid

        able = backstops()
        assert silent.wait(timeout=HANDOVER_WAIT) == 0
        wait_until(lambda: lock_holder(data_dir) == able.pid, 5, "the second holds the lock")
        wait_until(lambda: backstop_reaches_desktop(data_dir) is True, 5,
                   "the second says it reaches the desktop")
        assert "a backstop that can reach the desktop takes over" in log_text(data_dir)
        assert not (data_dir / "backstop.handover").exists()

        first = server.next_call(timeout=end - time.monotonic() + 10)
        assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
        assert first.data["summary"] == SUMMARY
    finally:
        if silent.poll() is None:
            silent.kill()
            silent.wait()


def test_a_backstop_that_cannot_reach_the_desktop_either_leaves_the_watch_alone(
        env, data_dir, backstops):
    """Without a bus of its own, the later one has nothing better to offer: it exits, and
    the one that watches stays."""
    start_session(data_dir, started_ago=30)
    no_bus = {k: v for k, v in env.items() if k != "DBUS_SESSION_BUS_ADDRESS"}
    watching = backstops()
    wait_for_backstop(data_dir)
    later = subprocess.Popen([PYTHON, "-m", "necktimer", "backstop", "--data-dir",
                              str(data_dir)], env=no_bus, stdin=subprocess.DEVNULL,
                             start_new_session=True)
    assert later.wait(timeout=10) == 0
    assert lock_holder(data_dir) == watching.pid
    assert "another backstop already watches" in log_text(data_dir)


def test_open_necktimer_hands_the_reminder_to_the_window(server, env, data_dir, backstops):
    start_session(data_dir, started_ago=55)
    end = planned_end(data_dir)
    backstop = backstops()
    first = server.next_call(timeout=end - time.monotonic() + 10)
    assert first.is_notify

    instance = StandIn(data_dir)  # necktimer runs again
    try:
        server.invoke(first.id, "show")  # "Open necktimer"
        closed = server.next_call(timeout=10)
        assert closed.data == {"closed": first.id}  # the window reminds from now on
        assert Command.SHOW in instance.requests  # the backstop opened (raised) it
        assert [c for c in server.calls() if c.is_notify] == []

        assert cli(env, data_dir, "done").returncode == 0
        assert backstop.wait(timeout=2) == 0
    finally:
        instance.kill()


@pytest.mark.parametrize("fault", ["garbage record", "folder deleted",
                                   "record made again without the session"])
def test_when_in_doubt_it_reminds(server, env, data_dir, backstops, fault):
    start_session(data_dir, started_ago=54)
    end = planned_end(data_dir)
    backstop = backstops()
    wait_until(lambda: "watching session 1" in log_text(data_dir), 10, "the backstop read")
    if fault == "garbage record":
        broken = data_dir / "broken.json"
        broken.write_text('{"version": 1, "sessions": [{"id": ')
        broken.rename(data_dir / "necktimer.safety.json")
    elif fault == "folder deleted":
        remove_folder(data_dir)
    else:  # as a window makes it again after the folder was deleted on a full disk
        remove_folder(data_dir)
        data_dir.mkdir(mode=0o700)
        record.write(data_dir, record.SafetyFacts(()))

    first = server.next_call(timeout=end - time.monotonic() + 10)
    assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
    assert first.data["summary"] == SUMMARY
    server.invoke(first.id, "default")  # confirmed is confirmed, written or not
    assert server.next_call(timeout=20).data == {"closed": first.id}
    assert backstop.wait(timeout=10) == 0


def test_armed_before_the_record_shows_the_session_it_waits_for_it(server, env, data_dir,
                                                                   backstops):
    """The record is rewritten after the start commits; on a full disk that write is
    retried later. The backstop waits for it longer than a moment."""
    # As in a window: the history is open (made) before a start arms the backstop, whose
    # log then counts as a trace of use only where the history is gone.
    SessionService.open(data_dir, SystemClock()).close()
    backstop = subprocess.Popen(
        [PYTHON, "-m", "necktimer", "backstop", "--data-dir", str(data_dir), "--session", "1"],
        env=env, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        time.sleep(12)
        assert backstop.poll() is None
        start_session(data_dir, started_ago=57)  # the record is written at last
        end = planned_end(data_dir)
        first = server.next_call(timeout=end - time.monotonic() + 10)
        assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
        assert cli(env, data_dir, "done").returncode == 0
        assert backstop.wait(timeout=2) == 0
    finally:
        if backstop.poll() is None:
            backstop.kill()
        backstop.wait(timeout=10)


def test_a_data_folder_made_again_has_one_backstop(server, env, data_dir, backstops):
    start_session(data_dir, started_ago=53)
    old = backstops()
    wait_for_backstop(data_dir)
    remove_folder(data_dir)  # the old backstop's lock file goes with it
    start_session(data_dir, started_ago=53)  # necktimer runs again, in a new folder
    end = planned_end(data_dir)
    new = backstops()

    wait_until(lambda: (old.poll(), new.poll()).count(None) == 1, 3, "one backstop left")
    first = server.next_call(timeout=end - time.monotonic() + 10)
    assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
    time.sleep(3)
    assert server.calls() == []  # one notification for the round, not two


def test_a_window_that_dies_between_the_commit_and_the_record_is_backed_up(server, env,
                                                                          data_dir, backstops):
    """The window starts the backstop just before the start commits; if it dies before it
    rewrites the safety record, the backstop finds the session in the history itself."""
    start_session(data_dir, started_ago=58)
    end = planned_end(data_dir)
    record.record_path(data_dir).unlink()  # as if the window died right after the commit
    backstop = subprocess.Popen(
        [PYTHON, "-m", "necktimer", "backstop", "--data-dir", str(data_dir), "--session", "1"],
        env=env, stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        first = server.next_call(timeout=end - time.monotonic() + 10)
        assert first.is_notify and within(first.at - end, ON_TIME), first.at - end
        assert cli(env, data_dir, "done").returncode == 0
        assert backstop.wait(timeout=5) == 0
    finally:
        if backstop.poll() is None:
            backstop.kill()
        backstop.wait(timeout=10)


def test_a_window_that_answers_at_the_end_and_dies_before_reminding_is_covered(
        server, env, data_dir, backstops):
    """The window answered the backstop's question at the planned end but had shown
    nothing yet; it dies a moment later. The reminder comes a second later, not a minute."""
    start_session(data_dir, started_ago=55)
    end = planned_end(data_dir)
    instance = StandIn(data_dir)
    try:
        backstops()
        sleep_until(end + 0.4)
        assert Command.PING in instance.requests  # asked at the end; the window answered
    finally:
        instance.kill()
    first = server.next_call(timeout=10)
    assert first.is_notify and within(first.at - end, (0.4, 2.5)), first.at - end


@pytest.mark.slow
def test_after_the_window_dies_its_notification_is_replaced_and_its_click_counts(
        server, env, data_dir, backstops):
    """A window reminded, then died: the backstop replaces the window's bubble (no second
    one stacked on it) at once, not at its next round a minute later: a server may send a
    click only to whoever showed the bubble (dunst and Plasma do; so does the test
    server), and the dead window's reached nobody. Replaced, its click counts."""
    session = start_session(data_dir, started_ago=55)
    end = planned_end(data_dir)
    from necktimer.core import alerts
    from necktimer.freedesktop import NotificationClient

    window = NotificationClient(env["DBUS_SESSION_BUS_ADDRESS"])  # as the window does it
    sleep_until(end)
    try:
        shown = window.show(alerts.time_up(session))
    finally:
        window.close()
    instance = StandIn(data_dir, shown=shown)
    try:
        backstops()
        sleep_until(end + 2)
        assert Command.PING in instance.requests
    finally:
        instance.kill()  # its lock goes, which the backstop's watch of the folder sees
    died = time.monotonic()
    # The window's bubble first; the backstop's may already have come with it (at once).
    window_call, *taken = [c for c in server.calls() if c.is_notify]
    assert window_call.id == shown and len(taken) <= 1, taken
    again = taken[0] if taken else server.next_call(timeout=20)
    assert again.is_notify and again.at - died < 5, again.at - died
    assert again.data["replaces_id"] == shown  # replaced, not stacked
    assert again.data["body"].startswith("Reminder")  # the window's was the first
    server.invoke(shown, "default")  # the bubble the user has seen all along
    assert server.next_call(timeout=10).data == {"closed": shown}
    wait_until(lambda: lock_holder(data_dir) is None, 10, "the backstop exited")
    assert_removal_recorded(env, data_dir, session.id)


def test_the_boot_alarm_counts_from_now_not_from_an_absolute_boot_time():
    """Under faketime (or in a time namespace) the process reads a boot clock far behind
    the kernel's. An alarm set for an absolute reading of it lay in the kernel's past, rang
    at once, every time: a backstop was seen spinning at 100 % CPU for 20 minutes."""
    import select

    from necktimer.backstop import BootAlarm

    alarm = BootAlarm()
    try:
        assert alarm.available
        assert alarm.arm(60.0)  # one minute from now, on the kernel's boot clock
        assert select.select([alarm], [], [], 0.05)[0] == []
        assert alarm.arm(0.001)
        assert select.select([alarm], [], [], 5.0)[0] == [alarm]
    finally:
        alarm.close()


def test_half_a_day_after_the_end_the_backstop_stops_as_the_rules_do():
    """It reminded every minute for ever while `status` said Ready and `done` found no pack
    waiting, so nothing could stop it but a click on the notification."""
    from necktimer.backstop import what_to_watch
    from necktimer.core.clock import FakeClock
    from necktimer.core.rules import PACK_WATCH

    clock = FakeClock(datetime(2026, 3, 2, 8, 0).astimezone())
    start = clock.now()
    session = Session(1, Therapy.HEAT, start, start + CAP_TIME, start_mark=None)
    facts = record.SafetyFacts((session,))
    clock.advance(CAP_TIME.total_seconds() + 60)
    assert what_to_watch(facts, clock) is not None  # time's up: remind
    clock.advance((PACK_WATCH - timedelta(minutes=1)).total_seconds())
    assert what_to_watch(facts, clock) is None


def test_a_session_recorded_as_starting_later_than_now_is_reminded_about_at_once():
    """A start written by a process with a shifted clock (or edited) three hours ahead,
    on this boot's clock too: the backstop waited for a planned end that kept moving
    away, and never reminded."""
    from necktimer.backstop import what_to_watch
    from necktimer.core.clock import FakeClock, Stamp
    from necktimer.core.timeline import Mark

    clock = FakeClock(datetime(2026, 3, 2, 8, 0).astimezone())
    ahead = timedelta(hours=3)
    start = clock.now() + ahead
    shifted = clock.boottime() + ahead.total_seconds()
    session = Session(1, Therapy.ICE, start, start + CAP_TIME,
                      start_mark=Mark(clock.boot_id(), shifted))
    # The record as the shifted process wrote it: its anchor read its own clocks.
    facts = record.SafetyFacts((session,), anchor=Stamp(start, clock.boot_id(), shifted))
    for _ in range(3):
        watched = what_to_watch(facts, clock)
        assert watched is not None and watched.remaining_s <= 0
        clock.advance(60)


def test_a_record_with_no_anchor_still_lets_time_pass_for_a_session_from_the_future():
    """A record made by hand, with no anchor: read afresh each time, a session recorded
    as starting later than now was placed at "now" at every reading, and never ended.
    The backstop keeps the anchor of its first reading: within the session's length it
    reminds."""
    from necktimer.backstop import what_to_watch
    from necktimer.core.clock import FakeClock

    clock = FakeClock(datetime(2026, 3, 2, 8, 0).astimezone())
    start = clock.now() + timedelta(hours=3)
    session = Session(1, Therapy.ICE, start, start + CAP_TIME, start_mark=None)
    facts = record.SafetyFacts((session,))
    watched = what_to_watch(facts, clock)
    assert watched is not None and 0 <= watched.remaining_s <= CAP_TIME.total_seconds()
    clock.advance(watched.remaining_s)
    again = what_to_watch(facts, clock, watched.anchor)
    assert again is not None and again.remaining_s <= 0


def test_a_folder_whose_name_is_not_utf8_gets_its_backstop(env, tmp_path):
    """Qt's strings carried a Latin-1 "é" in the folder's name as U+FFFD: the backstop was
    pointed at a folder that does not exist, and nobody watched the session (outside
    tester). It is started with the name's own bytes, and finds its folder."""
    from necktimer.instance import backstop_pids
    from necktimer.ui.backstop_launcher import arm_ahead

    data_dir = tmp_path / os.fsdecode(b"profil\xe9")
    session = start_session(data_dir, started_ago=0, minutes=5)
    assert arm_ahead(data_dir, session.id)
    pids: list[int] = []
    try:
        wait_until(lambda: pids.extend(backstop_pids(data_dir)) or pids, 10,
                   "a backstop watching the folder")
        wait_until(lambda: (data_dir / "backstop.lock").exists(), 10, "its lock, in the folder")
        assert all(alive(pid) for pid in pids)
        assert os.getppid() != pids[0] and int(Path(f"/proc/{pids[0]}/stat").read_text()
                                                .rsplit(")", 1)[1].split()[1]) != os.getpid()
    finally:
        for pid in set(pids):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_a_done_that_a_frozen_window_cannot_take_says_so_not_a_full_disk(server, env,
                                                                         data_dir, backstops):
    """With the window stopped (it holds the history and does not answer), "Done" on the
    backstop's reminder said "is the disk full?" (outside tester): it names the window."""
    start_session(data_dir, started_ago=90)  # ended 30 s ago
    frozen = InstanceLock(data_dir)  # held, and nobody answers on the socket
    assert frozen.acquire()
    try:
        backstop = backstops()
        first = server.next_call(timeout=10)
        assert first.is_notify
        server.invoke(first.id, "default")
        assert server.next_call(timeout=10).data == {"closed": first.id}
        told = server.next_call(timeout=30)  # after the 10 s a window gets to answer
        assert told.is_notify and told.data["summary"] == "The removal was not saved"
        assert "does not answer" in told.data["body"] and "disk" not in told.data["body"]
        assert backstop.wait(timeout=10) == 0
    finally:
        frozen.release()
    status = json.loads(cli(env, data_dir, "status", "--json").stdout)
    assert status["pack_waiting"] is True  # the window, running again, reminds
