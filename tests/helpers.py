"""Constants and small helpers the tests share (imported as `helpers`)."""

from __future__ import annotations

import configparser
import contextlib
import errno
import os
import resource
import shutil
import signal
import sqlite3
import stat
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from necktimer.core.clock import FakeClock, SystemClock
from necktimer.core.diary import Pain
from necktimer.core.rules import Therapy
from necktimer.core.settings import Settings

# A fixed zone with no daylight saving, so displayed times are the same everywhere.
LOCAL = timezone(timedelta(hours=1), "CET")
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 local
REPO = Path(__file__).resolve().parents[1]


@dataclass
class Box:
    """A settings source with a value the test sets."""

    current: Settings = field(default_factory=Settings)

    def set(self, **changes) -> None:
        self.current, _ = self.current.replace(**changes)


def rows(data_dir: Path) -> list[sqlite3.Row]:
    """The session rows as another program sees them: a second, independent connection."""
    connection = sqlite3.connect(data_dir / "necktimer.sqlite3")
    connection.row_factory = sqlite3.Row
    try:
        return connection.execute("SELECT * FROM sessions ORDER BY id").fetchall()
    finally:
        connection.close()


def as_nobody() -> list[str]:
    """Command prefix that drops root (which ignores file modes) to the user nobody."""
    if os.geteuid() != 0:
        return []
    assert shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root"
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


def pure_python_copy(into: Path) -> tuple[list[str], dict[str, str]]:
    """A command prefix and environment that run necktimer's Qt-free code as the user nobody.

    The checkout and its virtual environment may sit in a folder other users cannot enter
    (a 0700 home), so the package is copied to `into` and run by the system's Python.
    """
    system_python = shutil.which("python3", path="/usr/bin:/bin")
    assert system_python, "a system python3 is needed to run code as another user"
    target = into / "src"
    shutil.copytree(REPO / "necktimer", target / "necktimer",
                    ignore=shutil.ignore_patterns("__pycache__", "ui"))
    for root, _dirs, files in os.walk(into):
        os.chmod(root, 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(target), "LC_ALL": "C.UTF-8"}
    return [*as_nobody(), system_python], env


def nobody_can_run_here() -> str | None:
    """Why the user nobody cannot run this checkout's Python (a 0700 folder on the way), or None."""
    if os.geteuid() != 0:
        return None
    for path in (REPO, Path(sys.executable).resolve(), Path(sys.prefix)):
        for folder in (path, *path.parents):
            mode = folder.stat().st_mode
            if folder.is_dir() and not mode & stat.S_IXOTH:
                return f"{folder} cannot be entered by other users (mode {oct(mode & 0o777)})"
    return None


def tick(instance, clock, seconds: float) -> None:
    """Time passes and the app's controller wakes, as its timer would."""
    clock.advance(seconds)
    instance.controller.refresh()


class ClockBehind(SystemClock):
    """This machine's clocks as they read `seconds` ago: wall and boot clock alike.

    A service opened with it records a session "started `seconds` ago" that a real
    process on this machine (same boot) then sees exactly as such.
    """

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self._behind = seconds

    def now(self) -> datetime:
        return super().now() - timedelta(seconds=self._behind)

    def boottime(self) -> float:
        return super().boottime() - self._behind


@dataclass(frozen=True)
class Entry:
    """One session as the user had it: how long it was set for and how long the pack was on."""

    therapy: Therapy
    minutes: int
    on_for: int | None = None  # seconds until Stop; None: it ran to its end
    before: int | None = None
    after: int | None = None
    note: str | None = None


def live_through(service, clock, entry: Entry, *, rest_h: float = 3) -> int:
    """Live through one session with the service, then rest `rest_h` hours from its start."""
    outcome = service.start(entry.therapy, entry.minutes)
    assert outcome.ok, outcome.message
    session_id = outcome.session.id
    if entry.on_for is None:
        clock.advance(entry.minutes * 60)
        service.tick()
        service.acknowledge_removal()
    else:
        clock.advance(entry.on_for)
        assert service.stop().ok
    for which, value in ((Pain.BEFORE, entry.before), (Pain.AFTER, entry.after)):
        if value is not None:
            service.record_pain(session_id, which, value)
    if entry.note is not None:
        service.record_note(session_id, entry.note)
    clock.advance(rest_h * 3600 - (entry.on_for or entry.minutes * 60))
    return session_id


def exposed(widget, timeout_ms: int = 5000) -> None:
    """Wait until a shown widget's window is on screen. (pytest-qt 4's
    `qtbot.waitExposed(w)` waits only as a `with` block around the show; called
    on its own, as after a start that shows the window itself, it does nothing.)"""
    from PySide6.QtTest import QTest

    assert QTest.qWaitForWindowExposed(widget, timeout_ms), f"{widget!r} never came on screen"


def text_of(label) -> str:
    """A label's text as words: the window keeps a number and its unit on one line with a
    no-break space ("15\u00a0min"), which reads as a space."""
    return label.text().replace("\u00a0", " ")


@contextlib.contextmanager
def nothing_can_grow():
    """Every file write that would grow a file fails (EFBIG), as on a full disk: the
    history's journal and the safety record's new copy alike. This process only."""
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)


def settings_on_disk(data_dir: Path, key: str) -> str | None:
    """A value as the settings file holds it: a QSettings in this process would answer
    from Qt's shared cache, which holds what was set even when the file did not take it."""
    parser = configparser.ConfigParser()
    parser.read(data_dir / "settings.ini")
    return parser.get("General", key, fallback=None)


def turn_wheel(box, notches: int) -> None:
    """The mouse wheel turned `notches` down over `box`. (Sent to the box itself: Qt
    passes a real wheel on from the text field under the pointer, not a sent one.)"""
    from PySide6.QtCore import QPoint, QPointF, Qt
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(box.rect().center())
    QApplication.sendEvent(box, QWheelEvent(
        centre, QPointF(box.mapToGlobal(centre)), QPoint(0, 0), QPoint(0, -120 * notches),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False))


def point_zone(link: Path, zone: str) -> None:
    """Make `link` name `zone`'s zone file, replacing it as timedatectl replaces
    /etc/localtime (a new link renamed over the old one)."""
    new = link.with_name(link.name + ".new")
    new.symlink_to(Path("/usr/share/zoneinfo") / zone)
    new.replace(link)


def tab_stops(qtbot, start, *, most: int = 60) -> list:
    """Every widget Tab reaches from `start` (focused now) until it comes back to it, in
    order; fails if it never comes back within `most` presses."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    start.setFocus()
    stops = []
    for _ in range(most):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            return stops
        stops.append(focused)
    raise AssertionError(f"Tab never came back to {start!r}")


def ended_under_a_longer_gap(data_dir: Path, clock, *, garble_setting: bool = False) -> None:
    """A 15-minute ice session that ran out under a 4-hour gap, its pack confirmed off at
    once; then, if asked, the gap setting garbled (so the settings say 2 h)."""
    from necktimer.core.service import FixedSettings, SessionService

    service = SessionService.open(data_dir, clock, FixedSettings(Settings(gap_minutes=240)))
    assert service.start(Therapy.ICE, 15).ok
    clock.advance(15 * 60)
    service.tick()
    service.acknowledge_removal()
    service.close()
    if garble_setting:
        (data_dir / "settings.ini").write_text("[General]\ngap_minutes=abc\n")


def started_ago(data_dir, minutes_ago: float, length: int, therapy=Therapy.ICE):
    """A session started `minutes_ago` on this machine's clocks (wall and boot alike)."""
    real = SystemClock()
    clock = FakeClock(datetime.now(UTC) - timedelta(minutes=minutes_ago))
    clock.advance(0)
    clock._boot_id = real.boot_id()  # noqa: SLF001 - a fake clock on this very boot
    clock._boottime = real.boottime() - minutes_ago * 60  # noqa: SLF001
    from necktimer.core.service import SessionService

    service = SessionService.open(data_dir, clock)
    outcome = service.start(therapy, length)
    return service, clock, outcome


def remove_folder(path: Path) -> None:
    """`rm -rf` a data folder that a live backstop may be writing into: its safety record
    or log can appear between rmtree's emptying and its rmdir ("Directory not empty"),
    as it would for a person, who runs the command again. Tries until the folder is gone."""
    for _ in range(50):
        if not os.path.lexists(path):
            return
        try:
            shutil.rmtree(path)
        except FileNotFoundError:
            continue  # a file went (a log rotated) while rmtree listed it
        except OSError as error:
            if error.errno != errno.ENOTEMPTY:
                raise
    if os.path.lexists(path):
        raise AssertionError(f"{path} kept being written into while it was deleted")
