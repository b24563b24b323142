"""One instance per user and data folder, checked with real processes."""

import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from necktimer.ui.single_instance import MAX_MESSAGE, send_request, socket_path


@pytest.fixture
def runtime_dir(monkeypatch):
    # Short and private, like XDG_RUNTIME_DIR on a desktop (socket paths are limited to 107 bytes).
    path = Path(tempfile.mkdtemp(prefix="nt-run-"))
    path.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(path))
    yield path
    shutil.rmtree(path, ignore_errors=True)


class Launcher:
    def __init__(self, data_dir, runtime_dir):
        self.data_dir = data_dir
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime_dir))
        self.env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self.cwd = runtime_dir
        self.processes = []

    def spawn(self, *args):
        process = subprocess.Popen(
            [sys.executable, "-m", "necktimer", "--data-dir", str(self.data_dir), *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env, cwd=self.cwd)
        self.processes.append(process)
        return process

    def run(self, *args, timeout=60):
        process = self.spawn(*args)
        out, err = process.communicate(timeout=timeout)
        return process.returncode, out.strip(), err.strip()

    @property
    def socket(self):
        return socket_path(self.data_dir)

    def wait_ready(self, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            reply = send_request(self.socket, {"cmd": "status"}, timeout_s=1)
            if reply is not None:
                return reply
        raise AssertionError("the instance never answered")

    def cleanup(self):
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.communicate()


@pytest.fixture
def launcher(data_dir, runtime_dir, qapp):
    running = Launcher(data_dir, runtime_dir)
    yield running
    running.cleanup()


def alive(launcher):
    return [p for p in launcher.processes if p.poll() is None]


def test_two_launches_at_once_leave_one_instance(launcher):
    for _round in range(20):
        first, second = launcher.spawn(), launcher.spawn()
        launcher.wait_ready()
        deadline = time.monotonic() + 30
        while len(alive(launcher)) > 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        running = alive(launcher)
        assert len(running) == 1
        loser = second if running == [first] else first
        assert loser.returncode == 0
        assert send_request(launcher.socket, {"cmd": "quit"})["ok"]
        assert running[0].wait(timeout=30) == 0
        launcher.cleanup()
        launcher.processes.clear()


def test_commands_from_a_second_process_act_on_the_first(launcher):
    primary = launcher.spawn()
    launcher.wait_ready()
    code, out, _ = launcher.run("start", "ice", "--minutes", "5")
    assert code == 0 and out.startswith("Ice session started: take the ice pack off at")
    code, out, _ = launcher.run("status", "--json")
    data = json.loads(out)
    assert data["state"] == "running" and data["therapy"] == "ice"
    code, out, _ = launcher.run("start", "heat")
    assert code == 1
    assert "still running" in out and "Next session allowed at" in out
    code, out, _ = launcher.run("stop")
    assert code == 0 and "cancelled within its first minute" in out
    code, out, _ = launcher.run()  # a plain second launch raises the window and exits
    assert code == 0
    assert primary.poll() is None
    code, out, _ = launcher.run("quit")
    assert code == 0
    assert primary.wait(timeout=30) == 0


def test_a_killed_instance_does_not_block_the_next(launcher):
    crashed = launcher.spawn()
    launcher.wait_ready()
    launcher.run("start", "heat", "--minutes", "10")
    crashed.send_signal(signal.SIGKILL)
    crashed.wait()
    assert Path(launcher.socket).exists()  # left behind by the crash
    assert (launcher.data_dir / "instance.lock").exists()
    successor = launcher.spawn()
    reply = launcher.wait_ready()
    assert reply["status"]["state"] == "running"  # the session survived the crash
    assert successor.poll() is None
    launcher.run("quit")
    assert successor.wait(timeout=30) == 0


def raw_exchange(path, payload, shutdown=True):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
        client.settimeout(10)
        client.connect(path)
        try:
            client.sendall(payload)
            if shutdown:
                client.shutdown(socket.SHUT_WR)
        except (BrokenPipeError, ConnectionResetError):
            pass
        data = b""
        try:
            while chunk := client.recv(4096):
                data += chunk
        except (ConnectionResetError, TimeoutError):
            pass
        return data


@pytest.mark.parametrize(
    "payload",
    [
        b"not json at all\n",
        b"\xff\xfe\x00garbage\n",
        b'["a", "list"]\n',
        b'{"v": 99, "cmd": "status"}\n',
        b'{"v": 1, "cmd": "format-disk"}\n',
        b'{"v": 1, "cmd": "start", "therapy": "lava"}\n',
        b'{"v": 1, "cmd": "start", "therapy": "ice", "minutes": "999"}\n',
        b'{"v": 1, "cmd": "start", "therapy": "ice", "extra": 1}\n',
        b"x" * (MAX_MESSAGE * 30),
        b'{"v": 1, "cmd": "status", "pad": "' + b"y" * (MAX_MESSAGE * 2) + b'"}\n',
    ],
)
def test_malformed_or_oversized_messages_are_refused_and_the_instance_lives(launcher, payload):
    primary = launcher.spawn("-v")
    launcher.wait_ready()
    answer = json.loads(raw_exchange(launcher.socket, payload).splitlines()[0])
    assert answer == {"ok": False, "code": 2, "message": answer["message"]}
    assert answer["message"].startswith("refused:")
    assert primary.poll() is None
    assert launcher.wait_ready(timeout=10)["ok"]
    assert launcher.run("status")[0] == 0
    assert json.loads(launcher.run("status", "--json")[1])["state"] == "ready"
    launcher.run("quit")
    primary.wait(timeout=30)
    assert "refused a command" in primary.stderr.read()


def test_socket_is_private(launcher, runtime_dir):
    launcher.spawn()
    launcher.wait_ready()
    mode = stat.S_IMODE(os.stat(launcher.socket).st_mode)
    assert mode & 0o077 == 0
    assert Path(launcher.socket).parent == runtime_dir
    launcher.run("quit")
