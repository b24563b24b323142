"""The reminder chime, played through QtMultimedia when the machine can.

QtMultimedia ships in PySide6-Addons and needs PulseAudio's client library on
Linux, so it is imported on first use; without it the chime is skipped with
one log line and the reminders go on without sound.
"""

from __future__ import annotations

import importlib
import logging

from PySide6.QtCore import QObject, QUrl

from necktimer.core.resources import resource

log = logging.getLogger("necktimer.sound")


class Chime(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._effect = None
        self._unavailable: str | None = None

    @property
    def path(self) -> str:
        return str(resource("sounds", "reminder.wav"))

    @property
    def available(self) -> bool:
        return self._load() is not None

    def _load(self):
        if self._effect is not None or self._unavailable is not None:
            return self._effect
        try:
            multimedia = importlib.import_module("PySide6.QtMultimedia")
            effect = multimedia.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(self.path))
            effect.setVolume(0.8)
        except Exception as error:  # ImportError for a missing libpulse, or no audio device
            self._unavailable = str(error)
            log.warning("no sound for reminders: %s", error)
            return None
        self._effect = effect
        return effect

    def play(self) -> bool:
        effect = self._load()
        if effect is None:
            return False
        effect.play()
        return True
