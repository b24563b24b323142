"""Shared fixtures: offscreen Qt, a pinned locale and time zone, a fake clock, a private folder."""

from __future__ import annotations

import os
import tempfile

# Set before anything imports Qt: the tests never need a display, never talk to the
# developer's desktop or system bus, and read times the same on every machine.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = "unix:path=/nonexistent/necktimer-tests"
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)
os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="nt-run-")  # 0700, short socket paths
# The safety record's copies (one per data folder) go here, not into the user's home.
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="nt-state-")

import contextlib
import shutil
import signal
from pathlib import Path

import pytest
from helpers import LOCAL, T0, Box

from necktimer.core import i18n
from necktimer.core.clock import FakeClock
from necktimer.core.service import SessionService


@pytest.fixture(scope="session", autouse=True)
def no_backstop_left_behind(tmp_path_factory):
    """Backstops armed by windows that tests started and killed would remind forever.

    Only this test session's own: their data folders are under its base folder.
    """
    yield
    temporary = str(tmp_path_factory.getbasetemp())
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            words = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        args = [w.decode(errors="replace") for w in words]
        if "backstop" in args and "necktimer" in args and any(
                a.startswith(temporary) for a in args):
            with contextlib.suppress(OSError):
                os.kill(int(pid), signal.SIGTERM)


@pytest.fixture(autouse=True)
def pinned_presentation():
    """English, 24-hour times and a fixed zone for every test; a test may change it."""
    i18n.reset()
    i18n.install(tz=LOCAL)
    yield
    i18n.reset()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def settings_box() -> Box:
    """Settings a test may change: the service reads `.current` on every call."""
    return Box()


@pytest.fixture
def service(data_dir: Path, clock: FakeClock, settings_box: Box):
    opened = SessionService.open(data_dir, clock, settings_box)
    yield opened
    opened.close()


@pytest.fixture
def reachable_tmp():
    """A folder other users can reach (pytest's own tmp_path may be private to root)."""
    path = Path(tempfile.mkdtemp(prefix="necktimer-ro-", dir="/tmp"))
    os.chmod(path, 0o755)
    yield path
    for root, dirs, _files in os.walk(path):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o700)
    shutil.rmtree(path)


@pytest.fixture
def bus():
    """A private D-Bus session bus (nothing of the host's is ever activated on it)."""
    from support.bus import PrivateBus

    running = PrivateBus()
    yield running
    running.stop()


@pytest.fixture
def server(bus):
    """The test notification server on the private bus."""
    from support.bus import NotificationServer

    serving = NotificationServer(bus)
    yield serving
    serving.stop()
