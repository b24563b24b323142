"""The session history file's lifecycle: open, check, migrate, and deal with faults.

Faults are told apart, because they call for opposite answers:

* busy (another program holds the file), a full disk, a read-only folder, a
  folder that vanished: the file is fine. Wait, say so, change nothing.
* another program's SQLite file at our path (its `application_id` is not ours):
  refuse it and leave it alone.
* a damaged file: move it aside (never overwrite it), read back what rows it
  still gives, and start a new file with them.

Opening reads only the header and the schema, not the whole file: a damaged
page found later is reported the same way by the store.
"""

from __future__ import annotations

import contextlib
import enum
import errno
import logging
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from necktimer.core.files import sync_folder
from necktimer.core.i18n import Translatable, arg, translate
from necktimer.core.rules import MAX_MINUTES

log = logging.getLogger("necktimer.store")

DB_NAME = "necktimer.sqlite3"
APPLICATION_ID = 0x4E4B544D  # "NKTM": marks a file as necktimer's own
HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 5.0  # how long a command waits for another program to let go

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
    # 3: boot-clock marks (elapsed time that a clock change cannot fake), lengths as
    # indexed columns so years of history sort at once, and the file's own mark
    """
    ALTER TABLE sessions ADD COLUMN start_boot TEXT;
    ALTER TABLE sessions ADD COLUMN start_boottime REAL;
    ALTER TABLE sessions ADD COLUMN end_boot TEXT;
    ALTER TABLE sessions ADD COLUMN end_boottime REAL;
    ALTER TABLE sessions ADD COLUMN planned_s INTEGER GENERATED ALWAYS AS
        (CAST(round((julianday(planned_end) - julianday(started_at)) * 86400) AS INTEGER))
        VIRTUAL;
    ALTER TABLE sessions ADD COLUMN actual_s INTEGER GENERATED ALWAYS AS
        (CAST(round((julianday(min(coalesce(ended_at, planned_end), planned_end))
                     - julianday(started_at)) * 86400) AS INTEGER)) VIRTUAL;
    CREATE INDEX sessions_by_planned ON sessions (planned_s);
    CREATE INDEX sessions_by_actual ON sessions (actual_s);
    CREATE INDEX sessions_by_pain_before ON sessions (pain_before);
    CREATE INDEX sessions_by_pain_after ON sessions (pain_after);
    CREATE INDEX sessions_by_note ON sessions (note);
    CREATE INDEX sessions_by_end_reason ON sessions (end_reason, started_at);
    CREATE INDEX sessions_by_therapy_alone ON sessions (therapy);
    """,
    # 4: the removal's boot-clock mark (a clock set ahead after a late "done" shortened
    # the gap, which runs from the removal)
    """
    ALTER TABLE sessions ADD COLUMN removed_boot TEXT;
    ALTER TABLE sessions ADD COLUMN removed_boottime REAL;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class StorageText(Translatable):
    def salvaged(self, count: int) -> str:
        return self.tr("The session history could not be read (%1). The damaged file was kept "
                       "as %2 in %3; the %n session(s) that could still be read were carried "
                       "over to a new history.", "", count)


class Problem(enum.Enum):
    BUSY = "busy"  # another program holds the file
    FULL = "full"  # no space left (or over the file size limit)
    ACCESS = "access"  # read-only or not ours to write
    GONE = "gone"  # the folder or file vanished while open
    FOREIGN = "foreign"  # another program's database
    NEWER = "newer"  # written by a newer necktimer
    DAMAGED = "damaged"  # unreadable: to be moved aside


class StorageError(Exception):
    """The history cannot be used right now; `problem` says why, the message says what to do."""

    def __init__(self, problem: Problem, message: str, cause: str | None = None) -> None:
        super().__init__(message)
        self.problem = problem
        # What is wrong, without what a running window does about it: a command that
        # exits cannot keep a change for later, so it says the cause alone.
        self.cause = cause or message

    @property
    def lasting(self) -> bool:
        """Waiting will not help: the user must act before necktimer can use the file."""
        return self.problem in (Problem.FOREIGN, Problem.NEWER, Problem.ACCESS)


def classify(error: BaseException) -> Problem:
    """Which kind of fault an sqlite3 or OS error is."""
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return Problem.FULL
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return Problem.ACCESS
        if error.errno == errno.ENOENT:
            return Problem.GONE
        return Problem.ACCESS
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        return Problem.BUSY
    if name.startswith("SQLITE_FULL") or "disk is full" in text or "file too large" in text:
        return Problem.FULL
    if name == "SQLITE_IOERR_WRITE":
        # SQLite says "full" for ENOSPC alone; a quota (EDQUOT) or a file-size limit
        # (EFBIG) refuses the same write as an I/O error, while the file is still there.
        return Problem.FULL
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text \
            or "not a database" in text:
        return Problem.DAMAGED
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return Problem.ACCESS
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")) or "unable to open" in text \
            or "disk i/o" in text:
        return Problem.GONE
    return Problem.DAMAGED


def storage_error(error: BaseException, path: Path, *, record: bool = False) -> StorageError:
    """A StorageError with the sentence the user reads for this fault; `record`: the file
    is the safety record, not the history (the sentence names the file it is about)."""
    problem = classify(error)
    return StorageError(problem, problem_message(problem, path, error, record=record),
                        problem_cause(problem, path, error, record=record))


def problem_cause(problem: Problem, path: Path, error: BaseException | None = None, *,
                  record: bool = False) -> str:
    """The sentence that says what is wrong, for a fault that passes by itself."""
    if problem is Problem.BUSY:
        return arg(translate("Storage", "Another program is holding the session history "
                                        "(%1) open."), str(path))
    if problem is Problem.FULL:
        return arg(translate("Storage", "The disk holding the session history (%1) is full."),
                   str(path.parent))
    return problem_message(problem, path, error, record=record)


def problem_message(problem: Problem, path: Path, error: BaseException | None = None, *,
                    record: bool = False) -> str:
    detail = str(error) if error is not None else ""
    folder = str(path.parent)
    if record and problem in (Problem.GONE, Problem.DAMAGED, Problem.ACCESS):
        return _record_message(problem, path, detail)
    if problem is Problem.BUSY:
        return arg(translate("Storage", "%1 necktimer cannot save to it right now. Close "
                                        "that program; nothing was renamed or lost."),
                   problem_cause(problem, path))
    if problem is Problem.FULL:
        return arg(translate("Storage", "%1 Free some space; necktimer keeps what it has not "
                                        "saved yet and writes it when it can."),
                   problem_cause(problem, path))
    if problem is Problem.GONE:
        return arg(translate("Storage", "The session history (%1) disappeared or cannot be "
                                        "reached (%2)."), str(path), detail)
    if problem is Problem.FOREIGN:
        return arg(translate("Storage", "%1 belongs to another program (it is not a necktimer "
                                        "history). necktimer left it unchanged: move it away "
                                        "or choose another folder with --data-dir."), str(path))
    if problem is Problem.NEWER:
        return arg(translate("Storage", "%1 was written by a newer necktimer; update "
                                        "necktimer to use it. It was left unchanged."), str(path))
    if problem is Problem.DAMAGED:
        return arg(translate("Storage", "The session history %1 is damaged (%2)."),
                   str(path), detail)
    return arg(translate("Storage", "necktimer cannot write its session history in %1 (%2). "
                                    "Check that the folder is writable, or choose another "
                                    "with --data-dir. Nothing was changed."), folder, detail)


def _record_message(problem: Problem, path: Path, detail: str) -> str:
    """The safety record's own faults: the history is another file, and it is what is
    used while the record cannot be (a busy or full disk reads the same for both)."""
    if problem is Problem.GONE:
        return arg(translate("Storage", "The safety record (%1) disappeared or cannot be "
                                        "reached (%2)."), str(path), detail)
    if problem is Problem.DAMAGED:
        return arg(translate("Storage", "The safety record %1 is damaged (%2); the session "
                                        "history is used instead."), str(path), detail)
    return arg(translate("Storage", "necktimer cannot write its safety record in %1 (%2). "
                                    "Check that the folder is writable, or choose another "
                                    "with --data-dir."), str(path.parent), detail)


# -- the folder ---------------------------------------------------------------------------


def make_private_dir(path: Path) -> Path:
    """Create the data folder readable by its owner only: it holds health information.

    Only a folder necktimer creates gets its mode set; a folder the user chose
    keeps the mode it has.
    """
    missing = []
    for parent in (path, *path.parents):
        if parent.exists():
            break
        missing.append(parent)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    for created in missing:
        with contextlib.suppress(OSError):
            os.chmod(created, 0o700)
    return path


def check_writable(data_dir: Path) -> None:
    """Fail now, not at the first write after the countdown began, if nothing can be saved."""
    try:
        _check_writable(data_dir)
    except OSError as error:  # a path the system refuses to look at (a name too long, say)
        raise StorageError(Problem.ACCESS, problem_message(
            Problem.ACCESS, data_dir / DB_NAME, error)) from error


def _check_writable(data_dir: Path) -> None:
    if data_dir.exists() and not data_dir.is_dir():  # mkdir's "File exists" said nothing
        raise StorageError(Problem.ACCESS, problem_message(
            Problem.ACCESS, data_dir / DB_NAME, NotADirectoryError(
                f"{data_dir} is a file, not a folder")))
    try:
        make_private_dir(data_dir)
    except OSError as error:
        raise StorageError(Problem.ACCESS, problem_message(
            Problem.ACCESS, data_dir / DB_NAME, error)) from error
    path = data_dir / DB_NAME
    for needed in (data_dir, path):
        if needed.exists() and not os.access(needed, os.W_OK):
            raise StorageError(Problem.ACCESS, problem_message(
                Problem.ACCESS, path, PermissionError(why_not_writable(needed))))


def why_not_writable(path: Path) -> str:
    """Why this process cannot write `path`, in the terms the user can act on: another
    user's folder was reported as "read-only", which chmod would not have fixed."""
    try:
        if os.statvfs(path).f_flag & os.ST_RDONLY:
            return f"{path} is on a read-only file system"
        owner = path.stat().st_uid
    except OSError:
        return f"{path} is read-only"
    if not os.access(path, os.R_OK | (os.X_OK if path.is_dir() else 0)):
        return f"{path} cannot even be read (its permissions: {path.stat().st_mode & 0o777:o})"
    if owner != os.geteuid():
        import pwd

        try:
            name = pwd.getpwuid(owner).pw_name
        except KeyError:
            name = str(owner)
        return f"{path} belongs to another user ({name})"
    return f"{path} is read-only"


# -- opening --------------------------------------------------------------------------------


@dataclass
class Opened:
    """A usable connection, and what the user should be told about how it was opened."""

    connection: sqlite3.Connection
    path: Path
    notices: list[str] = field(default_factory=list)
    moved_aside: Path | None = None  # set when a damaged file was replaced
    carried: int = 0  # sessions carried over from it into the new history
    # This process set the history up in an empty (or missing) file. Whether that is a
    # first start or a deleted history is for it alone to judge: another process that
    # found no file a moment before finds the one just made, with its maker's traces.
    created: bool = False


def open_database(data_dir: Path, *, busy_timeout: float = BUSY_TIMEOUT_S,
                  fill: Fill | None = None) -> Opened:
    """Open (creating or migrating) the history in `data_dir`, or raise StorageError. A
    damaged one is replaced by a new one that `fill` fills from it."""
    check_writable(data_dir)
    path = data_dir / DB_NAME
    damage = _settled(path, header_damage(path), busy_timeout)
    if damage is None:
        try:
            connection, created = _connect(path, busy_timeout)
            return Opened(connection, path, created=created)
        except sqlite3.DatabaseError as error:
            if classify(error) is not Problem.DAMAGED:
                raise storage_error(error, path) from error
            damage = str(error)
    return replace_damaged(path, damage, busy_timeout, fill)


def header_damage(path: Path) -> str | None:
    """Why the file cannot be an SQLite database, judged from its first 100 bytes; or None."""
    try:
        info = path.stat()  # follows a symlink: the target is what SQLite would read
    except FileNotFoundError:
        return "a link to nothing" if path.is_symlink() else None
    except OSError as error:
        raise storage_error(error, path) from error
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size == 0:
        return None  # a new, empty database
    try:
        with open(path, "rb") as file:
            head = file.read(100)
    except OSError as error:
        raise storage_error(error, path) from error
    if len(head) < 100 or not head.startswith(HEADER):
        return "not an SQLite database"
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count in the header is valid when its two change counters agree.
    counted = head[24:28] == head[92:96] and pages > 0
    if page_size < 512 or page_size & (page_size - 1):
        return "a damaged header"
    if counted and info.st_size < pages * page_size:
        return CUT_SHORT
    return None


CUT_SHORT = "the file is cut short"


def _settled(path: Path, damage: str | None, busy_timeout: float) -> str | None:
    """`header_damage` again, holding SQLite's shared lock, when the header runs ahead of
    the file. Read without the lock, a commit in another process (page 1 written, the
    pages after it not yet) or a crash in the middle of one (its journal still beside the
    file) looks cut short for a moment. Taking the lock waits for the commit, or first
    rolls the crashed one back from its journal; what is still short then is damage."""
    if damage != CUT_SHORT:
        return damage
    try:  # mode=rw: never create a file where the judged one has just gone
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=rw", uri=True,
                                     timeout=busy_timeout, isolation_level=None)
    except sqlite3.Error:
        return damage
    try:
        connection.execute("BEGIN")
        connection.execute("SELECT count(*) FROM sqlite_schema")  # takes the shared lock
        return header_damage(path)
    except sqlite3.DatabaseError as error:
        if classify(error) is not Problem.DAMAGED:
            raise storage_error(error, path) from error
        return damage
    finally:
        connection.close()


def _connect(path: Path, busy_timeout: float) -> tuple[sqlite3.Connection, bool]:
    """The open connection, and whether this process set up the new history in it."""
    fresh = not path.exists()
    if fresh:
        # Create the file private before SQLite writes a byte of history into it.
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass  # another process was quicker
        except OSError as error:
            raise storage_error(error, path) from error
    connection = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None,
                                 check_same_thread=False)
    connection.row_factory = sqlite3.Row
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        _check_ownership(connection, path)
        created = _migrate(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection, created


_OUR_TABLES = {"sessions", "meta"}


def _check_ownership(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse another program's database before anything is written to it."""
    # One read transaction for the three looks: read one by one, they could straddle
    # another necktimer's commit of a new file's schema (no mark yet, no tables yet, then
    # its version) and take the file for another program's.
    connection.execute("BEGIN")
    try:
        app_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        if connection.in_transaction:  # only read: ending it cannot lose anything
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
    if app_id == APPLICATION_ID:
        return
    if app_id == 0 and not tables and version == 0:
        return  # empty: ours to set up
    if app_id == 0 and tables >= _OUR_TABLES and version >= 1:
        columns = {row[1] for row in connection.execute("PRAGMA table_info(sessions)")}
        if {"therapy", "started_at", "planned_end", "ended_at", "end_reason"} <= columns:
            return  # written by necktimer before files carried its mark
    raise StorageError(Problem.FOREIGN, problem_message(Problem.FOREIGN, path))


def _migrate(connection: sqlite3.Connection, path: Path) -> bool:
    """Bring the schema up to date; returns whether the file was empty (set up here)."""
    if _up_to_date(connection, path):
        return False  # the usual case: no write transaction at all (another may hold one)
    # All steps in one write transaction, reading the version inside it: two processes
    # opening a new file at once cannot both apply a step, and a new file costs one sync.
    with transaction(connection, path):
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StorageError(Problem.NEWER, problem_message(Problem.NEWER, path))
        if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for step in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[step]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {step + 1}")
            log.info("database %s migrated to schema %d", path, step + 1)
    return version == 0


def _up_to_date(connection: sqlite3.Connection, path: Path) -> bool:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StorageError(Problem.NEWER, problem_message(Problem.NEWER, path))
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    return version == SCHEMA_VERSION and app_id == APPLICATION_ID


@contextlib.contextmanager
def transaction(connection: sqlite3.Connection, path: Path):
    """A write transaction taken at once (BEGIN IMMEDIATE), so a check and the write
    that depends on it cannot interleave with another process. Faults come out as
    StorageError; after a failed statement SQLite may already have rolled back."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        raise storage_error(error, path) from error
    try:
        yield
    except BaseException as error:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        if isinstance(error, sqlite3.OperationalError | sqlite3.DatabaseError) and not \
                isinstance(error, sqlite3.IntegrityError):
            raise storage_error(error, path) from error
        raise
    try:
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        if connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
        raise storage_error(error, path) from error


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


# -- damage ---------------------------------------------------------------------------------


# What fills a new history from what a damaged one still gives (the service's): given the
# new file's connection, its path, and the damaged file's contents; returns how many
# sessions it carried over.
Fill = Callable[[sqlite3.Connection, Path, "Salvaged"], int]


def replace_damaged(path: Path, why: str, busy_timeout: float = BUSY_TIMEOUT_S,
                    fill: Fill | None = None) -> Opened:
    """Put a new history in the damaged one's place, filled (by `fill`) with what the
    damaged one still gives, and keep the damaged file aside.

    The new file is made whole under another name first and then renamed over the
    damaged one: a crash on the way leaves the damaged file where it was, read again at
    the next start. (Moved aside first and filled after, a crash in between left a
    new, empty history, and the damaged file was never read again.)"""
    building = path.with_name(f"{path.name}.rebuilding-{os.getpid()}")
    _discard_left_behind(path)
    carried = 0
    try:
        with salvaging(path) as found:
            connection, _created = _connect(building, busy_timeout)
            try:
                if fill is not None:
                    carried = fill(connection, building, found)
            finally:
                connection.close()
        moved = _keep_aside(path)
        os.replace(building, path)
        sync_folder(path.parent)
    except sqlite3.DatabaseError as error:
        _discard(building)
        raise storage_error(error, path) from error
    except OSError as error:
        _discard(building)
        raise storage_error(error, path) from error
    log.warning("database %s was unreadable (%s); kept as %s, %d session(s) carried over",
                path, why, moved, carried)
    try:
        connection, _created = _connect(path, busy_timeout)
    except sqlite3.DatabaseError as error:
        raise storage_error(error, path) from error
    if carried:
        notice = arg(StorageText().salvaged(carried), why, moved.name, str(path.parent))
    else:
        notice = arg(translate("Storage", "The session history could not be read (%1). The "
                                          "damaged file was kept as %2 in %3 and a new, empty "
                                          "history was started."),
                     why, moved.name, str(path.parent))
    return Opened(connection, path, [notice], moved_aside=moved, carried=carried)


def _discard_left_behind(path: Path) -> None:
    """Remove what a process that crashed while rebuilding left: its half-made file is of
    no use (the damaged one it was made from is still in place). A process still running
    may be making one now: its file stays."""
    for left in path.parent.glob(f"{path.name}.rebuilding-*"):
        number = left.name.rsplit("-", 1)[-1]
        if not number.isdigit():
            continue  # a companion (-journal): goes with its file
        pid = int(number)
        if pid != os.getpid():
            try:
                os.kill(pid, 0)
                continue  # alive (or another user's process of that number)
            except ProcessLookupError:
                pass
            except OSError:
                continue
        _discard(left)


def _discard(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + suffix) for suffix in _COMPANIONS)):
        with contextlib.suppress(OSError):
            name.unlink()


_COMPANIONS = ("-journal", "-wal", "-shm")


def _keep_aside(path: Path) -> Path:
    """Give the damaged file (or the link to it) a name of its own, never overwriting
    anything; its journal and logs go with it, so that none is taken for the new file's.
    The file keeps its own name too (a second link) until the new one replaces it."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while os.path.lexists(target):
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
        counter += 1
    for suffix in _COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    try:
        os.link(path, target, follow_symlinks=False)
    except OSError:  # no hard links here (FAT, some network folders): a moment unguarded
        path.rename(target)
    return target


SALVAGE_COLUMNS = ("id", "therapy", "started_at", "planned_end", "ended_at", "end_reason",
                   "removed_at")
OPTIONAL_COLUMNS = ("pain_before", "pain_after", "note", "start_boot", "start_boottime",
                    "end_boot", "end_boottime", "removed_boot", "removed_boottime")
TOP_UNKNOWN = 100_000  # ids tried one by one when even the largest cannot be read


class Salvaged:
    """What a damaged history still gives, read as it is asked for (years of sessions
    need not be held in memory at once)."""

    def __init__(self, connection: sqlite3.Connection | None) -> None:
        self._db = connection

    def _tables(self) -> set[str]:
        try:
            return {row[0] for row in self._db.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table'")}
        except sqlite3.Error:
            return set()

    def _columns(self, table: str) -> set[str]:
        try:
            return {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
        except sqlite3.Error:
            return set()

    def sessions(self) -> Iterator[sqlite3.Row]:
        """Every session row that can still be read, newest first."""
        columns = self._columns("sessions") if self._db is not None else set()
        if not set(SALVAGE_COLUMNS) <= columns:
            return
        wanted = ", ".join(c for c in (*SALVAGE_COLUMNS, *OPTIONAL_COLUMNS) if c in columns)
        given = 0
        try:
            for row in self._db.execute(f"SELECT {wanted} FROM sessions ORDER BY id DESC"):
                yield row
                given += 1
            return
        except sqlite3.Error:
            pass  # the table is damaged somewhere: what rows one at a time still give
        try:
            top = self._db.execute("SELECT max(id) FROM sessions").fetchone()[0] or 0
        except sqlite3.Error:
            top = TOP_UNKNOWN
        for row_id in range(top, 0, -1):
            try:
                row = self._db.execute(f"SELECT {wanted} FROM sessions WHERE id = ?",
                                       (row_id,)).fetchone()
            except sqlite3.Error:
                continue
            if row is not None:
                yield row

    def warning_signs(self) -> list[tuple[str, str]]:
        """The checklist's answers (when, which signs), oldest first."""
        if self._db is None or "warning_signs" not in self._tables():
            return []
        try:
            return [(row[0], row[1]) for row in self._db.execute(
                "SELECT answered_at, signs FROM warning_signs ORDER BY id")]
        except sqlite3.Error:
            return []

    def meta(self) -> dict[str, str]:
        """What the history kept besides sessions: the trusted time, the gap in force, a
        reported end. (The file's own rows: keys and values as they were written.)"""
        if self._db is None or "meta" not in self._tables():
            return {}
        try:
            return {row[0]: row[1] for row in self._db.execute("SELECT key, value FROM meta")
                    if isinstance(row[0], str) and isinstance(row[1], str)}
        except sqlite3.Error:
            return {}


@contextlib.contextmanager
def salvaging(damaged: Path) -> Iterator[Salvaged]:
    """A damaged file opened to read back what it still gives, never written."""
    try:
        readable = stat.S_ISREG(damaged.stat().st_mode)
    except OSError:
        readable = False  # a FIFO (or a link to one, or to /dev/zero) never ends
    if not readable:
        yield Salvaged(None)
        return
    connection = _read_only(damaged)
    if connection is not None and _gives_sessions(connection):
        try:
            yield Salvaged(connection)
        finally:
            connection.close()
        return
    if connection is not None:
        connection.close()
    # A file cut short still claims its old length in its header, and SQLite then
    # refuses it whole; a copy padded with empty pages to that length gives what is
    # left (the schema still names pages past the cut, so they must exist).
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "copy.sqlite3"
        connection = _padded_copy(damaged, copy)
        try:
            yield Salvaged(connection)
        finally:
            if connection is not None:
                connection.close()


def _read_only(path: Path) -> sqlite3.Connection | None:
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1",
                                     uri=True)
    except sqlite3.Error:
        return None
    connection.row_factory = sqlite3.Row
    return connection


def _gives_sessions(connection: sqlite3.Connection) -> bool:
    try:
        connection.execute("SELECT id FROM sessions ORDER BY id DESC LIMIT 1").fetchall()
        return True
    except sqlite3.Error:
        return False


def _padded_copy(damaged: Path, copy: Path) -> sqlite3.Connection | None:
    try:
        data = bytearray(damaged.read_bytes())
    except OSError:
        return None
    if len(data) < 100 or not data.startswith(HEADER):
        return None
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512:
        return None
    pages = max(int.from_bytes(data[28:32], "big"), -(-len(data) // page_size))
    data.extend(bytes(pages * page_size - len(data)))
    try:
        copy.write_bytes(bytes(data))
    except OSError:
        return None
    return _read_only(copy)
