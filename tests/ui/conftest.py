"""Fixtures for tests of the real window, driven with pytest-qt."""

import pytest
from helpers import LOCAL
from PySide6.QtWidgets import QApplication

from necktimer.ui.app import Necktimer


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
