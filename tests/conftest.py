"""Shared fixtures: offscreen Qt, a fake clock, a private data folder per test."""

from __future__ import annotations

import os

# Set before anything imports Qt: the tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)  # never talk to the developer's desktop
os.environ.setdefault("XDG_RUNTIME_DIR", "")

import shutil
import tempfile
from pathlib import Path

import pytest
from helpers import LOCAL, T0

from necktimer.core.clock import FakeClock
from necktimer.core.service import SessionService
from necktimer.core.settings import Settings
from necktimer.core.store import Store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "profile"


@pytest.fixture
def store(data_dir: Path):
    opened = Store.open(data_dir)
    yield opened.store
    opened.store.close()


@pytest.fixture
def settings_box():
    """Settings a test may change: service(settings=...) reads them on every call."""
    box = {"value": Settings()}
    return box


@pytest.fixture
def service(store: Store, clock: FakeClock, settings_box) -> SessionService:
    return SessionService(store, clock, lambda: settings_box["value"], LOCAL)


@pytest.fixture
def reachable_tmp():
    """A folder other users can reach (pytest's own tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="necktimer-ro-"))
    os.chmod(path, 0o755)
    yield path
    for root, dirs, _files in os.walk(path):
        for name in dirs:
            os.chmod(os.path.join(root, name), 0o700)
    shutil.rmtree(path)
