"""The command line, run as a real process: status, errors, exit codes."""

import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from helpers import as_nobody

from necktimer.core.clock import FakeClock, SystemClock
from necktimer.core.rules import EndReason, Therapy
from necktimer.core.service import SessionService
from necktimer.core.store import Store


def necktimer(*args, cwd, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "necktimer", *args], capture_output=True,
                          text=True, cwd=cwd, env=env, timeout=timeout)


def test_status_ready(tmp_path, data_dir):
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == "Ready: you may start an ice or heat session now."


def test_status_json_ready(tmp_path, data_dir):
    result = necktimer("status", "--json", "--data-dir", str(data_dir), cwd=tmp_path)
    assert json.loads(result.stdout) == {
        "state": "ready", "therapy": None, "ends_at": None, "next_allowed_at": None,
        "remaining_s": None, "wait_s": None,
    }


def test_status_json_running_and_waiting(tmp_path, data_dir):
    store = Store.open(data_dir).store
    service = SessionService(store, SystemClock())
    service.start(Therapy.HEAT, 10)
    result = necktimer("--data-dir", str(data_dir), "status", "--json", cwd=tmp_path)
    data = json.loads(result.stdout)
    assert data["state"] == "running" and data["therapy"] == "heat"
    assert 590 <= data["remaining_s"] <= 600 and data["wait_s"] is None
    ends = datetime.fromisoformat(data["ends_at"])
    assert ends.utcoffset() is not None
    assert datetime.fromisoformat(data["next_allowed_at"]) - ends == timedelta(hours=2)

    session = store.all_sessions()[0]
    with store.transaction():
        store.end_session(session.id, session.started_at + timedelta(minutes=2),
                          EndReason.STOPPED)
    store.close()
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
        (["start", "cold"], "invalid choice: 'cold'"),
        (["start", "ice", "--minutes", "16"], "1 to 15 minutes; 16 is not allowed"),
        (["start", "ice", "--minutes", "0"], "1 to 15 minutes; 0 is not allowed"),
        (["start", "ice", "--minutes", "ten"], "'ten' is not a whole number"),
        (["explode"], "invalid choice: 'explode'"),
    ],
)
def test_bad_command_line_gets_one_line_and_exit_2(tmp_path, data_dir, args, complaint):
    result = necktimer(*args, "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and complaint in lines[0]
    assert not (data_dir / "necktimer.sqlite3").exists()  # nothing was touched


def test_help_documents_commands_and_exit_codes(tmp_path):
    result = necktimer("--help", cwd=tmp_path)
    assert result.returncode == 0
    for text in ("start ice|heat", "--minutes", "stop", "status [--json]", "--minimized",
                 "--data-dir", "exit codes", "refused by the safety rules"):
        assert text in result.stdout


def test_stop_without_instance_or_session(tmp_path, data_dir):
    result = necktimer("stop", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.strip() == "No session is running."


def test_start_refused_during_gap_exits_1_with_the_time(tmp_path, data_dir):
    store = Store.open(data_dir).store
    half_an_hour_ago = FakeClock(datetime.now(UTC) - timedelta(minutes=30))
    service = SessionService(store, half_an_hour_ago)
    service.start(Therapy.ICE, 5)
    with store.transaction():
        session = store.all_sessions()[0]
        store.end_session(session.id, session.started_at + timedelta(minutes=5),
                          EndReason.STOPPED)
    store.close()
    result = necktimer("start", "heat", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 1
    assert "Next session allowed at" in result.stdout
    assert "— in 1 h 35 min." in result.stdout


def test_damaged_database_is_reported_and_kept(tmp_path, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "necktimer.sqlite3").write_bytes(b"garbage" * 50)
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0
    assert "could not be read" in result.stderr
    assert any(p.name.startswith("necktimer.sqlite3.damaged-") for p in data_dir.iterdir())


def test_broken_settings_value_is_reported_and_clamped(tmp_path, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.ini").write_text("[General]\ngap_minutes=5\ndefault_minutes=99\n")
    result = necktimer("status", "--data-dir", str(data_dir), cwd=tmp_path)
    assert result.returncode == 0
    assert "gap_minutes=5 is outside the safe range 120–720; using 120" in result.stderr
    assert "default_minutes=99 is outside the safe range 1–15; using 15" in result.stderr


def test_gui_launch_on_a_read_only_folder_says_why_and_exits_3(reachable_tmp):
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
