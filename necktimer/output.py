"""What a command prints, written so that a terminal that cannot take it costs nothing more.

A reader gone (`necktimer status | head -0`), a full disk behind `> file`, or an encoding
that cannot show the words (`PYTHONIOENCODING=ascii` with German) ended commands that had
done their work with a traceback and exit code 1, which means "refused". The exit code is
the command's answer; what cannot be printed is dropped, and words the encoding lacks are
replaced.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO


def forgive_encoding() -> None:
    """Replace what the terminal's encoding cannot show, rather than fail on it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def say(text: str, *, to_error: bool = False) -> None:
    """One line on stdout (or stderr), dropped if it cannot be written."""
    stream = sys.stderr if to_error else sys.stdout
    try:
        print(text, file=stream, flush=True)
    except OSError:
        _silence(stream)


def finish() -> None:
    """Write out what is still buffered (argparse's and logging's lines), or drop it."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # started with it closed (`necktimer stop >&-`): nothing to write
            continue
        try:
            stream.flush()
        except OSError:
            _silence(stream)


def _silence(stream: TextIO) -> None:
    """Send the rest of `stream` nowhere, also Python's own last flush at exit."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, stream.fileno())
        os.close(nowhere)
