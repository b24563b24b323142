"""Drives necktimer through its command line, its stable interface, and seeds its history.

Everything here runs `python -m necktimer --data-dir DIR ...` from the source folder
being measured; the only file read or written directly is the SQLite history, and
only through the columns listed in seed_sessions().
"""

from __future__ import annotations

import itertools
import json
import signal
import sqlite3
import subprocess
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from linelog import LineLog, last_line

DB_NAME = "necktimer.sqlite3"
COMMAND_TIMEOUT = 60.0
# Things the command line did that a user would trip over, told once under the table.
observations: dict[str, str] = {}


class SeedError(Exception):
    """The history file rejected the seeded sessions."""


class AppError(Exception):
    """necktimer did not start or answer as its command line promises."""


class NecktimerCli:
    """One throw-away data folder and the necktimer commands run against it."""

    force_quit_works: bool | None = None  # learnt on the first quit, for all folders

    def __init__(self, python: str, source: Path, env: dict[str, str], data_dir: Path) -> None:
        self.python, self.source, self.env = python, source, env
        self.data_dir = data_dir
        self.db_path = data_dir / DB_NAME
        self.logs: list[Path] = []

    def argv(self, *args: str) -> list[str]:
        """The command line for `necktimer --data-dir DIR ARGS`."""
        return [self.python, "-m", "necktimer", "--data-dir", str(self.data_dir), *args]

    def run(self, *args: str) -> subprocess.CompletedProcess:
        """Run one command to its end (against the running instance, if there is one)."""
        return subprocess.run(self.argv(*args), cwd=self.source, env=self.env, text=True,
                              capture_output=True, timeout=COMMAND_TIMEOUT, check=False)

    def launch(self, *args: str) -> tuple[subprocess.Popen, LineLog]:
        """Start the app; its stdout is read line by line, its stderr goes to a log file."""
        log_path = self.data_dir.with_name(f"{self.data_dir.name}-{len(self.logs)}.stderr")
        self.logs.append(log_path)
        with log_path.open("w") as stderr:
            process = subprocess.Popen(self.argv(*args), cwd=self.source, env=self.env,
                                       text=True, stdout=subprocess.PIPE, stderr=stderr)
        return process, LineLog(process.stdout)

    def prepare(self) -> None:
        """Create the folder and its database by asking `status` once."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        result = self.run("status")
        if result.returncode != 0 or not self.db_path.exists():
            raise AppError(f"`necktimer status` exited {result.returncode}: "
                           f"{last_line(result.stderr or result.stdout)}")

    def status(self) -> dict | None:
        """`status --json`, or None when it fails."""
        result = self.run("status", "--json")
        try:
            return json.loads(result.stdout)
        except json.JSONDecodeError:
            return None

    def stop(self, process: subprocess.Popen) -> None:
        """Quit the running instance: `quit --force`, else `quit`, else SIGTERM, else SIGKILL."""
        if process.poll() is None:
            self._ask_to_quit()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if process.stdout:
            process.stdout.close()

    def finish(self, process: subprocess.Popen) -> None:
        """End as a user would: `stop` the session, `done` (the pack is off), then quit."""
        if process.poll() is None:
            self.run("stop")
            self.run("done")
        self.stop(process)

    def _ask_to_quit(self) -> None:
        """`quit --force` (remembering whether it exists), else `quit`."""
        if NecktimerCli.force_quit_works is not False:
            result = self.run("quit", "--force")
            NecktimerCli.force_quit_works = result.returncode != 2  # 2: bad command line
            if result.returncode == 2:
                observations["quit --force"] = (
                    f"`necktimer quit --force` is refused as a bad command line (exit 2: "
                    f"{last_line(result.stderr)}); plain `quit` was used instead.")
            if result.returncode == 0:
                return
        self.run("quit")

    def stderr_tail(self) -> str:
        """The last line the app wrote to stderr, for a skip reason."""
        return last_line(self.logs[-1].read_text()) if self.logs else ""


# -- the history file ----------------------------------------------------------------------


def seed_sessions(db_path: Path, rows: Iterable[dict]) -> int:
    """Insert finished sessions in one transaction; returns how many.

    Each row is a dict of sessions columns: therapy ('ice'|'heat'), started_at,
    planned_end, ended_at, end_reason ('completed'), removed_at (ISO 8601 UTC text)
    and optionally pain_before (0-10). Raises SeedError when the schema refuses them.
    """
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0
    columns = list(first)
    sql = (f"INSERT INTO sessions ({', '.join(columns)}) "
           f"VALUES ({', '.join('?' * len(columns))})")
    values = (tuple(row[column] for column in columns) for row in itertools.chain([first], rows))
    connection = sqlite3.connect(db_path, timeout=30)
    try:
        with connection:
            return connection.executemany(sql, values).rowcount
    except sqlite3.Error as error:
        raise SeedError(f"{db_path.name} refused the seeded sessions: {error}") from error
    finally:
        connection.close()


def iso(moment: datetime) -> str:
    """A timestamp as the history stores it: '2026-11-26T10:00:00.000000+00:00'."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def finished_session(therapy: str, started: datetime, **extra) -> dict:
    """A completed 15-minute session whose pack came off when it ended."""
    end = iso(started + timedelta(minutes=15))
    return {"therapy": therapy, "started_at": iso(started), "planned_end": end, "ended_at": end,
            "end_reason": "completed", "removed_at": end, **extra}


def gap_rows(now: datetime) -> list[dict]:
    """One session that ended 10 minutes ago: the app is waiting out the gap."""
    return [finished_session("ice", now - timedelta(minutes=25))]


def history_rows(count: int, now: datetime) -> Iterator[dict]:
    """count sessions 3 hours apart going back from 3 hours ago, with pain ratings 0-10."""
    newest = now - timedelta(hours=3)
    for i in range(count):
        yield finished_session(("ice", "heat")[i % 2], newest - timedelta(hours=3 * i),
                               pain_before=i % 11)


def running_planned_end(db_path: Path) -> datetime | None:
    """planned_end of the unfinished session, to the microsecond, read-only; None if none."""
    try:
        connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=10)
        try:
            row = connection.execute(
                "SELECT planned_end FROM sessions WHERE ended_at IS NULL").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return datetime.fromisoformat(row[0]) if row else None
