"""Whether a window can be shown here, found out before Qt is asked.

Qt aborts the whole process (SIGABRT, a core dump) where it cannot reach a display, so
a command over SSH, or after the X server died, must find out first. Knowing that a
display is named is not enough: a socket left by a dead X server, an SSH forwarding
whose connection is gone and a Wayland name with nothing behind it all aborted. So the
display is connected to, briefly, as Qt would.
"""

from __future__ import annotations

import contextlib
import os
import socket

CONNECT_TIMEOUT_S = 2.0
X_TCP_BASE = 6000  # display N listens on TCP port 6000 + N


def answers(family: int, address: object) -> bool:
    """Whether something listens at `address` (a display, or the instance's socket)."""
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(CONNECT_TIMEOUT_S)
        try:
            probe.connect(address)
        except OSError:
            return False
    return True


def x_display_answers(display: str) -> bool:
    """Whether the X server that `display` names (":1", ":1.0", "host:10.0",
    "unix:0") takes a connection."""
    host, colon, rest = display.rpartition(":")
    number = rest.partition(".")[0]
    if not colon or not number.isdigit():
        return False
    if host in ("", "unix"):
        path = f"/tmp/.X11-unix/X{number}"
        # Linux X servers listen on an abstract socket of that name as well as the file.
        return answers(socket.AF_UNIX, "\0" + path) or answers(socket.AF_UNIX, path)
    with contextlib.suppress(OSError, UnicodeError):
        for family, _type, _proto, _name, address in socket.getaddrinfo(
                host, X_TCP_BASE + int(number), type=socket.SOCK_STREAM):
            if answers(family, address):
                return True
    return False


def wayland_answers(name: str) -> bool:
    """Whether the Wayland compositor `name` (in XDG_RUNTIME_DIR, or a path) takes a
    connection."""
    if not name.startswith("/"):
        runtime = os.environ.get("XDG_RUNTIME_DIR", "")
        if not runtime:
            return False
        name = os.path.join(runtime, name)
    return answers(socket.AF_UNIX, name)
