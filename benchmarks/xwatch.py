"""A tiny X11 client that needs no library: sees windows being mapped, as they happen.

It speaks just enough of the X protocol over the server's Unix socket to select
SubstructureNotify on the root window, timestamp every event the moment it arrives
(a reader thread), ask a window's _NET_WM_PID, ask who owns a selection (the tray's
_NET_SYSTEM_TRAY_S0) and unmap a window. Only for a server that needs no
authorization, such as the private Xvfb the benchmarks start.
"""

from __future__ import annotations

import contextlib
import queue
import socket
import struct
import threading
import time
from collections.abc import Callable

CREATE_NOTIFY, MAP_NOTIFY, CONFIGURE_NOTIFY = 16, 19, 22
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
CW_EVENT_MASK = 1 << 11
MIN_SIDE = 64  # pixels: smaller top-level windows (tray icons) are not "the window"
REPLY_TIMEOUT = 5.0


class XError(Exception):
    """The X server refused the connection or a request."""


class MapWatcher:
    """One connection to an X server that timestamps top-level windows as they are mapped."""

    def __init__(self, display_number: int) -> None:
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock.settimeout(REPLY_TIMEOUT)
        self._sock.connect(f"/tmp/.X11-unix/X{display_number}")
        self.root = self._handshake()
        self._sock.settimeout(None)
        self._events: queue.Queue[tuple[float, bytes]] = queue.Queue()
        self._replies: queue.Queue[bytes] = queue.Queue()
        self._sizes: dict[int, tuple[int, int]] = {}
        threading.Thread(target=self._read_loop, daemon=True).start()
        self._send(struct.pack("<BBHIII", 2, 0, 4, self.root, CW_EVENT_MASK,
                               SUBSTRUCTURE_NOTIFY_MASK))  # ChangeWindowAttributes
        self._pid_atom = self.intern_atom("_NET_WM_PID")

    def close(self) -> None:
        """Drop the connection (the reader thread ends with it)."""
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)
        self._sock.close()

    # -- what the benchmarks ask ---------------------------------------------------------

    def clear(self) -> None:
        """Forget events seen so far, so the next wait sees only new windows."""
        while not self._events.empty():
            self._events.get_nowait()
        self._sizes.clear()

    def first_window(self, pid: int, timeout: float,
                     running: Callable[[], bool] = lambda: True) -> tuple[int, float] | None:
        """(window, time.monotonic() of its MapNotify) of pid's first big top-level window.

        None when none was mapped within timeout, or once running() says the process ended.
        """
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                stamp, event = self._events.get(timeout=min(left, 0.25))
            except queue.Empty:
                if not running():
                    return None
                continue
            code = event[0] & 0x7F
            if code == CREATE_NOTIFY:
                window, width, height = struct.unpack_from("<I4xHH", event, 8)
                self._sizes[window] = (width, height)
            elif code == CONFIGURE_NOTIFY:
                window, width, height = struct.unpack_from("<I8xHH", event, 8)
                self._sizes[window] = (width, height)
            elif code == MAP_NOTIFY:
                window, override_redirect = struct.unpack_from("<IB", event, 8)
                big = min(self._sizes.get(window, (0, 0))) >= MIN_SIDE
                if big and not override_redirect and self.window_pid(window) == pid:
                    return window, stamp
        return None

    def window_pid(self, window: int) -> int | None:
        """The window's _NET_WM_PID, or None."""
        reply = self._request(struct.pack("<BBHIIIII", 20, 0, 6, window, self._pid_atom,
                                          0, 0, 1))  # GetProperty
        if reply is None:
            return None
        value_format, value_length = reply[1], struct.unpack_from("<I", reply, 16)[0]
        if value_format != 32 or value_length < 1:
            return None
        return struct.unpack_from("<I", reply, 32)[0]

    def selection_owner(self, name: str) -> int:
        """The window owning selection name (0: nobody), e.g. the tray's _NET_SYSTEM_TRAY_S0."""
        reply = self._request(struct.pack("<BBHI", 23, 0, 2, self.intern_atom(name)))
        return struct.unpack_from("<I", reply, 8)[0] if reply else 0

    def unmap(self, window: int) -> None:
        """Unmap a window from outside, as a window manager hiding it would."""
        self._send(struct.pack("<BBHI", 10, 0, 2, window))  # UnmapWindow

    def intern_atom(self, name: str) -> int:
        """The atom for name (created if new)."""
        data = name.encode()
        padded = data + b"\0" * (-len(data) % 4)
        reply = self._request(struct.pack("<BBHHH", 16, 0, 2 + len(padded) // 4, len(data), 0)
                              + padded)
        if reply is None:
            raise XError(f"InternAtom {name} failed")
        return struct.unpack_from("<I", reply, 8)[0]

    # -- the protocol --------------------------------------------------------------------

    def _handshake(self) -> int:
        """Open the connection (little-endian, no authorization); returns the root window."""
        self._sock.sendall(struct.pack("<BxHHHHxx", ord("l"), 11, 0, 0, 0))
        status, _reason, _major, _minor, length = struct.unpack("<BBHHH", self._recv(8))
        data = self._recv(4 * length)
        if status != 1:
            raise XError(f"X server refused the connection: {data.decode(errors='replace')}")
        vendor_length, _max, _screens, formats = struct.unpack_from("<HHBB", data, 16)
        first_screen = 32 + vendor_length + (-vendor_length % 4) + 8 * formats
        return struct.unpack_from("<I", data, first_screen)[0]

    def _recv(self, size: int) -> bytes:
        """Exactly size bytes from the server."""
        data = b""
        while len(data) < size:
            chunk = self._sock.recv(size - len(data))
            if not chunk:
                raise XError("the X server closed the connection")
            data += chunk
        return data

    def _send(self, request: bytes) -> None:
        """Send one request (only from the main thread)."""
        self._sock.sendall(request)

    def _request(self, request: bytes) -> bytes | None:
        """Send a request that has a reply; None when the server answers with an error."""
        self._send(request)
        try:
            reply = self._replies.get(timeout=REPLY_TIMEOUT)
        except queue.Empty:
            raise XError("no reply from the X server") from None
        return None if reply[0] == 0 else reply

    def _read_loop(self) -> None:
        """Reader thread: events go to one queue with their arrival time, replies to another."""
        try:
            while True:
                packet = self._recv(32)
                stamp = time.monotonic()
                if packet[0] == 1:  # a reply, maybe longer than 32 bytes
                    extra = struct.unpack_from("<I", packet, 4)[0]
                    self._replies.put(packet + self._recv(4 * extra))
                elif packet[0] == 0:  # an error answers the request just sent
                    self._replies.put(packet)
                else:
                    self._events.put((stamp, packet))
        except (OSError, XError):
            return
