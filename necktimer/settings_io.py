"""Reads and writes the settings file (QSettings, INI format) in the data folder."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QSettings

from necktimer.core.settings import Settings

log = logging.getLogger("necktimer.settings")

SETTINGS_NAME = "settings.ini"


class SettingsFile:
    """One settings file; every read goes through Settings.from_raw, which clamps."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / SETTINGS_NAME
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.warnings: list[str] = []
        self.current = self.load()

    def load(self) -> Settings:
        self._qsettings.sync()
        raw = {key: self._qsettings.value(key) for key in self._qsettings.allKeys()}
        settings, self.warnings = Settings.from_raw(raw)
        for warning in self.warnings:
            log.warning("%s (%s)", warning, self.path)
        self.current = settings
        return settings

    def save(self, settings: Settings) -> None:
        for key, value in settings.to_raw().items():
            self._qsettings.setValue(key, value)
        self._qsettings.sync()
        with contextlib.suppress(OSError):  # health-related preferences stay private
            os.chmod(self.path, 0o600)
        if self._qsettings.status() != QSettings.Status.NoError:
            log.warning("could not write %s", self.path)
        self.current = settings

    def __call__(self) -> Settings:
        return self.current
