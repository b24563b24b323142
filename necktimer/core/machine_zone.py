"""Notices when the machine's time zone changes under a running necktimer.

The C library reads the zone once (TZ, else /etc/localtime), and every local time
Python shows comes from it. A laptop carried to another zone, or set to one by the
desktop's automatic time zone or `timedatectl set-timezone`, kept showing the old
zone's times ("off at 09:15", "allowed at 11:15") until necktimer was restarted,
while the panel clock showed the new ones. The zone file is looked at again when
asked (a stat, microseconds), and re-read only when it is another file.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from pathlib import Path

from necktimer.core.i18n import arg, translate

MACHINE_ZONE_FILE = Path("/etc/localtime")

Stamp = tuple[str | None, int, int, int, int] | tuple[str | None]


def zone_file(tz: str | None) -> Path | None:
    """The file the process's zone is read from, given the TZ variable: the machine's
    when TZ is unset, TZ's own when it names a file by path (":/path", "/path"); None
    when TZ names a zone or a rule, or is empty (UTC), which stay what they are."""
    if tz is None:
        return MACHINE_ZONE_FILE
    path = tz.removeprefix(":")
    return Path(path) if path.startswith("/") else None


def stamp(path: Path) -> Stamp:
    """What tells one zone file from another: the link's target (timedatectl replaces the
    link), and the file itself (a copy written over it)."""
    try:
        target = os.readlink(path)
    except OSError:
        target = None
    try:
        found = path.stat()
    except OSError:
        return (target,)  # gone: the C library uses UTC then
    return (target, found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)


class MachineZone:
    """The process's local zone, kept the machine's. `changed()` says whether the zone
    file is another one since it was last asked, and if so has the C library read it."""

    def __init__(self) -> None:
        self.path = zone_file(os.environ.get("TZ"))
        self._stamp = stamp(self.path) if self.path is not None else None
        self.generation = 0  # how many changes were seen: part of what the window shows

    def changed(self) -> bool:
        if self.path is None:
            return False
        now = stamp(self.path)
        if now == self._stamp:
            return False
        self._stamp = now
        _read_zone_again()
        self.generation += 1
        return True


def _read_zone_again() -> None:
    tz = os.environ.get("TZ")
    if tz is not None:
        # With TZ set, the C library reads its file again only when TZ itself changes (it
        # reads /etc/localtime again at each tzset): change it for a moment.
        os.environ["TZ"] = "UTC0"
        time.tzset()
        os.environ["TZ"] = tz
    time.tzset()


def use_utc_if_unusable() -> str | None:
    """Fall back to UTC where the process's zone has an offset Python cannot hold.

    A valid POSIX rule such as TZ="<XYZ>+24" puts local time a whole day off UTC; every
    local time then raised ValueError, after a start had been committed: a traceback, no
    window, and a backstop that failed at each reminder. Returns what to tell the user,
    or None when the zone is usable."""
    try:
        datetime.now(UTC).astimezone()
    except (ValueError, OverflowError, OSError):
        tz = os.environ.get("TZ", "")
        os.environ["TZ"] = "UTC"
        time.tzset()
        return arg(translate("Zone", "the time zone %1 is a day or more off UTC, which "
                                     "cannot be shown; times are shown in UTC instead"),
                   repr(tz))
    return None
