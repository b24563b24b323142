"""The settings file (QSettings, INI format) in the data folder, as one typed provider.

Every read goes through `Settings.from_raw`, which clamps each value into its
safe range; everyone who needs settings reads `.current` and may listen to
`changed`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from necktimer.core.i18n import arg, translate
from necktimer.core.settings import SETTINGS_NAME, Settings, unreadable

log = logging.getLogger("necktimer.settings")

__all__ = ["SETTINGS_NAME", "SettingsFile"]


SETTINGS_LIMIT = 1 << 20  # bytes; ours are a few hundred


def _unusable(path: Path) -> str | None:
    """Why the file at `path` cannot be our settings (a FIFO, a device, a huge file), or
    None when it can (or is not there yet). A link to a regular file is fine."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as error:
        return error.strerror or str(error)
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > SETTINGS_LIMIT:
        return f"larger than {SETTINGS_LIMIT} bytes"
    return None


class SettingsFile(QObject):
    changed = Signal(object)  # the new Settings
    problemChanged = Signal()  # `problem` came or went: the file could (not) take a save

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = data_dir / SETTINGS_NAME
        # QSettings reads the file as it is made: a FIFO there would hang it for good.
        self._unusable = _unusable(self.path)
        self._qsettings = (None if self._unusable
                           else QSettings(str(self.path), QSettings.Format.IniFormat))
        self.warnings: list[str] = []
        self.problem: str | None = None  # why `current` differs from the file: a save failed
        self.current = self.load()

    def load(self) -> Settings:
        if self._qsettings is None:
            settings, self.warnings = Settings(), [arg(translate(
                "Settings", "%1 cannot be used (%2); the default settings apply."),
                str(self.path), self._unusable or "")]
        else:
            self._qsettings.sync()
            raw = {key: self._qsettings.value(key) for key in self._qsettings.allKeys()}
            settings, self.warnings = Settings.from_raw(
                {key: as_written(value) for key, value in raw.items()})
            if (why := self._unreadable(raw)) is not None:
                self.warnings.append(arg(translate(
                    "Settings", "The settings file could not be read (%1); the default "
                                "settings apply."), why))
        for warning in self.warnings:  # the caller shows them: the window, or the terminal
            log.info("%s (%s)", warning, self.path)
        self.current = settings
        return settings

    def _unreadable(self, raw: dict[str, object]) -> str | None:
        try:
            data = self.path.read_bytes()  # a regular file within SETTINGS_LIMIT: checked
        except OSError:
            return None  # not there (yet): the defaults, rightly and silently
        return unreadable(data, raw)

    def save(self, settings: Settings) -> str | None:
        """Keep `settings` (in memory at once, on disk if it can); returns a problem, if any."""
        changed = settings != self.current
        self.current = settings
        if self._qsettings is not None and self.problem is not None:
            # QSettings keeps the first error it met for good: a fresh one can tell
            # whether this write went through.
            self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._qsettings is not None:
            for key, value in settings.to_raw().items():
                self._qsettings.setValue(key, value)
            self._qsettings.sync()
            with contextlib.suppress(OSError):  # health-related preferences stay private
                os.chmod(self.path, 0o600)
        problem = None
        if self._qsettings is None or self._qsettings.status() != QSettings.Status.NoError:
            problem = arg(translate("Settings", "The settings could not be saved to %1. They "
                                                "apply now, necktimer tries again, and "
                                                "quitting asks first while they are not "
                                                "saved."),
                          str(self.path))
            if self.problem is None:  # not again at every retry
                log.warning("could not write %s", self.path)
        elif self.problem is not None:
            log.info("wrote %s on a later try", self.path)
        came_or_went = problem != self.problem
        self.problem = problem
        if changed:
            self.changed.emit(settings)
        if came_or_went:
            self.problemChanged.emit()
        return problem

    @property
    def unsaved(self) -> bool:
        """Whether the file does not hold what applies (a save failed)."""
        return self.problem is not None

    def keep(self) -> bool:
        """Try once more to write settings that could not be written; True once the file
        holds what applies (quitting with them unwritten would lose them)."""
        if self.unsaved:
            self.save(self.current)
        return not self.unsaved

    def update(self, **changes: object) -> str | None:
        settings, _warnings = self.current.replace(**changes)
        return self.save(settings)


def as_written(value: object) -> object:
    """A value as the file spells it. QSettings reads "7200,1" as a list, @ByteArray(…) as
    a QByteArray and @Invalid() as None: a warning about them showed Python's names for
    these ("['7200', '1']", "PySide6.QtCore.QByteArray(b'120')") instead of the text."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    if isinstance(value, QByteArray):
        return bytes(value.data()).decode("utf-8", "replace")
    return value
