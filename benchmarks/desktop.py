"""The private desktop a benchmark run measures on, started for the run and ended after it.

Whatever of these is installed: an X server (Xvfb on a free display :90-:99), a
session bus (dbus-daemon), a system tray (trayer) and a notification server (the
repository's tests/support/notification_server.py when dbus-next is importable,
else dunst watched by dbus-monitor). What is missing is said in Desktop.lines, and
the measures that need it say why they were skipped. Without Xvfb, or when Qt's
xcb plugin cannot load, the apps run with QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from linelog import LineLog, last_line
from xwatch import MapWatcher, XError

TEST_SERVER = Path("tests/support/notification_server.py")
TRAYER = ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
          "--height", "28", "--transparent", "false", "--tint", "0x333333"]
NOTIFY_MATCH = "interface='org.freedesktop.Notifications',member='Notify'"


@dataclass
class Desktop:
    """What the children run on: their environment and the pieces that could be started."""

    env: dict[str, str]
    watcher: MapWatcher | None = None  # set when there is a real X server
    display: str | None = None
    tray: bool = False
    notifications: LineLog | None = None  # one line per Notify call: its summary
    lines: list[str] = field(default_factory=list)  # the platform, for the header
    without: frozenset[str] = frozenset()  # programs not to use even when installed

    def has(self, program: str) -> bool:
        """Whether program is installed and not left out with --without."""
        return program not in self.without and shutil.which(program) is not None

    def lacks(self, program: str, package: str) -> str:
        """Why program is not used: left out, or not installed (and the Debian package)."""
        if program in self.without:
            return f"left out with --without {program}"
        return f"no {program} on PATH: apt-get install {package}"

    @property
    def platform(self) -> str:
        """'xvfb' or 'offscreen'."""
        return "xvfb" if self.watcher else "offscreen"


@contextlib.contextmanager
def private_desktop(python: str, source: Path,
                    without: frozenset[str] = frozenset()) -> Iterator[Desktop]:
    """Start what is installed of the desktop; end all of it afterwards."""
    with contextlib.ExitStack() as stack:
        runtime = stack.enter_context(tempfile.TemporaryDirectory(prefix="necktimer-bench-run-"))
        os.chmod(runtime, 0o700)
        # The safety record's copies of the runs' data folders: not in the user's home.
        state = stack.enter_context(tempfile.TemporaryDirectory(prefix="necktimer-bench-state-"))
        env = {key: value for key, value in os.environ.items()
               if key not in ("DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS",
                              "QT_QPA_PLATFORM", "SESSION_MANAGER")}
        env.update(XDG_RUNTIME_DIR=runtime, XDG_STATE_HOME=state, PYTHONPATH=str(source),
                   QT_QPA_PLATFORM="offscreen")
        desktop = Desktop(env, without=without)
        _start_x(stack, desktop, python)
        _start_bus(stack, desktop)
        _start_tray(stack, desktop)
        _start_notifications(stack, desktop, python, source)
        yield desktop


def _spawn(stack: contextlib.ExitStack, argv: list[str], env: dict[str, str],
           **options) -> subprocess.Popen:
    """Start a helper process that the stack ends (SIGTERM, then SIGKILL)."""
    options.setdefault("stdout", subprocess.DEVNULL)
    options.setdefault("stderr", subprocess.DEVNULL)
    process = subprocess.Popen(argv, env=env, **options)
    stack.callback(end_process, process)
    return process


def end_process(process: subprocess.Popen) -> None:
    """SIGTERM, wait a little, SIGKILL."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _start_x(stack: contextlib.ExitStack, desktop: Desktop, python: str) -> None:
    """Xvfb on a free display :90-:99, if Qt's xcb plugin loads there; else offscreen."""
    if not desktop.has("Xvfb"):
        desktop.lines.append(f"screen: offscreen (QT_QPA_PLATFORM=offscreen; "
                             f"{desktop.lacks('Xvfb', 'xvfb')}): start-up to a visible window "
                             "needs Xvfb")
        return
    for number in random.sample(range(90, 100), 10):
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            continue
        server = _spawn(stack, ["Xvfb", f":{number}", "-screen", "0", "1280x800x24",
                                "-nolisten", "tcp"], desktop.env)
        watcher = _connect(number, server)
        if watcher is None:
            end_process(server)
            continue
        stack.callback(watcher.close)
        env = dict(desktop.env, DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
        problem = _qt_xcb_problem(python, env)
        if problem:
            desktop.lines.append(f"screen: offscreen: Qt's xcb plugin does not load on Xvfb "
                                 f"({problem})")
            return
        desktop.env, desktop.watcher, desktop.display = env, watcher, f":{number}"
        desktop.lines.append(f"screen: private Xvfb :{number} (1280x800x24), Qt platform xcb, "
                             "no window manager")
        return
    desktop.lines.append("screen: offscreen: Xvfb could not be started and reached (without "
                         "authorization) on any free display :90-:99")


def _connect(number: int, server: subprocess.Popen) -> MapWatcher | None:
    """Connect to the new X server once it listens (10 s at most)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and server.poll() is None:
        try:
            return MapWatcher(number)
        except (OSError, XError):
            time.sleep(0.05)
    return None


def _qt_xcb_problem(python: str, env: dict[str, str]) -> str | None:
    """Why a QApplication cannot start on the X server, or None when it can."""
    code = "from PySide6.QtWidgets import QApplication; QApplication([])"
    result = subprocess.run([python, "-c", code], env=env, capture_output=True, text=True,
                            timeout=60, check=False)
    if result.returncode == 0:
        return None
    lines = [line for line in result.stderr.splitlines() if "needed" in line or "Could" in line]
    return (lines[0] if lines else last_line(result.stderr)).strip()


def _start_bus(stack: contextlib.ExitStack, desktop: Desktop) -> None:
    """A private session bus, so the apps find it as on a desktop."""
    if not desktop.has("dbus-daemon"):
        desktop.lines.append(f"session bus: none ({desktop.lacks('dbus-daemon', 'dbus')}): "
                             "notifications fall back to the tray or the window")
        return
    bus = _spawn(stack, ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                 desktop.env, stdout=subprocess.PIPE, text=True)
    address = bus.stdout.readline().strip()
    if not address:
        desktop.lines.append("session bus: none (dbus-daemon did not start)")
        return
    desktop.env["DBUS_SESSION_BUS_ADDRESS"] = address
    desktop.lines.append("session bus: private dbus-daemon")


def _start_tray(stack: contextlib.ExitStack, desktop: Desktop) -> None:
    """trayer as the system tray, when installed and there is an X server."""
    if desktop.watcher is None:
        desktop.lines.append("tray: none (offscreen): the hidden cases cannot hide necktimer's "
                             "window and are skipped")
        return
    how = ("the hidden cases start necktimer with --minimized (no tray: it shows its window) "
           "and unmap that window with an X UnmapWindow request, which Qt takes as hidden")
    if not desktop.has("trayer"):
        desktop.lines.append(f"tray: none ({desktop.lacks('trayer', 'trayer')}): {how}")
        return
    _spawn(stack, TRAYER, desktop.env)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if desktop.watcher.selection_owner("_NET_SYSTEM_TRAY_S0"):
            desktop.tray = True
            desktop.lines.append("tray: trayer (XEmbed); hidden cases use --minimized")
            return
        time.sleep(0.1)
    desktop.lines.append(f"tray: none (trayer did not take the tray selection): {how}")


def _start_notifications(stack: contextlib.ExitStack, desktop: Desktop, python: str,
                         source: Path) -> None:
    """The repository's test notification server, else dunst watched by dbus-monitor."""
    address = desktop.env.get("DBUS_SESSION_BUS_ADDRESS")
    if not address:
        desktop.lines.append("notifications: none (no session bus)")
        return
    server = source / TEST_SERVER
    has_dbus_next = subprocess.run([python, "-c", "import dbus_next"], capture_output=True,
                                   check=False).returncode == 0
    if server.exists() and has_dbus_next and "test-server" not in desktop.without:
        process = _spawn(stack, [python, str(server), address], desktop.env, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        if '"ready"' in process.stdout.readline():
            desktop.notifications = LineLog(_summaries_from_test_server(process.stdout))
            desktop.lines.append(f"notifications: {TEST_SERVER} (Notify calls timestamped as "
                                 "its stdout lines arrive)")
            return
    if desktop.has("dunst") and desktop.has("dbus-monitor") and desktop.watcher:
        _spawn(stack, ["dunst"], desktop.env)
        monitor = ["dbus-monitor", "--session", NOTIFY_MATCH]
        if shutil.which("stdbuf"):
            monitor = ["stdbuf", "-oL", *monitor]
        process = _spawn(stack, monitor, desktop.env, text=True, stdout=subprocess.PIPE)
        desktop.notifications = LineLog(_summaries_from_dbus_monitor(process.stdout))
        desktop.lines.append("notifications: dunst (Notify calls timestamped by dbus-monitor)")
        return
    desktop.lines.append("notifications: none (neither the test server with dbus-next nor "
                         "dunst + dbus-monitor on an X server): the latency row is skipped")


def _summaries_from_test_server(stream) -> Iterator[str]:
    """The summary of each Notify the test server prints (one JSON object a line)."""
    for line in stream:
        with contextlib.suppress(json.JSONDecodeError):
            record = json.loads(line)
            if "summary" in record:
                yield record["summary"]


def _summaries_from_dbus_monitor(stream) -> Iterator[str]:
    """The summary (third string argument) of each Notify call dbus-monitor prints."""
    strings = None
    for line in stream:
        if not line.startswith(" "):  # a message header
            strings = [] if "member=Notify" in line else None
        elif strings is not None and line.strip().startswith("string "):
            strings.append(line.strip()[len('string "'):-1])
            if len(strings) == 3:
                yield strings[2]
                strings = None
