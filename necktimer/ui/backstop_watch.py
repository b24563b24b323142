"""Keeps a backstop watching while a pack is on: one that ends (killed, out of memory)
is started again.

The window armed the backstop when a pack went on and when its data folder changed, and
nothing noticed a backstop that died while the window lived: a crash of the window after
that left nobody to say when to take the pack off (outside tester). The window now holds
a pidfd of the backstop that watches (Linux 5.3): the kernel makes it readable when that
process ends, so waiting costs no wake-up at all. A moment later (a handover between two
backstops, or one still starting, is found by its command line) it arms one again if a
pack is still on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

from necktimer.core.rules import Session
from necktimer.instance import BACKSTOP_LOCK_NAME, backstop_pids, held_elsewhere, read_note

log = logging.getLogger("necktimer.backstop")

# A moment to let several ends and arms come to one look. A backstop just started, or one
# taking over from another, is found by its command line before it holds the lock (not
# at once: for a moment after its exec the kernel shows an empty command line); the
# shorter this is, the shorter the time a crash of the window leaves nobody watching.
FOLLOW_DELAY_MS = 100
# A backstop that leaves at once every time (it sees no pack on where the window sees
# one) is started again this often in a row, then once a minute. One that watched at
# least LIVED_S was no such backstop: its end does not count.
MOST_REARMS = 5
RETRY_MS = 60_000
LIVED_S = 10.0


def watching_pid(data_dir: Path) -> int | None:
    """The backstop watching `data_dir`: the holder of its lock, else one still starting
    or handing over (by its command line); None when there is none."""
    lock = data_dir / BACKSTOP_LOCK_NAME
    if held_elsewhere(lock):
        note = read_note(lock)
        if note and note[0].isascii() and note[0].isdigit():
            return int(note[0])
    pids = backstop_pids(data_dir)
    return pids[0] if pids else None


def stopped(pid: int) -> bool:
    """Whether the process is stopped (SIGSTOP, a debugger): it holds its lock and reminds
    of nothing until it is continued, so it is not counted on to remind."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            state = file.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state in (b"T", b"t")


class BackstopWatch(QObject):
    """`follow()` after a backstop is armed; `pack_on()` says which session needs one,
    `arm(session)` starts one."""

    # True while a pack is on and no backstop will stay to watch it (each started ended
    # at once, killed again and again, say): a crash of the window would then leave the
    # pack's end unsaid, and the window says so. False once one has watched a while.
    unwatched = Signal(bool)

    def __init__(self, data_dir: Path, pack_on: Callable[[], Session | None],
                 arm: Callable[[Session], None], parent: QObject | None = None, *,
                 boot_clock: Callable[[], float] = time.monotonic,
                 retry_ms: int = RETRY_MS, lived_ms: int = int(LIVED_S * 1000)) -> None:
        super().__init__(parent)
        self._data_dir = data_dir
        self._boot_clock = boot_clock
        self._held_since = 0.0
        self._pack_on = pack_on
        self._arm = arm
        self._look = QTimer(self, singleShot=True, interval=FOLLOW_DELAY_MS)
        self._look.timeout.connect(self._look_now)
        self._pid: int | None = None
        self._pidfd: int | None = None
        self._notifier: QSocketNotifier | None = None
        self._rearmed: dict[int, int] = {}  # session id: backstops started again for it
        self._retry_ms = retry_ms
        self._unwatched = False
        # A backstop followed this long watches: the limit starts again, and what the
        # window said of none watching goes.
        self._proven = QTimer(self, singleShot=True, interval=lived_ms)
        self._proven.timeout.connect(self._watched_a_while)

    @property
    def no_one_watches(self) -> bool:
        """Whether it last said that no backstop stays to watch the pack (`unwatched`)."""
        return self._unwatched

    @property
    def pid(self) -> int | None:
        """The backstop being followed, if any."""
        return self._pid

    def follow(self) -> None:
        """Find the backstop that watches, a moment from now, and follow it."""
        self._look.start(FOLLOW_DELAY_MS)

    def make_sure(self, settle_s: float = 0.0) -> None:
        """Look now, not in a moment: the window is quitting, and a backstop that ended
        just before (the moment's look not made yet) left nobody to remind (outside
        tester). With `settle_s`, wait that long for the one found to end: one killed
        just before still holds its lock while it exits, and was taken as watching."""
        self._look.stop()
        self._look_now()
        if settle_s > 0 and self._pidfd is not None:
            ending, _, _ = select.select([self._pidfd], [], [], settle_s)
            if ending:
                self._let_go()
                self._look.stop()
                self._look_now()

    def stop(self) -> None:
        self._look.stop()
        self._proven.stop()
        self._let_go()
        self._say_unwatched(False)

    def _look_now(self) -> None:
        session = self._pack_on()
        if session is None:
            self._let_go()
            self._say_unwatched(False)
            return
        pid = watching_pid(self._data_dir)
        if pid is not None and stopped(pid) and pid in backstop_pids(self._data_dir):
            # It holds the lock and reminds of nothing until continued: a window that
            # quit beside one left the pack's end unsaid (outside tester). It is ended,
            # and its end brings another.
            log.warning("the backstop %d is stopped; ending it so that another watches", pid)
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        if pid is None:
            self._let_go()
            self._arm_again(session)
        elif pid != self._pid:
            self._hold(pid)

    def _arm_again(self, session: Session) -> None:
        times = self._rearmed.get(session.id, 0)
        if times >= MOST_REARMS:
            # Not given up for good: the killed-again-and-again kind (out of memory) may
            # stop, and the window said nothing while a crash would have lost the
            # reminder (outside tester). It is said, and tried again each minute.
            if not self._unwatched:
                log.warning("no backstop watches session %d: the %d started again have "
                            "all ended at once; trying once a minute", session.id, times)
            self._say_unwatched(True)
            if self._look.isActive():
                return
            self._look.start(self._retry_ms)
            # The look then finds one below the limit: it starts one backstop, and is back
            # here if that one leaves at once too.
            self._rearmed[session.id] = times - 1
            return
        self._rearmed[session.id] = times + 1
        log.warning("no backstop watches session %d, whose pack is on; starting one",
                    session.id)
        self._arm(session)
        self._look.start(FOLLOW_DELAY_MS)

    def _hold(self, pid: int) -> None:
        self._let_go()
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:  # ended since it was found
            self._look.start(FOLLOW_DELAY_MS)
            return
        except (OSError, AttributeError) as error:  # no pidfds here: a kernel before 5.3
            log.warning("cannot follow the backstop %d: %s", pid, error)
            return
        self._pid, self._pidfd = pid, fd
        self._held_since = self._boot_clock()
        self._proven.start()
        self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._ended)

    def _ended(self) -> None:
        log.info("the backstop %s has ended", self._pid)
        if self._boot_clock() - self._held_since >= LIVED_S:
            self._rearmed.clear()  # it watched: its end is no sign of one that cannot
        self._let_go()
        self._look.start(FOLLOW_DELAY_MS)

    def _watched_a_while(self) -> None:
        if self._pid is not None:
            self._rearmed.clear()
            self._say_unwatched(False)

    def _say_unwatched(self, unwatched: bool) -> None:
        if unwatched != self._unwatched:
            self._unwatched = unwatched
            self.unwatched.emit(unwatched)

    def _let_go(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._pidfd is not None:
            os.close(self._pidfd)
            self._pidfd = None
        self._pid = None
