"""Fixtures for tests of the real window, driven with pytest-qt."""

from __future__ import annotations

import pytest
from helpers import exposed
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from necktimer.core.service import SessionService
from necktimer.settings_io import SettingsFile
from necktimer.ui import theme
from necktimer.ui.app import Necktimer


class FakeChime:
    """Counts chimes; tests never play real sound."""

    def __init__(self) -> None:
        self.played = 0

    def play(self) -> bool:
        self.played += 1
        return True


class FakeBackstop:
    """Records what the app asked the backstop to watch, instead of starting a process."""

    def __init__(self) -> None:
        self.armed: list[int] = []  # sessions whose words were written after the start
        self.ahead: list[int] = []  # first ids a backstop was started for, before a start

        self.started: list[bool] = []  # whether each of those started a process too

    def __call__(self, data_dir, session, *, start=True, **_options) -> bool:
        self.armed.append(session.id)
        self.started.append(start)
        return True

    def arm_ahead(self, data_dir, first_id) -> bool:
        self.ahead.append(first_id)
        return True


@pytest.fixture(autouse=True)
def no_leftovers(qapp):
    """Fail a test that leaves a window on screen; put the theme back afterwards."""
    yield
    QApplication.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    for widget in left:
        widget.close()
    theme.apply(qapp, "system")
    assert not left, f"windows left open: {left}"


@pytest.fixture
def settings_file(data_dir, clock):
    # A profile in use: its history beside its settings. (A settings file without any
    # history is a history that was deleted, and necktimer then asks when a pack was on.)
    SessionService.open(data_dir, clock).close()
    return SettingsFile(data_dir)


@pytest.fixture
def chime():
    return FakeChime()


@pytest.fixture
def backstop():
    return FakeBackstop()


@pytest.fixture
def make_app(qapp, data_dir, clock, settings_file, chime, backstop):
    """Build a running instance (no tray, bus or sound unless asked) on the test's folder."""
    made = []

    def make(**kwargs):
        kwargs.setdefault("tray_available", False)
        kwargs.setdefault("dbus_address", None)
        kwargs.setdefault("system_bus", None)
        kwargs.setdefault("chime", chime)
        kwargs.setdefault("arm_backstop", backstop)
        kwargs.setdefault("arm_ahead", backstop.arm_ahead)
        service = SessionService.open(data_dir, clock, settings_file)
        instance = Necktimer(service, settings_file, **kwargs)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.shutdown()
        # Nothing of ours may keep waking the process after it shut down.
        running = [timer for timer in instance.findChildren(QTimer) if timer.isActive()]
        assert not running, f"timers left running: {running}"
    QApplication.processEvents()


@pytest.fixture
def necktimer(make_app, qtbot):
    instance = make_app()
    instance.start()
    exposed(instance.window)
    return instance


@pytest.fixture
def window(necktimer):
    return necktimer.window
