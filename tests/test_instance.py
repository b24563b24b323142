"""One instance per user and data folder: the lock, the socket's folder, and the client."""

import errno
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from helpers import pure_python_copy

from necktimer.commands import MAX_MESSAGE, Command, Exit, Reply, Request, encode
from necktimer.core.rules import Therapy
from necktimer.instance import (
    LOCK_NAME,
    InstanceLock,
    Unreachable,
    UnsafeFolder,
    announced_socket,
    ask_instance,
    data_folder_socket_path,
    send,
    socket_folder,
    socket_path,
    sockets_to_ask,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def runtime(monkeypatch):
    """A fresh XDG_RUNTIME_DIR, short like a desktop's (socket paths stay under 108 bytes)."""
    path = Path(tempfile.mkdtemp(prefix="nt-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(path))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def needs_root_for_another_user() -> None:
    if os.geteuid() != 0:
        pytest.skip("only root can make a file or process of another user (uid 65534)")


# -- the socket's folder ----------------------------------------------------------------------


def test_the_socket_folder_is_made_private_in_the_runtime_dir(runtime):
    folder = socket_folder()
    assert folder == runtime / "necktimer"
    assert folder.is_dir() and mode(folder) == 0o700
    assert socket_folder() == folder  # found again, not made twice


def test_a_symlinked_socket_folder_is_refused(runtime, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (runtime / "necktimer").symlink_to(elsewhere)
    with pytest.raises(UnsafeFolder, match="is not a folder"):
        socket_folder()
    assert (runtime / "necktimer").is_symlink()  # left alone
    assert list(elsewhere.iterdir()) == []


def test_a_file_in_place_of_the_socket_folder_is_refused(runtime):
    (runtime / "necktimer").write_text("not a folder")
    with pytest.raises(UnsafeFolder, match="is not a folder"):
        socket_folder()


def test_a_socket_folder_of_another_user_is_refused(runtime):
    needs_root_for_another_user()
    folder = runtime / "necktimer"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    with pytest.raises(UnsafeFolder, match="belongs to another user"):
        socket_folder()
    assert os.stat(folder).st_uid == 65534 and mode(folder) == 0o700  # left alone


def test_a_too_open_socket_folder_of_ours_is_closed(runtime):
    folder = runtime / "necktimer"
    folder.mkdir()
    folder.chmod(0o777)
    assert socket_folder() == folder
    assert mode(folder) == 0o700


def test_a_runtime_dir_of_another_user_is_not_used(runtime):
    needs_root_for_another_user()
    os.chown(runtime, 65534, 65534)
    folder = socket_folder()
    assert folder == Path("/tmp") / f"necktimer-{os.getuid()}"
    assert os.stat(folder).st_uid == os.getuid() and mode(folder) == 0o700
    assert not (runtime / "necktimer").exists()


def test_a_relative_runtime_dir_is_not_used(monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", "relative/run")
    assert socket_folder() == Path("/tmp") / f"necktimer-{os.getuid()}"
    assert not Path("relative").exists()


def test_folders_whose_paths_collide_under_crc32_have_their_own_sockets(runtime):
    """The socket was named by crc32 of the folder's path: an outside tester made two
    folders share one, and the second folder's starts went to the first one's window."""
    import zlib

    first, second = Path("/tmp/testerB/col29685295"), Path("/tmp/testerB/col32060020")
    assert zlib.crc32(os.fsencode(first)) == zlib.crc32(os.fsencode(second))
    assert socket_path(first) != socket_path(second)


def test_each_data_folder_has_its_own_socket(runtime, tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    alias = tmp_path / "alias"
    alias.symlink_to(first)
    assert socket_path(first) == socket_path(first) == socket_path(alias)
    assert socket_path(first) != socket_path(second)
    assert socket_path(first).parent == runtime / "necktimer"
    assert len(os.fsencode(socket_path(first))) < 108


# -- the lock -----------------------------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from necktimer.instance import InstanceLock
assert InstanceLock(Path(sys.argv[1])).acquire()
print("held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(data_dir):
    """Another process that takes the folder's lock and keeps it until killed."""
    data_dir.mkdir(parents=True)
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(data_dir)],
                               stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "held"
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)  # reaps it and closes the pipe


def test_a_second_process_cannot_take_a_held_lock(holder, data_dir):
    lock = InstanceLock(data_dir)
    assert not lock.acquire()
    assert not lock.held
    assert (data_dir / LOCK_NAME).read_text() == f"{holder.pid}\n"


def test_the_lock_of_a_killed_process_is_free_at_once(holder, data_dir):
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=10)
    lock = InstanceLock(data_dir)
    assert lock.acquire()  # the kernel dropped the flock with the process
    try:
        assert lock.held
        assert (data_dir / LOCK_NAME).read_text() == f"{os.getpid()}\n"
        assert mode(data_dir / LOCK_NAME) == 0o600
    finally:
        lock.release()


def test_a_released_lock_can_be_taken_again(data_dir):
    data_dir.mkdir(parents=True)
    first, second = InstanceLock(data_dir), InstanceLock(data_dir)
    assert first.acquire()
    assert not second.acquire()  # flock is per open file, even within one process
    first.release()
    assert not first.held
    assert second.acquire()
    second.release()


def test_the_lock_knows_when_its_file_was_replaced(data_dir):
    data_dir.mkdir(parents=True)
    lock = InstanceLock(data_dir)
    assert not lock.still_ours()
    assert lock.acquire()
    try:
        assert lock.still_ours()
        (data_dir / LOCK_NAME).unlink()
        assert not lock.still_ours()
    finally:
        lock.release()


def test_the_lock_file_is_never_a_link(data_dir, tmp_path):
    data_dir.mkdir(parents=True)
    target = tmp_path / "target"
    target.write_text("keep me")
    (data_dir / LOCK_NAME).symlink_to(target)
    with pytest.raises(OSError) as refused:
        InstanceLock(data_dir).acquire()
    assert refused.value.errno == errno.ELOOP
    assert target.read_text() == "keep me"


def test_a_lock_in_a_missing_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        InstanceLock(tmp_path / "missing").acquire()


def test_the_lock_file_names_the_socket_and_keeps_naming_it_when_taken_again(data_dir, runtime):
    data_dir.mkdir(parents=True)
    place = socket_path(data_dir)
    lock = InstanceLock(data_dir)
    assert lock.acquire()
    try:
        assert announced_socket(data_dir) is None  # not listening yet
        lock.announce(place)
        assert (data_dir / LOCK_NAME).read_text() == f"{os.getpid()}\n{place}\n"
        assert announced_socket(data_dir) == place
        (data_dir / LOCK_NAME).unlink()  # the folder emptied under the instance
        lock.release()
        assert lock.acquire()
        assert announced_socket(data_dir) == place
    finally:
        lock.release()


@pytest.mark.parametrize("note", [
    "123\n",
    "123\nrelative/x.sock\n",
    "123\n/tmp/not-a-socket-name\n",
    "\x00\xff garbage",
    "",
])
def test_a_lock_file_that_names_no_usable_socket_names_none(data_dir, note):
    data_dir.mkdir(parents=True)
    (data_dir / LOCK_NAME).write_text(note, errors="surrogateescape")
    assert announced_socket(data_dir) is None


def test_a_socket_named_in_a_folder_others_can_enter_or_through_a_link_is_not_trusted(
        data_dir, tmp_path):
    data_dir.mkdir(parents=True)
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    (data_dir / LOCK_NAME).write_text(f"1\n{shared}/a.sock\n")
    assert announced_socket(data_dir) is None
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    (data_dir / LOCK_NAME).write_text(f"1\n{private}/a.sock\n")
    assert announced_socket(data_dir) == private / "a.sock"
    (tmp_path / "link").symlink_to(private)
    (data_dir / LOCK_NAME).write_text(f"1\n{tmp_path}/link/a.sock\n")
    assert announced_socket(data_dir) is None
    assert announced_socket(tmp_path / "no-folder") is None


# -- the client ----------------------------------------------------------------------------------


class Listener:
    """A stand-in instance in a thread: reads one line per connection, sends `answer`."""

    def __init__(self, path: Path, answer: bytes) -> None:
        self.path = path
        self.answer = answer
        self.received: list[bytes] = []
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._socket.bind(str(path))
        self._socket.listen(4)
        self._socket.settimeout(10)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            connection, _ = self._socket.accept()
        except OSError:
            return
        with connection:
            data = b""
            while b"\n" not in data and (chunk := connection.recv(4096)):
                data += chunk
            self.received.append(data)
            connection.sendall(self.answer)

    def close(self) -> None:
        self._socket.close()
        self._thread.join(timeout=10)


@pytest.fixture
def listen(runtime):
    made = []

    def start(answer: bytes, name: str = "instance.sock") -> Listener:
        listener = Listener(runtime / name, answer)
        made.append(listener)
        return listener

    yield start
    for listener in made:
        listener.close()


def test_send_passes_the_request_and_returns_the_reply(listen):
    listener = listen(encode(Reply(Exit.REFUSED, "still running", {"state": "running"})
                             .to_message()))
    reply = send(listener.path, Request(Command.START, minutes=5))
    assert reply == Reply(Exit.REFUSED, "still running", {"state": "running"})
    [line] = listener.received
    assert line.startswith(b'{"v":2,"cmd":"start","minutes":5,"until":') and line.endswith(b"}\n")


def test_a_socket_in_the_data_folder_is_found_through_the_lock_file(runtime, data_dir,
                                                                     tmp_path):
    """Where the usual folder cannot be used the window listens in its data folder: every
    launch and the backstop (they all ask through `ask_instance`) find it from the lock
    file, and say why the usual place was not used."""
    (runtime / "necktimer").symlink_to(tmp_path)  # planted before the window started
    data_dir.mkdir(parents=True)
    assert ask_instance(data_dir, Request(Command.PING)) is None  # nobody listens yet
    places, problem = sockets_to_ask(data_dir)
    assert places == [] and "may be a link" in problem
    place = data_folder_socket_path(data_dir)
    assert place.parent == data_dir / "socket" and mode(place.parent) == 0o700
    lock = InstanceLock(data_dir)
    assert lock.acquire()
    listener = Listener(place, encode(Reply(Exit.OK, "pong").to_message()))
    try:
        lock.announce(place)
        assert ask_instance(data_dir, Request(Command.PING)) == Reply(Exit.OK, "pong")
        assert listener.received[0].startswith(b'{"v":2,"cmd":"ping","until":')
    finally:
        listener.close()
        lock.release()


def test_nobody_listening_is_unreachable_without_a_complaint(runtime):
    with pytest.raises(Unreachable) as missing:
        send(runtime / "absent.sock", Request(Command.STATUS))
    assert str(missing.value) == ""
    stale = runtime / "stale.sock"  # left by a crashed instance: nobody accepts
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(stale))
    with pytest.raises(Unreachable) as refused:
        send(stale, Request(Command.STATUS))
    assert str(refused.value) == ""


@pytest.mark.parametrize(("answer", "complaint"), [
    (b"hello\n", "not a JSON message"),
    (b'{"code": 9, "message": "hi"}\n', "a reply without a known exit code"),
    (b'["a", "list"]\n', "not a reply"),
    (b"x" * (MAX_MESSAGE * 2), "byte limit"),
])
def test_an_answer_that_is_no_reply_is_unreachable_with_the_reason(listen, answer, complaint):
    listener = listen(answer)
    with pytest.raises(Unreachable, match=complaint):
        send(listener.path, Request(Command.STATUS))


def test_a_connection_closed_unanswered_is_nobody_there(listen):
    """A quitting window drops what it will not do unanswered: its asker must wait for
    the lock and start a window of its own, not report that a window failed to answer."""
    listener = listen(b"")
    with pytest.raises(Unreachable) as closed:
        send(listener.path, Request(Command.START, Therapy.ICE))
    assert str(closed.value) == ""


def test_a_window_that_closes_before_the_request_is_sent_is_nobody_there(runtime,
                                                                        monkeypatch):
    """A window quitting closed the connection between the asker's connect and its send:
    the send failed with a broken pipe, and the handler, reading a reply not yet begun,
    ended the command in a traceback (exit 1, the code of a refusal). Found by an outside
    tester in 8 of 120 `status` commands sent as a window quit."""
    import necktimer.instance as instance

    path = runtime / "quitting.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)
        check_peer = instance.peer_uid

        def window_quits_now(connection):
            accepted, _address = server.accept()
            accepted.close()  # the window goes, leaving the request unread
            return check_peer(connection)

        monkeypatch.setattr(instance, "peer_uid", window_quits_now)
        with pytest.raises(Unreachable) as closed:
            send(path, Request(Command.STATUS))
    assert str(closed.value) == ""  # nobody there: the asker waits for the lock


def test_every_request_says_until_when_its_asker_waits():
    """So that a window frozen past the wait does not carry out later what the asker
    reported as not done."""
    import json

    from necktimer.commands import waiting_clock

    with tempfile.TemporaryDirectory(prefix="nt-") as folder:
        listener = Listener(Path(folder) / "a.sock", encode(Reply(Exit.OK, "ok").to_message()))
        try:
            asked = waiting_clock()
            send(listener.path, Request(Command.STOP), timeout=4)
        finally:
            listener.close()
    [line] = listener.received
    until = json.loads(line)["until"]
    assert asked + 3 <= until <= asked + 4  # a little before the asker gives up
    late = Request(Command.STOP, until=waiting_clock() - 0.1)
    assert late.too_late() and not Request(Command.STOP).too_late()


# -- an answer from another user's process -----------------------------------------------------

LISTENER = """
import socket, sys
from necktimer.commands import Exit, Reply, encode
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
server.listen(1)
server.settimeout(30)
print("ready", flush=True)
connection, _ = server.accept()
connection.recv(4096)
connection.sendall(encode(Reply(Exit.OK, "I am your necktimer").to_message()))
connection.close()
"""


def test_another_users_folder_is_not_waited_for_and_gives_no_traceback(reachable_tmp):
    """`status` as another user on a 0700 folder ended in a PermissionError traceback: the
    look for a safety record a backstop might be writing again could not see inside."""
    needs_root_for_another_user()
    command, env = pure_python_copy(reachable_tmp)
    theirs = reachable_tmp / "theirs"
    theirs.mkdir(mode=0o700)  # root's: nobody cannot look in
    look = ("import sys; from pathlib import Path; from necktimer.instance import "
            "await_restored_record; folder = Path(sys.argv[1]); "
            "print(await_restored_record(folder, folder / 'necktimer.safety.json'))")
    result = subprocess.run([*command, "-c", look, str(theirs)], env=env,
                            capture_output=True, text=True, timeout=30)
    assert (result.stdout, result.stderr) == ("True\n", "")


@pytest.fixture
def listener_as(reachable_tmp):
    """Runs LISTENER with the system Python: as the user nobody, or as ourselves."""
    needs_root_for_another_user()
    if not shutil.which("setpriv"):
        pytest.skip("setpriv (util-linux) is needed to run a process as the user nobody")
    command, env = pure_python_copy(reachable_tmp)
    folder = reachable_tmp / "sockets"
    folder.mkdir(mode=0o700)
    os.chown(folder, 65534, 65534)
    started = []

    def start(*, nobody: bool) -> Path:
        path = folder / ("nobody.sock" if nobody else "ours.sock")
        prefix = command if nobody else command[-1:]
        process = subprocess.Popen([*prefix, "-c", LISTENER, str(path)], env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(process)
        line = process.stdout.readline().strip()
        assert line == "ready", process.stderr.read()
        return path

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def test_an_answer_from_another_users_process_is_not_trusted(listener_as):
    path = listener_as(nobody=True)
    assert os.stat(path).st_uid == 65534
    with pytest.raises(Unreachable, match="held by another user's program"):
        send(path, Request(Command.STATUS))


def test_the_same_listener_run_by_us_is_trusted(listener_as):
    path = listener_as(nobody=False)
    assert send(path, Request(Command.STATUS)) == Reply(Exit.OK, "I am your necktimer")


def test_a_window_that_cannot_answer_a_json_status_is_reported_not_printed_as_null(
        listen, runtime, data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    path = socket_path(data_dir)
    path.parent.mkdir(mode=0o700, exist_ok=True)
    listen(encode(Reply(Exit.UNAVAILABLE, "necktimer could not do that: a test").to_message()),
           name=str(path.relative_to(runtime)))
    done = subprocess.run([sys.executable, "-m", "necktimer", "status", "--json",
                           "--data-dir", str(data_dir)], capture_output=True, text=True,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=60)
    assert (done.returncode, done.stdout) == (3, "")  # not "null" and 0, taken for success
    assert "necktimer could not do that: a test" in done.stderr


def test_a_backstop_is_found_by_its_command_line_once_its_folder_is_gone(tmp_path):
    """Only its process outlives a deleted folder; another folder's backstop, or a
    process that merely names the folder, is not it."""
    from necktimer.instance import backstop_pids

    watched, other = tmp_path / "watched", tmp_path / "other"
    sleeper = "import time; time.sleep(60)"
    processes = [subprocess.Popen([sys.executable, "-c", sleeper, *args]) for args in (
        ["necktimer", "backstop", "--data-dir", str(watched)],
        ["necktimer", "backstop", "--data-dir", str(other)],
        ["necktimer", "status", "--data-dir", str(watched)],
    )]
    try:
        for process in processes:  # a process forked but not yet exec'd shows our cmdline
            cmdline = Path(f"/proc/{process.pid}/cmdline")
            deadline = time.monotonic() + 10
            while b"sleep(60)" not in cmdline.read_bytes() and time.monotonic() < deadline:
                time.sleep(0.01)
        assert backstop_pids(watched) == [processes[0].pid]
        assert backstop_pids(other) == [processes[1].pid]
        assert backstop_pids(tmp_path / "never") == []
    finally:
        for process in processes:
            process.kill()
            process.wait()
