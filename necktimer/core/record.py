"""The safety record: a tiny second copy of what the rules need, beside the history.

If the history file is lost or damaged, the gap must not be: this JSON file
holds the sessions the rules look at (a running one, the last counted ones, the
recent mis-starts) and the trusted time. It is written whole and atomically
(write a temporary file, fsync, rename, fsync the folder), so a crash leaves
either the old record or the new one, never half of one. The backstop reads
only this file to know what to remind about.
"""

from __future__ import annotations

import json
import logging
import os
import zlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from necktimer.core.clock import Stamp
from necktimer.core.database import (
    DB_NAME,
    Problem,
    StorageError,
    make_private_dir,
    problem_message,
    storage_error,
)
from necktimer.core.files import parse_json, read_small, write_atomically
from necktimer.core.i18n import arg, translate
from necktimer.core.rules import (
    CAP,
    MAX_GAP,
    MIN_GAP,
    PACK_WATCH,
    EndReason,
    Session,
    Therapy,
)
from necktimer.core.store import iso, parse, stamp_from_text, stamp_to_text
from necktimer.core.timeline import Mark
from necktimer.core.value import value

log = logging.getLogger("necktimer.record")

RECORD_NAME = "necktimer.safety.json"
VERSION = 1
RECORD_LIMIT = 4 * 1024 * 1024  # bytes: far more than years of sessions; /dev/zero is more


@value
class SafetyFacts:
    sessions: tuple[Session, ...]
    anchor: Stamp | None = None
    history_lost: bool = False  # nothing told when the last pack came off
    # The gap the settings gave the latest session when it ended: a settings file that
    # says less later (deleted, garbled, or lowered) does not shorten the gap now running.
    gap_after: timedelta | None = None
    # Counts the record's writes (0: from a record written before it was kept). The copy
    # outside the data folder has the count of the last write that reached it: a copy
    # counting more than the folder's record is newer (the folder was put back from a
    # backup), one counting less is behind (its own write failed).
    serial: int = 0
    # Names the history these facts are of, made once with its first record: counts of
    # writes compare only within one history (a folder from another machine, or swapped
    # with another, may simply have written more). None: from a record before it was kept.
    lineage: str | None = None


def record_path(data_dir: Path) -> Path:
    return data_dir / RECORD_NAME


def write(data_dir: Path, facts: SafetyFacts, mirror: Path | None = None) -> str | None:
    """Replace the record atomically; raises StorageError when it cannot be written.
    With `mirror` (see mirror_path), a copy goes there too, as well as it can: returns why
    it could not, or None."""
    path = record_path(data_dir)
    data = json.dumps({
        "version": VERSION,
        "anchor": stamp_to_text(facts.anchor) if facts.anchor else None,
        "history_lost": facts.history_lost,
        "gap_minutes": facts.gap_after // timedelta(minutes=1) if facts.gap_after else None,
        "serial": facts.serial,
        "lineage": facts.lineage,
        "sessions": [_session_json(s) for s in facts.sessions],
    }, separators=(",", ":")).encode()
    try:
        write_atomically(path, data)
    except OSError as error:
        raise storage_error(error, path, record=True) from error
    return _write_mirror(mirror, data) if mirror is not None else None


# -- the copy outside the data folder ---------------------------------------------------------
#
# Deleting the data folder while nothing of necktimer ran (or while the window and the
# backstop were killed) left nothing to tell a pack had been on: the next start was a
# first one, inside the gap. The record is also copied to the user's state folder, one
# file per data folder, and a folder found with neither history nor record gets it back.

RECENT = CAP + PACK_WATCH + MAX_GAP  # older than this, no gap can still run


def mirror_path(state_folder: Path, data_dir: Path) -> Path:
    """The copy's file for `data_dir`: its path made one file name."""
    name = str(data_dir).replace("%", "%25").replace("/", "%2F")
    # In bytes as the file system has them: a path that is not UTF-8 (a Latin-1 home)
    # holds undecodable bytes that str.encode() refuses.
    if len(os.fsencode(name)) > 200:  # file names stop at 255 bytes
        name = f"{name[:100]}-{zlib.crc32(os.fsencode(data_dir)):08x}"
    return state_folder / f"{name}.json"


def _write_mirror(mirror: Path, data: bytes) -> str | None:
    try:
        make_private_dir(mirror.parent)
        write_atomically(mirror, data)
    except OSError as error:  # the record itself is written: this copy is a spare
        return error.strerror or str(error)  # the service says it, once, as it comes
    return None


class CopyDamaged(Exception):
    """The copy is there but cannot be read: what it held is unknown."""


def restore_from_mirror(data_dir: Path, mirror: Path, now: datetime) -> bool:
    """Put the copy back as the record where the data folder has no record and its
    history holds no session (missing, emptied, or made anew by a look in the meantime),
    when the copy tells of a session recent enough for its gap to run still. True when
    it did; raises CopyDamaged where the copy cannot be read (the gap is then unknown)."""
    if record_path(data_dir).exists():
        return False
    try:
        data, facts = _load(mirror)
    except (FileNotFoundError, NotADirectoryError):  # none there: a file holds its folder's place
        return False
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("the copy of the safety record %s cannot be read (%s)", mirror, error)
        raise CopyDamaged(str(error)) from error
    if not facts.sessions or max(s.started_at for s in facts.sessions) < now - RECENT:
        return False
    try:
        make_private_dir(data_dir)
        write_atomically(record_path(data_dir), data)
    except OSError as error:
        log.warning("cannot put the safety record back from %s (%s)", mirror, error)
        return False
    log.warning("the data folder had neither its history nor its safety record; the "
                "record was put back from its copy %s", mirror)
    return True


def read_copy(mirror: Path) -> SafetyFacts | None:
    """What the copy holds, or None when it is missing or cannot be read either."""
    try:
        return _load(mirror)[1]
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("the copy of the safety record %s cannot be read (%s)", mirror, error)
        return None


def _load(path: Path) -> tuple[bytes, SafetyFacts]:
    data = read_small(path, RECORD_LIMIT)
    return data, _facts_from_json(parse_json(data))


def nothing_left(data_dir: Path) -> bool:
    """Neither the record nor the history is in the data folder (deleted, say)."""
    return not record_path(data_dir).exists() and not (data_dir / DB_NAME).exists()


def write_again(data_dir: Path, facts: SafetyFacts) -> None:
    """Write the record into a data folder that was deleted, made again private (the
    backstop does, for a pack still on, when no window is left to make it again)."""
    try:
        make_private_dir(data_dir)
    except OSError as error:
        raise storage_error(error, record_path(data_dir), record=True) from error
    write(data_dir, facts)


def read(data_dir: Path) -> SafetyFacts | None:
    """The record, or None when there is none. Raises StorageError(DAMAGED) for garbage."""
    path = record_path(data_dir)
    try:
        return _load(path)[1]
    except FileNotFoundError:
        return None
    except OSError as error:
        failure = storage_error(error, path, record=True)
        if failure.problem is Problem.ACCESS:  # it was read, not written, that failed
            failure = StorageError(Problem.ACCESS, arg(translate(
                "Storage", "necktimer cannot read its safety record %1 (%2)."), str(path),
                error.strerror or str(error)))
        raise failure from error
    except (ValueError, KeyError, TypeError) as error:
        raise StorageError(Problem.DAMAGED, problem_message(Problem.DAMAGED, path, error,
                                                           record=True)) from error


def _facts_from_json(data) -> SafetyFacts:
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise ValueError("not a necktimer safety record")
    anchor = stamp_from_text(data["anchor"]) if data.get("anchor") else None
    sessions = tuple(_session_from_json(item) for item in data["sessions"])
    serial, lineage = data.get("serial"), data.get("lineage")
    return SafetyFacts(sessions, anchor, bool(data.get("history_lost")),
                       gap_from_minutes(data.get("gap_minutes")),
                       serial if isinstance(serial, int) and not isinstance(serial, bool)
                       and serial >= 0 else 0,
                       lineage if isinstance(lineage, str) and lineage else None)


def gap_from_minutes(minutes) -> timedelta | None:
    """A gap within the rules' range, or None (absent, from an older record, or edited to
    something else: the settings' gap is used, as before the record kept one)."""
    if isinstance(minutes, bool) or not isinstance(minutes, int):
        return None
    gap = timedelta(minutes=minutes)
    return gap if MIN_GAP <= gap <= MAX_GAP else None


def facts_from(sessions: Iterable[Session], anchor: Stamp | None,
               history_lost: bool = False, gap_after: timedelta | None = None,
               serial: int = 0, lineage: str | None = None) -> SafetyFacts:
    ordered = sorted(sessions, key=lambda s: (s.started_at, s.id))
    return SafetyFacts(tuple(ordered), anchor, history_lost, gap_after, serial, lineage)


def new_lineage() -> str:
    """A name for a new history (os.urandom: `secrets` would load hashlib, libcrypto)."""
    return os.urandom(8).hex()


def _session_json(session: Session) -> dict:
    def when(moment):
        return iso(moment) if moment else None

    def mark(value: Mark | None):
        return [value.boot_id, value.boottime] if value else None

    return {
        "id": session.id, "therapy": session.therapy.value,
        "started_at": iso(session.started_at), "planned_end": iso(session.planned_end),
        "ended_at": when(session.ended_at),
        "end_reason": session.end_reason.value if session.end_reason else None,
        "removed_at": when(session.removed_at),
        "start_mark": mark(session.start_mark), "end_mark": mark(session.end_mark),
        "closed_while_away": session.closed_while_away,
        "removed_mark": mark(session.removed_mark),
    }


def _session_from_json(item: dict) -> Session:
    def mark(value) -> Mark | None:
        return Mark.read(value[0], value[1]) if value else None

    session = Session(
        id=int(item["id"]), therapy=Therapy(item["therapy"]),
        started_at=parse(item["started_at"]), planned_end=parse(item["planned_end"]),
        ended_at=parse(item.get("ended_at")),
        end_reason=EndReason(item["end_reason"]) if item.get("end_reason") else None,
        removed_at=parse(item.get("removed_at")),
        start_mark=mark(item.get("start_mark")), end_mark=mark(item.get("end_mark")),
        closed_while_away=bool(item.get("closed_while_away")),
        removed_mark=mark(item.get("removed_mark")),
    )
    if session.planned_end <= session.started_at:
        raise ValueError("a session that ends before it starts")
    return session


def cautious(history: Session, kept: Session) -> Session:
    """One session as the history and the record both tell it. They agree unless one
    file was edited or damaged; where they differ, the telling that ends the session
    sooner and the gap later counts, so that no edit of one file lifts a gap or
    stretches a session (an end marked before its start, a start moved on, a stop
    relabelled a mis-start)."""
    reason = history.end_reason
    if reason is EndReason.CANCELLED and kept.end_reason not in (None, EndReason.CANCELLED):
        reason = kept.end_reason  # a mis-start starts no gap: only if both say so
    return replace(
        history,
        started_at=min(history.started_at, kept.started_at),
        planned_end=min(history.planned_end, kept.planned_end),
        start_mark=_mark(history.start_mark, kept.start_mark, min),
        ended_at=_time(history.ended_at, kept.ended_at),
        end_reason=reason,
        end_mark=_mark(history.end_mark, kept.end_mark, max),
        removed_at=_time(history.removed_at, kept.removed_at),
        removed_mark=_mark(history.removed_mark, kept.removed_mark, max))


def _time(a: datetime | None, b: datetime | None) -> datetime | None:
    """The later of two ends; where only one file has one, the history's stands."""
    return max(a, b) if a is not None and b is not None else a


def _mark(a: Mark | None, b: Mark | None, pick) -> Mark | None:
    """`pick` (min or max) of two marks on one boot's clock; else the history's, or the
    record's where the history's could not be read."""
    if a is not None and b is not None and a.boot_id == b.boot_id:
        return pick(a, b, key=lambda mark: mark.boottime)
    return a if a is not None else b
