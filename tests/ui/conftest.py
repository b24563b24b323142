"""Fixtures for tests of the real window, driven with pytest-qt."""

import pytest
from helpers import LOCAL
from PySide6.QtWidgets import QApplication

from necktimer.ui.app import Necktimer


@pytest.fixture(autouse=True)
def no_leftovers(qapp):
    """Fail a test that leaves a window on screen or a timer of ours running."""
    yield
    QApplication.processEvents()
    left = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert not left, f"windows left open: {left}"


@pytest.fixture
def make_app(qapp, data_dir, clock):
    """Build a running instance (no tray unless asked) on the test's data folder and clock."""
    made = []

    def make(**kwargs):
        kwargs.setdefault("tray_available", False)
        instance = Necktimer(data_dir, clock, local_tz=LOCAL, **kwargs)
        made.append(instance)
        return instance

    yield make
    for instance in made:
        instance.shutdown()
        assert instance.controller.next_wake is None  # no timer left running
    QApplication.processEvents()


@pytest.fixture
def necktimer(make_app, qtbot):
    instance = make_app()
    instance.start()
    qtbot.waitExposed(instance.window)
    return instance


@pytest.fixture
def window(necktimer):
    return necktimer.window
