"""One necktimer per user and data folder: the lock, where the socket lives, and the client.

The first process takes an advisory lock (flock) on a file in the data folder;
the kernel lets it go when the process dies, so a crash leaves nothing stale.
It then listens on a local socket in a folder only this user can enter:
`$XDG_RUNTIME_DIR/necktimer`, or else `/tmp/necktimer-<uid>`, created 0700 and
checked (a symlink, or a folder another user made, is refused, never used).
Where that folder cannot be used (another user made `/tmp/necktimer-<uid>` first),
the socket goes in a private folder inside the data folder instead.
A later launch first tries the socket, and trusts an answer only from a process
of the same user (SO_PEERCRED): it passes its command on and prints the reply.
The lock file also names the socket, so a terminal whose XDG_RUNTIME_DIR differs
from the window's (an SSH login, a cron job) still finds it, as does every later
launch when the socket is in the data folder.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import logging
import os
import socket
import stat
import struct
import time
from dataclasses import replace
from pathlib import Path

try:
    from _blake2 import blake2b  # the same function hashlib offers, without OpenSSL
except ImportError:  # a Python built without it
    from hashlib import blake2b

from necktimer.commands import (
    MAX_MESSAGE,
    ProtocolError,
    Reply,
    Request,
    decode,
    encode,
    waiting_clock,
)
from necktimer.core.i18n import arg, translate

log = logging.getLogger("necktimer.instance")

LOCK_NAME = "instance.lock"
BACKSTOP_LOCK_NAME = "backstop.lock"  # held by the backstop while it watches a session
# The second line of the backstop's lock note: whether it can show desktop notifications.
REACHES_DESKTOP, NO_DESKTOP = "desktop", "no desktop"
SOCKET_FOLDER_NAME = "socket"  # in the data folder, when the usual place cannot be used


class Unreachable(Exception):
    """No instance of ours answered; the message says why, when it is worth telling.

    `foreign` is set when the socket belongs to another user's program: it is not
    necktimer, so for the question "is necktimer running?" it counts as nobody.
    """

    def __init__(self, message: str = "", *, foreign: bool = False) -> None:
        super().__init__(message)
        self.foreign = foreign


class UnsafeFolder(Exception):
    """The socket folder exists but is not safely ours."""


def private_folder(path: Path) -> Path:
    """Create a folder only this user can enter, or check that an existing one is exactly that."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, 0o700)
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder(arg(translate("Instance", "%1 is not a folder (it may be a link "
                                                     "someone else made)."), str(path)))
    if info.st_uid != os.getuid():
        raise UnsafeFolder(arg(translate("Instance", "%1 belongs to another user."), str(path)))
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(path, 0o700)  # ours: close it to others
    return path


def socket_folder() -> Path:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and os.path.isabs(runtime):
        with contextlib.suppress(OSError):
            info = os.stat(runtime)
            if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
                return private_folder(Path(runtime) / "necktimer")
    return private_folder(Path("/tmp") / f"necktimer-{os.getuid()}")


def socket_path(data_dir: Path) -> Path:
    """The socket for this data folder; raises UnsafeFolder when there is no safe place."""
    # A digest two folders cannot share: with crc32, two paths made to collide shared
    # one window, which took the other folder's starts into its own history. BLAKE2 is
    # built into Python; hashlib would load libcrypto (3.6 MiB) into every launch.
    digest = blake2b(os.fsencode(data_dir.resolve()), digest_size=16).hexdigest()
    return socket_folder() / f"{digest}.sock"


def data_folder_socket_path(data_dir: Path) -> Path:
    """Where the instance listens when the usual socket folder cannot be used. Only the
    lock file names it, so launches find it there. Raises UnsafeFolder or OSError."""
    return private_folder(data_dir / SOCKET_FOLDER_NAME) / "instance.sock"


def sockets_to_ask(data_dir: Path) -> tuple[list[Path], str | None]:
    """The sockets a running instance may answer on, those that exist, the usual one
    first; and why the usual place cannot be used, if it cannot."""
    places: list[Path | None] = []
    unsafe = None
    try:
        places.append(socket_path(data_dir))
    except (UnsafeFolder, OSError) as error:
        unsafe = str(error)
    # A window started with another XDG_RUNTIME_DIR (when this is an SSH login, say),
    # or one that listens in the data folder, names its socket in the lock file.
    places.append(announced_socket(data_dir))
    found = [path for path in dict.fromkeys(places) if path and os.path.lexists(path)]
    return found, unsafe


class InstanceLock:
    """The lock that makes one process the running instance for a data folder."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None
        self._socket: Path | None = None  # named in the file once the instance listens

    def acquire(self) -> bool:
        """Take the lock if nobody holds it. Raises OSError when the file cannot be made."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        self._write_note()
        return True

    def announce(self, socket_file: Path) -> None:
        """Name the socket this instance listens on, for terminals that would look elsewhere."""
        self._socket = socket_file
        self._write_note()

    def _note(self) -> str:
        """The pid, then the socket."""
        return f"{os.getpid()}\n" + (f"{self._socket}\n" if self._socket else "")

    def _write_note(self) -> None:
        """Only a note (a full disk refuses it; the flock decides)."""
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, self._note().encode(), 0)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def still_ours(self) -> bool:
        """The locked file is still the one at the path (the folder was not deleted)."""
        if self._fd is None:
            return False
        try:
            return os.fstat(self._fd).st_ino == os.stat(self.path).st_ino
        except OSError:
            return False

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None


def held_elsewhere(path: Path) -> bool:
    """Whether another process holds the flock on `path` (a running instance or backstop)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)  # (drops the shared lock, if it was had)
    return False


def read_note(path: Path) -> list[str]:
    """The lines a lock's holder wrote in its file (its pid first); [] when unreadable."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return []
    try:
        return os.read(fd, 4096).decode("utf-8", "replace").splitlines()
    except OSError:
        return []
    finally:
        os.close(fd)


def backstop_reaches_desktop(data_dir: Path) -> bool | None:
    """What the backstop watching `data_dir` said of itself: whether it can show desktop
    notifications. None when it has not said (just started, or none runs)."""
    lines = read_note(data_dir / BACKSTOP_LOCK_NAME)
    said = lines[1] if len(lines) > 1 else ""
    return {REACHES_DESKTOP: True, NO_DESKTOP: False}.get(said)


def backstop_pids(data_dir: Path) -> list[int]:
    """This user's backstops watching `data_dir`, found by their command lines. Their lock
    file goes with a deleted folder; the processes stay (and know what it held)."""
    wanted = os.fsencode(data_dir)
    found = []
    with contextlib.suppress(OSError), os.scandir("/proc") as entries:
        for entry in entries:
            if not entry.name.isdigit():
                continue
            try:
                if entry.stat().st_uid != os.getuid():
                    continue
                with open(f"/proc/{entry.name}/cmdline", "rb") as file:
                    args = file.read().split(b"\0")
            except OSError:  # gone meanwhile
                continue
            if (b"backstop" in args and b"necktimer" in args
                    and (b"--data-dir", wanted) in itertools.pairwise(args)):
                found.append(int(entry.name))
    return found


# A backstop writes the record again this long after it went (see backstop.RESTORE_AFTER_S
# and POLL_S), with room to spare.
RESTORED_WITHIN_S = 6.0


def await_restored_record(data_dir: Path, record: Path) -> bool:
    """Called, holding the instance lock, before the history is opened where the safety
    record is missing. If a backstop still watches the folder (it was deleted while a pack
    was on, the window dead), it is about to write the record again from memory: a start
    made before that found no trace of the pack and began a session inside the gap. Waits
    for it; True when it came."""
    if _there(record):
        return True
    pids = backstop_pids(data_dir)
    if not pids:
        return False
    log.warning("the safety record is gone and a backstop (pid %s) watches this folder; "
                "waiting for it to write the record again", pids[0])
    deadline = time.monotonic() + RESTORED_WITHIN_S
    while time.monotonic() < deadline:
        if _there(record):
            return True
        if not any(Path(f"/proc/{pid}").exists() for pid in pids):
            break
        time.sleep(0.05)
    return _there(record)


def _there(path: Path) -> bool:
    """Whether `path` exists. One that cannot be looked at (another user's folder) counts
    as there: no backstop of ours can be writing it, and opening the history next says
    why the folder cannot be used, where this had ended in a traceback."""
    try:
        path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError:
        pass  # cannot look in: counts as there
    return True


def announced_socket(data_dir: Path) -> Path | None:
    """The socket the running instance named in its lock file, if it is in a private folder
    of this user's; None otherwise. (Its answers are still checked with SO_PEERCRED.)"""
    lines = read_note(data_dir / LOCK_NAME)
    if len(lines) < 2 or not lines[1].startswith("/") or not lines[1].endswith(".sock"):
        return None
    path = Path(lines[1])
    try:
        folder = os.lstat(path.parent)
    except OSError:
        return None
    private = (stat.S_ISDIR(folder.st_mode) and folder.st_uid == os.getuid()
               and not stat.S_IMODE(folder.st_mode) & 0o077)
    return path if private else None


def peer_uid(connection: socket.socket) -> int:
    return peer(connection)[1]


def peer(connection: socket.socket) -> tuple[int, int]:
    """The process at the other end of a Unix socket, as the kernel says: (pid, uid)."""
    creds = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid, uid, _gid = struct.unpack("3i", creds)
    return pid, uid


def send(path: Path, request: Request, timeout: float = 10.0) -> Reply:
    """Send one request to the running instance and return its reply; raises Unreachable,
    with no message when nobody answered at all (nobody listens, or the instance closed
    the connection unanswered, as a quitting one does): nothing was done then."""
    if request.until is None:
        # A little before this side gives up, so that an answer made at the last moment
        # still arrives: what the window does after it, it does not do at all.
        request = replace(request, until=waiting_clock() + max(timeout - 0.5, timeout / 2))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(timeout)
        try:
            connection.connect(str(path))
        except (FileNotFoundError, ConnectionRefusedError) as error:
            raise Unreachable("") from error
        except OSError as error:
            raise Unreachable(str(error)) from error
        if peer_uid(connection) != os.getuid():
            raise Unreachable(arg(translate("Instance", "%1 is held by another user's program; "
                                                        "its answers are not trusted."),
                                  str(path)), foreign=True)
        data = b""  # nothing heard yet: a send that fails is "closed unanswered"
        try:
            connection.sendall(encode(request.to_message()))
            while b"\n" not in data and len(data) <= MAX_MESSAGE:
                chunk = connection.recv(MAX_MESSAGE)
                if not chunk:
                    break
                data += chunk
        except (ConnectionResetError, BrokenPipeError) as error:
            if not data:
                raise Unreachable("") from error  # closed unanswered
            raise Unreachable(str(error)) from error
        except OSError as error:
            raise Unreachable(str(error)) from error
    if not data:
        raise Unreachable("")  # closed unanswered: by a window quitting, or dying
    try:
        return Reply.from_message(decode(data.split(b"\n", 1)[0]))
    except ProtocolError as error:
        raise Unreachable(str(error)) from error


def ask_instance(data_dir: Path, request: Request, timeout: float = 10.0, *,
                 places: list[Path] | None = None) -> Reply | None:
    """The reply of this user's instance on the folder (on the first of its sockets that
    answers), or None when nobody is there to ask: no socket, one left by a window that
    died or closed unanswered by one quitting, or one held by another user's program,
    which is not necktimer (the instance lock decides who runs). Raises Unreachable when
    a window is there but gives no answer to trust (a frozen one, a garbled reply)."""
    if places is None:
        places, _problem = sockets_to_ask(data_dir)
    for path in places:
        try:
            return send(path, request, timeout=timeout)
        except Unreachable as error:
            if error.foreign:
                log.warning("%s", error)
            elif str(error):
                raise
    return None
