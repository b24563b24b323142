"""Reads and writes of the session history, over a connection `database` opened.

Timestamps are ISO 8601 text in UTC (trusted wall time, see `timeline`), each
with the boot-clock mark it was taken with. Every query the window needs is
bounded by an index, so years of history cost no more than a few days.
Only the session service uses this module; everything else asks the service.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from necktimer.core import database
from necktimer.core.clock import Stamp
from necktimer.core.database import Opened, storage_error
from necktimer.core.diary import NOTE_LIMIT, Pain
from necktimer.core.queries import HistoryFilter, SortKey
from necktimer.core.rules import EndReason, Session, Therapy
from necktimer.core.timeline import Mark, boot_seconds

log = logging.getLogger("necktimer.store")

# How many recent mis-starts the cycle rule may look back over.
CYCLE_ROWS = 1000


def iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(9000, 1, 1, tzinfo=UTC)  # leaves room to add a boot's clock to any moment


def parse(text: str | None) -> datetime | None:
    """A stored moment; ValueError for text that is not one, or one no clock could give
    (the year 9999 overflowed the sums that place a moment on the clock)."""
    if text is None:
        return None
    if not isinstance(text, str):
        raise ValueError(f"{text!r} is not a moment")
    moment = datetime.fromisoformat(text)
    try:
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except OverflowError as error:  # '0001-01-01T00:00+14:00' is in the year 0 in UTC
        raise ValueError(f"{text} is not a moment a clock could give") from error
    if not EARLIEST <= moment <= LATEST:
        raise ValueError(f"{text} is not a moment a clock could give")
    return moment


def _parse_or_none(text: str | None) -> datetime | None:
    """An end or a removal that cannot be read is taken as not known: the session then
    runs to its planned end, and the pack waits to be confirmed off, the longer ways."""
    try:
        return parse(text)
    except ValueError:
        return None


def _mark(boot: str | None, boottime: float | None) -> Mark | None:
    return Mark.read(boot, boottime)


def row_to_session(row: sqlite3.Row) -> Session:
    keys = row.keys()

    def get(name: str):
        return row[name] if name in keys else None

    return Session(
        id=row["id"],
        therapy=Therapy(row["therapy"]),
        started_at=parse(row["started_at"]),
        planned_end=parse(row["planned_end"]),
        ended_at=_parse_or_none(row["ended_at"]),
        end_reason=EndReason(row["end_reason"]) if row["end_reason"] else None,
        removed_at=_parse_or_none(row["removed_at"]),
        pain_before=get("pain_before"),
        pain_after=get("pain_after"),
        note=get("note"),
        start_mark=_mark(get("start_boot"), get("start_boottime")),
        end_mark=_mark(get("end_boot"), get("end_boottime")),
        closed_while_away=bool(get("closed_while_away")),
        removed_mark=_mark(get("removed_boot"), get("removed_boottime")),
    )


def _moments(texts) -> list[datetime]:
    """The stored moments that can be read, in order; the others are passed over."""
    moments = []
    for text in texts:
        try:
            moment = parse(text)
        except ValueError as error:
            log.warning("a start that cannot be read is left out: %s", error)
            continue
        if moment is not None:
            moments.append(moment)
    return moments


def _readable(row: sqlite3.Row) -> Session | None:
    """A row as a session, or None (logged) for one whose start cannot be read: it cannot be
    placed in time. The gap does not rest on it alone: the safety record keeps the latest."""
    try:
        return row_to_session(row)
    except (ValueError, TypeError) as error:
        log.warning("session %s cannot be read and is left out: %s", row["id"], error)
        return None


def peek_session(data_dir: Path, session_id: int) -> Session | None:
    """Session `session_id` as the history file holds it, read only: no lock waited for,
    nothing created or migrated. None when it is not there or cannot be read."""
    path = data_dir / database.DB_NAME
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.2)
    except sqlite3.Error:
        return None
    try:
        connection.row_factory = sqlite3.Row
        row = connection.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return _readable(row) if row is not None else None


class Store:
    """All reads and writes of the history file. Faults come out as StorageError."""

    def __init__(self, opened: Opened) -> None:
        self._db = opened.connection
        self.path = opened.path
        self._identity = _identity(self.path)

    @classmethod
    def open(cls, data_dir: Path, *, busy_timeout: float = database.BUSY_TIMEOUT_S) -> Store:
        return cls(database.open_database(data_dir, busy_timeout=busy_timeout))

    def close(self) -> None:
        self._db.close()

    def set_busy_timeout(self, seconds: float) -> None:
        self._db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    @property
    def schema_version(self) -> int:
        return self._read("PRAGMA user_version").fetchone()[0]

    def is_gone(self) -> bool:
        """The file was deleted or replaced under the open connection (its folder removed)."""
        return _identity(self.path) != self._identity

    def backup_to(self, other: Store) -> None:
        """Copy every row into `other` (this connection may point at a deleted file)."""
        try:
            self._db.backup(other._db)
        except sqlite3.Error as error:
            raise storage_error(error, self.path) from error

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with database.transaction(self._db, self.path):
            yield

    def _read(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.DatabaseError as error:
            raise storage_error(error, self.path) from error

    def _rows(self, sql: str, params: tuple = ()) -> list[Session]:
        try:
            rows = self._db.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as error:
            raise storage_error(error, self.path) from error
        return [session for row in rows if (session := _readable(row)) is not None]

    # -- what the rules need --------------------------------------------------------------

    def rule_sessions(self) -> list[Session]:
        """Any unfinished session, the latest counted ones, and the mis-starts since."""
        return self._rows(
            f"""
            SELECT * FROM sessions WHERE ended_at IS NULL
            UNION
            SELECT * FROM (SELECT * FROM sessions WHERE end_reason IS NOT 'cancelled'
                           ORDER BY started_at DESC LIMIT 2)
            UNION
            SELECT * FROM (SELECT * FROM sessions WHERE end_reason = 'cancelled'
                           ORDER BY started_at DESC LIMIT {CYCLE_ROWS})
            """
        )

    def get(self, session_id: int) -> Session | None:
        rows = self._rows("SELECT * FROM sessions WHERE id = ?", (session_id,))
        return rows[0] if rows else None

    def latest(self) -> Session | None:
        rows = self._rows("SELECT * FROM sessions ORDER BY started_at DESC, id DESC LIMIT 1")
        return rows[0] if rows else None

    def open_sessions(self) -> list[Session]:
        return self._rows("SELECT * FROM sessions WHERE ended_at IS NULL")

    def unreadable_open(self) -> list[tuple[int, Therapy]]:
        """Open sessions left out of the rules because their start (or planned end) cannot
        be read: an edited file. The history's own rule allows one open session at most."""
        rows = self._read("SELECT * FROM sessions WHERE ended_at IS NULL").fetchall()
        unreadable = []
        for row in rows:
            try:
                row_to_session(row)
            except (ValueError, TypeError):  # logged where the rules' rows are read
                therapy = row["therapy"] if row["therapy"] in ("ice", "heat") else "ice"
                unreadable.append((row["id"], Therapy(therapy)))
        return unreadable

    def count(self) -> int:
        return self._read("SELECT COUNT(*) FROM sessions").fetchone()[0]

    # -- writes (inside a transaction) ------------------------------------------------------

    def insert_session(self, therapy: Therapy, started_at: datetime, planned_end: datetime,
                       mark: Mark | None = None) -> int:
        cursor = self._db.execute(
            "INSERT INTO sessions (therapy, started_at, planned_end, start_boot, start_boottime)"
            " VALUES (?, ?, ?, ?, ?)",
            (therapy.value, iso(started_at), iso(planned_end),
             mark.boot_id if mark else None, mark.boottime if mark else None),
        )
        return int(cursor.lastrowid)

    def import_session(self, session: Session) -> bool:
        """Write a session known from elsewhere (a damaged file, the safety record)."""
        cursor = self._db.execute(
            "INSERT OR IGNORE INTO sessions (id, therapy, started_at, planned_end, ended_at,"
            " end_reason, removed_at, pain_before, pain_after, note, start_boot,"
            " start_boottime, end_boot, end_boottime, closed_while_away, removed_boot,"
            " removed_boottime)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (session.id, session.therapy.value, iso(session.started_at),
             iso(session.planned_end), iso(session.ended_at) if session.ended_at else None,
             session.end_reason.value if session.end_reason else None,
             iso(session.removed_at) if session.removed_at else None,
             session.pain_before, session.pain_after, session.note,
             *_mark_values(session.start_mark), *_mark_values(session.end_mark),
             int(session.closed_while_away), *_mark_values(session.removed_mark)),
        )
        return cursor.rowcount == 1

    def end_session(self, session_id: int, ended_at: datetime, reason: EndReason, *,
                    mark: Mark | None = None, removed_at: datetime | None = None,
                    removed_mark: Mark | None = None, while_away: bool = False) -> bool:
        """Record a session's end; False if it had already ended (another process won)."""
        cursor = self._db.execute(
            """UPDATE sessions SET ended_at = ?, end_reason = ?, removed_at = ?,
                      closed_while_away = ?, end_boot = ?, end_boottime = ?,
                      removed_boot = ?, removed_boottime = ?
               WHERE id = ? AND ended_at IS NULL""",
            (iso(ended_at), reason.value, iso(removed_at) if removed_at else None,
             int(while_away), *_mark_values(mark), *_mark_values(removed_mark), session_id),
        )
        return cursor.rowcount == 1

    def end_from_the_future(self, session_id: int, at: datetime, planned_end: datetime,
                            mark: Mark | None, *, while_away: bool = False) -> bool:
        """End, as interrupted at `at`, an open session recorded as starting after `at`
        (core.service): it is written as starting then too, planned as long as before."""
        cursor = self._db.execute(
            """UPDATE sessions SET started_at = ?, planned_end = ?, start_boot = ?,
                      start_boottime = ?, ended_at = ?, end_reason = 'interrupted',
                      closed_while_away = ?, end_boot = ?, end_boottime = ?
               WHERE id = ? AND ended_at IS NULL""",
            (iso(at), iso(planned_end), *_mark_values(mark), iso(at), int(while_away),
             *_mark_values(mark), session_id),
        )
        return cursor.rowcount == 1

    def reopen_session(self, session_id: int) -> bool:
        """Undo a stop: the session runs on to its original planned end. A pain rating
        given since the stop goes with it: it was not the pain after the session."""
        cursor = self._db.execute(
            """UPDATE sessions SET ended_at = NULL, end_reason = NULL, removed_at = NULL,
                      end_boot = NULL, end_boottime = NULL, removed_boot = NULL,
                      removed_boottime = NULL, pain_after = NULL
               WHERE id = ? AND end_reason IN ('stopped', 'cancelled')""",
            (session_id,),
        )
        return cursor.rowcount == 1

    def mark_removed(self, session_id: int, removed_at: datetime,
                     mark: Mark | None = None) -> bool:
        cursor = self._db.execute(
            "UPDATE sessions SET removed_at = ?, removed_boot = ?, removed_boottime = ?"
            " WHERE id = ? AND removed_at IS NULL",
            (iso(removed_at), *_mark_values(mark), session_id),
        )
        return cursor.rowcount == 1

    def set_pain(self, session_id: int, which: Pain, value: int | None) -> None:
        which = Pain(which)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or not 0 <= value <= 10):
            raise ValueError("a pain rating is a whole number from 0 to 10")
        column = {Pain.BEFORE: "pain_before", Pain.AFTER: "pain_after"}[which]
        self._db.execute(f"UPDATE sessions SET {column} = ? WHERE id = ?", (value, session_id))

    def set_note(self, session_id: int, note: str | None) -> None:
        note = clean_note(note)
        self._db.execute("UPDATE sessions SET note = ? WHERE id = ?", (note, session_id))

    def record_warning_signs(self, answered_at: datetime, signs: list[str]) -> None:
        self._db.execute(
            "INSERT INTO warning_signs (answered_at, signs) VALUES (?, ?)",
            (iso(answered_at), ",".join(signs)),
        )

    # -- History --------------------------------------------------------------------------

    def page(self, where: HistoryFilter, key: SortKey = SortKey.STARTED, *,
             descending: bool = True, limit: int = -1, offset: int = 0) -> list[Session]:
        clause, params = _filter(where)
        column = SortKey(key).value
        direction = "DESC" if descending else "ASC"
        return self._rows(
            f"SELECT * FROM sessions {clause} ORDER BY {column} {direction}, id {direction} "
            "LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )

    def count_where(self, where: HistoryFilter) -> int:
        clause, params = _filter(where)
        return self._read(f"SELECT COUNT(*) FROM sessions {clause}", params).fetchone()[0]

    def latest_warning_signs(self) -> tuple[str, ...]:
        """The signs ticked in the last answer to the checklist (none: never answered)."""
        row = self._read("SELECT signs FROM warning_signs ORDER BY rowid DESC LIMIT 1",
                         ()).fetchone()
        return tuple(s for s in row[0].split(",") if s) if row else ()

    def warning_sign_answers(self, since: datetime | None = None
                             ) -> list[tuple[datetime, list[str]]]:
        rows = self._read(
            "SELECT answered_at, signs FROM warning_signs WHERE answered_at >= ? "
            "ORDER BY answered_at",
            (iso(since) if since else "",),
        ).fetchall()
        return [(parse(at), [s for s in signs.split(",") if s]) for at, signs in rows]

    # -- the one-week check, as bounded aggregates -------------------------------------------

    def counted_starts_before(self, moment: datetime, limit: int) -> list[datetime]:
        """Start times of counted sessions before `moment`, newest first."""
        rows = self._read(
            "SELECT started_at FROM sessions WHERE end_reason IS NOT 'cancelled' "
            "AND started_at < ? ORDER BY started_at DESC LIMIT ?", (iso(moment), limit)
        ).fetchall()
        return _moments(text for (text,) in rows)

    def latest_counted_start(self) -> datetime | None:
        # Newest first by the index, a few rows: a start that cannot be read ("garbage"
        # sorts after every date) is passed over, as the session reader leaves its row out.
        rows = self._read("SELECT started_at FROM sessions WHERE end_reason IS NOT "
                          "'cancelled' ORDER BY started_at DESC LIMIT 16").fetchall()
        return next(iter(_moments(text for (text,) in rows)), None)

    def mean_rating(self, since: datetime, until: datetime) -> tuple[float | None, int]:
        """Mean pain rating (before, else after) of counted sessions started in [since, until)."""
        row = self._read(
            "SELECT avg(coalesce(pain_before, pain_after)), count(coalesce(pain_before, "
            "pain_after)) FROM sessions WHERE end_reason IS NOT 'cancelled' "
            "AND started_at >= ? AND started_at < ?", (iso(since), iso(until))
        ).fetchone()
        return row[0], row[1]

    # -- small key/value facts ----------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._read("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self._db.execute("DELETE FROM meta WHERE key = ?", (key,))
            return
        self._db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def anchor(self) -> Stamp | None:
        """The latest trusted time recorded, with the boot-clock reading it was taken at."""
        text = self.get_meta("anchor")
        return stamp_from_text(text) if text else None

    def save_anchor(self, anchor: Stamp | None) -> None:
        """Keep this boot's lower bound of trusted time (see `timeline`)."""
        if anchor is not None:
            self.set_meta("anchor", stamp_to_text(anchor))


def stamp_to_text(value: Stamp) -> str:
    return f"{iso(value.wall)} {value.boot_id or '-'} {value.boottime!r}"


def stamp_from_text(text: object) -> Stamp | None:
    if not isinstance(text, str):
        return None
    try:
        wall, boot_id, boottime = text.split(" ")
        seconds = boot_seconds(boottime)
        return None if seconds is None else Stamp(parse(wall), "" if boot_id == "-" else boot_id,
                                                  seconds)
    except ValueError:
        return None


def clean_note(note: str | None) -> str | None:
    # Half of a UTF-16 pair (pasted from a broken source, or through the API) cannot be
    # stored as UTF-8: made the replacement character, not a write that fails for ever.
    note = (note or "").encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    note = note.strip() or None
    if note is not None and len(note) > NOTE_LIMIT:
        raise ValueError(f"a note holds at most {NOTE_LIMIT} characters")
    return note


def _mark_values(mark: Mark | None) -> tuple[str | None, float | None]:
    return (mark.boot_id, mark.boottime) if mark else (None, None)


def _filter(where: HistoryFilter) -> tuple[str, tuple]:
    clauses, params = [], []
    if where.therapy is not None:
        clauses.append("therapy = ?")
        params.append(where.therapy.value)
    if where.since is not None:
        clauses.append("started_at >= ?")
        params.append(iso(where.since))
    if where.until is not None:
        clauses.append("started_at < ?")
        params.append(iso(where.until))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def session_from_salvage(row: sqlite3.Row) -> Session | None:
    """A salvaged row as a session, or None when the row itself is garbage."""
    try:
        return row_to_session(row)
    except (ValueError, TypeError, KeyError, IndexError):
        return None

