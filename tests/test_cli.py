"""The command line, run as a real process: status, errors, exit codes, language and clock."""

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from helpers import started_ago

from necktimer.core.clock import FakeClock, SystemClock
from necktimer.core.rules import Therapy
from necktimer.core.service import SessionService
from necktimer.instance import backstop_pids


def necktimer(*args, cwd, env=None, timeout=60):
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run([sys.executable, "-m", "necktimer", *args], capture_output=True,
                          text=True, cwd=cwd, env=environment, timeout=timeout)


def test_after_a_reboot_with_the_clock_set_back_a_terminal_closes_the_session_too(
        tmp_path, data_dir):
    """A heat session started on an earlier boot whose clock read 3 h later than this one's:
    how long the pack has been on cannot be known. Before a window ever opens, `status`
    must not offer 15 more minutes, `stop` must not call it a mis-start (no gap), and
    `start` must be refused."""
    clock = FakeClock(datetime.now(UTC) + timedelta(hours=3, minutes=-12))
    clock.advance(0)  # a boot of its own, not this machine's
    service = SessionService.open(data_dir, clock)
    assert service.start(Therapy.HEAT, 15).ok
    service.close()
    status = json.loads(necktimer("status", "--json", "--data-dir", str(data_dir),
                                  cwd=tmp_path).stdout)
    assert status["state"] == "waiting" and status["remaining_s"] is None
    stop = necktimer("stop", "--data-dir", str(data_dir), cwd=tmp_path)
    assert "first minute" not in stop.stdout and stop.returncode == 1, stop.stdout
    start = necktimer("start", "ice", "--data-dir", str(data_dir), cwd=tmp_path)
    # Nobody has said the pack is off: the gap waits for that, and says so.
    assert start.returncode == 1 and "after the pack comes off" in start.stdout


def put_something_else(path, thing: str) -> None:
    """A FIFO (reading it blocks for ever) or a link to /dev/zero (it never ends) at `path`."""
    if thing == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("thing", ["fifo", "link to /dev/zero"])
def test_something_else_at_the_safety_records_path_never_hangs(tmp_path, data_dir, thing):
    """A FIFO there blocked every launch and `status` forever; /dev/zero ate memory."""
    from necktimer.core.record import RECORD_NAME

    data_dir.mkdir(parents=True)
    put_something_else(data_dir / RECORD_NAME, thing)
    result = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path,
                       timeout=30)
    assert result.returncode == 0, result.stderr
    # Nothing can be known: the history is asked for, never assumed empty.
    assert json.loads(result.stdout)["state"] == "unknown"


@pytest.mark.parametrize("thing", ["fifo", "link to /dev/zero"])
@pytest.mark.parametrize(("name", "state"), [("necktimer.sqlite3", "unknown"),
                                             ("settings.ini", "ready")])
def test_something_else_at_the_history_or_settings_path_never_hangs(tmp_path, data_dir,
                                                                    thing, name, state):
    data_dir.mkdir(parents=True)
    if name == "settings.ini":  # beside a history, which a first `status` makes
        assert necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path).returncode == 0
    path = data_dir / name
    put_something_else(path, thing)
    result = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path,
                       timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["state"] == state
    assert "not a regular file" in result.stderr  # said, not silently worked around
    assert os.path.lexists(path) or any(".damaged-" in p.name for p in data_dir.iterdir())


def free_display() -> int:
    """A display number no X server here uses (a desktop-session may run beside the tests)."""
    for number in range(93, 200):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}"):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", 6000 + number)) != 0:
                    return number
    raise AssertionError("no free X display number between 93 and 199")


@pytest.mark.parametrize(("display", "said"), [
    ("", "there is no desktop here"),
    (":{n}", "the display :{n} is not running"),
    ("localhost:{n}.0", "the display localhost:{n}.0 is not running"),  # an SSH login gone
    (":abc", "the display :abc is not running"),
])
def test_without_a_desktop_the_window_commands_say_so_and_start_nothing(
        tmp_path, data_dir, display, said):
    """Qt aborted the process (exit 134, a core dump) where no display could be reached."""
    number = free_display()
    display, said = display.format(n=number), said.format(n=number)
    no_desktop = {"QT_QPA_PLATFORM": "", "WAYLAND_DISPLAY": "", "DISPLAY": display}
    for args in (("start", "ice"), ()):
        result = necktimer(*args, "--data-dir", str(data_dir), cwd=tmp_path, env=no_desktop)
        assert result.returncode == 3 and said in result.stderr, result.stderr
    status = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path,
                       env=no_desktop)
    assert json.loads(status.stdout)["state"] == "ready"


def test_without_a_desktop_a_start_inside_the_gap_says_when_the_next_is_allowed(
        tmp_path, data_dir):
    """Over SSH, `start` answered only "no desktop here": the rules come first, and say
    when a session may start."""
    from helpers import ClockBehind

    service = SessionService.open(data_dir, ClockBehind(30 * 60))  # ended 15 min ago
    assert service.start(Therapy.ICE, 15).ok
    service.close()
    no_desktop = {"QT_QPA_PLATFORM": "", "WAYLAND_DISPLAY": "", "DISPLAY": ""}
    result = necktimer("start", "heat", "--data-dir", str(data_dir), cwd=tmp_path,
                       env=no_desktop)
    assert result.returncode == 1, result.stderr
    assert "Next session allowed" in result.stdout, result.stdout
    assert "no desktop" not in result.stderr


@pytest.fixture
def x_display():
    """A real X server (Xvfb) of its own, as a desktop's; its display name."""
    if shutil.which("Xvfb") is None or shutil.which("xwininfo") is None:
        pytest.skip("needs Debian's xvfb and x11-utils (.ci/run installs them)")
    number = free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-nolisten", "tcp", "-screen", "0",
                               "1366x768x24"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while not os.path.exists(f"/tmp/.X11-unix/X{number}"):
        assert server.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def window_names(display: str) -> str:
    """Every window the X server has, with its title, as xwininfo lists them."""
    return subprocess.run(["xwininfo", "-root", "-tree", "-display", display],
                          capture_output=True, text=True, timeout=10).stdout


def test_a_start_typed_in_a_terminal_is_answered_there_and_a_menus_launch_in_a_dialog(
        tmp_path, x_display):
    """`necktimer start` typed in a terminal, on a desktop, with a folder it could not use
    (or a window that did not answer) opened a modal dialog in front of the desktop, and
    the command did not end until someone closed it. Only a launch from a menu, where
    nobody reads the output (a plain launch, or `--show`), says it in a dialog."""
    from necktimer import DISPLAY_NAME

    (tmp_path / "a file").write_text("")
    data_dir = tmp_path / "a file" / "necktimer"
    desktop = {"QT_QPA_PLATFORM": "", "WAYLAND_DISPLAY": "", "DISPLAY": x_display}
    typed = necktimer("start", "ice", "--data-dir", str(data_dir), cwd=tmp_path,
                      env=desktop, timeout=30)  # a dialog would wait for a click forever
    assert typed.returncode == 3 and "cannot write" in typed.stderr, typed.stderr
    assert f'"{DISPLAY_NAME}"' not in window_names(x_display)
    for args in (("--show", "start", "ice"), ()):
        launched = subprocess.Popen(
            [sys.executable, "-m", "necktimer", *args, "--data-dir", str(data_dir)],
            cwd=tmp_path, env={**os.environ, **desktop}, stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 30
            while f'"{DISPLAY_NAME}"' not in window_names(x_display):
                assert launched.poll() is None, (args, launched.stderr.read())
                assert time.monotonic() < deadline, (args, "no dialog came")
                time.sleep(0.1)
        finally:
            launched.kill()
            launched.communicate(timeout=10)


@pytest.mark.parametrize("args", [("start", "ice"), ()])
def test_without_a_desktop_a_folder_that_cannot_be_used_is_said_not_aborted(tmp_path, args):
    """Over SSH, a window command on a folder it could not use printed why and then asked
    Qt for a dialog: Qt found no display and aborted (exit 134, a core dump)."""
    (tmp_path / "a file").write_text("")
    data_dir = tmp_path / "a file" / "necktimer"
    no_desktop = {"QT_QPA_PLATFORM": "", "WAYLAND_DISPLAY": "", "DISPLAY": ""}
    result = necktimer(*args, "--data-dir", str(data_dir), cwd=tmp_path, env=no_desktop)
    assert result.returncode == 3, result.stderr
    assert "cannot write its session history" in result.stderr
    assert "Qt platform plugin" not in result.stderr


@pytest.mark.parametrize("args", [("status",), ("stop",), ("start", "ice")])
def test_a_folder_name_too_long_for_the_system_is_one_line_not_a_traceback(tmp_path, args):
    data_dir = tmp_path / ("a" * 300)  # over the 255 bytes a name may have
    no_desktop = {"QT_QPA_PLATFORM": "", "WAYLAND_DISPLAY": "", "DISPLAY": ""}
    result = necktimer(*args, "--data-dir", str(data_dir), cwd=tmp_path, env=no_desktop)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("necktimer cannot write its session history")  # once
    assert "File name too long" in result.stderr


def test_output_a_terminal_cannot_take_costs_no_traceback_and_keeps_the_exit_code(
        tmp_path, data_dir):
    """`status > /dev/full`, a reader gone (`| head -0`), and an ASCII-only terminal given
    German words ended commands that had done their work with a traceback and exit 1,
    which means "refused"."""
    command = [sys.executable, "-m", "necktimer", "--data-dir", str(data_dir)]
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with open("/dev/full", "w") as full:
        done = subprocess.run([*command, "status", "--json"], stdout=full, text=True,
                              stderr=subprocess.PIPE, cwd=tmp_path, env=environment,
                              timeout=60)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    reader, writer = os.pipe()
    os.close(reader)  # the reader is gone before anything is written
    try:
        done = subprocess.run([*command, "stop"], stdout=writer, stderr=subprocess.PIPE,
                              text=True, cwd=tmp_path, env=environment, timeout=60)
    finally:
        os.close(writer)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr  # no session
    ascii_german = environment | {"PYTHONIOENCODING": "ascii", "LANG": "de_DE.UTF-8",
                                  "LC_ALL": "", "LANGUAGE": ""}
    done = subprocess.run([*command, "status"], capture_output=True, cwd=tmp_path,
                          env=ascii_german, timeout=60)
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr
    assert done.stdout.startswith(b"Bereit: Sie d?rfen"), done.stdout


def test_status_while_another_program_holds_the_history_says_when_from_the_record(
        tmp_path, data_dir):
    """It exited 3 with "Another program is holding the session history" and no time."""
    import sqlite3

    service, clock, _ = started_ago(data_dir, 30, 5)
    clock.advance(5 * 60)
    service.tick()
    service.acknowledge_removal()  # off at its end, 25 minutes ago
    service.close()
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path)
    finally:
        holder.close()
    assert result.returncode == 0, result.stderr
    assert "Another program" in result.stderr and "safety record" in result.stderr
    status = json.loads(result.stdout)
    assert status["state"] == "waiting" and status["pack_waiting"] is False
    assert 95 * 60 - 15 < status["wait_s"] <= 95 * 60  # less the wait for the lock


def test_status_ready(tmp_path, data_dir):
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == "Ready: you may start an ice or heat session now."


def test_a_time_zone_a_day_off_utc_falls_back_to_utc_and_says_so(tmp_path, data_dir):
    """TZ="<XYZ>+24" is a valid POSIX rule Python cannot hold: every local time raised, a
    start was committed and then crashed, and the backstop failed at each reminder
    (found by an outside tester)."""
    started_ago(data_dir, 20, 15)  # ended 5 minutes ago: the gap runs
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path,
                       env={"TZ": "<XYZ>+24"})
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    [said] = result.stderr.strip().splitlines()
    assert "'<XYZ>+24'" in said and "shown in UTC" in said
    # "Time's up at HH:MM" names the end (5 minutes ago) in UTC, give or take a minute.
    ended = datetime.now(UTC) - timedelta(minutes=5)
    near = {(ended + timedelta(minutes=m)).strftime("Time's up at %H:%M") for m in (-1, 0, 1)}
    assert any(result.stdout.startswith(words) for words in near), result.stdout


def test_status_json_ready(tmp_path, data_dir):
    result = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path)
    assert json.loads(result.stdout) == {
        "state": "ready", "therapy": None, "ends_at": None, "next_allowed_at": None,
        "remaining_s": 900, "wait_s": None, "pack_waiting": False, "warning_signs": [],
    }


def test_status_json_running_and_waiting(tmp_path, data_dir):
    service, clock, _ = started_ago(data_dir, 0, 10, Therapy.HEAT)
    result = necktimer("--data-dir", str(data_dir), "status", "--json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["state"] == "running" and data["therapy"] == "heat"
    assert 590 <= data["remaining_s"] <= 600 and data["wait_s"] is None
    ends = datetime.fromisoformat(data["ends_at"])
    assert ends.utcoffset() is not None
    assert datetime.fromisoformat(data["next_allowed_at"]) - ends == timedelta(hours=2)
    clock.advance(120)
    service.stop()
    service.close()
    data = json.loads(necktimer("status", "--json", "--data-dir", str(data_dir),
                                cwd=tmp_path).stdout)
    assert data["state"] == "waiting" and data["therapy"] is None
    assert data["remaining_s"] is None and data["ends_at"] is None
    assert 7000 < data["wait_s"] <= 7200
    human = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path).stdout
    assert human.startswith("Next session allowed at ")


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["status", "--xml"], "unrecognized arguments: --xml"),
        (["start", "cold"], "'cold' is neither ice nor heat"),
        (["start", "ice", "--minutes", "16"],
         "argument --minutes: 16 is not allowed: a session lasts 1 to 15 minutes (see "),
        (["start", "ice", "--minutes", "0"], "0 is not allowed: a session lasts 1 to 15"),
        (["start", "ice", "--minutes", " 16"], "16 is not allowed: a session lasts 1 to 15"),
        (["start", "ice", "--minutes", "ten"], "'ten' is not a whole number"),
        (["start", "ice", "--minutes", "1_0"], "'1_0' is not a whole number"),
        (["start", "ice", "--minutes", "+5"], "'+5' is not a whole number"),
        (["start", "ice", "--minutes", "5.0"], "'5.0' is not a whole number"),
        (["start", "ice", "--minutes", "-1"], "-1 is not allowed: a session lasts 1 to 15"),
        (["start", "ice", "--minutes", "-1.5"], "'-1.5' is not a whole number"),
        (["explode"], "invalid choice: 'explode'"),
        (["status", "\n"], "unrecognized arguments: \\n"),
        (["last-applied", "25:99"], "is not a time like 14:30, nor 'earlier' (see "),
        (["--minimized", "--show"], "argument --show: not allowed with argument --minimized"),
        (["--minimized", "start", "ice", "--show"],
         "argument --show: not allowed with argument --minimized"),
        (["status", "--show"], "unrecognized arguments: --show"),
    ],
)
def test_bad_command_line_gets_one_line_and_exit_2(tmp_path, data_dir, args, complaint):
    result = necktimer(*args, "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and complaint in lines[0]
    assert not data_dir.exists()  # nothing was touched


def test_show_may_come_before_or_after_the_start_command():
    from necktimer.cli import build_parser

    for args in (["--show", "start", "ice"], ["start", "ice", "--show"]):
        assert build_parser().parse_args(args).show, args
    assert not build_parser().parse_args(["start", "ice"]).show


@pytest.mark.parametrize("args", [["start", "x" * 5000], ["x" * 5000], ["status", "y" * 5000]])
def test_a_long_mistake_is_not_echoed_in_full(tmp_path, data_dir, args):
    """A 5,000-character argument (a paste gone wrong) filled the terminal with itself."""
    result = necktimer(*args, "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert len(line) < 400 and "…" in line and "(see 'necktimer --help')" in line


@pytest.mark.parametrize(("lang", "args", "words"), [
    ("es_US.UTF-8", ["frobnicate"], ["argumento COMMAND", "opción no válida: 'frobnicate'",
                                      "(elija entre 'status', 'start'", "consulte"]),
    ("es_US.UTF-8", ["start", "cold"], ["argumento ice|heat",
                                        "'cold' no es ni ice (Hielo) ni heat (Calor)"]),
    ("de_DE.UTF-8", ["last-applied", "bald"], ["'bald' ist weder eine Uhrzeit wie 14:30"]),
    ("de_DE.UTF-8", ["start"], ["diese Argumente fehlen: ice|heat", "siehe"]),
    ("de_DE.UTF-8", ["--frob"], ["unbekannte Argumente: --frob"]),
])
def test_argparse_own_words_follow_the_language(tmp_path, lang, args, words):
    result = necktimer(*args, cwd=tmp_path, env={"LC_ALL": "", "LANGUAGE": "", "LANG": lang})
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    for word in words:
        assert word in line, line


@pytest.mark.parametrize(("lang", "word"), [("de_DE.UTF-8", "Früher"), ("es_ES.UTF-8", "antes"),
                                          ("de_DE.UTF-8", "earlier")])
def test_more_than_a_gap_ago_is_said_in_the_users_language_too(tmp_path, data_dir, lang, word):
    """Only the English word worked, while "Eis" and "calor" did for the therapy."""
    result = necktimer("last-applied", word, "--data-dir", str(data_dir), cwd=tmp_path,
                       env={"LC_ALL": "", "LANGUAGE": "", "LANG": lang})
    assert result.returncode == 0, result.stderr


def test_help_is_in_the_users_language_too(tmp_path):
    result = necktimer("--help", cwd=tmp_path,
                       env={"LC_ALL": "", "LANGUAGE": "", "LANG": "de_DE.UTF-8"})
    assert result.stdout.startswith("Aufruf: necktimer")
    for text in ("Positionsargumente:", "Optionen:", "diese Hilfe anzeigen und beenden",
                 "Version anzeigen und beenden"):
        assert text in result.stdout
    assert "usage:" not in result.stdout and "show this help" not in result.stdout


def test_an_empty_data_folder_is_refused_not_taken_as_the_current_one(tmp_path):
    result = necktimer("status", "--data-dir", "", cwd=tmp_path)
    assert result.returncode == 2 and "must not be empty" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_help_documents_commands_and_exit_codes(tmp_path):
    result = necktimer("--help", cwd=tmp_path)
    assert result.returncode == 0
    for text in ("start ice|heat", "--minutes", "stop", "status [--json]", "--minimized",
                 "--data-dir", "exit codes", "refused by the safety rules", "quit [--force]",
                 "last-applied", "undo                  take back a stop"):
        assert text in result.stdout


def test_stop_without_instance_or_session(tmp_path, data_dir):
    result = necktimer("stop", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "No session is running."


def test_a_stop_typed_without_a_window_is_taken_back_by_undo(tmp_path, data_dir):
    from helpers import ClockBehind

    service = SessionService.open(data_dir, ClockBehind(5 * 60))  # on for 5 minutes
    assert service.start(Therapy.ICE, 15).ok
    service.close()
    stop = necktimer("stop", "--data-dir", str(data_dir), cwd=tmp_path)
    assert stop.returncode == 0 and "run 'necktimer undo' within 10 s" in stop.stdout
    undo = necktimer("undo", "--data-dir", str(data_dir), cwd=tmp_path)
    assert undo.returncode == 0 and "Stop undone" in undo.stdout, undo
    status = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path)
    assert json.loads(status.stdout)["state"] == "running"
    # The pack is on again with no window: a backstop says when it comes off (nothing
    # did, and its end passed unsaid: outside tester).
    backstops = []
    for _ in range(500):  # its command line shows a moment after its exec
        if backstops := backstop_pids(data_dir.resolve()):
            break
        time.sleep(0.02)
    try:
        assert len(backstops) == 1
    finally:
        for pid in backstops:
            os.kill(pid, signal.SIGKILL)


def test_quit_without_instance(tmp_path, data_dir):
    result = necktimer("quit", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0 and "not running" in result.stdout


def test_quit_without_instance_does_not_wait_for_a_history_another_program_holds(
        tmp_path, data_dir):
    """It waited 5 s for the file, then said another program held it (exit 3)."""
    import sqlite3

    SessionService.open(data_dir, SystemClock()).close()
    holder = sqlite3.connect(data_dir / "necktimer.sqlite3", isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = necktimer("quit", "--data-dir", str(data_dir), cwd=tmp_path)
    finally:
        holder.close()
    assert (result.returncode, result.stdout.strip()) == (0, "necktimer is not running.")
    assert result.stderr == ""


def test_start_refused_during_gap_exits_1_with_the_time(tmp_path, data_dir):
    service, clock, _ = started_ago(data_dir, 30, 5)
    clock.advance(5 * 60)
    service.tick()
    service.acknowledge_removal()  # off at its end, 25 minutes ago
    service.close()
    result = necktimer("start", "heat", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 1
    assert "Next session allowed at" in result.stdout
    assert "(in 1 h 35 min)." in result.stdout


def test_done_from_the_command_line_records_the_removal(tmp_path, data_dir):
    service, _clock, _ = started_ago(data_dir, 10, 5)
    service.close()
    result = necktimer("done", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("Noted: the ice pack came off at")
    again = necktimer("done", "--data-dir", str(data_dir), cwd=tmp_path)
    assert again.returncode == 1 and "No pack was waiting" in again.stdout


@pytest.mark.parametrize(("args", "wait_min"), [((), 120), (("--at-end",), 115)])
def test_done_late_starts_the_gap_now_or_at_the_end_as_the_user_says(tmp_path, data_dir,
                                                                     args, wait_min):
    service, _clock, _ = started_ago(data_dir, 10, 5)  # ended 5 minutes ago
    service.close()
    result = necktimer("done", *args, "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    status = json.loads(necktimer("status", "--json", "--data-dir", str(data_dir),
                                  cwd=tmp_path).stdout)
    assert wait_min * 60 - 10 < status["wait_s"] <= wait_min * 60


def test_damaged_database_is_reported_kept_and_the_gap_is_asked_for(tmp_path, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "necktimer.sqlite3").write_bytes(b"garbage" * 50)
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0
    assert "could not be read" in result.stderr
    assert "please say when the last pack came off" in result.stdout
    assert any(p.name.startswith("necktimer.sqlite3.damaged-") for p in data_dir.iterdir())
    refused = necktimer("start", "ice", "--data-dir", str(data_dir), cwd=tmp_path)
    assert refused.returncode == 1
    answered = necktimer("last-applied", "earlier", "--data-dir", str(data_dir), cwd=tmp_path)
    assert answered.returncode == 0
    ready = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert ready.stdout.startswith("Ready")


def test_a_record_nested_too_deeply_is_damaged_not_a_traceback(tmp_path, data_dir):
    """4 KB of nested brackets made json raise RecursionError, which nothing caught: every
    command ended in a traceback, and the backstop's reminders stopped."""
    service, _clock, outcome = started_ago(data_dir, 1, 15)
    assert outcome.ok
    service.close()
    (data_dir / "necktimer.safety.json").write_text("[" * 2000 + "]" * 2000)
    status = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert "Traceback" not in status.stderr
    assert f"The safety record {data_dir / 'necktimer.safety.json'} is damaged" in (
        status.stderr)
    assert status.returncode == 0 and status.stdout.startswith("Ice session running")
    refused = necktimer("start", "heat", "--data-dir", str(data_dir), cwd=tmp_path)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr


def test_broken_settings_value_is_reported_and_clamped(tmp_path, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.ini").write_text("[General]\ngap_minutes=5\ndefault_minutes=99\n")
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0
    assert "gap_minutes=5 is outside the safe range 120–720; using 120" in result.stderr
    assert "default_minutes=99 is outside the safe range 1–15; using 15" in result.stderr
    assert result.stderr.count("default_minutes=99") == 1  # said once, not once per logger


@pytest.mark.parametrize("setting", ["garbled", "deleted", "lowered"])
def test_a_lowered_gap_setting_names_the_longer_gap_that_still_applies(tmp_path, data_dir,
                                                                       setting):
    """A session ended under a 4-hour gap; then the setting was garbled, its file deleted,
    or the gap lowered to 2 h by hand. "using 120" was all a terminal said, or nothing,
    while the 4 hours kept in the safety record still applied."""
    from helpers import ended_under_a_longer_gap

    real = SystemClock()
    clock = FakeClock(datetime.now(UTC) - timedelta(minutes=20))
    clock.advance(0)
    clock._boot_id = real.boot_id()  # noqa: SLF001 - a fake clock on this very boot
    clock._boottime = real.boottime() - 20 * 60  # noqa: SLF001
    ended_under_a_longer_gap(data_dir, clock, garble_setting=setting == "garbled")
    if setting == "lowered":
        (data_dir / "settings.ini").write_text("[General]\ngap_minutes=120\n")
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert ("gap_minutes='abc' is not a whole number; using 120." in result.stderr) is (
        setting == "garbled")
    assert ("Until the next session starts, the gap stays 4 h, the gap the last session "
            "ended under.") in result.stderr
    status = json.loads(necktimer("status", "--json", "--data-dir", str(data_dir),
                                  cwd=tmp_path).stdout)
    allowed = datetime.fromisoformat(status["next_allowed_at"])
    assert abs(allowed - (clock.now() + timedelta(hours=4))) < timedelta(seconds=5)


def test_an_install_without_pyside_says_so_in_one_line(tmp_path, data_dir):
    hidden = ("import sys; sys.modules['PySide6'] = None; from necktimer.cli import main; "
              "sys.exit(main())")
    result = subprocess.run([sys.executable, "-c", hidden, "status", "--data-dir",
                             str(data_dir)], capture_output=True, text=True, cwd=tmp_path,
                            timeout=60)
    assert result.returncode == 3
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("necktimer: Qt for Python (PySide6) cannot be loaded: ")
    assert result.stderr.strip().endswith("Reinstall necktimer with pip.")


def test_an_install_without_its_resources_says_so_in_one_line(tmp_path, data_dir):
    import shutil

    import necktimer

    copy = tmp_path / "install"  # the package without its resources (a wheel holds them)
    shutil.copytree(Path(necktimer.__file__).parent, copy / "necktimer",
                    ignore=shutil.ignore_patterns("resources"))
    result = subprocess.run(
        [sys.executable, "-m", "necktimer", "status", "--data-dir", str(data_dir)],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={**os.environ, "PYTHONPATH": str(copy), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("necktimer: necktimer's resources are missing (looked in ")
    assert result.stderr.strip().endswith("reinstall necktimer.")


def test_a_mis_start_shortens_what_status_offers(tmp_path, data_dir):
    service, clock, _ = started_ago(data_dir, 1, 15)
    clock.advance(6)
    service.stop()
    service.close()
    data = json.loads(necktimer("status", "--json", "--data-dir", str(data_dir),
                                cwd=tmp_path).stdout)
    assert data["state"] == "ready" and 890 <= data["remaining_s"] <= 894


@pytest.mark.parametrize(("lang", "expected"), [
    ("en_US.UTF-8", "Ice session running"), ("de_DE.UTF-8", "Eisanwendung läuft"),
    ("es_US.UTF-8", "hielo"),
])
def test_messages_follow_the_users_language_and_clock(tmp_path, data_dir, lang, expected):
    service, _clock, _ = started_ago(data_dir, 0, 10)
    service.close()
    env = {"LC_ALL": "", "LANG": lang, "TZ": "America/Chicago"}
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path, env=env)
    assert result.returncode == 0
    if lang.startswith("en_US"):  # 12-hour times, AM or PM (whatever the time of day)
        times = re.findall(r"(\d{1,2}):\d\d\s([AP]M)", result.stdout)
        assert len(times) == 2 and all(1 <= int(hour) <= 12 for hour, _ in times), times
    assert expected in result.stdout, result.stdout
    assert ".." not in result.stdout  # es_US: "… a las 1:29 a.m." ends the sentence once
    data = json.loads(necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path,
                                env=env).stdout)
    datetime.fromisoformat(data["ends_at"])  # JSON stays ISO 8601 whatever the language


def test_gui_launch_on_a_read_only_folder_says_why_and_exits_3(reachable_tmp):
    from helpers import as_nobody, nobody_can_run_here

    reason = nobody_can_run_here()
    if reason:
        pytest.skip(f"the user nobody cannot run this checkout's Python and PySide6: {reason} "
                    "(the same check runs on the Qt-free core in tests/core/test_database.py)")
    folder = reachable_tmp / "ro"
    folder.mkdir()
    os.chmod(folder, 0o555)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run([*as_nobody(), sys.executable, "-m", "necktimer", "--data-dir",
                             str(folder)], capture_output=True, text=True, env=env,
                            cwd=reachable_tmp, timeout=60)
    assert result.returncode == 3
    assert "cannot write its session history" in result.stderr
    assert list(folder.iterdir()) == []


def test_a_relative_xdg_data_home_is_ignored_as_the_specification_says(tmp_path):
    """Taken as it was, each working directory had its own history, and its own gap."""
    home = tmp_path / "home"
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    env = {"HOME": str(home), "XDG_DATA_HOME": "relative"}
    started = necktimer("status", cwd=tmp_path / "a", env=env)
    assert started.returncode == 0, started.stderr
    assert (home / ".local" / "share" / "necktimer").is_dir()
    assert not (tmp_path / "a" / "relative").exists()
    assert necktimer("status", cwd=tmp_path / "b", env=env).returncode == 0
    assert not (tmp_path / "b" / "relative").exists()


def test_a_folder_named_in_another_encoding_works(tmp_path):
    """A data folder (or a home) whose name is not UTF-8, a Latin-1 "é" say: every command
    ended in a traceback (exit 1, read as "refused") while naming the record's copy."""
    latin1 = os.fsdecode(b"profil\xe9")  # how Python holds a name it cannot decode
    data_dir = tmp_path / latin1
    home = tmp_path / os.fsdecode(b"h\xe9")
    env = {"HOME": str(home), "XDG_STATE_HOME": str(home / ".local" / "state")}
    status = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path, env=env)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["state"] == "ready"
    service, _clock, outcome = started_ago(data_dir, 20, 15)
    assert outcome.ok
    service.close()
    done = necktimer("done", "--data-dir", str(data_dir), cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    [copy] = (home / ".local" / "state" / "necktimer" / "records").iterdir()
    assert os.fsencode(copy.name).startswith(os.fsencode(str(tmp_path).replace("/", "%2F")))


def test_a_command_started_with_its_output_closed_still_answers_by_its_exit_code(
        tmp_path, data_dir):
    """`necktimer stop >&-` stopped the session, then failed on flushing an output Python
    never opened: a traceback and exit 1, which a script reads as "refused"."""
    service, _clock, outcome = started_ago(data_dir, 5, 15)
    assert outcome.ok
    service.close()
    stop = subprocess.run([sys.executable, "-m", "necktimer", "stop", "--data-dir",
                           str(data_dir)], stderr=subprocess.PIPE, text=True, cwd=tmp_path,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60,
                          preexec_fn=lambda: os.close(1))
    assert stop.returncode == 0, stop.stderr
    assert "Traceback" not in stop.stderr
    status = json.loads(necktimer("status", "--json", "--data-dir", str(data_dir),
                                  cwd=tmp_path).stdout)
    assert status["state"] == "waiting"


def test_a_record_copy_that_cannot_be_written_is_said_in_the_terminal(tmp_path, data_dir):
    service, _clock, outcome = started_ago(data_dir, 5, 15)
    assert outcome.ok
    service.close()
    state = tmp_path / "state"
    state.write_text("a file where the state folder should be")
    stop = necktimer("stop", "--data-dir", str(data_dir), cwd=tmp_path,
                     env={"XDG_STATE_HOME": str(state)})
    assert stop.returncode == 0, stop.stderr
    assert "spare copy of the safety record could not be written" in stop.stderr
