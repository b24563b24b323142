"""The reminder chime, played by the app itself when the optional sound extra is installed.

QtMultimedia ships in PySide6-Addons (`pip install 'necktimer[sound]'`) and
needs PulseAudio's client library on Linux, so it is imported on first use;
without it the chime is skipped with one log line, and the desktop's
notification server plays the reminder's sound hint instead.
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

    def _load(self):
        if self._effect is not None or self._unavailable is not None:
            return self._effect
        try:
            multimedia = importlib.import_module("PySide6.QtMultimedia")
            effect = multimedia.QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(resource("sounds", "reminder.wav"))))
            effect.setVolume(0.8)
        except Exception as error:  # no PySide6-Addons, no libpulse, no audio device
            self._unavailable = str(error)
            # The usual install (the notification asks the desktop for its sound): said
            # only with --verbose, not in the terminal of every start.
            log.info("no in-app sound for reminders (%s); install necktimer[sound] for it",
                     error)
            return None
        self._effect = effect
        return effect

    def play(self) -> bool:
        effect = self._load()
        if effect is None:
            return False
        effect.play()
        return True
