"""Real faults for the fault and crash tests: processes, locks, a small disk, a fake clock.

Everything here drives the real program as a user would: `python -m necktimer`
in its own process, with its own runtime folder (socket), home and data folder.
Faults come from real parts too: a second process holding the history with
BEGIN EXCLUSIVE, a small tmpfs filled to the last byte (or, where mounting is
not allowed, RLIMIT_FSIZE on the window's process), libfaketime for the wall
clock (the boot clock left real), another uid via setpriv.

Only "before" states are seeded through the service API, with clocks set back
consistently (wall and boot clock alike, on this machine's real boot), so the
boot-clock marks in the history are true ones.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from helpers import ClockBehind

from necktimer.commands import Command, Reply, Request
from necktimer.core import record
from necktimer.core.clock import SystemClock
from necktimer.core.rules import CAP, EndReason, Session, Therapy
from necktimer.core.service import SessionService
from necktimer.instance import Unreachable, UnsafeFolder, send, socket_path

PYTHON = sys.executable
DB_NAME = "necktimer.sqlite3"
RECORD_NAME = "necktimer.safety.json"
GAP = timedelta(hours=2)
TIME_UP = "Time's up — remove the ice pack"
# Debian's libfaketime (pulled in by the faketime package), for a clock changed mid-run.
LIBFAKETIME = next(iter(sorted(glob.glob("/usr/lib/*/faketime/libfaketimeMT.so.1")
                            + glob.glob("/usr/lib/faketime/libfaketimeMT.so.1"))), None)


# -- clocks ---------------------------------------------------------------------------------


def open_service(data_dir: Path, seconds_ago: float = 0.0) -> SessionService:
    return SessionService.open(data_dir, ClockBehind(seconds_ago) if seconds_ago
                               else SystemClock())


def seed(data_dir: Path, *, started_ago: float, minutes: int = 1,
         therapy: Therapy = Therapy.ICE, stop_after: float | None = None,
         removed: bool = False) -> Session:
    """A session started `started_ago` seconds ago (stopped `stop_after` s into it, or
    left to run), as the user sees it now. `removed`: the pack-off was confirmed."""
    service = open_service(data_dir, started_ago)
    outcome = service.start(therapy, minutes)
    assert outcome.ok, outcome.message
    service.close()
    if stop_after is not None:
        service = open_service(data_dir, started_ago - stop_after)
        assert service.stop().ok
        service.close()
    elif removed:
        end = started_ago - minutes * 60
        assert end > 0, "the session must have ended to confirm the pack is off"
        service = open_service(data_dir, end - 1)
        service.tick()
        assert service.acknowledge_removal() is not None
        service.close()
    service = open_service(data_dir)
    session = service.session(outcome.session.id)
    service.close()
    return session


def planned_end_monotonic(data_dir: Path, session_id: int | None = None) -> float:
    """A session's planned end on this process's time.monotonic() clock, from its boot mark."""
    facts = record.read(data_dir)
    assert facts is not None, "no safety record"
    sessions = [s for s in facts.sessions if session_id in (None, s.id)]
    latest = max(sessions, key=lambda s: s.id)
    clock = SystemClock()
    assert latest.start_mark is not None and latest.start_mark.boot_id == clock.boot_id()
    end = latest.start_mark.boottime + latest.planned_length.total_seconds()
    return time.monotonic() + end - clock.boottime()


# -- waiting --------------------------------------------------------------------------------


def wait_until(condition, timeout: float, what: str, poll: float = 0.05):
    """Poll `condition` until it returns something true; returns that."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        assert time.monotonic() < deadline, f"{what}: not within {timeout} s"
        time.sleep(poll)


def sleep_until(moment: float) -> None:
    time.sleep(max(moment - time.monotonic(), 0))


# -- processes ------------------------------------------------------------------------------


def alive(pid: int) -> bool:
    """Running, and not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line mentions `text` (a test's own temporary path)."""
    found = []
    needle = text.encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if needle in command and alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def kill_mentioning(text: str, timeout: float = 10.0) -> None:
    """SIGKILL every process started for this test's folder (windows, backstops, helpers)."""
    deadline = time.monotonic() + timeout
    while pids := processes_mentioning(text):
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if time.monotonic() > deadline:
            raise AssertionError(f"processes for {text} survive SIGKILL: {pids}")
        time.sleep(0.02)


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


@dataclass
class App:
    """necktimer for one data folder, run as real processes with a private environment."""

    data_dir: Path
    root: Path  # a private folder for this test: runtime dir, home, logs
    bus_address: str | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    windows: list[subprocess.Popen] = field(default_factory=list)
    _logs: int = 0

    def __post_init__(self) -> None:
        self.runtime = self.root / "run"
        self.runtime.mkdir(mode=0o700, exist_ok=True)
        self.home = self.root / "home"
        self.home.mkdir(exist_ok=True)

    @property
    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items()
               if not key.startswith(("DBUS_SESSION", "FAKETIME", "LD_PRELOAD", "XDG_"))}
        env.update({
            "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(self.runtime),
            "HOME": str(self.home), "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"), "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8", "LANGUAGE": "en", "PYTHONDONTWRITEBYTECODE": "1",
            "DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/nonexistent/necktimer-tests",
        })
        if self.bus_address:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus_address
        env.update(self.extra_env)
        return env

    def command(self, *args: str) -> list[str]:
        return [PYTHON, "-m", "necktimer", "--data-dir", str(self.data_dir), *args]

    def run(self, *args: str, timeout: float = 60, prefix: tuple[str, ...] = (),
            env: dict[str, str] | None = None, data_dir_arg: bool = True) -> Result:
        command = self.command(*args) if data_dir_arg else [PYTHON, "-m", "necktimer", *args]
        done = subprocess.run([*prefix, *command], capture_output=True, text=True,
                              env={**self.env, **(env or {})}, cwd=self.root,
                              timeout=timeout, stdin=subprocess.DEVNULL)
        return Result(done.returncode, done.stdout, done.stderr)

    def spawn(self, *args: str, prefix: tuple[str, ...] = (),
              env: dict[str, str] | None = None) -> subprocess.Popen:
        """Start a process that may stay (a window); its output goes to files."""
        self._logs += 1
        out = open(self.root / f"window-{self._logs}.out", "w")  # noqa: SIM115
        err = open(self.root / f"window-{self._logs}.err", "w")  # noqa: SIM115
        process = subprocess.Popen([*prefix, *self.command(*args)], stdout=out, stderr=err,
                                   stdin=subprocess.DEVNULL, env={**self.env, **(env or {})},
                                   cwd=self.root)
        out.close()
        err.close()
        process.log_number = self._logs  # type: ignore[attr-defined]
        self.windows.append(process)
        return process

    def output(self, process: subprocess.Popen) -> Result:
        number = process.log_number  # type: ignore[attr-defined]
        return Result(process.returncode if process.returncode is not None else -1,
                      (self.root / f"window-{number}.out").read_text(),
                      (self.root / f"window-{number}.err").read_text())

    @property
    def socket(self) -> Path:
        return socket_path(self.data_dir)

    def ask(self, request: Request, timeout: float = 5.0) -> Reply | None:
        """The running window's reply, or None when none answers."""
        try:
            return send(self.socket, request, timeout=timeout)
        except (Unreachable, UnsafeFolder, OSError):
            return None

    def wait_ready(self, timeout: float = 30.0) -> Reply:
        return wait_until(lambda: self.ask(Request(Command.STATUS), timeout=2.0), timeout,
                          "the window answers on its socket")

    def status(self, timeout: float = 60) -> dict:
        result = self.run("status", "--json", timeout=timeout)
        assert result.code == 0, result
        return json.loads(result.out)

    def kill_windows(self) -> None:
        for process in self.windows:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=10)

    def cleanup(self) -> None:
        self.kill_windows()
        kill_mentioning(str(self.data_dir))


# -- the history, as another program sees it ------------------------------------------------


def rows(data_dir: Path) -> list[sqlite3.Row]:
    """The session rows as another program sees them (read-write: after a crash SQLite
    rolls a hot journal back on the first read, which a read-only connection cannot)."""
    connection = sqlite3.connect(f"file:{data_dir / DB_NAME}?mode=rw", uri=True, timeout=10)
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute("SELECT * FROM sessions ORDER BY id").fetchall()
    finally:
        connection.close()


def parse_time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def damaged_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.iterdir() if ".damaged-" in p.name)


LOCKER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN " + sys.argv[2])
connection.execute("SELECT count(*) FROM sqlite_schema").fetchall()
print("locked", flush=True)
sys.stdin.readline()
connection.execute("ROLLBACK")
connection.close()
"""


class Holder:
    """Another program holding the history: a second process in BEGIN EXCLUSIVE."""

    def __init__(self, path: Path, mode: str = "EXCLUSIVE") -> None:
        self._process = subprocess.Popen([PYTHON, "-c", LOCKER, str(path), mode],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         text=True)
        line = self._process.stdout.readline()
        assert line.strip() == "locked", f"the locker did not lock {path}: {line!r}"
        self.since = time.monotonic()

    def release(self) -> None:
        if self._process.poll() is None:
            self._process.stdin.write("go\n")
            self._process.stdin.flush()
            self._process.wait(timeout=10)
            self._process.stdin.close()
            self._process.stdout.close()

    def kill(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait(timeout=10)
        for stream in (self._process.stdin, self._process.stdout):
            with contextlib.suppress(OSError):
                stream.close()


def hold_backstop_lock(data_dir: Path) -> int:
    """Take the backstop's lock, so that any backstop the window arms exits at once and
    only the window can remind (what it does is then what the test sees)."""
    import fcntl

    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(data_dir / "backstop.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


# -- a full disk ----------------------------------------------------------------------------


class SmallDisk:
    """A small tmpfs mounted at `path` (root and CAP_SYS_ADMIN needed)."""

    def __init__(self, path: Path, size: str = "400k") -> None:
        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700",
                               "tmpfs", str(path)], capture_output=True, text=True)
        if done.returncode != 0:
            raise PermissionError(done.stderr.strip() or "mount failed")
        self.filler = path / "filler"

    def fill(self) -> None:
        """Take every free byte (the history can then write nothing more)."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (1 << 16, 4096, 512, 1):
                chunk = b"\0" * size
                while True:
                    try:
                        os.write(fd, chunk)
                    except OSError as error:
                        assert error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG), error
                        break
        finally:
            os.close(fd)

    def free(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.filler.unlink()

    def unmount(self) -> None:
        kill_mentioning(str(self.path))
        for _attempt in range(50):
            done = subprocess.run(["umount", str(self.path)], capture_output=True)
            if done.returncode == 0:
                return
            time.sleep(0.1)
        subprocess.run(["umount", "-l", str(self.path)], capture_output=True)


def can_mount() -> str | None:
    """Why a tmpfs cannot be mounted here, or None."""
    folder = Path(tempfile.mkdtemp(prefix="nt-mnt-"))
    try:
        disk = SmallDisk(folder, "64k")
    except (PermissionError, FileNotFoundError) as error:
        folder.rmdir()
        return f"cannot mount a small tmpfs ({error})"
    disk.unmount()
    folder.rmdir()
    return None


def set_file_size_limit(pid: int, limit: int | None) -> None:
    """The soft RLIMIT_FSIZE of a running process (None: unlimited again); the fallback for
    a full disk. Only the soft limit moves, so no privilege is needed to lift it."""
    value = "unlimited" if limit is None else str(limit)
    subprocess.run(["prlimit", f"--pid={pid}", f"--fsize={value}:"], check=True)


# -- the promise, checked on the files ------------------------------------------------------


def application_periods(sessions: list[dict], now: datetime) -> list[tuple[datetime, datetime]]:
    periods = []
    for s in sessions:
        start, planned = s["started_at"], s["planned_end"]
        end = min(s["ended_at"] or min(now, planned), planned)
        periods.append((start, max(end, start)))
    return periods


def check_promise(sessions: list[dict], now: datetime) -> list[str]:
    """What in a history breaks the safety rules (an empty list: nothing does).

    `sessions` are dicts with datetime values for started_at, planned_end, ended_at and
    a string end_reason (None while open), oldest first.
    """
    problems = []
    ordered = sorted(sessions, key=lambda s: (s["started_at"], s["id"]))
    open_ = [s for s in ordered if s["ended_at"] is None]
    if len(open_) > 1:
        problems.append(f"{len(open_)} sessions open at once: {[s['id'] for s in open_]}")
    for s in ordered:
        if s["planned_end"] - s["started_at"] > CAP + timedelta(milliseconds=1):
            problems.append(f"session {s['id']} is planned longer than 15 min")
    periods = application_periods(ordered, now)
    for (_a, b), (c, _d), s, t in zip(periods, periods[1:], ordered, ordered[1:], strict=False):
        if c < b:
            problems.append(f"sessions {s['id']} and {t['id']} overlap")
    last_counted_end = None
    last_end = None
    used = timedelta(0)
    for s, (start, end) in zip(ordered, periods, strict=True):
        if last_counted_end is not None and start < last_counted_end + GAP - timedelta(
                seconds=1):
            problems.append(f"session {s['id']} started {last_counted_end + GAP - start} "
                            "inside the gap")
        if last_end is not None and start - last_end >= GAP:
            used = timedelta(0)  # a full gap without application ends a cycle
        last_end = end
        used += end - start
        if used > CAP + timedelta(seconds=1):
            problems.append(f"session {s['id']} brings the cycle to {used} (over 15 min)")
        if (s["end_reason"] != EndReason.CANCELLED.value and s["ended_at"] is not None) \
                or (s["ended_at"] is None and now >= s["planned_end"]):
            last_counted_end = end
            used = timedelta(0)
    return problems


def sessions_from_rows(found: list[sqlite3.Row]) -> list[dict]:
    return [{"id": r["id"], "therapy": r["therapy"], "started_at": parse_time(r["started_at"]),
             "planned_end": parse_time(r["planned_end"]), "ended_at": parse_time(r["ended_at"]),
             "end_reason": r["end_reason"], "removed_at": parse_time(r["removed_at"])}
            for r in found]


@contextlib.contextmanager
def moved_aside(path: Path) -> Iterator[None]:
    """Keep a shared path out of the way for a test (restored afterwards)."""
    backup = None
    if os.path.lexists(path):
        backup = path.with_name(path.name + f".before-test-{os.getpid()}")
        os.rename(path, backup)
    try:
        yield
    finally:
        if os.path.lexists(path):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.unlink(path)
        if backup is not None:
            os.rename(backup, path)
