"""Reads a child's output line by line in a thread, stamping each line with the time it arrived."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import IO


class LineLog:
    """Every line of a text stream, with the wall-clock time (time.time()) it arrived."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self._changed = threading.Condition()
        self._closed = False
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self._changed:
                self.lines.append((time.time(), line.rstrip("\n")))
                self._changed.notify_all()
        with self._changed:
            self._closed = True
            self._changed.notify_all()

    def wait_for(self, wanted: Callable[[str], bool], timeout: float,
                 since: float = 0.0) -> tuple[float, str] | None:
        """The first line arrived at or after since that wanted() accepts, waiting up to timeout."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                for stamp, line in self.lines:
                    if stamp >= since and wanted(line):
                        return stamp, line
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    return None
                self._changed.wait(left)

    def text(self) -> str:
        """Everything read so far."""
        with self._changed:
            return "\n".join(line for _, line in self.lines)


def last_line(text: str) -> str:
    """The last non-empty line of text, for an error message."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(nothing printed)"
