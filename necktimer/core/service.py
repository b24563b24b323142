"""The one place every entry point goes through to start, stop or ask about a session.

It joins the rules, the history, the safety record and the clocks:

* A start is decided and written inside one write transaction, so two windows,
  processes or commands can never both start a session; it is refused when it
  cannot be written.
* From the moment a start is committed, the sessions the rules need live in
  memory too. Every later write (an end, a stop, a removal, a rating) changes
  memory first and is then written; a write that fails (a locked file, a full
  disk, a vanished folder) waits in a queue, is reported once, and is written
  when storage is back. Reminders never wait for a write.
* After every change the safety record is rewritten, so the gap survives the
  loss of the history file.

Only this module touches the store; windows and commands use the methods here.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from necktimer.core import database, diary, record, rules
from necktimer.core.backstop_words import WORDS_NAME
from necktimer.core.clock import Clock, Stamp
from necktimer.core.database import Problem, StorageError, check_writable, storage_error
from necktimer.core.diary import Pain
from necktimer.core.humanize import format_duration, format_precise
from necktimer.core.i18n import arg, clock_time, local, past_time, short_date, translate
from necktimer.core.queries import HistoryFilter, SortKey
from necktimer.core.rules import EndReason, Session, State, Status, Therapy
from necktimer.core.settings import SETTINGS_NAME, Settings
from necktimer.core.store import Store, iso, parse, peek_session, session_from_salvage
from necktimer.core.timeline import Mark, Moment, Timeline
from necktimer.core.value import value

log = logging.getLogger("necktimer.service")

# What callers of the service handle: the history's faults and the early folder check.
__all__ = ["Ended", "FixedSettings", "Outcome", "Problem", "SessionService", "StorageError",
           "check_writable", "peek_session", "storage_error"]

# A wall clock this far behind the trusted time after a reboot means it was set back.
CLOCK_BACK_TOLERANCE = timedelta(minutes=1)
# A gap that ended longer ago than this is not announced any more.
GAP_NOTICE_WINDOW = timedelta(minutes=30)
# How long a stop can be taken back.
UNDO_WINDOW = timedelta(seconds=10)
REPORTED_ID = 0  # the id of an end the user reported after the history was lost
SAME_START = timedelta(seconds=1)  # two tellings of one session start this close together
GAP_META = "gap_after_minutes"  # history meta: the gap the latest session ended under


class SettingsSource(Protocol):
    """Where the current settings come from (the settings file, or a test's fixed value)."""

    @property
    def current(self) -> Settings: ...


@dataclass
class FixedSettings:
    current: Settings = field(default_factory=Settings)


@value
class Outcome:
    """The answer to a request: whether it was done, a sentence for the user, and the new state."""

    ok: bool
    # The sentence is composed when it is read, in the language of whoever reads it: the
    # window, or a terminal that asked the window through its socket.
    words: Callable[[], str]
    status: Status
    session: Session | None = None  # as the user sees it (placed on the current clock)
    unavailable: bool = False  # refused because the history cannot be written

    @property
    def message(self) -> str:
        return self.words()


@value
class Ended:
    """A session that reached its end without the user stopping it."""

    session: Session
    while_away: bool  # it ended while necktimer was not running


@value
class PendingWrite:
    """A change already made in memory, waiting to be written to the history."""

    what: str  # for the log
    apply: Callable[[Store], object]
    safety: bool = True  # the safety record keeps it too, once that is written
    # The user's own change, in their words; None for what the next start works out again
    # (a session closed at its planned end, the time).
    yours: Callable[[], str] | None = None


@value
class Unsaved:
    """Changes the user made that neither the history nor the safety record holds yet."""

    changes: tuple[str, ...]  # in the user's words: "the stop", "a pain rating"
    cause: str  # why they could not be written

    def sentence(self) -> str:
        return arg(translate("Service", "Not saved yet: %1. %2"), ", ".join(self.changes),
                   self.cause)


# What necktimer leaves in its data folder besides the history and the safety record
# (lock files excepted: a first start makes those before it opens the history). The
# backstop's log is written only once a session was started: `rm DIR/necktimer.*` took
# every other trace and made a folder in its gap a first start.
BACKSTOP_LOG_NAME = "backstop.log"  # backstop.LOG_NAME, which core may not import
TRACES = (SETTINGS_NAME, WORDS_NAME, f"{database.DB_NAME}-journal", f"{database.DB_NAME}-wal",
          BACKSTOP_LOG_NAME)


def _recorded(data_dir: Path, mirror: Path | None) -> record.SafetyFacts | None:
    """The safety record, or its copy where the record cannot be read; None for neither."""
    try:
        return record.read(data_dir)
    except StorageError:
        return record.read_copy(mirror) if mirror is not None else None


def _refill(data_dir: Path, mirror: Path | None,
            known: Iterable[Session] = ()) -> database.Fill:
    """What fills the new history made in place of a damaged one: every session it still
    gives (and `known`, the sessions in memory where the damage was found in use), the
    checklist's answers and what the history kept besides; and, where none of that nor a
    record tells the gap, the mark of a lost history. All of it goes in before the new
    file takes the damaged one's name."""
    def fill(connection: sqlite3.Connection, path: Path, found: database.Salvaged) -> int:
        store = Store(database.Opened(connection, path))
        carried = 0
        with store.transaction():
            for key, text in found.meta().items():
                store.set_meta(key, text)
            for row in found.sessions():
                if (session := session_from_salvage(row)) is not None:
                    carried += store.import_session(session)
            for answered_at, signs in found.warning_signs():
                ticked = [key for key in signs.split(",") if key]
                try:
                    when = parse(answered_at)
                except (ValueError, TypeError):
                    continue
                if when is not None and set(ticked) <= set(diary.WARNING_SIGNS):
                    store.record_warning_signs(when, ticked)
            for session in known:
                if session.id != REPORTED_ID:
                    store.import_session(session)
            facts = _recorded(data_dir, mirror)
            if not carried and not known and (facts is None or not facts.sessions):
                store.set_meta("history_lost", "1")
        return carried

    return fill


def _holds_no_session(store: Store) -> bool:
    try:
        return store.latest() is None
    except StorageError:  # damaged past its header: handled where the service is made
        return False


def _traces_of_use(data_dir: Path) -> bool:
    """Whether necktimer has been used in `data_dir` before (besides its history)."""
    try:
        names = {entry.name for entry in os.scandir(data_dir)}
    except OSError:
        return False
    if f"{database.DB_NAME}-journal" in names and _journal_of_a_first_setup(data_dir):
        names.discard(f"{database.DB_NAME}-journal")
    return any(name in names for name in TRACES) or any(
        name.startswith(f"{database.DB_NAME}.damaged-") for name in names)


def _journal_of_a_first_setup(data_dir: Path) -> bool:
    """Whether the history's rollback journal was left by a process killed while it set
    up a new history (a first launch killed at its start): the history beside it is
    still empty and the journal's write began on an empty file. Taken as a trace of use,
    it made a folder that never held a session a lost history."""
    try:
        if (data_dir / database.DB_NAME).stat().st_size != 0:
            return False
        with open(data_dir / f"{database.DB_NAME}-journal", "rb") as journal:
            header = journal.read(20)
    except OSError:
        return False
    # The header: 8 bytes of magic (written last: zeros while the write is under way), the
    # page count, a nonce, then the database's size in pages when the write began.
    return len(header) < 20 or int.from_bytes(header[16:20], "big") == 0


class SessionService:
    def __init__(self, store: Store, clock: Clock, settings: SettingsSource | None = None, *,
                 data_dir: Path | None = None, notices: list[str] | None = None,
                 history_lost: bool = False, looks_only: bool = False,
                 mirror: Path | None = None) -> None:
        self._store = store
        self._mirror = mirror  # the record's copy outside the data folder (record.mirror_path)
        # A process that only looks (`status`) keeps what it works out to itself: the time,
        # an end at the planned end, what the safety record adds. Whoever acts next works
        # it out again and writes it, so a look does not fail on a full disk. (Opening
        # still makes a missing history and moves a damaged one aside, for any process.)
        self._looks_only = looks_only
        self._data_dir = data_dir or store.path.parent
        self._settings = settings or FixedSettings()
        self.notices: list[str] = list(notices or [])
        self.ratings_changed = 0  # counts pain ratings given or edited here (any window)
        # Sessions ended outside a tick (an open row whose start cannot be read, found
        # while reading the history): the next tick or recovery hands them on.
        self._found_ended: list[Ended] = []
        self._pending: list[PendingWrite] = []
        self._record_due = False
        self.problem: StorageError | None = None  # the fault now keeping writes waiting
        self._reported_problem: Problem | None = None
        self._listeners: list[Callable[[], None]] = []
        self._deferred = False
        self._history_lost = history_lost or store.get_meta("history_lost") == "1"
        self._known: dict[int, Session] = {s.id: s for s in store.rule_sessions()}
        self._known |= _reported_session(store.get_meta("reported_end"),
                                         store.get_meta("reported_mark"))
        self._record_damaged = False
        self.copy_problem: str | None = None  # while the record's copy cannot be written
        self._copy_used = False  # the record could not be read: its copy stood in for it
        self._serial = 0  # the record's writes, counted (record.SafetyFacts.serial)
        self._last_facts: record.SafetyFacts | None = None  # as the record was read or written
        self._held_over_file: set[int] = set()  # sessions whose number another history took
        facts = self._read_record()
        # The gap the latest session ended under, kept in both files: deleting the record
        # and lowering the setting must not shorten the gap already running.
        self._gap_stored = store.get_meta(GAP_META)
        kept = (facts.gap_after if facts else None, _stored_gap(self._gap_stored))
        self._gap_after = max((gap for gap in kept if gap), default=None)
        anchor = _later(store.anchor(), facts.anchor if facts else None)
        self._timeline = Timeline(clock, anchor, floor=_latest_time(anchor, self._known))
        # The history these facts are of; a folder without a record starts one.
        self._lineage = (facts.lineage if facts is not None else None) or record.new_lineage()
        self._last_facts = facts
        # Both read before either writes: what the record adds is written with a new
        # record, and its copy with it. Taken first, it overwrote the copy of another
        # history's record (a folder swapped in) before the copy was read, and its gap was
        # gone from every file (outside tester).
        self._deferred = True
        try:
            if facts is not None:
                self._merge_record(facts)
            added = self._compare_with_copy(facts)  # a folder put back from a backup
        finally:
            self._deferred = False
        if self._pending and not self._looks_only:
            self.flush()
        if facts is not None or added:
            self._timeline.raise_floor(_latest_time(None, self._known))
        self._end_unreadable_open(self.moment())
        if self._record_damaged and not self._known and not self._history_lost:
            # A damaged safety record beside a history that holds nothing (emptied, or
            # truncated to nothing): what both held is gone. Never assume "never": ask.
            self._history_lost = True
            self._write("that the history was lost",
                        lambda store: store.set_meta("history_lost", "1"))
        self._gap_noticed = store.get_meta("gap_notice_for")
        # The checklist's last answer stands until it is changed: a restart must not hide
        # a warning sign the user reported (the window's urgent banner shows it).
        self.warning_signs: tuple[str, ...] = store.latest_warning_signs()

    @classmethod
    def open(cls, data_dir: Path, clock: Clock, settings: SettingsSource | None = None, *,
             busy_timeout: float = database.BUSY_TIMEOUT_S,
             looks_only: bool = False, mirror_folder: Path | None = None) -> SessionService:
        """Open the history in `data_dir` with what the safety record adds; raises StorageError.

        With `mirror_folder`, every record written is copied there too, and a folder found
        with neither its history nor its record (deleted) gets the record back from it."""
        mirror = record.mirror_path(mirror_folder, data_dir) if mirror_folder else None
        # What the folder held before this process looked: a process started at the same
        # moment (the window beside a `status`) leaves its journal and logs there as it
        # writes, and those are not the traces of a history deleted since.
        used_before = _traces_of_use(data_dir)
        opened = database.open_database(data_dir, busy_timeout=busy_timeout,
                                        fill=_refill(data_dir, mirror))
        # And only the process that set the new file up judges it: another found none,
        # opened the one just made, and would judge it again.
        fresh = opened.created and opened.moved_aside is None
        store = Store(opened)
        restored = copy_damaged = False
        if mirror is not None and _holds_no_session(store):  # made anew by a look, say
            try:
                restored = record.restore_from_mirror(data_dir, mirror, clock.now())
            except record.CopyDamaged:
                copy_damaged = not record.record_path(data_dir).exists()
        lost = False
        if restored or copy_damaged or (fresh and used_before):
            # The history and the record were deleted, but necktimer was used here: that
            # is a lost history, not a first start.
            facts = _recorded(data_dir, mirror)
            lost = facts is None or not facts.sessions
            if lost:
                with store.transaction():
                    store.set_meta("history_lost", "1")
            else:
                opened.notices.append(arg(translate(
                    "Service", "The session history in %1 was missing or empty. The latest "
                               "sessions were restored from the safety record; older ones, "
                               "with their pain ratings and notes, are gone."), str(data_dir)))
        try:
            return cls(store, clock, settings, data_dir=data_dir, notices=opened.notices,
                       history_lost=lost, looks_only=looks_only, mirror=mirror)
        except StorageError as error:
            if error.problem is not Problem.DAMAGED or opened.moved_aside is not None:
                store.close()
                raise
            damage = str(error.__cause__ or error.cause)  # SQLite's own words, as on opening
        # The header read well, but a page read first by the rules is damaged: moved
        # aside as damage found on opening is, or every start refused for good.
        store.close()
        opened = database.replace_damaged(opened.path, damage, busy_timeout,
                                          _refill(data_dir, mirror))
        return cls(Store(opened), clock, settings, data_dir=data_dir, notices=opened.notices,
                   looks_only=looks_only, mirror=mirror)

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a write waits for another program before it is queued for later."""
        self._store.set_busy_timeout(seconds)

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    def close(self) -> None:
        if self._looks_only:
            self._store.close()
            return
        self.flush()
        if lost := self._unkept():
            log.error("closing with changes nothing holds; they are lost: %s",
                      ", ".join(write.what for write in lost))
        self._store.close()

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call `listener` after anything the service knows changes (from any entry point)."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in self._listeners:
            listener()

    # -- time -----------------------------------------------------------------------------------

    @property
    def settings(self) -> Settings:
        return self._settings.current

    @property
    def gap(self) -> timedelta:
        """The gap in force: the settings', or the longer one the latest session ended
        under (a settings file deleted or garbled since, or lowered, does not shorten it)."""
        chosen = self.settings.gap
        return max(chosen, self._gap_after) if self._gap_after else chosen

    def kept_gap_note(self) -> str | None:
        """Said after the settings' warnings when a longer gap than theirs still applies
        (the one the latest session ended under): "using 120" alone would mislead."""
        if not self._gap_after or self._gap_after <= self.settings.gap:
            return None
        return arg(translate("Service", "Until the next session starts, the gap stays %1, "
                                        "the gap the last session ended under."),
                   format_duration(self._gap_after))

    @property
    def clock(self) -> Clock:
        return self._timeline.clock

    def moment(self) -> Moment:
        return self._timeline.read()

    def now(self) -> datetime:
        """The current time on the user's wall clock."""
        return self.moment().wall

    def _placed(self, session: Session, moment: Moment) -> Session:
        """A stored session on the current wall clock (see `timeline`)."""
        placed = moment.place_session(session)
        if session.id == REPORTED_ID:
            # An answer names a whole minute. Placed through the boot clock, which ticks
            # apart from the wall clock by microseconds, it read 15:49:59.99 for "15:50".
            end = (placed.ended_at + timedelta(milliseconds=500)).replace(microsecond=0)
            placed = replace(placed, started_at=end - timedelta(seconds=1), planned_end=end,
                             ended_at=end, removed_at=end)
        return placed

    # -- reading ------------------------------------------------------------------------------

    def status(self, moment: Moment | None = None) -> Status:
        moment = moment or self.moment()
        placed = [self._placed(s, moment) for s in self._rule_sessions()]
        return rules.evaluate(placed, moment.wall, self.gap, history_lost=self._history_lost)

    def _rule_sessions(self) -> list[Session]:
        return list(self._known.values())

    def reload(self) -> None:
        """Read the rule rows again (another process may have written); memory wins on ids
        with changes still waiting to be written."""
        if self._pending or self._store.is_gone():
            return
        try:
            fresh = {s.id: s for s in self._store.rule_sessions()}
        except StorageError as error:
            self._note_problem(error)
            return
        reported = self._known.get(REPORTED_ID)
        mine, self._known = self._known, fresh | ({REPORTED_ID: reported} if reported else {})
        self._keep_what_the_file_lost(mine)
        self._end_unreadable_open(self.moment())

    def _keep_what_the_file_lost(self, mine: dict[int, Session]) -> None:
        """While this process runs, it writes every change to the history itself (another
        process adds at most a removal): a recent session the file no longer tells as this
        process does was lost from it. The file put back from a backup or overwritten in
        place (cp, rsync --inplace) while the window ran dropped a session with its pack
        on: no reminder came, and a new session started over it (outside tester). What
        memory adds is kept and written back, as the record's tellings are at a start."""
        since = self.now() - record.RECENT
        lost = False
        for session in mine.values():
            if session.id == REPORTED_ID or session.started_at < since:
                continue
            on_file = self._known.get(session.id) or self._row(session.id)
            if on_file is not None and not _same_session(on_file, session):
                lost |= self._hold_over_file(session)  # said once, not at every wake
                continue
            lost |= self._take_kept(on_file, session, "memory", undone_stops=True)
        if lost:
            log.warning("the history file lost sessions this process had written (put back "
                        "from a backup, or overwritten?); they were written again")
            self._record_due = True

    def _hold_over_file(self, session: Session) -> bool:
        """Another history's row in the file holds `session`'s number: the session counts
        all the same, kept in memory and the record. True the first time."""
        self._known[session.id] = session
        first = session.id not in self._held_over_file
        self._held_over_file.add(session.id)
        return first

    def _row(self, session_id: int) -> Session | None:
        """A session as the history file has it, even one too old for the rules."""
        try:
            return self._store.get(session_id)
        except StorageError as error:
            self._note_problem(error)
            return None

    def pending_removal(self) -> Session | None:
        """The latest session, if it ended by itself and nobody confirmed the pack is off
        (the gap waits for that: rules.Session.awaiting_removal)."""
        moment = self.moment()
        latest = self._latest()
        if latest is None or latest.removed_at is not None or latest.id == REPORTED_ID:
            return None
        placed = self._placed(latest, moment)
        return placed if placed.awaiting_removal(moment.wall) else None

    def _latest(self) -> Session | None:
        sessions = [s for s in self._known.values() if s.id != REPORTED_ID]
        return max(sessions, key=lambda s: s.id, default=None)  # ids never go back; clocks may

    def session(self, session_id: int) -> Session | None:
        """One session as the user sees it."""
        known = self._known.get(session_id)
        if known is None:
            try:
                known = self._store.get(session_id)
            except StorageError as error:
                self._note_problem(error)
                return None
        return self._placed(known, self.moment()) if known else None

    def gap_over_due(self) -> Session | None:
        """The session whose gap just ended, if the user has not been told yet."""
        status = self.status()
        if status.state is not State.READY:
            return None
        moment = self.moment()
        counted = [self._placed(s, moment) for s in self._known.values() if s.counts_for_gap
                   and s.id != REPORTED_ID]
        latest = max(counted, key=lambda s: (s.started_at, s.id), default=None)
        if latest is None:
            return None
        # From when the rest began (the pack came off), not from the session's end: a
        # removal confirmed 45 minutes late put the notice outside its window.
        start = rules.gap_start(latest, status.now)
        if start is None or status.now - (start + self.gap) > GAP_NOTICE_WINDOW:
            return None
        if self._gap_noticed == str(latest.id):
            return None
        return latest

    def history_page(self, where: HistoryFilter, key: SortKey, *, descending: bool,
                     limit: int, offset: int) -> list[Session]:
        return self._store.page(where, key, descending=descending, limit=limit, offset=offset)

    def history_count(self, where: HistoryFilter) -> int:
        return self._store.count_where(where)

    def sessions_between(self, since: datetime | None, until: datetime | None = None,
                         therapy: Therapy | None = None) -> list[Session]:
        """Sessions started in [since, until), oldest first (for the chart, CSV and PDF)."""
        return self._store.page(HistoryFilter(therapy, since, until), SortKey.STARTED,
                                descending=False)

    def warning_sign_answers(self, since: datetime | None = None
                             ) -> list[tuple[datetime, list[str]]]:
        return self._store.warning_sign_answers(since)

    def physician_advice(self, *, ignore_snooze: bool = False) -> diary.Advice:
        """The one-week check on the current episode, unless put off until later."""
        now = self.moment().trusted
        if not ignore_snooze:
            snoozed = parse(self._store.get_meta("physician_snoozed_until"))
            if snoozed and snoozed > now:
                return diary.Advice(False)
        return diary.physician_advice(_EpisodeQueries(self._store), now)

    @property
    def history_lost(self) -> bool:
        return self._history_lost

    @property
    def pending_writes(self) -> int:
        return len(self._pending)

    def unsaved(self) -> Unsaved | None:
        """The user's changes that would be lost if this process ended now; None if none.

        Writing them is tried once more first. A change the safety record holds is not
        lost: the next start writes it into the history."""
        self.flush()
        unkept = self._unkept()
        if not unkept:
            return None
        problem = self.problem
        cause = problem.cause if problem else translate("Service", "The history cannot be "
                                                                   "written right now.")
        return Unsaved(tuple(dict.fromkeys(write.yours() for write in unkept)), cause)

    def _unkept(self) -> list[PendingWrite]:
        return [write for write in self._pending
                if write.yours is not None and (not write.safety or self._record_due)]

    # -- writing ------------------------------------------------------------------------------

    def start(self, therapy: Therapy, minutes: int | None = None, *,
              before_commit: Callable[[int], object] | None = None) -> Outcome:
        """Start a session if the rules allow it. `before_commit(id)` runs once the row is
        in place and just before it is committed (the backstop is started there, so that
        no moment exists with a session written and nobody outside to remind about it)."""
        minutes = self.settings.default_minutes if minutes is None else minutes
        try:
            rules.check_minutes(minutes)
        except ValueError as error:
            return Outcome(False, lambda text=str(error): text, self.status())
        # What is known already may refuse it, whatever the file's state: "a session is
        # running" is the answer then, not "the history cannot be written".
        known = self.status()
        if not rules.may_start(known).allowed:
            return Outcome(False, lambda: rules.may_start(known).reason, known, known.session)
        self.flush()
        if self._pending:
            return self._unavailable()
        # The record must be writable before a session begins: one that could not be
        # replaced (made immutable, a read-only mount) kept older facts, and once the
        # history was lost it brought back a state in which this session's gap was gone.
        self._write_record()
        if self._record_due:
            return self._unavailable()
        try:
            with self._store.transaction():
                moment = self.moment()
                self._known = {s.id: s for s in self._store.rule_sessions()} | self._reported()
                self._end_unreadable_open(moment, write_now=True)
                self._close_overdue_in_memory(moment, while_away=False, write_now=True)
                status = self.status(moment)
                decision = rules.may_start(status)
                if not decision.allowed:
                    return Outcome(False, lambda: rules.may_start(status).reason, status,
                                   status.session)
                length = rules.planned_length(timedelta(minutes=minutes), decision)
                start = moment.trusted
                session_id = self._store.insert_session(therapy, start, start + length,
                                                        moment.mark)
                self._store.save_anchor(self._timeline.anchor)
                if before_commit is not None:
                    before_commit(session_id)
        except StorageError as error:
            self._note_problem(error)
            return self._unavailable()
        except sqlite3.IntegrityError as error:
            # The history's own rule (one open session) refused: it holds an open session
            # whose start cannot be read, so left out above. A pack may be on.
            log.error("no session started: the history holds an open session that cannot "
                      "be read (%s)", error)
            history = self._store.path
            return Outcome(False, lambda: arg(translate(
                "Service", "No session was started: the history %1 holds a session that "
                           "is still open but whose start cannot be read, so a pack may "
                           "still be on."), str(history)), self.status(), unavailable=True)
        self._clear_problem()
        self._known[session_id] = Session(session_id, therapy, start, start + length,
                                          start_mark=moment.mark)
        self._write_record()
        log.info("started %s session %d for %s", therapy.value, session_id, length)
        status = self.status()
        session = self._placed(self._known[session_id], self.moment())
        self._changed()
        shortened = length < timedelta(minutes=minutes)
        return Outcome(True, lambda: started_message(session, status, shortened=shortened),
                       status, session)

    def stop(self) -> Outcome:
        moment = self.moment()
        self._close_overdue_in_memory(moment, while_away=False)
        status = self.status(moment)
        if status.state is not State.RUNNING or status.session is None:
            return Outcome(False, lambda: translate("Service", "No session is running."),
                           status)
        session = self._known[status.session.id]
        reason = rules.stop_reason(status.session, moment.wall)
        # The user is at the app and pressed Stop: the pack is coming off now.
        ended = replace(session, ended_at=moment.trusted, end_reason=reason,
                        removed_at=moment.trusted, end_mark=moment.mark,
                        removed_mark=moment.mark)
        self._known[session.id] = ended
        self._write("the end of the session",
                    lambda store: store.end_session(session.id, ended.ended_at, reason,
                                                    mark=moment.mark, removed_at=moment.trusted,
                                                    removed_mark=moment.mark),
                    yours=lambda: translate("Service", "the stop"))
        log.info("session %d ended: %s", session.id, reason.value)
        status = self.status()
        placed = self._placed(ended, self.moment())
        self._changed()
        return Outcome(True, lambda: stopped_message(placed, status), status, placed)

    def undoable_stop(self) -> Session | None:
        """The latest session, placed on the current clock, while its stop can still be
        taken back: a window opened just after a stop typed in a terminal offers Undo."""
        moment = self.moment()
        latest = max((i for i in self._known if i != REPORTED_ID), default=None)
        session = self._known.get(latest) if latest is not None else None
        if session is None or session.end_reason not in (EndReason.STOPPED,
                                                         EndReason.CANCELLED):
            return None
        placed = self._placed(session, moment)
        if (placed.ended_at is None or moment.wall - placed.ended_at >= UNDO_WINDOW
                or moment.wall >= placed.planned_end):
            return None
        return placed

    def undo_last_stop(self) -> Outcome:
        """Take back the latest stop, if it was made within UNDO_WINDOW (`necktimer undo`)."""
        return self.undo_stop(max((i for i in self._known if i != REPORTED_ID), default=-1))

    def undo_stop(self, session_id: int) -> Outcome:
        """Take back a stop within UNDO_WINDOW: the session runs on to its original end."""
        moment = self.moment()
        session = self._known.get(session_id)
        if session is None or session.end_reason not in (EndReason.STOPPED, EndReason.CANCELLED):
            return Outcome(False, lambda: translate("Service", "There is no stop to undo."),
                           self.status(moment))
        placed = self._placed(session, moment)
        # Ids, not start times, say which came later: a start time is a wall-clock reading,
        # and a clock set back between two sessions makes the newer one look older.
        newer = [s for s in self._known.values() if s.id > session.id]
        # Up to, not at, UNDO_WINDOW: where the window's offer ends too.
        if (newer or placed.ended_at is None or moment.wall - placed.ended_at >= UNDO_WINDOW
                or moment.wall >= placed.planned_end):
            return Outcome(False, lambda: translate("Service", "It is too late to undo that "
                                                               "stop."),
                           self.status(moment))
        resumed = replace(session, ended_at=None, end_reason=None, removed_at=None,
                          end_mark=None, removed_mark=None, pain_after=None)
        self._known[session_id] = resumed
        undone = PendingWrite("the undone stop", lambda store: store.reopen_session(session_id),
                              yours=lambda: translate("Service", "the undo"))
        self._pending.append(undone)
        self._record_due = True
        if not self.flush() and self._record_due:
            # Neither the history nor the safety record took it (a full disk): a crash now
            # would forget that the pack is on again, and nothing would remind at its end.
            # The stop stands, as a start is refused in this case.
            self._pending.remove(undone)
            self._known[session_id] = session
            problem = self.problem
            return Outcome(False, lambda: arg(translate(
                "Service", "The stop could not be undone: %1 Take the pack off."),
                str(problem) if problem else ""), self.status(), unavailable=True)
        status = self.status()
        self._changed()
        return Outcome(True, lambda: arg(translate("Service", "Stop undone: the session goes on "
                                                              "until %1."),
                                         clock_time(status.ends_at)),
                       status, self._placed(resumed, self.moment()))

    def acknowledge_removal(self, *, at_end: bool = False) -> Session | None:
        """Record that the pack is off: now, or with `at_end` (the user says so) when the
        session ended. The gap runs from that moment. Returns the session."""
        # A session past its end that nobody closed yet (no window was running) is
        # closed first, so that the next start does not report it again.
        self._close_overdue_in_memory(self.moment(), while_away=False)
        pending = self.pending_removal()
        if pending is None:
            return None
        moment = self.moment()
        session = self._known[pending.id]
        removed, mark = moment.trusted, moment.mark
        if at_end and session.ended_at is not None and session.ended_at <= removed:
            removed, mark = session.ended_at, session.end_mark
        self._known[session.id] = replace(session, removed_at=removed, removed_mark=mark)
        self._write("the time the pack came off",
                    lambda store: store.mark_removed(session.id, removed, mark),
                    yours=lambda: translate("Service", "that the pack is off"))
        self._changed()
        return self._placed(self._known[session.id], moment)

    def mark_gap_noticed(self, session: Session) -> None:
        self._gap_noticed = str(session.id)
        self._write("a note that the gap was announced",
                    lambda store: store.set_meta("gap_notice_for", str(session.id)),
                    safety=False)

    def record_pain(self, session_id: int, which: Pain, value: int | None) -> None:
        which = Pain(which)
        if value is not None and not (isinstance(value, int) and 0 <= value <= 10):
            raise ValueError("a pain rating is a whole number from 0 to 10")
        known = self._known.get(session_id)
        if known is not None:
            field = "pain_before" if which is Pain.BEFORE else "pain_after"
            self._known[session_id] = replace(known, **{field: value})
        self._write("a pain rating",
                    lambda store: store.set_pain(session_id, which, value), safety=False,
                    yours=lambda: translate("Service", "a pain rating"))
        self.ratings_changed += 1  # the one-week check reads them: it is due again
        self._changed()

    def record_note(self, session_id: int, note: str | None) -> None:
        from necktimer.core.store import clean_note

        cleaned = clean_note(note)
        known = self._known.get(session_id)
        if known is not None:
            self._known[session_id] = replace(known, note=cleaned)
        self._write("a note",
                    lambda store: store.set_note(session_id, cleaned), safety=False,
                    yours=lambda: translate("Service", "a note"))
        self._changed()

    def record_warning_signs(self, signs: list[str]) -> None:
        unknown = set(signs) - set(diary.WARNING_SIGNS)
        if unknown:
            raise ValueError(f"unknown warning signs {sorted(unknown)}")
        at = self.moment().trusted
        self.warning_signs = tuple(signs)
        self._write("the warning-sign answers",
                    lambda store: store.record_warning_signs(at, list(signs)), safety=False,
                    yours=lambda: translate("Service", "the warning-sign answers"))
        self._changed()

    def snooze_physician_advice(self) -> None:
        until = self.moment().trusted + diary.SNOOZE
        self._write("the physician reminder's snooze",
                    lambda store: store.set_meta("physician_snoozed_until", iso(until)),
                    safety=False, yours=lambda: translate("Service", "the reminder's snooze"))

    def reminded_without_window(self) -> bool:
        """(commands.Target) With no window running there is no window to quit."""
        return False

    def answer_last_application(self, ended_at: datetime | None) -> Outcome:
        """After a lost history: when the last pack came off (None: over a gap ago)."""
        moment = self.moment()
        if ended_at is not None and ended_at > moment.wall:
            return Outcome(False, lambda: translate("Service", "That time is in the future."),
                           self.status(moment))
        earlier = self._known.get(REPORTED_ID)
        earlier_end = self._placed(earlier, moment).ended_at if earlier else None
        if earlier_end is not None and (ended_at is None or ended_at <= earlier_end):
            # An answer given stands: a second one may make its gap longer, never shorter
            # or gone (a slip of the keyboard, or a second try, must not lift a gap).
            status = self.status(moment)
            return Outcome(False, lambda: arg(
                translate("Service", "You already said a pack came off at %1; that still "
                                     "counts. %2"),
                past_time(earlier_end, moment.wall), status.sentence()), status)
        if ended_at is not None:
            # Marked on the boot clock, as a session's end is: a wall clock set ahead
            # later does not move it into the past.
            mark = moment.mark
            if mark is not None:
                mark = Mark(mark.boot_id, mark.boottime - (moment.wall - ended_at).total_seconds())
            trusted_end = ended_at + (moment.trusted - moment.wall)
            self._known |= _reported_session(trusted_end.isoformat(), _mark_text(mark))
        self._history_lost = False
        reported = self._known.get(REPORTED_ID)

        def save(store: Store) -> None:
            store.set_meta("history_lost", None)
            store.set_meta("reported_end", reported.ended_at.isoformat() if reported else None)
            store.set_meta("reported_mark", _mark_text(reported.end_mark) if reported else None)

        self._write("your answer", save,
                    yours=lambda: translate("Service", "when the last pack came off"))
        status = self.status()
        self._changed()
        if ended_at is None:
            return Outcome(True, status.sentence, status)
        return Outcome(True, lambda: _noted(ended_at, moment.wall, status), status)

    # -- waking up ---------------------------------------------------------------------------

    def tick(self) -> list[Ended]:
        """Close any session whose time is up, and retry waiting writes; called on every wake."""
        self._keep_lengthened_gap()
        self.flush()
        self.reload()
        ended = self.take_found_ended()
        ended += self._close_overdue_in_memory(self.moment(), while_away=False)
        if ended:
            self._changed()
        return ended

    def recover(self, *, write_now: bool = True) -> list[Ended]:
        """At start-up: close sessions that ended while necktimer was not running.

        Within one boot a session with time left simply resumes: the boot clock knows how
        long it has run. A session still open from before a reboot is closed as
        interrupted, now: only the wall clock is left to time it, and one a few minutes
        slow (or set back while the machine was off) would let it run past its cap.
        """
        moment = self.moment()
        ended = self.take_found_ended()
        set_back = moment.trusted - moment.wall > CLOCK_BACK_TOLERANCE
        for session in [s for s in self._known.values() if s.ended_at is None]:
            if self._placed(session, moment).from_the_future(moment.wall):
                continue  # ended below, as interrupted now
            if session.start_mark and session.start_mark.boot_id == moment.raw.boot_id:
                continue  # this boot's clock knows exactly how long it has run
            if not set_back and moment.wall >= session.planned_end:
                continue  # over by the wall clock too: it completed (closed below)
            # Started before a reboot and not over by the wall clock: only the wall clock
            # says how long the pack has been on, and a clock a few minutes slow would
            # stretch the session past its cap. End it now instead.
            end = min(moment.trusted, session.planned_end)
            end = max(end, session.started_at + timedelta(microseconds=1))
            closed = replace(session, ended_at=end, end_reason=EndReason.INTERRUPTED,
                             closed_while_away=True)
            self._known[session.id] = closed
            self._write("the end of the session",
                        lambda store, s=session, e=end: store.end_session(
                            s.id, e, EndReason.INTERRUPTED, while_away=True))
            log.warning("session %d was open across a reboot%s; closed as interrupted",
                        session.id, " with the clock set back" if set_back else "")
            ended.append(Ended(self._placed(closed, moment), while_away=True))
        self._deferred = not write_now  # the window writes after its first paint
        try:
            ended += self._close_overdue_in_memory(moment, while_away=True)
            self._write("the time",
                        lambda store, anchor=self._timeline.anchor: store.save_anchor(anchor))
        finally:
            self._deferred = False
        if ended:
            self._changed()
        return ended

    def flush(self) -> bool:
        """Write what waits to be written, in order; True when nothing is left waiting."""
        if self._looks_only:
            return not self._pending
        if self._store.is_gone():
            self._rebuild_gone_store()
            if self._store.is_gone():
                # Not made again (the disk is full, say): the old connection could still
                # take writes, into a file nobody can see. They wait, and the problem shows.
                if self._record_due:
                    self._write_record()
                return False
        saved = False
        while self._pending:
            write = self._pending[0]
            try:
                with self._store.transaction():
                    write.apply(self._store)
            except (sqlite3.IntegrityError, UnicodeError) as error:
                # The file's own rules refuse it, or its text cannot be stored: it can never
                # be written, and left first in line it held back every write after it.
                log.error("could not save %s: %s", write.what, error)
                self._pending.pop(0)
                continue
            except StorageError as error:
                if error.problem is Problem.DAMAGED:
                    try:
                        self._replace_damaged_store(str(error))
                        continue
                    except StorageError as failed:  # no room for the new file, say
                        error = failed  # the write waits, as for any other fault
                self._note_problem(error)
                if self._record_due:
                    # The safety net takes what the history cannot, now: a crash before
                    # the retry would otherwise lose it (an undone stop, say, and with it
                    # the backstop's reminder and the gap from the real end).
                    self._write_record()
                return False
            self._pending.pop(0)
            saved = True
        if self._record_due:
            self._write_record()
        if not self._record_due:
            self._clear_problem(saved=saved)
        return not self._pending and not self._record_due

    # -- helpers ----------------------------------------------------------------------------

    def _write(self, what: str, apply: Callable[[Store], object], *, safety: bool = True,
               yours: Callable[[], str] | None = None) -> None:
        """Write a change already made in memory; on a fault, queue it for later."""
        self._pending.append(PendingWrite(what, apply, safety, yours))
        if safety:
            self._record_due = True
        if not self._deferred and not self._looks_only:
            self.flush()

    def _close_overdue_in_memory(self, moment: Moment, *, while_away: bool,
                                 write_now: bool = False) -> list[Ended]:
        """Sessions at or past their planned end end there, in memory first."""
        ended = []
        for session in [s for s in self._known.values() if s.ended_at is None]:
            placed = self._placed(session, moment)
            if placed.from_the_future(moment.wall):
                ended.append(self._end_from_the_future(session, moment, while_away=while_away))
                continue
            if moment.wall < placed.planned_end:
                continue
            mark = session.start_mark and Mark(
                session.start_mark.boot_id,
                session.start_mark.boottime + session.planned_length.total_seconds())
            closed = replace(session, ended_at=session.planned_end,
                             end_reason=EndReason.COMPLETED, end_mark=mark,
                             closed_while_away=while_away)
            self._known[session.id] = closed

            def write(store: Store, s=closed) -> None:
                store.end_session(s.id, s.ended_at, EndReason.COMPLETED, mark=s.end_mark,
                                  while_away=s.closed_while_away)

            if write_now:
                write(self._store)  # inside the caller's transaction
                self._record_due = True
            else:
                self._write("the end of the session", write)
            log.info("session %d completed at its planned end", session.id)
            ended.append(Ended(self._placed(closed, moment), while_away))
        return ended

    def _end_from_the_future(self, session: Session, moment: Moment, *,
                             while_away: bool) -> Ended:
        """End now, as interrupted, a session recorded as starting later than now (see
        rules.Session.end_at). It is written as starting and ending now: left with its
        start to come, it stayed the latest session for every rule and for the backstop,
        ahead of any real one started after it."""
        length = session.planned_length
        closed = replace(session, started_at=moment.trusted, planned_end=moment.trusted + length,
                         start_mark=moment.mark, ended_at=moment.trusted,
                         end_reason=EndReason.INTERRUPTED, end_mark=moment.mark,
                         closed_while_away=while_away)
        self._known[session.id] = closed
        self._write("the end of the session",
                    lambda store, s=closed: store.end_from_the_future(
                        s.id, s.started_at, s.planned_end, s.start_mark,
                        while_away=s.closed_while_away))
        log.warning("session %d was recorded as starting at %s, later than now (a shifted "
                    "clock, or an edited file); ended now as interrupted", session.id,
                    session.started_at.isoformat(timespec="seconds"))
        return Ended(self._placed(closed, moment), while_away)

    def _end_unreadable_open(self, moment: Moment, *, write_now: bool = False) -> None:
        """End now, as interrupted, an open session whose start cannot be read (an edited
        history). It cannot be placed in time, so the rules left it out and said Ready,
        yet a pack may be on: it is written as starting and ending now, as one recorded
        as starting later than now is, and the gap waits for the pack to come off."""
        if any(s.ended_at is None for s in self._known.values()):
            return  # the history holds one open session at most: this one can be read
        try:
            unreadable = self._store.unreadable_open()
        except StorageError as error:
            self._note_problem(error)
            return
        for session_id, therapy in unreadable:
            now = moment.trusted
            closed = Session(session_id, therapy, now, now + rules.CAP, ended_at=now,
                             end_reason=EndReason.INTERRUPTED, start_mark=moment.mark,
                             end_mark=moment.mark, closed_while_away=True)
            self._known[session_id] = closed

            def write(store: Store, s=closed) -> None:
                store.end_from_the_future(s.id, s.started_at, s.planned_end, s.start_mark,
                                          while_away=True)

            if write_now:
                write(self._store)  # inside the caller's transaction
                self._record_due = True
            else:
                self._write("the end of the session", write)
            log.warning("session %d is open but its start cannot be read; ended now as "
                        "interrupted", session_id)
            self._found_ended.append(Ended(self._placed(closed, moment), while_away=True))
            notice = arg(translate(
                "Service", "The history %1 held a session that was still open but whose "
                           "start cannot be read. A pack may still be on: that session was "
                           "ended now, and the gap runs from when you confirm the pack is "
                           "off."), str(self._store.path))
            if notice not in self.notices:
                self.notices.append(notice)

    def take_found_ended(self) -> list[Ended]:
        """Sessions ended since the last call outside a tick, for the caller to tell."""
        found, self._found_ended = self._found_ended, []
        return found

    def _reported(self) -> dict[int, Session]:
        reported = self._known.get(REPORTED_ID)
        return {REPORTED_ID: reported} if reported else {}

    def _latest_ended(self) -> bool:
        latest = max((s for s in self._known.values() if s.id != REPORTED_ID),
                     key=lambda s: (s.started_at, s.id), default=None)
        return latest is not None and latest.ended_at is not None

    def _keep_lengthened_gap(self) -> None:
        """A gap the settings lengthened after the last session ended is kept as the gap in
        force: set back before the next start, it shortened the gap already running
        (the settings dialog says it stays as it is)."""
        if self.settings.gap > (self._gap_after or rules.MIN_GAP) and self._latest_ended():
            self._record_due = True  # the record (and the history) keep the gap in force

    def _write_record(self) -> None:
        # Kept from a session's end until the next start: the settings then decide again.
        self._gap_after = self.gap if self._latest_ended() else None
        self._store_gap()
        facts = record.facts_from(self._known.values(), self._timeline.anchor,
                                  self._history_lost, self._gap_after, self._serial,
                                  self._lineage)
        if facts != self._last_facts:  # the count is of changes: the same facts, the same file
            self._serial += 1
            facts = replace(facts, serial=self._serial)
        try:
            copy_problem = record.write(self._data_dir, facts, self._mirror)
        except StorageError as error:
            self._record_due = True
            self._note_problem(error)
            return
        self._record_due = False
        self._last_facts = facts
        self._say_copy_problem(copy_problem)

    def _say_copy_problem(self, why: str | None) -> None:
        """A copy of the record that could not be written is said (`copy_problem`), not
        only logged: the session goes ahead (the record itself is written), but a data
        folder deleted now would come back without its gap, and nobody had been told."""
        if (why is None) != (self.copy_problem is None):  # logged as it comes and goes
            log.log(logging.INFO if why is None else logging.WARNING,
                    "the copy of the safety record %s: %s", self._mirror,
                    "written again" if why is None else f"cannot be written ({why})")
        self.copy_problem = None if why is None else arg(translate(
            "Service", "The spare copy of the safety record could not be written to %1 (%2). "
                       "If the data folder were deleted now, the gap could not be restored "
                       "from it."), str(self._mirror.parent), why)

    def _store_gap(self) -> None:
        """The kept gap in the history too (the record keeps it as well); tried again with
        each record written until it lands."""
        text = str(self._gap_after // timedelta(minutes=1)) if self._gap_after else None
        if text == self._gap_stored or self._looks_only or self._pending:
            return  # (with writes waiting, the history cannot take it now either)
        try:
            with self._store.transaction():
                self._store.set_meta(GAP_META, text)
        except StorageError as error:  # said where the history's writes wait; not again
            log.info("the gap in force waits to be written to the history: %s", error)
            return
        self._gap_stored = text

    def _read_record(self) -> record.SafetyFacts | None:
        """The safety record; where it cannot be read, its copy outside the data folder."""
        try:
            return record.read(self._data_dir)
        except StorageError as error:
            # The copy knows what the record did (a pack still on, the gap running). A
            # damaged record beside a damaged history was taken as a lost history, and
            # the next write put that over the copy too.
            copy = record.read_copy(self._mirror) if self._mirror is not None else None
            if copy is None:
                log.warning("%s", error)
            else:
                log.warning("the safety record cannot be read (%s); its copy %s is used",
                            error.__cause__ or error.problem.value, self._mirror)
                self._copy_used = True
                self.notices.append(arg(translate(
                    "Service", "The safety record %1 could not be read; its copy %2 was "
                               "used."), str(record.record_path(self._data_dir)),
                    str(self._mirror)))
                return copy
            self._record_damaged = error.problem is Problem.DAMAGED
            return None

    def _compare_with_copy(self, facts: record.SafetyFacts | None) -> bool:
        """Take from the record's copy outside the data folder what the folder lacks.

        The copy is written with every record, and both count their writes (`serial`). A
        copy counting more is newer than the folder: the folder was put back from a backup
        or a sync, and its older record and history knew nothing of the latest session (a
        start went ahead inside its gap, or with its pack still on after an undone stop).
        Its tellings are then taken as the record's are. A copy counting less is behind
        (its own write failed, said then) and adds nothing. Only what can still bear on a
        gap is taken; a session of another history under the same number (a folder from
        another machine) keeps its gap as an end the user reported. True when it added
        anything."""
        if self._mirror is None or self._copy_used:
            return False
        copy = record.read_copy(self._mirror)
        if copy is None or copy == facts:
            return False
        own = facts.serial if facts is not None else 0
        # Another history's copy (a folder from elsewhere, or swapped with another):
        # counts of writes do not compare, and each of its sessions is another's.
        foreign = bool(copy.lineage and copy.lineage != self._lineage
                       and (facts is None or facts.lineage))
        if not foreign and copy.serial < own:
            return False
        if not foreign:
            self._serial = max(self._serial, copy.serial)
        else:
            # Taken in here, that history goes on under a name of its own: under the other
            # one's, this folder's copy (keeping its gap) was later taken for an older
            # state of it when that folder came again, having written more, and set aside:
            # a start went ahead inside the gap (outside tester).
            self._lineage = record.new_lineage()
            self._record_due = True
        since = self.now() - record.RECENT
        recent = [kept for kept in copy.sessions if kept.started_at >= since]
        added = False
        for kept in recent:
            if kept.id == REPORTED_ID:
                added |= self._take_reported(kept)
                continue
            # (Damage found here raises, as the record's merge does: open() replaces it.)
            known = self._known.get(kept.id) or self._store.get(kept.id)
            if foreign or (known is not None and not _same_session(known, kept)):
                # Another history's session (or another session under the same number).
                # Its end still starts a gap; a pack it tells of as on, from now. A
                # mis-start starts none (made a reported end, it had held off 2 hours).
                if kept.end_reason is not EndReason.CANCELLED:
                    end = kept.removed_at or kept.ended_at or min(kept.planned_end, self.now())
                    mark = _mark_text(kept.removed_mark or kept.end_mark)
                    added |= self._take_reported(_reported_session(iso(end), mark)[REPORTED_ID])
                continue
            added |= self._take_kept(known, kept, "the safety record's copy",
                                     undone_stops=copy.serial > own)
        if copy.gap_after and recent and (self._gap_after is None
                                          or copy.gap_after > self._gap_after):
            self._gap_after = copy.gap_after
            added = True
        if added:
            self._record_due = True
            if not self._looks_only and foreign:  # a look writes nothing: an act says it
                self.notices.append(arg(translate(
                    "Service", "The data folder %1 holds another history than the one "
                               "necktimer last used there. The latest sessions of that one, "
                               "from the copy of its safety record (%2), still count for "
                               "the gap."), str(self._data_dir), str(self._mirror)))
            elif not self._looks_only:
                self.notices.append(arg(translate(
                    "Service", "The data folder %1 holds older sessions than necktimer's "
                               "copy of its safety record (%2), as after a backup was put "
                               "back. The newer sessions in the copy count for the gap."),
                    str(self._data_dir), str(self._mirror)))
            (log.info if self._looks_only else log.warning)(
                "the data folder holds another history than the copy of its safety record "
                "%s (swapped, or brought from elsewhere?); the copy's gap was kept" if foreign
                else "the data folder knew less than the copy of its safety record %s (put "
                     "back from a backup?); what the copy adds was taken", self._mirror)
        return added

    def _merge_record(self, facts: record.SafetyFacts) -> None:
        """What the record knows and the history does not (a write that never landed, or a
        history replaced after damage) is taken over and written to the history."""
        self._serial = max(self._serial, facts.serial)
        for remembered in facts.sessions:
            if remembered.id == REPORTED_ID:
                self._take_reported(remembered)  # kept in the history's meta, not as a row
                continue
            known = self._known.get(remembered.id) or self._store.get(remembered.id)
            if known is not None and not _same_session(known, remembered):
                self._hold_over_file(remembered)  # that history was put in this folder's place
                continue
            self._take_kept(known, remembered, "the safety record", undone_stops=True)
        if facts.history_lost and not self._known:
            self._history_lost = True

    def _take_kept(self, known: Session | None, kept: Session, where: str, *,
                   undone_stops: bool) -> bool:
        """One session as the history has it (`known`, None for none) and as `kept`
        elsewhere tells it, newer or as new: what `kept` adds is taken and written. With
        `undone_stops`, a stop the history has and `kept` not is taken as undone (`kept`
        was written after the history). True when anything was taken."""
        if known is None:
            self._known[kept.id] = kept
            self._write(f"a session kept in {where}",
                        lambda store, s=kept: store.import_session(s))
            return True
        self._known[kept.id] = known
        if known.ended_at is None and kept.ended_at is not None:
            self._known[kept.id] = replace(known, ended_at=kept.ended_at,
                                           end_reason=kept.end_reason, end_mark=kept.end_mark,
                                           removed_at=kept.removed_at,
                                           removed_mark=kept.removed_mark)
            self._write("the end of the session",
                        lambda store, s=kept: store.end_session(
                            s.id, s.ended_at, s.end_reason, mark=s.end_mark,
                            removed_at=s.removed_at, removed_mark=s.removed_mark))
            return True
        if (undone_stops and kept.ended_at is None and known.ended_at is not None
                and known.end_reason in (EndReason.STOPPED, EndReason.CANCELLED)):
            # A stop undone while the history could not be written (or after the backup
            # put back was taken): the pack stayed on to the planned end. (Were it a stop
            # whose record write failed instead, the later end is still the safe one.)
            self._known[kept.id] = replace(known, ended_at=None, end_reason=None,
                                           end_mark=None, removed_at=None, removed_mark=None)
            self._write("the undone stop", lambda store, s=kept: store.reopen_session(s.id))
            return True
        if known.removed_at is None and kept.removed_at is not None:
            self._known[kept.id] = replace(known, removed_at=kept.removed_at,
                                           removed_mark=kept.removed_mark)
            self._write("the time the pack came off",
                        lambda store, s=kept: store.mark_removed(
                            s.id, s.removed_at, s.removed_mark))
            return True
        self._known[kept.id] = record.cautious(known, kept)
        return False

    def _take_reported(self, remembered: Session) -> bool:
        """The end the user reported, from the record, when the history lost it (a second
        damage after the answer) or holds an earlier one. True when it was taken."""
        known = self._known.get(REPORTED_ID)
        if known is not None and known.ended_at >= remembered.ended_at:
            return False
        self._known[REPORTED_ID] = remembered

        def save(store: Store) -> None:
            store.set_meta("reported_end", remembered.ended_at.isoformat())
            store.set_meta("reported_mark", _mark_text(remembered.end_mark))

        self._write("the end you reported", save)
        return True

    def _unavailable(self) -> Outcome:
        problem = self.problem

        def words() -> str:
            why = str(problem) if problem else translate("Service", "The history cannot be "
                                                                    "written right now.")
            return arg(translate("Service", "No session was started: %1"), why)

        return Outcome(False, words, self.status(), unavailable=True)

    def _note_problem(self, error: StorageError) -> None:
        self.problem = error
        if self._reported_problem is not error.problem:
            self._reported_problem = error.problem
            if self._pending:
                waiting = len(self._pending)
                log.warning("cannot save (%s); %d %s: %s", error.problem.value, waiting,
                            "change waits" if waiting == 1 else "changes wait", error.cause)
            else:  # a start refused, say: nothing is kept back to be written later
                log.warning("cannot save (%s): %s", error.problem.value, error.cause)
            self._changed()

    def _clear_problem(self, *, saved: bool = False) -> None:
        if self.problem is not None:
            log.warning("the history can be written again%s",
                        "; everything waiting was saved" if saved else "")
            self.problem = None
            self._reported_problem = None
            self._changed()

    def _rebuild_gone_store(self) -> None:
        """The folder or file was deleted while open: make it again, with every row the old
        connection can still read (the deleted file stays readable while it is open)."""
        try:
            opened = database.open_database(self._data_dir)
        except StorageError as error:
            self._note_problem(error)
            return
        fresh = Store(opened)
        # A history with sessions at the path is another folder's, put in its place; an
        # empty one was made by a look (`status`) after the deletion, and is filled.
        if not opened.created and not self._pending and not _holds_no_session(fresh):
            self._take_replaced_store(fresh)
            return
        try:
            self._store.backup_to(fresh)
        except StorageError:
            with fresh.transaction():
                for session in self._known.values():
                    if session.id != REPORTED_ID:
                        fresh.import_session(session)
        old, self._store = self._store, fresh
        old.close()
        self._record_due = True
        self.notices.append(translate("Service", "The data folder was deleted while necktimer "
                                                 "was running; it was made again with the "
                                                 "history necktimer still had open."))
        log.warning("data folder %s was deleted; rebuilt it", self._data_dir)
        self._changed()

    def _take_replaced_store(self, fresh: Store) -> None:
        """A history is at the path, not the one open: the folder was replaced (another
        swapped in, a backup put back), not deleted. Copying the open one over it lost the
        history put there (outside tester). It is kept; what this process knows that it
        lacks (a session with its pack on, an end, the gap) is added to it and to the
        record, as when the file itself is put back."""
        old, self._store = self._store, fresh
        old.close()
        reported = self._known.get(REPORTED_ID)
        try:
            found = {s.id: s for s in fresh.rule_sessions()}
        except StorageError as error:
            self._note_problem(error)
            found = {}
        mine, self._known = self._known, found | ({REPORTED_ID: reported} if reported else {})
        self._keep_what_the_file_lost(mine)
        self._record_due = True
        self.notices.append(translate("Service", "The data folder was replaced while "
                                                 "necktimer was running; the history put "
                                                 "there was kept, and the sessions necktimer "
                                                 "had open were added to it."))
        log.warning("data folder %s was replaced; kept the history found there", self._data_dir)
        self._changed()

    def _replace_damaged_store(self, why: str) -> None:
        """The file turned out damaged while in use: keep it aside, carry on in a new one.
        Raises StorageError where the new one cannot be made; the old one is kept then."""
        opened = database.replace_damaged(self._store.path, why, fill=_refill(
            self._data_dir, self._mirror, known=list(self._known.values())))
        self._store.close()  # only now: where the new file could not be made, it stays
        self._store = Store(opened)
        self.notices.extend(opened.notices)
        self._record_due = True
        self._changed()


class _EpisodeQueries:
    """The bounded questions the one-week check asks of the history."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def episode_start(self, latest: datetime) -> datetime:
        cached = _episode_cache(self._store.get_meta("episode"))
        if cached:
            start, last = cached
            newer = [s for s in self._store.counted_starts_before(latest + timedelta(seconds=1),
                                                                  10_000) if s > last]
            if len(newer) < 10_000:
                for moment in sorted(newer):
                    if moment - last > diary.EPISODE_PAUSE:
                        start = moment
                    last = moment
                self._save(start, last)
                return start
        start = diary.walk_back_episode(self._store.counted_starts_before, latest)
        self._save(start, latest)
        return start

    def _save(self, start: datetime, last: datetime) -> None:
        try:
            with self._store.transaction():
                self._store.set_meta("episode", f"{start.isoformat()} {last.isoformat()}")
        except StorageError:
            pass  # only a cache: computed again next time

    def latest_start(self) -> datetime | None:
        return self._store.latest_counted_start()

    def mean_rating(self, since: datetime, until: datetime) -> tuple[float | None, int]:
        return self._store.mean_rating(since, until)


def started_message(session: Session, status: Status, *, shortened: bool) -> str:
    if session.therapy is Therapy.ICE:
        text = translate("Service", "Ice session started: take the ice pack off at %1 "
                                    "(in %2).")
    else:
        text = translate("Service", "Heat session started: take the heat pack off at %1 "
                                    "(in %2).")
    length = format_precise(session.planned_length) if shortened else format_duration(
        status.remaining)
    message = arg(text, clock_time(status.ends_at), length)
    if shortened:
        message = arg(translate("Service", "%1 It is shorter than you asked, because ice or "
                                           "heat was already applied since the last full "
                                           "break; the total stays within %2."),
                      message, format_duration(rules.CAP))
    return message


def stopped_message(session: Session, status: Status) -> str:
    if session.end_reason is EndReason.CANCELLED:
        if session.therapy is Therapy.ICE:
            text = translate("Service", "Ice session cancelled within its first minute: it "
                                        "starts no gap, but its time counts toward the next "
                                        "session's %1.")
        else:
            text = translate("Service", "Heat session cancelled within its first minute: it "
                                        "starts no gap, but its time counts toward the next "
                                        "session's %1.")
        return arg(text, format_duration(rules.CAP))
    if session.therapy is Therapy.ICE:
        text = translate("Service", "Ice session stopped. %1")
    else:
        text = translate("Service", "Heat session stopped. %1")
    return arg(text, status.sentence())


def _noted(ended_at: datetime, now: datetime, status: Status) -> str:
    """Which day an answer was taken as: "23:51" typed at 17:53 is last night's."""
    day, today = local(ended_at).date(), local(now).date()
    if day == today:
        text = translate("Service", "Noted: a pack came off today at %1. %2")
    elif day == today - timedelta(days=1):
        text = translate("Service", "Noted: a pack came off yesterday at %1. %2")
    else:
        return arg(translate("Service", "Noted: a pack came off on %1 at %2. %3"),
                   short_date(day), clock_time(ended_at), status.sentence())
    return arg(text, clock_time(ended_at), status.sentence())


def _stored_gap(text: str | None) -> timedelta | None:
    try:
        return record.gap_from_minutes(int(text)) if text else None
    except ValueError:
        return None  # edited by hand: the record's, or the settings', gap applies


def _episode_cache(text: str | None) -> tuple[datetime, datetime] | None:
    """The cached first and latest start of the episode; None where it cannot be read (an
    edited file): only a cache, worked out again."""
    try:
        start, last = (parse(part) for part in (text or "").split(" "))
    except ValueError:
        return None
    return (start, last) if start is not None and last is not None else None


def _same_session(history: Session, kept: Session) -> bool:
    """Whether two tellings under one number are one session: a record and its history
    hold the same start to the microsecond; a session of another history does not."""
    return (history.therapy is kept.therapy
            and abs(history.started_at - kept.started_at) <= SAME_START)


def _reported_session(text: str | None, mark_text: str | None = None) -> dict[int, Session]:
    """The end the user reported after a lost history, as a session the rules understand."""
    try:
        end = parse(text) if text else None
    except ValueError:  # edited by hand: as if not answered (the record keeps the gap)
        log.warning("the reported end %r cannot be read and is left out", text)
        return {}
    if end is None:
        return {}
    mark = _mark_from(mark_text)
    start_mark = Mark(mark.boot_id, mark.boottime - 1) if mark else None
    return {REPORTED_ID: Session(REPORTED_ID, Therapy.ICE, end - timedelta(seconds=1), end,
                                 end, EndReason.COMPLETED, removed_at=end, removed_mark=mark,
                                 start_mark=start_mark, end_mark=mark)}


def _mark_text(mark: Mark | None) -> str | None:
    return f"{mark.boot_id} {mark.boottime!r}" if mark else None


def _mark_from(text: str | None) -> Mark | None:
    """A mark kept as text ("boot-id boottime"); None for none, or one that does not read."""
    try:
        boot_id, boottime = (text or "").split()
    except ValueError:
        return None
    return Mark.read(boot_id, boottime)


def safety_record_path(data_dir: Path) -> Path:
    """Where the safety record of `data_dir` is (for those who may not read it)."""
    return record.record_path(data_dir)


def status_from_record(data_dir: Path, clock: Clock,
                       gap: timedelta = rules.MIN_GAP) -> tuple[Status, Session | None] | None:
    """What the safety record alone says (the status, and a pack waiting to come off):
    for a terminal while the history cannot be opened (locked, unreadable). None when
    the record is missing or unreadable too."""
    try:
        facts = record.read(data_dir)
    except StorageError:
        return None
    if facts is None:
        return None
    known = {s.id: s for s in facts.sessions}
    moment = Timeline(clock, facts.anchor, floor=_latest_time(facts.anchor, known)).read()
    placed = [moment.place_session(s) for s in facts.sessions]
    if facts.gap_after is not None:
        gap = max(gap, facts.gap_after)
    status = rules.evaluate(placed, moment.wall, gap, history_lost=facts.history_lost)
    ours = [s for s in placed if s.id != REPORTED_ID]
    latest = max(ours, key=lambda s: s.id, default=None)
    waiting = latest if latest is not None and latest.awaiting_removal(moment.wall) else None
    return status, waiting


def _latest_time(anchor: Stamp | None, sessions: dict[int, Session]) -> datetime | None:
    """The latest trusted time anything recorded: the clock is never trusted below it."""
    times = [anchor.wall] if anchor else []
    for session in sessions.values():
        times.append(session.started_at)
        if session.ended_at is not None:
            times.append(min(session.ended_at, session.planned_end))
    return max(times, default=None)


def _later(a: Stamp | None, b: Stamp | None) -> Stamp | None:
    if a is None or b is None:
        return a or b
    return a if a.wall >= b.wall else b
