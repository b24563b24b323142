"""The session record: one SQLite file in the user's data folder.

Timestamps are ISO 8601 text in UTC. A session row is committed before its
countdown starts and its end before the UI shows that it ended, so killing the
process at any instant loses nothing. A file that is not a usable database is
moved aside, never overwritten.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from necktimer.core.rules import MAX_MINUTES, EndReason, Session, Therapy

log = logging.getLogger("necktimer.store")

DB_NAME = "necktimer.sqlite3"

# Forward migrations, one per schema version. Never edit a released step: add one.
MIGRATIONS: tuple[str, ...] = (
    # 1: the first release
    f"""
    CREATE TABLE sessions (
        id          INTEGER PRIMARY KEY,
        therapy     TEXT NOT NULL CHECK (therapy IN ('ice', 'heat')),
        started_at  TEXT NOT NULL,
        planned_end TEXT NOT NULL,
        ended_at    TEXT,
        end_reason  TEXT CHECK (end_reason IN ('completed', 'stopped', 'cancelled', 'interrupted')),
        removed_at  TEXT,
        closed_while_away INTEGER NOT NULL DEFAULT 0,
        CHECK ((ended_at IS NULL) = (end_reason IS NULL)),
        -- the cap lives in the file too: no row may plan more than {MAX_MINUTES} minutes
        CHECK (julianday(planned_end) > julianday(started_at)),
        CHECK ((julianday(planned_end) - julianday(started_at)) * 86400.0
               <= {MAX_MINUTES * 60} + 0.001)
    );
    -- at most one session without an end, whatever the number of processes
    CREATE UNIQUE INDEX one_open_session ON sessions ((1)) WHERE ended_at IS NULL;
    CREATE INDEX sessions_by_start ON sessions (started_at);
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    # 2: the pain diary and the warning-sign answers
    """
    ALTER TABLE sessions ADD COLUMN pain_before INTEGER
        CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10);
    ALTER TABLE sessions ADD COLUMN pain_after INTEGER
        CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10);
    ALTER TABLE sessions ADD COLUMN note TEXT CHECK (note IS NULL OR length(note) <= 500);
    CREATE INDEX sessions_by_therapy ON sessions (therapy, started_at);
    CREATE TABLE warning_signs (
        id          INTEGER PRIMARY KEY,
        answered_at TEXT NOT NULL,
        signs       TEXT NOT NULL  -- comma-separated keys of the ticked signs; empty: none
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The database cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class OpenResult:
    store: Store
    notice: str | None = None  # set when a damaged file was moved aside


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _parse(text: str | None) -> datetime | None:
    if text is None:
        return None
    moment = datetime.fromisoformat(text)
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _row_to_session(row: sqlite3.Row) -> Session:
    keys = row.keys()
    return Session(
        id=row["id"],
        therapy=Therapy(row["therapy"]),
        started_at=_parse(row["started_at"]),
        planned_end=_parse(row["planned_end"]),
        ended_at=_parse(row["ended_at"]),
        end_reason=EndReason(row["end_reason"]) if row["end_reason"] else None,
        removed_at=_parse(row["removed_at"]),
        pain_before=row["pain_before"] if "pain_before" in keys else None,
        pain_after=row["pain_after"] if "pain_after" in keys else None,
        note=row["note"] if "note" in keys else None,
    )


def make_private_dir(path: Path) -> Path:
    """Create the data folder readable by its owner only: it holds health information."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):  # a folder the user chose may belong to someone else
        os.chmod(path, 0o700)
    return path


class Store:
    """All reads and writes of the session record."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    # -- opening -------------------------------------------------------------

    @classmethod
    def open(cls, data_dir: Path) -> OpenResult:
        """Open (creating or migrating) the database in `data_dir`.

        Raises StoreError with a readable message when the folder cannot be
        used. A damaged database is renamed aside and a fresh one started;
        the returned notice says where the old file went.
        """
        try:
            make_private_dir(data_dir)
        except OSError as error:
            raise StoreError(
                f"necktimer cannot create its data folder {data_dir}: {error.strerror}. "
                "Choose another folder with --data-dir."
            ) from error
        path = data_dir / DB_NAME
        # SQLite would open a read-only file and fail only at the first write, after
        # the countdown had started: find out now. It also needs the folder for its journal.
        for needed in (data_dir, path):
            if needed.exists() and not os.access(needed, os.W_OK):
                problem = PermissionError(f"{needed} is read-only")
                raise StoreError(access_message(data_dir, problem))
        try:
            return OpenResult(cls._open_file(path))
        except sqlite3.DatabaseError as error:
            if _is_access_problem(error):
                raise StoreError(access_message(data_dir, error)) from error
            moved = _move_aside(path)
            log.warning("database %s was unreadable (%s); moved to %s", path, error, moved)
            notice = (
                f"The session history could not be read ({error}). The damaged file was kept "
                f"as {moved.name} in {data_dir} and a new, empty history was started."
            )
            try:
                return OpenResult(cls._open_file(path), notice)
            except sqlite3.DatabaseError as again:
                raise StoreError(access_message(data_dir, again)) from again

    @classmethod
    def _open_file(cls, path: Path) -> Store:
        fresh = not path.exists()
        if fresh:
            # Create the file private before SQLite writes a byte of history into it.
            with contextlib.suppress(FileExistsError):  # another process was quicker
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        connection = sqlite3.connect(path, timeout=10, isolation_level=None)
        connection.row_factory = sqlite3.Row
        try:
            connection.execute("PRAGMA busy_timeout = 10000")
            connection.execute("PRAGMA foreign_keys = ON")
            check = connection.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            store = cls(connection, path)
            store._migrate()
        except BaseException:
            connection.close()
            raise
        return store

    def _migrate(self) -> None:
        while True:
            # One step per write transaction, reading the version inside it, so two
            # processes opening a new file at once cannot both apply a step.
            with self.transaction():
                version = self._db.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path} was written by a newer necktimer (schema {version}); "
                        "update necktimer to use it."
                    )
                if version == SCHEMA_VERSION:
                    return
                for statement in _statements(MIGRATIONS[version]):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {version + 1}")
            log.info("database %s migrated to schema %d", self.path, version + 1)

    def close(self) -> None:
        self._db.close()

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    # -- transactions ---------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction taken at once (BEGIN IMMEDIATE), so a check and
        the write that depends on it cannot interleave with another process."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- sessions -------------------------------------------------------------

    def sessions_for_rules(self) -> list[Session]:
        """The rows the rules need: any unfinished session and the latest counted ones."""
        rows = self._db.execute(
            """
            SELECT * FROM sessions WHERE ended_at IS NULL
            UNION
            SELECT * FROM (SELECT * FROM sessions
                           WHERE end_reason IS NOT 'cancelled'
                           ORDER BY started_at DESC LIMIT 2)
            """
        ).fetchall()
        return [_row_to_session(row) for row in rows]

    def all_sessions(self) -> list[Session]:
        rows = self._db.execute("SELECT * FROM sessions ORDER BY started_at").fetchall()
        return [_row_to_session(row) for row in rows]

    def get(self, session_id: int) -> Session | None:
        row = self._db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return _row_to_session(row) if row else None

    def latest(self) -> Session | None:
        row = self._db.execute(
            "SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT 1"
        ).fetchone()
        return _row_to_session(row) if row else None

    def open_sessions(self) -> list[Session]:
        rows = self._db.execute("SELECT * FROM sessions WHERE ended_at IS NULL").fetchall()
        return [_row_to_session(row) for row in rows]

    def insert_session(self, therapy: Therapy, started_at: datetime, planned_end: datetime) -> int:
        cursor = self._db.execute(
            "INSERT INTO sessions (therapy, started_at, planned_end) VALUES (?, ?, ?)",
            (therapy.value, _iso(started_at), _iso(planned_end)),
        )
        return int(cursor.lastrowid)

    def end_session(
        self,
        session_id: int,
        ended_at: datetime,
        reason: EndReason,
        *,
        removed_at: datetime | None = None,
        while_away: bool = False,
    ) -> bool:
        """Record a session's end; False if it had already ended (another process won)."""
        cursor = self._db.execute(
            """UPDATE sessions SET ended_at = ?, end_reason = ?, removed_at = ?,
                      closed_while_away = ?
               WHERE id = ? AND ended_at IS NULL""",
            (
                _iso(ended_at),
                reason.value,
                _iso(removed_at) if removed_at else None,
                int(while_away),
                session_id,
            ),
        )
        return cursor.rowcount == 1

    def mark_removed(self, session_id: int, removed_at: datetime) -> bool:
        cursor = self._db.execute(
            "UPDATE sessions SET removed_at = ? WHERE id = ? AND removed_at IS NULL",
            (_iso(removed_at), session_id),
        )
        return cursor.rowcount == 1

    def closed_while_away(self, session_id: int) -> bool:
        row = self._db.execute(
            "SELECT closed_while_away FROM sessions WHERE id = ?", (session_id,)
        ).fetchone()
        return bool(row and row[0])

    def count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]

    # -- the diary ---------------------------------------------------------------------

    def set_pain(self, session_id: int, which: str, value: int | None) -> None:
        if which not in ("pain_before", "pain_after"):
            raise ValueError(which)
        if value is not None and not (isinstance(value, int) and 0 <= value <= 10):
            raise ValueError("a pain rating is a whole number from 0 to 10")
        self._db.execute(f"UPDATE sessions SET {which} = ? WHERE id = ?", (value, session_id))

    def set_note(self, session_id: int, note: str | None) -> None:
        note = (note or "").strip() or None
        if note is not None and len(note) > 500:
            raise ValueError("a note holds at most 500 characters")
        self._db.execute("UPDATE sessions SET note = ? WHERE id = ?", (note, session_id))

    def query_sessions(
        self,
        *,
        therapy: Therapy | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        order_by: str = "started_at",
        descending: bool = True,
        limit: int = -1,
        offset: int = 0,
    ) -> list[Session]:
        where, params = _filter(therapy, since, until)
        column = _ORDERABLE.get(order_by)
        if column is None:
            raise ValueError(f"cannot order by {order_by!r}")
        direction = "DESC" if descending else "ASC"
        rows = self._db.execute(
            f"SELECT * FROM sessions {where} ORDER BY {column} {direction}, id {direction} "
            "LIMIT ? OFFSET ?",
            (*params, limit, offset),
        ).fetchall()
        return [_row_to_session(row) for row in rows]

    def count_sessions(self, *, therapy: Therapy | None = None, since: datetime | None = None,
                       until: datetime | None = None) -> int:
        where, params = _filter(therapy, since, until)
        return self._db.execute(f"SELECT COUNT(*) FROM sessions {where}", params).fetchone()[0]

    def record_warning_signs(self, answered_at: datetime, signs: list[str]) -> None:
        self._db.execute(
            "INSERT INTO warning_signs (answered_at, signs) VALUES (?, ?)",
            (_iso(answered_at), ",".join(signs)),
        )

    def episode_start(self, pause: timedelta) -> datetime | None:
        """Start of the latest run of sessions with no pause longer than `pause` between them.

        Reads start times newest first and stops at the first long pause, so years
        of history cost no more than the current episode.
        """
        cursor = self._db.execute(
            "SELECT started_at FROM sessions WHERE end_reason IS NOT 'cancelled' "
            "ORDER BY started_at DESC"
        )
        start = None
        for (text,) in cursor:
            moment = _parse(text)
            if start is not None and start - moment > pause:
                break
            start = moment
        cursor.close()
        return start

    def warning_sign_answers(
        self, since: datetime | None = None
    ) -> list[tuple[datetime, list[str]]]:
        rows = self._db.execute(
            "SELECT answered_at, signs FROM warning_signs WHERE answered_at >= ? "
            "ORDER BY answered_at",
            (_iso(since) if since else "",),
        ).fetchall()
        return [(_parse(at), [s for s in signs.split(",") if s]) for at, signs in rows]

    # -- small key/value facts --------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def high_water(self) -> datetime | None:
        """The latest time this record has ever seen; the clock is never trusted below it."""
        return _parse(self.get_meta("high_water"))

    def raise_high_water(self, moment: datetime) -> None:
        current = self.high_water()
        if current is None or moment > current:
            self.set_meta("high_water", _iso(moment))


_ORDERABLE = {
    "started_at": "started_at",
    "therapy": "therapy",
    "planned": "(julianday(planned_end) - julianday(started_at))",
    "actual": "(julianday(coalesce(ended_at, planned_end)) - julianday(started_at))",
    "pain_before": "pain_before",
    "pain_after": "pain_after",
    "note": "note",
}


def _filter(therapy: Therapy | None, since: datetime | None,
            until: datetime | None) -> tuple[str, tuple]:
    clauses, params = [], []
    if therapy is not None:
        clauses.append("therapy = ?")
        params.append(therapy.value)
    if since is not None:
        clauses.append("started_at >= ?")
        params.append(_iso(since))
    if until is not None:
        clauses.append("started_at < ?")
        params.append(_iso(until))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    parts, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            parts.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        parts.append(buffer.strip())
    return parts


def _is_access_problem(error: sqlite3.DatabaseError) -> bool:
    text = str(error).lower()
    return any(
        phrase in text
        for phrase in ("unable to open", "readonly", "read-only", "permission", "disk i/o")
    )


def access_message(data_dir: Path, error: Exception) -> str:
    return (
        f"necktimer cannot write its session history in {data_dir} ({error}). "
        "Check that the folder is writable, or choose another with --data-dir. "
        "Nothing was changed."
    )


def _move_aside(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target
