"""The backstop: a small process that reminds about the pack when the window cannot.

The window arms it when a session starts (`necktimer backstop --data-dir DIR`,
detached in its own session, see `ui.backstop_launcher`). It imports no Qt,
reads only the safety record (`core.record`) and the words the window wrote
down for it, and sleeps until the planned end. From then on, once a minute
until the pack is marked removed, it asks the instance socket whether a
necktimer answers: if one does, the window reminds and the backstop stays
silent; if none does (a crash, the OOM killer, kill -9, a logout), it sends
the time's-up notification itself over D-Bus, with the same words, urgency,
hints and "Done — removed" action as the window's. Clicking that action
records the removal time like the window does.

It exits as soon as the record shows nothing left to remind about (stopped,
cancelled, removed), and only one runs per data folder; one that cannot show desktop
notifications gives way to one that can (`_take_over`). Faults make it remind
rather than fall silent: an unreadable record keeps the last facts it read,
and without a notification server it rings the terminal bell (where it still
has a terminal) and says in its log that it could not reach the user.

Wake-ups: at most one per 5 s while a session runs or awaits removal, so a
planned end passed during suspend is noticed within 5 s of resume (elapsed
time comes from the boot clock, which counts suspend); changes to the record
wake it at once through inotify.
"""

from __future__ import annotations

import contextlib
import ctypes
import enum
import fcntl
import logging
import os
import select
import subprocess
import sys
import time
from dataclasses import replace
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from necktimer.commands import Command, Reply, Request
from necktimer.core import record
from necktimer.core.alerts import ACTION_AT_END, ACTION_DEFAULT, ACTION_SHOW, Alert
from necktimer.core.backstop_words import WORDS_NAME, Words, from_json, words_for
from necktimer.core.clock import Clock, Stamp, SystemClock
from necktimer.core.files import read_small
from necktimer.core.record import SafetyFacts
from necktimer.core.resources import resource
from necktimer.core.rules import CAP, LATE_CONFIRMATION, EndReason, Session
from necktimer.core.service import REPORTED_ID, SessionService, StorageError, peek_session
from necktimer.core.timeline import Timeline
from necktimer.core.value import value
from necktimer.freedesktop import NotificationClient, NotificationsUnavailable, ServerSignal
from necktimer.instance import (
    BACKSTOP_LOCK_NAME,
    NO_DESKTOP,
    REACHES_DESKTOP,
    InstanceLock,
    Unreachable,
    ask_instance,
    backstop_reaches_desktop,
    held_elsewhere,
)
from necktimer.xdg import records_folder

log = logging.getLogger("necktimer.backstop")

LOCK_NAME = BACKSTOP_LOCK_NAME
# Held (flock) by a backstop that can reach the desktop while it asks one that cannot to
# leave it the watch; a request whose asker died is not held, so it is ignored.
HANDOVER_NAME = "backstop.handover"
HANDOVER_WAIT_S = 5.0  # for the one asked to let the lock go
LOG_NAME = "backstop.log"
WORDS_LIMIT = 1 << 20  # the window writes about 1 KiB of reminder words
LOG_LIMIT = 256 * 1024  # bytes per log file; one older file is kept
# Written by ui.backstop_launcher in the window's language: {"version": 1, "session": ID,
# "summary", "body", "repeat_body": str, "actions": [[key, label], ...], "sound": bool,
# "sound_file": str | null}.

REPEAT_S = 60.0  # between two reminders, on the boot clock
# The longest sleep while something is pending, where no boot-clock alarm can be set
# (a resume is noticed within it). With the alarm the backstop sleeps until it is due.
WAKE_S = 5.0
SAFETY_WAKE_S = 3600.0  # with the alarm: a wake-up an hour, in case all else failed
POLL_S = 1.0  # the longest sleep while the data folder cannot be watched
RESTORE_AFTER_S = 2.0  # a record gone this long, with no window to make it again: rewrite it
# A dead window refuses at once; a live one may be busy right at the planned end (it is
# ending the session too). Only a frozen window makes the backstop wait this long.
PING_TIMEOUT_S = 3.0
DONE_TIMEOUT_S = 5.0
# How long to wait for the record to show the session the backstop was armed for (its
# write may have failed on a full disk and be retried): that session is over by then.
RECORD_WAIT_S = CAP.total_seconds()
LOCK_WAIT_S = 10.0  # for a window that holds the instance lock while it starts
RECHECK_S = 5.0  # after "Open necktimer": is the window there to take over?
# The window answered at the planned end but had not shown its reminder yet (it is about
# to): ask once more this soon, in case it died in between.
ANSWERED_RECHECK_S = 1.0

FINISHED = (EndReason.STOPPED, EndReason.CANCELLED)  # the user took the pack off


def main(data_dir: Path, session_id: int | None) -> int:
    """`necktimer backstop`: watch `data_dir` until nothing is left to remind about."""
    os.umask(0o077)
    _log_to_file(data_dir)
    try:
        return _watch_while_needed(data_dir, session_id)
    except Exception:  # the last guard: say why, never a traceback to nobody
        log.exception("the backstop stopped on an unexpected error")
        return 1


def _watch_while_needed(data_dir: Path, session_id: int | None) -> int:
    lock = BackstopLock(data_dir)
    try:
        taken = lock.acquire()
    except OSError as error:  # no data folder: nothing was ever recorded to remind about
        log.warning("cannot use %s (%s); nothing to watch", data_dir, error)
        return 0
    if not taken and not _take_over(lock, data_dir):
        log.info("another backstop already watches %s; this one exits", data_dir)
        return 0
    log.info("watching %s (session %s)", data_dir, session_id)
    try:
        while True:
            backstop = Backstop(data_dir, lock, session_id)
            backstop.run()
            lock.release()
            if backstop.gave_way:
                return 0
            # A window may have armed a backstop for a new session while this one was
            # leaving; that one found the lock taken and exited. Look once more.
            if not _needs_watching(data_dir, backstop.confirmed) or not _take(lock):
                log.info("nothing left to remind about; exiting")
                return 0
            log.info("a new session appeared while exiting; watching it")
            session_id = None
    finally:
        lock.release()


class BackstopLock(InstanceLock):
    """The flock that keeps the backstop to one per data folder. Its note says the pid and
    whether that backstop can show desktop notifications."""

    def __init__(self, data_dir: Path) -> None:
        super().__init__(data_dir)
        self.path = data_dir / LOCK_NAME
        self.reaches_desktop: bool | None = None

    def say_reach(self, reaches: bool) -> None:
        if reaches != self.reaches_desktop:
            self.reaches_desktop = reaches
            self._write_note()

    def _note(self) -> str:
        reach = {True: REACHES_DESKTOP, False: NO_DESKTOP}.get(self.reaches_desktop)
        return f"{os.getpid()}\n" + (f"{reach}\n" if reach else "")


def _take_over(lock: BackstopLock, data_dir: Path) -> bool:
    """Take the watch from a backstop that cannot reach the user, when this one can.

    One started where there was no session bus (a terminal over SSH) would otherwise
    keep the lock, and a later one armed by a window on the desktop would leave: after
    a crash, nobody was reminded. This one asks through a locked handover file, and the
    other lets the lock go if it still has no notifications."""
    if backstop_reaches_desktop(data_dir) is not False:
        return False
    desktop = Desktop()
    if not desktop.connect():
        return False  # no better placed than the one that watches
    desktop.close()
    path = data_dir / HANDOVER_NAME
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    except OSError as error:
        log.warning("cannot ask the backstop that watches to give way: %s", error)
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # another backstop is asking already
        # Closing a file opened for writing is what wakes the other one (inotify).
        os.close(os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC))
        log.info("the backstop that watches %s cannot reach the desktop; asking it to give "
                 "way", data_dir)
        deadline = time.monotonic() + HANDOVER_WAIT_S
        while time.monotonic() < deadline:
            if _take(lock):
                log.info("took over the watch")
                return True
            time.sleep(0.05)
        log.info("the backstop that watches kept the watch")
        return False
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        os.close(fd)


def _take(lock: InstanceLock) -> bool:
    try:
        return lock.acquire()
    except OSError as error:
        log.warning("cannot use %s: %s", lock.path, error)
        return False


def _log_to_file(data_dir: Path) -> None:
    """Log to `backstop.log` (0600, size-capped) in the data folder: there is no terminal."""
    logging.raiseExceptions = False  # a full disk must not turn a log line into a failure
    path = data_dir / LOG_NAME
    handler: logging.Handler
    try:
        # Made here with O_NOFOLLOW and 0600; the handler then appends to it.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW
                         | os.O_CLOEXEC, 0o600))
        handler = RotatingFileHandler(path, maxBytes=LOG_LIMIT, backupCount=1,
                                      encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()  # /dev/null when detached; a terminal when run by hand
    handler.setFormatter(logging.Formatter("%(asctime)s [%(process)d] %(name)s: %(message)s"))
    top = logging.getLogger("necktimer")  # the service's and the notifier's lines too
    top.addHandler(handler)
    top.setLevel(logging.INFO)


# -- what to remind about -------------------------------------------------------------------


@value
class Watched:
    session: Session  # the latest session, placed on the current wall clock
    remaining_s: float  # until its planned end; zero or less once the pack should be off
    anchor: Stamp | None = None  # this boot's lower bound of trusted time, as read now


def what_to_watch(facts: SafetyFacts, clock: Clock,
                  anchor: Stamp | None = None) -> Watched | None:
    """The latest session if it runs or awaits removal; None when nothing is left to do.

    `anchor` is the one an earlier reading in this process found, for a record that holds
    none (made by hand): anchored afresh at every reading, a session recorded as starting
    later than now was placed at "now" each time, and its end never came."""
    sessions = [s for s in facts.sessions if s.id != REPORTED_ID]
    latest = max(sessions, key=lambda s: (s.started_at, s.id), default=None)
    if latest is None or latest.removed_at is not None or latest.end_reason in FINISHED:
        return None
    kept = facts.anchor
    if anchor is not None and (kept is None or not kept.same_boot(anchor)):
        kept = anchor  # the record's is from another boot, or it has none
    timeline = Timeline(clock, kept, floor=_latest_trusted(facts))
    moment = timeline.read()
    session = moment.place_session(latest)
    if session.end_at(moment.wall) is not None and not session.awaiting_removal(moment.wall):
        return None  # half a day past the end: the rules take the pack as off, so does this
    end = session.end_at(moment.wall) or session.planned_end
    return Watched(session, (end - moment.wall).total_seconds(), timeline.anchor)


def _latest_trusted(facts: SafetyFacts) -> datetime | None:
    times = [facts.anchor.wall] if facts.anchor else []
    times += [s.started_at for s in facts.sessions]
    return max(times, default=None)


def _read_facts(data_dir: Path) -> SafetyFacts | None:
    try:
        return record.read(data_dir)
    except StorageError:
        return None


def _needs_watching(data_dir: Path, confirmed: int | None) -> bool:
    facts = _read_facts(data_dir)
    found = what_to_watch(facts, SystemClock()) if facts else None
    return found is not None and found.session.id != confirmed


# -- the words ------------------------------------------------------------------------------


def load_words(data_dir: Path, session: Session) -> Words:
    """The window's words for `session`, or English from core.alerts when they are missing."""
    english = words_for(session, sound=True, sound_file=_default_sound())
    try:
        return from_json(read_small(data_dir / WORDS_NAME, WORDS_LIMIT), session, english)
    except FileNotFoundError:
        return english
    except (OSError, ValueError) as error:
        log.warning("cannot use %s (%s); reminding in English", WORDS_NAME, error)
        return english


def _default_sound() -> str | None:
    try:
        return str(resource("sounds", "reminder.wav"))
    except FileNotFoundError:
        return None


# -- the outside world ----------------------------------------------------------------------


def instance_reply(data_dir: Path) -> Reply | None:
    """The reply of a necktimer of this user on the folder's socket, or None."""
    try:
        return ask_instance(data_dir, Request(Command.PING), timeout=PING_TIMEOUT_S)
    except (Unreachable, OSError):
        return None


def shown_by_window(reply: Reply) -> int:
    """The id of the time's-up notification the window has on screen (0: none yet)."""
    shown = (reply.status or {}).get("time_up_notification", 0)
    return shown if isinstance(shown, int) and not isinstance(shown, bool) and shown > 0 else 0


class Removal(enum.Enum):
    """What became of a "Done" clicked on the backstop's reminder."""

    SAVED = "saved"
    NOT_SAVED = "not saved"  # neither file could take it (a full disk, a read-only folder)
    NOT_TOLD = "not told"  # a window holds the history and does not answer


def record_removal(data_dir: Path, *, at_end: bool = False) -> Removal:
    """Record that the pack is off (now, or with `at_end` when the session ended): through
    the running instance, else under its lock."""
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            reply = ask_instance(data_dir, Request(Command.DONE, at_end=at_end),
                                 timeout=DONE_TIMEOUT_S)
        except (Unreachable, OSError):
            reply = None
        if reply is not None:
            log.info("the running instance recorded the removal: %s", reply.message)
            return Removal.SAVED
        lock = InstanceLock(data_dir)
        try:
            taken = lock.acquire()
        except OSError as error:  # the folder is gone or read-only
            log.warning("the removal time was not recorded: %s", error)
            return Removal.NOT_SAVED
        if taken:
            try:
                return Removal.SAVED if _acknowledge(data_dir, at_end=at_end) else \
                    Removal.NOT_SAVED
            finally:
                lock.release()
        if time.monotonic() >= deadline:
            log.warning("necktimer holds %s but does not answer; the removal time was not "
                        "recorded", data_dir)
            return Removal.NOT_TOLD
        time.sleep(0.2)  # a window is starting: it will answer in a moment


def _acknowledge(data_dir: Path, *, at_end: bool) -> bool:
    try:
        # With the record's copy, as every writer: a removal confirmed here was missing
        # from it, and a folder deleted afterwards came back with the pack still "on".
        service = SessionService.open(data_dir, SystemClock(), mirror_folder=records_folder())
    except StorageError as error:
        log.warning("the removal time was not recorded: %s", error)
        return False
    try:
        session = service.acknowledge_removal(at_end=at_end)
        if service.unsaved() is not None:  # neither the history nor the safety record
            log.warning("the removal time was not recorded: %s", service.problem)
            return False
        if session is None:
            log.info("no pack was waiting to come off any more")
        else:
            log.info("recorded that the pack of session %d came off", session.id)
        return True
    finally:
        service.close()


def open_window(data_dir: Path) -> subprocess.Popen | None:
    """Start necktimer's window (or raise the running one) for "Open necktimer"."""
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "necktimer", "--data-dir", str(data_dir)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            cwd="/", start_new_session=True)
    except OSError as error:
        log.warning("cannot open necktimer's window: %s", error)
        return None


def ring_terminal(alert: Alert) -> bool:
    """A bell and one line on the controlling terminal, if the process still has one."""
    try:
        fd = os.open("/dev/tty", os.O_WRONLY | os.O_NOCTTY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        os.write(fd, f"\a\r\nnecktimer: {alert.summary}. {alert.body}\r\n".encode())
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


class Desktop:
    """The desktop's notification server, connected when needed and dropped when it goes."""

    def __init__(self) -> None:
        self._client: NotificationClient | None = None
        self.problem = ""  # why there is no connection, once one failed

    @property
    def connected(self) -> bool:
        return self._client is not None

    def fileno(self) -> int:
        assert self._client is not None
        return self._client.fileno()

    def connect(self) -> bool:
        if self._client is None:
            try:
                self._client = NotificationClient()
            except NotificationsUnavailable as error:
                self.problem = str(error)
                return False
            if self.problem:
                log.info("desktop notifications are back")
            self.problem = ""
        return True

    def show(self, alert: Alert, replaces_id: int, words: Words) -> int:
        """The notification's id, or 0 when it could not be shown (see `problem`)."""
        if not self.connect():
            return 0
        assert self._client is not None
        try:
            return self._client.show(alert, replaces_id=replaces_id, sound=words.sound,
                                     sound_file=words.sound_file)
        except NotificationsUnavailable as error:
            self._lost(error)
            return 0

    def withdraw(self, notification_id: int) -> None:
        if self._client is not None and notification_id:
            self._client.close_notification(notification_id)

    def signals(self) -> list[ServerSignal]:
        if self._client is None:
            return []
        try:
            return self._client.read_signals()
        except NotificationsUnavailable as error:
            self._lost(error)
            return []

    def _lost(self, error: NotificationsUnavailable) -> None:
        self.problem = str(error)
        log.warning("lost the notification server: %s", error)
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


# inotify, through libc (the standard library has no binding)
IN_CLOSE_WRITE = 0x008
IN_MOVED_TO = 0x080
IN_DELETE = 0x200
IN_DELETE_SELF = 0x400
IN_MOVE_SELF = 0x800
IN_ONLYDIR = 0x01000000
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC


# timerfd, through libc (os.timerfd_create arrives only in Python 3.13)
CLOCK_BOOTTIME = 7
TFD_NONBLOCK = os.O_NONBLOCK
TFD_CLOEXEC = os.O_CLOEXEC


class _Timespec(ctypes.Structure):
    _fields_ = (("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long))


class _Itimerspec(ctypes.Structure):
    _fields_ = (("it_interval", _Timespec), ("it_value", _Timespec))


class BootAlarm:
    """A file descriptor that becomes readable at a moment on the boot clock.

    The boot clock counts through suspend, so after a resume past the planned end
    the alarm is due at once; until then the backstop does not wake at all.
    """

    def __init__(self) -> None:
        self._fd = -1
        try:
            self._libc = ctypes.CDLL(None, use_errno=True)
            self._libc.timerfd_settime.argtypes = (
                ctypes.c_int, ctypes.c_int, ctypes.POINTER(_Itimerspec), ctypes.c_void_p)
            self._fd = self._libc.timerfd_create(CLOCK_BOOTTIME, TFD_NONBLOCK | TFD_CLOEXEC)
        except (OSError, AttributeError) as error:
            log.warning("no boot-clock alarm (%s); checking every %g s", error, WAKE_S)
            return
        if self._fd < 0:
            log.warning("no boot-clock alarm (%s); checking every %g s",
                        os.strerror(ctypes.get_errno()), WAKE_S)

    @property
    def available(self) -> bool:
        return self._fd >= 0

    def fileno(self) -> int:
        return self._fd

    def arm(self, delay: float) -> bool:
        """Ring once `delay` seconds have passed on CLOCK_BOOTTIME (suspend included);
        False if it cannot be set.

        Relative, never an absolute boot-clock reading: a process whose clocks are shifted
        (faketime, a time namespace) reads another boot time than the kernel's timer
        keeps, and an absolute moment already past there rang at once, again and again:
        the backstop spun at 100 % CPU.
        """
        if self._fd < 0:
            return False
        delay = max(delay, 0.001)
        seconds = int(delay)
        value = _Itimerspec(_Timespec(0, 0), _Timespec(seconds, int((delay - seconds) * 1e9)))
        return self._libc.timerfd_settime(self._fd, 0, ctypes.byref(value), None) == 0

    def drain(self) -> None:
        with contextlib.suppress(OSError):
            os.read(self._fd, 8)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class FolderWatch:
    """A file descriptor that becomes readable when files in the data folder change.

    Which folder is watched is checked on every wake rather than told by events:
    IN_DELETE_SELF comes only once nothing holds the deleted folder any more, and
    the backstop's own open log and lock files hold it.
    """

    MASK = IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._fd = -1
        self._wd = -1
        self._watched: tuple[int, int] | None = None  # (st_dev, st_ino) of the watched folder
        try:
            self._libc = ctypes.CDLL(None, use_errno=True)
            self._libc.inotify_add_watch.argtypes = (ctypes.c_int, ctypes.c_char_p,
                                                     ctypes.c_uint32)
            self._fd = self._libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
            problem = os.strerror(ctypes.get_errno()) if self._fd < 0 else ""
        except (OSError, AttributeError) as error:
            problem = str(error)
        if problem:
            log.warning("cannot watch the data folder (%s); checking it every %g s",
                        problem, POLL_S)
        self.ensure()

    @property
    def watching(self) -> bool:
        return self._wd >= 0

    def fileno(self) -> int:
        return self._fd

    def ensure(self) -> None:
        """Watch the folder now at the path: again after it was deleted, moved or made anew."""
        if self._fd < 0:
            return
        try:
            info = os.stat(self._folder)
            current: tuple[int, int] | None = (info.st_dev, info.st_ino)
        except OSError:
            current = None
        if self._wd >= 0 and current == self._watched:
            return
        if self._wd >= 0:
            self._libc.inotify_rm_watch(self._fd, self._wd)
            self._wd, self._watched = -1, None
        if current is not None:
            self._wd = self._libc.inotify_add_watch(self._fd, os.fsencode(self._folder),
                                                   self.MASK)
            self._watched = current if self._wd >= 0 else None

    def drain(self) -> None:
        """Forget the events: what changed is read from the record, not from them."""
        with contextlib.suppress(OSError):
            while os.read(self._fd, 64 * 1024):
                pass

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = self._wd = -1


# -- the watch ------------------------------------------------------------------------------


class Backstop:
    """Follows the record and reminds at the planned end, then every minute."""

    def __init__(self, data_dir: Path, lock: BackstopLock, session_id: int | None = None) -> None:
        self.data_dir = data_dir
        self._lock = lock  # held: no other backstop watches this folder
        self.clock = SystemClock()
        self.confirmed: int | None = None  # the session whose removal the user confirmed here
        self.gave_way = False  # to a backstop that can reach the desktop (_take_over)
        self._wanted = session_id  # the session the window armed it for
        self._born = self.clock.boottime()
        self._waiting_logged = False
        self._facts: SafetyFacts | None = None
        self._anchor: Stamp | None = None  # kept for a record that holds none (what_to_watch)
        self._gone_since: float | None = None  # boot clock: when the record was first missed
        self._restore_failed = ""  # why writing it again failed, as last logged
        self._record_problem = ""
        self._watch = FolderWatch(data_dir)
        self._alarm = BootAlarm()
        self._desktop = Desktop()
        self._session: int | None = None  # whose reminders are out
        self._notification = 0  # the id of the backstop's own notification on screen
        # The window's time's-up notification, as it last said: replaced (not stacked)
        # when the backstop takes over, and its click counts as the backstop's own.
        self._window_notification = 0
        self._rechecking = False  # asking the window again shortly after the planned end
        # The folder changed while our own bubble is up: a window launched since may be
        # reminding too. Asked at once, not at the next round a minute away, so that the
        # user does not see two time's-up bubbles for that minute.
        self._window_may_be_back = False
        self._shown = 0  # notifications shown for that session
        self._next_round: float | None = None  # boot clock; None: at the planned end
        self._windows: list[subprocess.Popen] = []

    def run(self) -> None:
        """Watch until nothing is left to remind about or the user confirmed removal."""
        self._desktop.connect()  # ready at the planned end, not connecting then
        if self._desktop.problem:
            log.warning("no desktop notifications for now (%s); will try again when the "
                        "pack must come off", self._desktop.problem)
        try:
            while True:
                try:
                    timeout = self.step()
                    if timeout is None or not self.wait(timeout):
                        return
                except Exception:
                    # A bug must not end the watch: when in doubt, remind.
                    log.exception("unexpected error; the backstop carries on")
                    time.sleep(WAKE_S)
        finally:
            self._desktop.close()
            self._watch.close()
            self._alarm.close()

    def step(self) -> float | None:
        """Bring everything up to date; returns how long to sleep, or None to leave."""
        self._windows = [child for child in self._windows if child.poll() is None]
        self._watch.ensure()  # first: a folder that is back is then also checked for its lock
        if not self._in_charge():
            log.info("the data folder was made again and another backstop watches it")
            self._withdraw()
            return None
        if self._asked_to_give_way():
            log.info("a backstop that can reach the desktop takes over; this one exits")
            self.gave_way = True
            return None
        self._refresh()
        if not self._knows_wanted():
            waited = self.clock.boottime() - self._born
            if waited < RECORD_WAIT_S:
                if not self._waiting_logged:
                    log.warning("the record does not show session %s yet; waiting for it",
                                self._wanted)
                    self._waiting_logged = True
                return self._capped(RECORD_WAIT_S - waited)
            log.warning("the record never showed session %s", self._wanted)
            self._wanted = None
        found = what_to_watch(self._facts, self.clock, self._anchor) if self._facts else None
        if found is not None:
            self._anchor = found.anchor
        if found is None:
            self._withdraw(leaving=True)
            return None
        if found.session.id != self._session:
            self._begin(found.session)
        if found.remaining_s > 0:
            return self._capped(found.remaining_s)
        now = self.clock.boottime()
        if self._window_may_be_back and self._notification and self._next_round is not None:
            self._window_may_be_back = False
            self._window_reminds(found.session)
        elif self._window_may_be_back and self._window_notification and not self._notification:
            # The folder changed: a window that quit or died closed its lock file. Its
            # bubble stays on screen, but a server may send its click only to whoever
            # showed it (dunst and Plasma do): gone, that click reached nobody until the
            # next round, a minute later (outside tester). Asked now, and replaced at once
            # (the window's own, still answering, stays: _remind asks it first).
            self._window_may_be_back = False
            self._next_round = now
        if self._next_round is None or now >= self._next_round:
            self._next_round = now + REPEAT_S
            self._remind(found.session,
                         late=-found.remaining_s >= LATE_CONFIRMATION.total_seconds())
        return self._capped(self._next_round - self.clock.boottime())

    def wait(self, timeout: float) -> bool:
        """Sleep until the timeout, a change in the folder or a signal; False: the user
        confirmed removal."""
        if not self._handle_signals():  # any that arrived during a call
            return False
        sources: list = [self._watch] if self._watch.fileno() >= 0 else []
        if self._alarm.available:
            sources.append(self._alarm)
        if self._desktop.connected:
            sources.append(self._desktop)
        readable, _, _ = select.select(sources, [], [], max(timeout, 0.0))
        if self._watch in readable:
            self._watch.drain()
            self._window_may_be_back = True  # a window launching writes the record
        if self._alarm in readable:
            self._alarm.drain()
        return self._handle_signals() if self._desktop in readable else True

    def _in_charge(self) -> bool:
        """Still the one backstop for the folder? A deleted folder takes the lock file with
        it. Once the folder is in use again (it has a record), the lock is taken again on
        the new file, or this backstop leaves it to the one that holds that. Until then
        nothing is made in it: it may be half deleted."""
        if self._lock.still_ours() or not record.record_path(self.data_dir).exists():
            return True
        self._lock.release()
        try:
            return self._lock.acquire()
        except OSError:  # gone again: nobody else can be watching it
            return True

    def _asked_to_give_way(self) -> bool:
        """Whether a backstop that can show desktop notifications asks for the watch, and
        this one still cannot (see `_take_over`). Whether it can is said in the lock."""
        asked = held_elsewhere(self.data_dir / HANDOVER_NAME)
        reaches = self._desktop.connected or (asked and self._desktop.connect())
        self._lock.say_reach(reaches)
        return asked and not reaches

    def _capped(self, seconds: float) -> float:
        """How long to sleep before what is due in `seconds` (on the boot clock).

        Events tell about changes only while the folder is watched and still the one
        the lock is in; otherwise (no inotify, a folder deleted or made again) it polls.
        With a boot-clock alarm set for the moment itself it sleeps until then (suspend
        included); without one, at most WAKE_S at a time.
        """
        seconds = max(0.0, seconds)
        # A record gone is written again RESTORE_AFTER_S later: no event comes for that.
        settled = self._watch.watching and self._lock.still_ours() and self._gone_since is None
        if not settled:
            return min(seconds, POLL_S)
        if self._alarm.arm(seconds):
            return min(seconds + 1.0, SAFETY_WAKE_S)
        return min(seconds, WAKE_S)

    def _refresh(self) -> None:
        """Read the record; when it cannot be read, keep what it said last."""
        try:
            facts = record.read(self.data_dir)
        except StorageError as error:
            self._record_unreadable(str(error))
            return
        if facts is None:
            if self._facts is not None:  # it was there: deleted, with its folder perhaps
                self._record_unreadable(f"{record.record_path(self.data_dir)} is gone")
                self._restore_record()
            return
        self._gone_since = None
        if self._facts is not None:
            # A record never forgets a session, except one made again in a folder that
            # was deleted (on a full disk, with nothing in it): what it said before stands.
            shown = {s.id for s in facts.sessions}
            forgotten = [s for s in self._facts.sessions if s.id not in shown]
            if forgotten:
                self._record_unreadable(f"{record.record_path(self.data_dir)} no longer shows "
                                        f"session {max(s.id for s in forgotten)}")
                facts = replace(facts, sessions=(*facts.sessions, *forgotten))
                self._facts = facts
                return
        self._facts, self._record_problem = facts, ""

    def _restore_record(self) -> None:
        """The record is gone (the folder deleted, say) and no window makes it again (it
        died): a later start found no trace of the pack that is on and allowed a session
        inside the gap. Once the deletion has had RESTORE_AFTER_S to finish, the record is
        written again from what this backstop knows, unless the history holds the session
        (a history made anew in the meantime does not)."""
        now = self.clock.boottime()
        if self._history_shows_watched():
            self._gone_since = None
            return  # a window died before it wrote the record: the history tells it
        if self._gone_since is None:
            self._gone_since = now
        if now - self._gone_since < RESTORE_AFTER_S or instance_reply(self.data_dir):
            return
        try:
            record.write_again(self.data_dir, self._facts)
        except StorageError as error:
            if str(error) != self._restore_failed:  # said once, not at every poll
                log.warning("cannot write the safety record again (%s); reminding from "
                            "memory", error)
                self._restore_failed = str(error)
            return
        log.warning("the safety record was gone and no window made it again; wrote it from "
                    "what this backstop knew")
        self._gone_since = None

    def _history_shows_watched(self) -> bool:
        """Whether the history in the folder holds the session being watched. Not the
        same as a history being there: one made anew (a `status` run just after the
        folder was deleted, the files deleted one by one) holds nothing of it."""
        watched = self._watched()
        if watched is None:
            return not record.nothing_left(self.data_dir)
        shown = peek_session(self.data_dir, watched.id)
        return shown is not None and shown.started_at == watched.started_at

    def _record_unreadable(self, problem: str) -> None:
        if problem != self._record_problem:
            log.warning("%s; reminding from what it said before", problem.rstrip("."))
            self._record_problem = problem

    def _knows_wanted(self) -> bool:
        """The record shows the session the backstop was armed for (or a later one); or
        the history does, when the window died between the commit and the record."""
        if self._wanted is None:
            return True
        if self._facts is not None and any(s.id >= self._wanted for s in self._facts.sessions):
            return True
        found = peek_session(self.data_dir, self._wanted)
        if found is None:
            return False
        known = self._facts or SafetyFacts(())
        self._facts = replace(known, sessions=(*known.sessions, found))
        return True

    def _watched(self) -> Session | None:
        """The session whose reminders are out, as the record last showed it."""
        sessions = self._facts.sessions if self._facts else ()
        return next((s for s in sessions if s.id == self._session), None)

    def _begin(self, session: Session) -> None:
        self._withdraw()
        log.info("watching session %d (%s, ends %s)", session.id, session.therapy.value,
                 session.planned_end.isoformat(timespec="seconds"))
        self._session, self._shown, self._next_round = session.id, 0, None

    def _window_reminds(self, session: Session) -> bool:
        """Whether a window answers (it reminds then, and the backstop's bubble goes)."""
        reply = instance_reply(self.data_dir)
        if reply is None:
            return False
        shown = shown_by_window(reply)
        self._window_notification = shown or self._window_notification
        log.info("session %d: necktimer answers and reminds; the backstop stays silent",
                 session.id)
        self._withdraw()
        if not shown and not self._rechecking:
            # It has not shown the reminder yet and may die before it does.
            self._rechecking = True
            self._next_round = self.clock.boottime() + ANSWERED_RECHECK_S
        else:
            self._rechecking = False
        return True

    def _remind(self, session: Session, *, late: bool) -> None:
        if self._window_reminds(session):
            return
        self._rechecking = False
        words = load_words(self.data_dir, session)
        # After the window's own reminders, the backstop's is a repeat, not a first.
        first = self._shown == 0 and not self._window_notification
        alert = words.first if first else words.again
        if late:  # confirming "now" would start the gap late: offer the end too
            alert = words.late(alert)
        notification = self._desktop.show(alert, self._notification or self._window_notification,
                                          words)
        if notification:
            log.info("session %d: necktimer does not answer; time's-up notification %d sent",
                     session.id, notification)
            self._notification = notification
            self._shown += 1
            return
        self._notification = 0
        rang = ring_terminal(alert)
        log.warning("session %d: time's up, but the user could not be reached: no desktop "
                    "notifications (%s); %s", session.id, self._desktop.problem,
                    "rang the terminal bell" if rang else "no terminal either")

    def _handle_signals(self) -> bool:
        for signal in self._desktop.signals():
            ours = {self._notification, self._window_notification} - {0}
            if signal.notification_id not in ours:
                continue  # another program's, or one already withdrawn
            if signal.member == "NotificationClosed":
                log.info("notification %d dismissed; the next reminder is a fresh one",
                         signal.notification_id)
                if signal.notification_id == self._notification:
                    self._notification = 0
                if signal.notification_id == self._window_notification:
                    self._window_notification = 0
            elif signal.value in (ACTION_DEFAULT, ACTION_AT_END):
                self._confirm(at_end=signal.value == ACTION_AT_END)
                return False
            elif signal.value == ACTION_SHOW and (window := open_window(self.data_dir)):
                self._windows.append(window)
                self._next_round = self.clock.boottime() + RECHECK_S  # it takes over then
        return True

    def _confirm(self, *, at_end: bool) -> None:
        log.info("the user confirmed that the pack of session %s is off%s", self._session,
                 " since its end" if at_end else "")
        # Confirmed is confirmed: the reminders stop even if the time could not be written,
        # but the user is told once that it was not, and why (the gap runs from when it
        # is). A window that does not answer reminds again once it runs. The bubble goes
        # at once, not after the 10 s a frozen window gets to answer.
        self.confirmed = self._session
        self._withdraw(leaving=True)
        kept = record_removal(self.data_dir, at_end=at_end)
        if kept is not Removal.SAVED and (session := self._watched()) is not None:
            words = load_words(self.data_dir, session)
            said = words.not_told if kept is Removal.NOT_TOLD else words.not_saved
            self._desktop.show(said, 0, words)

    def _withdraw(self, *, leaving: bool = False) -> None:
        """Take back the backstop's notification; when it leaves, also the one a window
        that has since died left on screen (its buttons would do nothing now)."""
        if self._notification:
            self._desktop.withdraw(self._notification)
            self._notification = 0
        if leaving and self._window_notification:
            if instance_reply(self.data_dir) is None:
                self._desktop.withdraw(self._window_notification)
            self._window_notification = 0
