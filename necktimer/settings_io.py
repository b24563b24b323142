"""The settings file (QSettings, INI format) in the data folder, as one typed provider.

Every read goes through `Settings.from_raw`, which clamps each value into its
safe range; everyone who needs settings reads `.current` and may listen to
`changed`.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from necktimer.core.i18n import arg, translate
from necktimer.core.settings import Settings

log = logging.getLogger("necktimer.settings")

SETTINGS_NAME = "settings.ini"


class SettingsFile(QObject):
    changed = Signal(object)  # the new Settings

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
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

    def save(self, settings: Settings) -> str | None:
        """Keep `settings` (in memory at once, on disk if it can); returns a problem, if any."""
        changed = settings != self.current
        self.current = settings
        for key, value in settings.to_raw().items():
            self._qsettings.setValue(key, value)
        self._qsettings.sync()
        with contextlib.suppress(OSError):  # health-related preferences stay private
            os.chmod(self.path, 0o600)
        problem = None
        if self._qsettings.status() != QSettings.Status.NoError:
            problem = arg(translate("Settings", "The settings could not be saved to %1; "
                                                "they apply until necktimer quits."),
                          str(self.path))
            log.warning("could not write %s", self.path)
        if changed:
            self.changed.emit(settings)
        return problem

    def update(self, **changes: object) -> str | None:
        settings, _warnings = self.current.replace(**changes)
        return self.save(settings)
