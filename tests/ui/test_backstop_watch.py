"""The window follows the backstop that watches a pack that is on, and starts one again
when it ends. Real processes stand in for backstops (found, as the real one is, by their
command line); their end is seen through a pidfd, no polling."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from helpers import T0

from necktimer.core.rules import Session, Therapy
from necktimer.ui.backstop_watch import LIVED_S, MOST_REARMS, BackstopWatch, stopped

SESSION = Session(id=7, therapy=Therapy.ICE, started_at=T0, planned_end=T0 + timedelta(minutes=15))


class Backstops:
    """Starts stand-in backstops for a folder when armed, and ends them when asked."""

    def __init__(self, data_dir, *, stay: bool = True) -> None:
        self.data_dir = data_dir
        self.stay = stay
        self.started: list[subprocess.Popen] = []

    def arm(self, session: Session) -> None:
        assert session.id == SESSION.id
        wait = "import time; time.sleep(120)" if self.stay else "pass"
        self.started.append(subprocess.Popen(
            [sys.executable, "-c", wait, "necktimer", "backstop", "--data-dir",
             str(self.data_dir)]))

    def kill(self, process: subprocess.Popen) -> None:
        process.kill()
        process.wait(timeout=10)

    def close(self) -> None:
        for process in self.started:
            if process.poll() is None:
                self.kill(process)


@pytest.fixture
def watch_for(qtbot, data_dir):
    made = []

    def make(backstops: Backstops, pack_on=lambda: SESSION, **kwargs) -> BackstopWatch:
        watch = BackstopWatch(data_dir, pack_on, backstops.arm, **kwargs)
        made.append((watch, backstops))
        return watch

    yield make
    for watch, backstops in made:
        watch.stop()
        backstops.close()


def test_a_backstop_killed_while_the_pack_is_on_is_started_again(qtbot, data_dir, watch_for):
    backstops = Backstops(data_dir)
    backstops.arm(SESSION)  # as the window does when the pack goes on
    watch = watch_for(backstops)
    watch.follow()
    first = backstops.started[0]
    qtbot.waitUntil(lambda: watch.pid == first.pid)
    backstops.kill(first)  # out of memory, or a stray kill -9
    qtbot.waitUntil(lambda: len(backstops.started) == 2)
    again = backstops.started[1]
    qtbot.waitUntil(lambda: watch.pid == again.pid)  # and that one is followed in turn
    assert again.poll() is None


def test_one_that_ends_when_no_pack_is_on_is_left_ended(qtbot, data_dir, watch_for):
    backstops = Backstops(data_dir)
    backstops.arm(SESSION)
    pack = [SESSION]
    watch = watch_for(backstops, pack_on=lambda: pack[0])
    watch.follow()
    first = backstops.started[0]
    qtbot.waitUntil(lambda: watch.pid == first.pid)
    pack[0] = None  # the pack came off: the backstop leaves, as it should
    backstops.kill(first)
    qtbot.waitUntil(lambda: watch.pid is None)
    qtbot.wait(50)
    assert len(backstops.started) == 1


def test_another_backstop_still_there_is_followed_not_doubled(qtbot, data_dir, watch_for):
    """Two were running (one handing over to the other): the end of one arms nothing."""
    backstops = Backstops(data_dir)
    backstops.arm(SESSION)
    backstops.arm(SESSION)
    watch = watch_for(backstops)
    watch.follow()
    qtbot.waitUntil(lambda: watch.pid is not None)
    followed = next(p for p in backstops.started if p.pid == watch.pid)
    other = next(p for p in backstops.started if p is not followed)
    backstops.kill(followed)
    qtbot.waitUntil(lambda: watch.pid == other.pid)
    assert len(backstops.started) == 2


def test_one_that_leaves_at_once_every_time_is_tried_each_minute_and_said(qtbot, data_dir,
                                                                          watch_for):
    """Five in a row, then once a minute (not never again: killed again and again, out of
    memory say, the window gave up for good and said nothing, and its crash then lost the
    reminder; outside tester). Meanwhile the window is told none watches."""
    backstops = Backstops(data_dir, stay=False)
    told = []
    watch = watch_for(backstops, retry_ms=2000, lived_ms=300)
    watch.unwatched.connect(told.append)
    watch.follow()  # none is there: one is started, leaves, is started again …
    qtbot.waitUntil(lambda: len(backstops.started) == MOST_REARMS)
    qtbot.waitUntil(lambda: told == [True])
    for process in backstops.started:
        process.wait(timeout=10)
    assert len(backstops.started) == MOST_REARMS  # the next comes a retry later
    backstops.stay = True  # whatever ended them has stopped
    qtbot.waitUntil(lambda: len(backstops.started) == MOST_REARMS + 1, timeout=10000)
    qtbot.waitUntil(lambda: watch.pid == backstops.started[-1].pid)
    qtbot.waitUntil(lambda: told == [True, False])  # it watched a while: said no more


def test_quitting_makes_sure_at_once(data_dir, watch_for):
    """A backstop killed just before a quit: the look a moment later never came, and the
    window left nobody to remind (outside tester)."""
    backstops = Backstops(data_dir)
    watch = watch_for(backstops)
    watch.make_sure()  # no event loop turn: at once
    assert len(backstops.started) == 1


def test_only_backstops_that_leave_at_once_count_toward_the_limit(qtbot, data_dir,
                                                                    watch_for):
    """Killed every few seconds, the fifth replacement was the last, for the rest of the
    session and its time's up; one that watched a while is no sign of a broken one."""
    boot = [0.0]
    backstops = Backstops(data_dir)
    watch = watch_for(backstops, boot_clock=lambda: boot[0])
    watch.follow()
    for kill in range(MOST_REARMS + 2):
        qtbot.waitUntil(lambda kill=kill: len(backstops.started) == kill + 1
                        and watch.pid == backstops.started[-1].pid)
        boot[0] += LIVED_S  # it watched that long
        backstops.kill(backstops.started[-1])
    qtbot.waitUntil(lambda: len(backstops.started) == MOST_REARMS + 3)


DYING = """
import fcntl, os, signal, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, f"{os.getpid()}\\n".encode())
def leave(*_):
    time.sleep(0.1)  # still holding the lock while it goes
    os._exit(0)
signal.signal(signal.SIGTERM, leave)
print("held", flush=True)
time.sleep(120)
"""


def test_a_backstop_ending_as_the_window_quits_is_not_taken_as_watching(data_dir, watch_for):
    """Killed a moment before the window quit, the backstop still held its lock while it
    exited: the window took it as watching, and nobody was left (outside tester)."""
    data_dir.mkdir(parents=True)
    dying = subprocess.Popen([sys.executable, "-c", DYING, str(data_dir / "backstop.lock")],
                             stdout=subprocess.PIPE, text=True)
    assert dying.stdout.readline().strip() == "held"
    backstops = Backstops(data_dir)
    watch = watch_for(backstops)
    dying.terminate()
    watch.make_sure(settle_s=5)
    dying.communicate(timeout=10)  # reaps it and closes the pipe
    assert len(backstops.started) == 1


def wait_stopped(pid: int) -> None:
    """A signal is delivered in a moment, not by the time kill() returns."""
    for _ in range(500):
        if stopped(pid):
            return
        time.sleep(0.01)
    raise AssertionError(f"{pid} did not stop")


def test_a_stopped_backstop_is_ended_and_another_watches(data_dir, watch_for):
    """Stopped (SIGSTOP), a backstop held its lock and reminded of nothing: a window
    quitting beside it left the pack's end unsaid (outside tester)."""
    data_dir.mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", DYING, str(data_dir / "backstop.lock"),
                               "necktimer", "backstop", "--data-dir", str(data_dir)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGSTOP)
    wait_stopped(holder.pid)
    backstops = Backstops(data_dir)
    watch = watch_for(backstops)
    watch.make_sure(settle_s=5)
    holder.communicate(timeout=10)
    assert holder.returncode == -signal.SIGKILL
    assert len(backstops.started) == 1


def test_a_stopped_process_that_is_no_backstop_of_the_folder_is_left_alone(data_dir,
                                                                            watch_for):
    """The lock's note names a pid; one that is not this folder's backstop (a pid used
    again by a stopped job of the user's) is never killed."""
    data_dir.mkdir(parents=True)
    holder = subprocess.Popen([sys.executable, "-c", DYING, str(data_dir / "backstop.lock")],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGSTOP)
    wait_stopped(holder.pid)
    try:
        watch = watch_for(Backstops(data_dir))
        watch.make_sure(settle_s=0.2)
        assert holder.poll() is None
    finally:
        holder.kill()
        holder.communicate(timeout=10)
