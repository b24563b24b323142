"""The SQLite record: schema, constraints, damage handling and private files."""

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import timedelta

import pytest
from helpers import T0, as_nobody

from necktimer.core.rules import EndReason, Therapy
from necktimer.core.store import DB_NAME, MIGRATIONS, SCHEMA_VERSION, Store, StoreError


def test_new_database_has_current_schema_version(store):
    assert store.schema_version == SCHEMA_VERSION == len(MIGRATIONS)


def test_reopening_keeps_rows(data_dir):
    first = Store.open(data_dir).store
    with first.transaction():
        first.insert_session(Therapy.ICE, T0, T0 + timedelta(minutes=15))
    first.close()
    again = Store.open(data_dir).store
    assert [s.therapy for s in again.all_sessions()] == [Therapy.ICE]


def test_file_refuses_a_session_longer_than_15_minutes(store):
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.insert_session(Therapy.HEAT, T0, T0 + timedelta(minutes=15, seconds=1))


def test_file_refuses_two_open_sessions(store):
    with store.transaction():
        store.insert_session(Therapy.ICE, T0, T0 + timedelta(minutes=15))
    with pytest.raises(sqlite3.IntegrityError), store.transaction():
        store.insert_session(Therapy.HEAT, T0, T0 + timedelta(minutes=15))
    assert store.count() == 1


def test_end_is_written_once(store):
    with store.transaction():
        session_id = store.insert_session(Therapy.ICE, T0, T0 + timedelta(minutes=15))
        assert store.end_session(session_id, T0 + timedelta(minutes=3), EndReason.STOPPED)
        assert not store.end_session(session_id, T0 + timedelta(minutes=4), EndReason.STOPPED)
    assert store.get(session_id).ended_at == T0 + timedelta(minutes=3)


def test_timestamps_are_stored_as_utc_text(store, data_dir):
    with store.transaction():
        store.insert_session(Therapy.ICE, T0, T0 + timedelta(minutes=15))
    raw = sqlite3.connect(data_dir / DB_NAME).execute("SELECT started_at FROM sessions").fetchone()
    assert raw[0] == "2026-03-02T08:00:00.000000+00:00"


def test_garbage_file_is_moved_aside_with_a_notice(data_dir):
    data_dir.mkdir(parents=True)
    garbage = b"this is not a database" * 100
    (data_dir / DB_NAME).write_bytes(garbage)
    opened = Store.open(data_dir)
    assert opened.notice is not None
    assert "could not be read" in opened.notice
    moved = [p for p in data_dir.iterdir() if p.name.startswith(DB_NAME + ".damaged-")]
    assert len(moved) == 1
    assert moved[0].read_bytes() == garbage  # kept intact, never overwritten
    assert moved[0].name in opened.notice
    assert opened.store.count() == 0
    opened.store.close()


def test_truncated_database_is_moved_aside(data_dir):
    store = Store.open(data_dir).store
    with store.transaction():
        for minute in range(0, 200 * 180, 180):
            start = T0 + timedelta(minutes=minute)
            session_id = store.insert_session(Therapy.ICE, start, start + timedelta(minutes=15))
            store.end_session(session_id, start + timedelta(minutes=15), EndReason.COMPLETED)
    store.close()
    path = data_dir / DB_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    opened = Store.open(data_dir)
    assert opened.notice is not None
    opened.store.close()


def test_database_from_a_newer_version_is_not_touched(data_dir):
    Store.open(data_dir).store.close()
    connection = sqlite3.connect(data_dir / DB_NAME)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()
    before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(StoreError, match="newer necktimer"):
        Store.open(data_dir)
    assert (data_dir / DB_NAME).read_bytes() == before


def test_files_are_private(store, data_dir):
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DB_NAME).stat().st_mode) == 0o600


def test_read_only_data_folder_gets_a_clear_message_and_changes_nothing(reachable_tmp):
    """Run as an unprivileged user (root ignores file modes) against a folder it cannot write."""
    folder = reachable_tmp / "ro"
    store = Store.open(folder).store
    with store.transaction():
        store.insert_session(Therapy.ICE, T0, T0 + timedelta(minutes=15))
    store.close()
    before = (folder / DB_NAME).read_bytes()
    os.chmod(folder, 0o555)
    os.chmod(folder / DB_NAME, 0o444)
    script = (
        "import sys; from pathlib import Path\n"
        "from necktimer.core.store import Store, StoreError\n"
        "try:\n    Store.open(Path(sys.argv[1]))\n"
        "except StoreError as e:\n    print(e); sys.exit(3)\n"
    )
    prefix = as_nobody()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    result = subprocess.run([*prefix, sys.executable, "-c", script, str(folder)],
                            capture_output=True, text=True, env=env, timeout=60)
    os.chmod(folder, 0o700)
    assert result.returncode == 3, result.stderr
    assert "cannot write its session history" in result.stdout
    assert "--data-dir" in result.stdout
    assert (folder / DB_NAME).read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [DB_NAME]


def test_processes_opening_a_new_folder_at_once_all_succeed(tmp_path):
    script = (
        "import sys; from pathlib import Path; from necktimer.core.store import Store\n"
        "store = Store.open(Path(sys.argv[1])).store; print(store.schema_version)\n"
    )
    for attempt in range(5):
        folder = tmp_path / f"fresh{attempt}"
        processes = [subprocess.Popen([sys.executable, "-c", script, str(folder)],
                                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(4)]
        for process in processes:
            out, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
            assert out.strip() == str(SCHEMA_VERSION)
