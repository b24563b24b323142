"""Small files of our own: written so that a crash leaves the old one or the new one, never
half; read so that something else at the path (a FIFO, a device, a link) cannot hang us."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from pathlib import Path


class NotOurFile(ValueError):
    """Something at the path that is not a plain file of ours."""


class NestedTooDeeply(ValueError):
    """JSON whose brackets nest deeper than Python's json reader can follow."""


def parse_json(data: bytes | str) -> object:
    """What a file of ours holds, or ValueError. A few kilobytes of nested brackets make
    `json` raise RecursionError, which no reader of a damaged file was ready for: it
    stopped every command and the backstop's reminders."""
    try:
        return json.loads(data)
    except RecursionError:
        raise NestedTooDeeply("nested too deeply to be a file of ours") from None


def read_small(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A FIFO would block forever and
    /dev/zero never end, so anything else raises NotOurFile, as does a symbolic link;
    FileNotFoundError and other OSErrors pass through."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise NotOurFile(f"{path} is a link, not a file") from error
        raise
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotOurFile(f"{path} is not a regular file")
        if info.st_size > limit:
            raise NotOurFile(f"{path} is larger than {limit} bytes")
        chunks, left = [], limit + 1
        while left > 0 and (chunk := os.read(descriptor, min(left, 65536))):
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise NotOurFile(f"{path} is larger than {limit} bytes")
        return data
    finally:
        os.close(descriptor)


def write_atomically(path: Path, data: bytes) -> None:
    """Write a temporary file beside `path` (readable by the user only), fsync it, rename it
    over `path`, and fsync the folder. Raises OSError; leaves no temporary file behind."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW
                             | os.O_CLOEXEC, 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view):]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
        sync_folder(path.parent)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` last through a power cut (the folder's entry is data too)."""
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
