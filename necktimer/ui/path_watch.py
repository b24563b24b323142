"""Runs something a moment after files or folders change (inotify, through Qt).

No thread and no wake-ups while nothing changes. The moment's grace lets a change
under way finish first: an `rm -rf` of the data folder, or `timedatectl` replacing
/etc/localtime, is seen once, whole.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

SETTLE_MS = 300


class PathWatch(QObject):
    def __init__(self, paths: list[Path], then: Callable[[], None], parent: QObject,
                 *, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._paths = paths
        self._then = then
        self.keep_watching()
        self._settle = QTimer(self, singleShot=True, interval=settle_ms)
        self._settle.timeout.connect(then)
        self._watcher.directoryChanged.connect(self._settle.start)
        self._watcher.fileChanged.connect(self._settle.start)

    @property
    def pending(self) -> bool:
        """A change was seen and `then` has not run for it yet."""
        return self._settle.isActive()

    def settle_now(self) -> None:
        """Run `then` now for a change seen, instead of after the grace."""
        if self._settle.isActive():
            self._settle.stop()
            self._then()

    def keep_watching(self) -> None:
        """Watch again what was made anew: a path deleted and made again (or a file
        replaced by another) drops out of the watch."""
        watched = {*self._watcher.directories(), *self._watcher.files()}
        for path in self._paths:
            if str(path) not in watched and path.exists():
                self._watcher.addPath(str(path))

    def stop(self) -> None:
        self._settle.stop()
        watched = [*self._watcher.directories(), *self._watcher.files()]
        if watched:
            self._watcher.removePaths(watched)
