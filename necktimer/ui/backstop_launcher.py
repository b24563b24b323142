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
    arguments = ["-m", "necktimer", "backstop", "--data-dir", str(data_dir.absolute()),
                 "--session", str(session_id)]
    if not _text_qt_can_carry(arguments):
        return _start_by_shell(arguments, session_id)
    process = QProcess()
    process.setProgram(sys.executable)
    process.setArguments(arguments)
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


def _text_qt_can_carry(arguments: list[str]) -> bool:
    """Whether Qt's strings can carry these arguments: a folder name that is not UTF-8 (a
    Latin-1 "é") reached the backstop as U+FFFD, naming a folder that does not exist, and
    no backstop watched the session."""
    try:
        for argument in arguments:
            argument.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _start_by_shell(arguments: list[str], session_id: int) -> bool:
    """Start the backstop with the arguments as the file system's bytes: a shell in a new
    session starts it in the background and exits at once, so the backstop, as with
    QProcess.startDetached, is no child of the window and outlives it."""
    import subprocess

    try:
        shell = subprocess.Popen(
            ["/bin/sh", "-c", '"$@" </dev/null >/dev/null 2>&1 &', "sh", sys.executable,
             *arguments], cwd="/", start_new_session=True, close_fds=True,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        started = shell.wait(timeout=5) == 0
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("cannot start the backstop (%s): %s", sys.executable, error)
        return False
    if started:
        log.info("backstop armed for session %d", session_id)
    return started
