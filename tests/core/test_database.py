"""The history file's lifecycle: schema, migrations, its own mark, private files, damage."""

import os
import sqlite3
import stat
import subprocess
import sys

import pytest
from helpers import pure_python_copy

from necktimer.core.database import (
    APPLICATION_ID,
    DB_NAME,
    MIGRATIONS,
    SCHEMA_VERSION,
    Problem,
    StorageError,
    header_damage,
    make_private_dir,
    open_database,
)


def test_new_database_has_current_schema_and_our_mark(data_dir):
    opened = open_database(data_dir)
    version = opened.connection.execute("PRAGMA user_version").fetchone()[0]
    app_id = opened.connection.execute("PRAGMA application_id").fetchone()[0]
    opened.connection.close()
    assert version == SCHEMA_VERSION == len(MIGRATIONS)
    assert app_id == APPLICATION_ID


def test_a_first_release_file_is_migrated_with_its_rows(data_dir):
    data_dir.mkdir(parents=True)
    old = sqlite3.connect(data_dir / DB_NAME)
    for statement in MIGRATIONS[0].split(";"):
        if statement.strip():
            old.execute(statement)
    old.execute("PRAGMA user_version = 1")
    old.execute("INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason)"
                " VALUES ('ice', '2026-01-01T10:00:00+00:00', '2026-01-01T10:15:00+00:00',"
                " '2026-01-01T10:15:00+00:00', 'completed')")
    old.commit()
    old.close()
    opened = open_database(data_dir)
    row = opened.connection.execute("SELECT therapy, planned_s, actual_s, removed_boot"
                                    " FROM sessions").fetchone()
    assert tuple(row) == ("ice", 900, 900, None)  # every later step ran
    opened.connection.close()


def test_the_file_refuses_a_session_longer_than_15_minutes(data_dir):
    connection = open_database(data_dir).connection
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute("INSERT INTO sessions (therapy, started_at, planned_end) VALUES "
                           "('heat', '2026-01-01T10:00:00+00:00', '2026-01-01T10:15:01+00:00')")
    connection.close()


def test_the_file_refuses_two_open_sessions(data_dir):
    connection = open_database(data_dir).connection
    insert = ("INSERT INTO sessions (therapy, started_at, planned_end) VALUES "
              "('ice', '2026-01-01T10:00:00+00:00', '2026-01-01T10:15:00+00:00')")
    connection.execute(insert)
    with pytest.raises(sqlite3.IntegrityError):
        connection.execute(insert)
    connection.close()


def test_database_from_a_newer_version_is_not_touched(data_dir):
    open_database(data_dir).connection.close()
    connection = sqlite3.connect(data_dir / DB_NAME)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.commit()
    connection.close()
    before = (data_dir / DB_NAME).read_bytes()
    with pytest.raises(StorageError, match="newer necktimer") as raised:
        open_database(data_dir)
    assert raised.value.problem is Problem.NEWER
    assert (data_dir / DB_NAME).read_bytes() == before


@pytest.mark.parametrize(("content", "why"), [
    (b"this is not a database" * 100, "not an SQLite database"),
    (b"\0" * 4096, "not an SQLite database"),
])
def test_header_damage_is_recognised(tmp_path, content, why):
    path = tmp_path / DB_NAME
    path.write_bytes(content)
    assert header_damage(path) == why


def test_a_file_cut_short_is_recognised_by_its_header(data_dir):
    connection = open_database(data_dir).connection
    for day in range(1, 300):
        connection.execute(
            "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason) "
            "VALUES ('ice', ?, ?, ?, 'completed')",
            (f"2025-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T10:00:00+00:00",
             f"2025-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T10:15:00+00:00",
             f"2025-{1 + day // 28 % 12:02d}-{1 + day % 28:02d}T10:15:00+00:00"))
    connection.close()
    path = data_dir / DB_NAME
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert header_damage(path) == "the file is cut short"


def test_files_are_private(data_dir):
    open_database(data_dir).connection.close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DB_NAME).stat().st_mode) == 0o600


def test_a_folder_the_user_chose_keeps_its_mode(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o1777)
    make_private_dir(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    inner = shared / "new" / "profile"
    make_private_dir(inner)
    assert stat.S_IMODE(inner.stat().st_mode) == 0o700
    assert stat.S_IMODE(inner.parent.stat().st_mode) == 0o700


def test_read_only_data_folder_gets_a_clear_message_and_changes_nothing(reachable_tmp):
    """Run as an unprivileged user (root ignores file modes) against a folder it cannot write."""
    command, env = pure_python_copy(reachable_tmp / "code")
    folder = reachable_tmp / "ro"
    open_database(folder).connection.close()
    before = (folder / DB_NAME).read_bytes()
    os.chmod(folder, 0o555)
    os.chmod(folder / DB_NAME, 0o444)
    script = (
        "import sys; from pathlib import Path\n"
        "from necktimer.core.database import open_database, StorageError\n"
        "try:\n    open_database(Path(sys.argv[1]))\n"
        "except StorageError as e:\n    print(e); sys.exit(3)\n"
    )
    result = subprocess.run([*command, "-c", script, str(folder)],
                            capture_output=True, text=True, env=env, timeout=60)
    os.chmod(folder, 0o700)
    assert result.returncode == 3, result.stderr
    assert "cannot write its session history" in result.stdout
    assert "--data-dir" in result.stdout
    assert (folder / DB_NAME).read_bytes() == before
    assert [p.name for p in folder.iterdir()] == [DB_NAME]


def test_processes_opening_a_new_folder_at_once_all_succeed(tmp_path):
    script = (
        "import sys; from pathlib import Path; from necktimer.core.database import open_database\n"
        "c = open_database(Path(sys.argv[1])).connection\n"
        "print(c.execute('PRAGMA user_version').fetchone()[0])\n"
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


def test_the_ownership_look_is_not_split_by_another_process_setting_up_the_file(
        data_dir, monkeypatch):
    """A window and a `status` started together on a new folder: one of them refused the
    file as another program's. Its three looks (mark, tables, version) were read one by
    one, and the other process's commit of the schema fell between the tables and the
    version. Here a real second process tries that commit at exactly that moment."""
    path = make_private_dir(data_dir) / DB_NAME
    path.touch()  # a new, empty history, as the first of the two leaves it
    script = ("import sys; from pathlib import Path\n"
              "from necktimer.core.database import open_database, StorageError\n"
              "try:\n    open_database(Path(sys.argv[1]), busy_timeout=0.05)\n"
              "except StorageError as e:\n    print(e); sys.exit(3)\n")
    other: list[subprocess.CompletedProcess] = []
    connect = sqlite3.connect

    def between_the_looks(sql: str) -> None:
        if sql.startswith("PRAGMA user_version") and not other:
            other.append(subprocess.run([sys.executable, "-c", script, str(data_dir)],
                                        capture_output=True, text=True, timeout=60))

    def traced(*args, **kwargs):
        connection = connect(*args, **kwargs)
        connection.set_trace_callback(between_the_looks)
        return connection

    monkeypatch.setattr(sqlite3, "connect", traced)
    connection = open_database(data_dir).connection
    monkeypatch.undo()
    # Holding its look in one read, this process kept the other from committing inside it
    # (it gave up after its 0.05 s); the file is necktimer's whichever set it up.
    assert [o.returncode for o in other] == [3], other
    assert "cannot save to it right now" in other[0].stdout
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_crash_in_the_middle_of_a_commit_is_rolled_back_not_moved_aside(data_dir):
    """A process killed while writing leaves its journal beside the history. Its header
    may claim pages it never wrote ("cut short", read without SQLite's lock), but SQLite
    puts the file back from the journal: nothing is damaged and nothing is moved aside."""
    opened = open_database(data_dir)
    opened.connection.execute(
        "INSERT INTO sessions (therapy, started_at, planned_end, ended_at, end_reason) "
        "VALUES ('ice', '2026-11-27T10:00:00+00:00', '2026-11-27T10:15:00+00:00', "
        "'2026-11-27T10:15:00+00:00', 'completed')")
    opened.connection.close()
    path = data_dir / DB_NAME
    writer = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3, sys\n"
         "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
         "db.execute('PRAGMA cache_size = 5')  # small: written pages spill into the file\n"
         "db.execute('BEGIN IMMEDIATE')\n"
         "db.execute('PRAGMA user_version = 99')  # page 1 goes into the journal\n"
         "for n in range(3000):\n"
         "    db.execute('INSERT INTO meta VALUES (?, ?)', (f'k{n}', 'x' * 200))\n"
         "print('written', flush=True)\n"
         "sys.stdin.readline()\n", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    with writer:
        assert writer.stdout.readline().strip() == "written"
        writer.kill()  # the crash: in the middle of its write, its journal left beside it
    assert (data_dir / f"{DB_NAME}-journal").exists()
    # Page 1 as it would be had the crash come after it was written with the new length
    head = bytearray(path.read_bytes()[:100])
    head[28:32] = (path.stat().st_size // 4096 + 50).to_bytes(4, "big")
    with open(path, "r+b") as file:
        file.write(head)
    assert header_damage(path) == "the file is cut short"  # as read without the lock

    opened = open_database(data_dir)
    assert (opened.notices, opened.moved_aside) == ([], None)
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]
    db = opened.connection
    assert [tuple(row) for row in db.execute("SELECT therapy FROM sessions")] == [("ice",)]
    assert db.execute("SELECT count(*) FROM meta WHERE key LIKE 'k%'").fetchone()[0] == 0
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_why_a_folder_cannot_be_written_is_said_in_terms_one_can_act_on(tmp_path):
    """Another user's folder was called "read-only", which chmod would not have fixed."""
    import pwd

    from necktimer.core.database import why_not_writable

    mine = tmp_path / "mine"
    mine.mkdir(mode=0o500)
    assert why_not_writable(mine) == f"{mine} is read-only"
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    nobody = pwd.getpwnam("nobody").pw_uid
    if os.geteuid() == nobody:
        pytest.skip("run as nobody: no other user's folder to make")
    try:
        os.chown(theirs, nobody, -1)
    except PermissionError:
        pytest.skip("only root can give a folder to another user here")
    assert why_not_writable(theirs) == f"{theirs} belongs to another user (nobody)"


def test_a_data_folder_that_is_a_file_is_named_so(tmp_path):
    """It was reported as "[Errno 17] File exists", which told the user nothing."""
    taken = tmp_path / "notes.txt"
    taken.write_text("mine")
    with pytest.raises(StorageError) as raised:
        open_database(taken)
    assert raised.value.problem is Problem.ACCESS
    assert f"{taken} is a file, not a folder" in str(raised.value)
    assert taken.read_text() == "mine"
