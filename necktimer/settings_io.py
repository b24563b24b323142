"""The settings file (INI text, `core.ini`) in the data folder, as one typed provider.

Every read goes through `Settings.from_raw`, which clamps each value into its
safe range; everyone who needs settings reads `.current` and may listen to
`changed`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from necktimer.core.i18n import arg, translate
from necktimer.core.ini import change_ini, ini_text, read_ini
from necktimer.core.settings import FIELDS, SETTINGS_NAME, Settings, unreadable

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
        self.warnings: list[str] = []
        self.problem: str | None = None  # why `current` differs from the file: a save failed
        # What the file means, as last read or written: a save writes only the settings
        # that differ from it, so that it keeps a hand edit made since (a longer gap), and
        # a value it cannot use stays as written (it is warned about at each start).
        self._on_disk = Settings()
        self._unreadable = False  # the file as a whole was not INI text (UTF-16, say)
        self.current = self.load()

    def load(self) -> Settings:
        """Read the file again (a FIFO there is never opened: reading it would hang)."""
        self._unreadable = False
        if (unusable := _unusable(self.path)) is not None:
            settings, self.warnings = Settings(), [arg(translate(
                "Settings", "%1 cannot be used (%2); the default settings apply."),
                str(self.path), unusable)]
        else:
            try:
                data = self.path.read_bytes()  # a regular file within SETTINGS_LIMIT
            except OSError:
                data = b""  # not there (yet): the defaults, rightly and silently
            text = read_ini(data)
            settings, self.warnings = Settings.from_raw(
                {key: value for key, value in text.values.items() if key in FIELDS})
            if (why := unreadable(data, text.values)) is not None:
                self._unreadable = True
                self.warnings.append(arg(translate(
                    "Settings", "The settings file could not be read (%1); the default "
                                "settings apply."), why))
            elif text.skipped:
                self.warnings.append(translate(
                    "Settings", "Some lines of the settings file are not UTF-8 text: they "
                                "were skipped, and stay in the file as they are."))
        for warning in self.warnings:  # the caller shows them: the window, or the terminal
            log.info("%s (%s)", warning, self.path)
        self._on_disk = settings
        self.current = settings
        return settings

    def save(self, settings: Settings) -> str | None:
        """Keep `settings` (in memory at once, on disk if it can); returns a problem, if any.
        Only what differs from the file is written."""
        changed = settings != self.current
        self.current = settings
        meant = self._on_disk.to_raw()
        changes = {key: ini_text(value) for key, value in settings.to_raw().items()
                   if value != meant[key]}
        problem = None
        try:
            if changes:
                self._write(changes)
                self._on_disk = settings
        except OSError as error:
            problem = arg(translate("Settings", "The settings could not be saved to %1. They "
                                                "apply now, necktimer tries again, and "
                                                "quitting asks first while they are not "
                                                "saved."),
                          str(self.path))
            if self.problem is None:  # not again at every retry
                log.warning("could not write %s: %s", self.path, error)
        else:
            if self.problem is not None:
                log.info("wrote %s on a later try", self.path)
        came_or_went = problem != self.problem
        self.problem = problem
        if changed:
            self.changed.emit(settings)
        if came_or_went:
            self.problemChanged.emit()
        return problem

    def _write(self, changes: dict[str, str]) -> None:
        """Change the keys in the file, which is replaced whole (a reader never sees half of
        it) and stays private to the user; through a link, its target is replaced, as the
        link's owner meant. A file made read-only is left so, as QSettings left it."""
        if (unusable := _unusable(self.path)) is not None:
            raise OSError(f"{self.path}: {unusable}")
        target = self.path.resolve()
        try:
            old = target.read_bytes()
        except FileNotFoundError:
            old = b""
        else:
            # Its mode, not only access(): root may write anything, and replaced it.
            if not os.access(target, os.W_OK) or not target.stat().st_mode & 0o222:
                raise PermissionError(f"{target} is read-only")
            if self._unreadable:
                # Not INI text (UTF-16, say): changed, it was garbled. Kept aside whole.
                os.replace(target, target.with_name(f"{target.name}.unreadable"))
                log.warning("kept the unreadable %s as %s.unreadable", target, target.name)
                self._unreadable = False
                old = b""
        # A new name of our own (O_EXCL): a link planted at a name known beforehand had
        # the settings written, and made 0600, into whatever file it pointed at.
        descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".new",
                                            dir=target.parent)
        temporary = Path(name)
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(change_ini(old, changes))
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, target)
        except BaseException:
            with contextlib.suppress(OSError):
                temporary.unlink()
            raise

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

