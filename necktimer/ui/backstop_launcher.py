"""Arms the backstop: the detached process that reminds about the pack if the window dies.

The backstop (`necktimer.backstop`) loads no translations, so the window writes
down its time's-up words, in the window's current language, to
`necktimer.backstop.json` in the data folder (0600: other users may read a
process's command line, never this file), then starts
`python -m necktimer backstop --data-dir DIR --session ID` with
`QProcess.startDetached`: Qt forks twice and calls setsid, so the backstop is
no child of the window (no zombie), has no controlling terminal (no SIGHUP when
the terminal closes) and outlives the window. Arming again is harmless: a
second backstop for the same folder exits at once.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QProcess

from necktimer.core.backstop_words import WORDS_NAME, to_json, words_for
from necktimer.core.files import write_atomically
from necktimer.core.rules import Session

log = logging.getLogger("necktimer.backstop")

def arm_ahead(data_dir: Path, session_id: int) -> bool:
    """Start the backstop for a session about to be committed: it waits for the session to
    show in the record or the history (its words follow right after the commit)."""
    try:
        return _start(data_dir, session_id)
    except Exception as error:
        log.warning("cannot start the backstop: %s", error)
        return False


def arm_backstop(data_dir: Path, session: Session, *, sound: bool,
                 sound_file: str | None, start: bool = True) -> bool:
    """Write the backstop's words and start it for `session` (unless it was started ahead
    of the session); False (logged) on failure."""
    # Never let arming the backstop break a start: every failure is logged, none raised.
    try:
        write_words(data_dir, session, sound=sound, sound_file=sound_file)
    except Exception as error:
        # It reminds anyway, in English: a missing reminder is worse than a foreign one.
        log.warning("cannot write the backstop's words (%s); it will remind in English", error)
    if not start:
        return True
    try:
        return _start(data_dir, session.id)
    except Exception as error:
        log.warning("cannot start the backstop: %s", error)
        return False


def write_words(data_dir: Path, session: Session, *, sound: bool,
                sound_file: str | None) -> None:
    """Replace the words file atomically, readable by the user only; raises OSError."""
    words = words_for(session, sound=sound, sound_file=sound_file)
    write_atomically(data_dir / WORDS_NAME, to_json(words, session))


def _start(data_dir: Path, session_id: int) -> bool:
    process = QProcess()
    process.setProgram(sys.executable)
    process.setArguments(["-m", "necktimer", "backstop", "--data-dir", str(data_dir.absolute()),
                          "--session", str(session_id)])
    process.setWorkingDirectory("/")  # hold no mount busy
    for set_file in (process.setStandardInputFile, process.setStandardOutputFile,
                     process.setStandardErrorFile):
        set_file(QProcess.nullDevice())  # the window's terminal may close at any time
    flags = QProcess.UnixProcessFlag
    # Only the standard streams: never the window's lock or sockets.
    process.setUnixProcessParameters(flags.CloseFileDescriptors | flags.ResetSignalHandlers)
    if not process.startDetached():
        log.warning("cannot start the backstop (%s): %s", sys.executable, process.errorString())
        return False
    log.info("backstop armed for session %d", session_id)
    return True
