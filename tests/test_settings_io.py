"""The settings file: read through the clamping, written privately, changes announced once."""

import os
import random
import stat

import pytest

from necktimer.core.settings import Settings
from necktimer.settings_io import SETTINGS_NAME, SettingsFile


@pytest.fixture
def folder(data_dir):
    data_dir.mkdir(parents=True)
    return data_dir


def write(folder, text: str) -> None:
    (folder / SETTINGS_NAME).write_text(text, encoding="utf-8")


def test_no_file_means_the_defaults_and_no_warnings(folder):
    settings = SettingsFile(folder)
    assert settings.current == Settings()
    assert settings.warnings == []
    assert not (folder / SETTINGS_NAME).exists()  # reading writes nothing


def test_a_hand_edited_file_is_read(folder):
    write(folder, "[General]\ndefault_minutes=8\ngap_minutes=180\nsound=false\ntheme=dark\n"
                  "language=de\nheads_up=no\nask_pain_before=on\n")
    settings = SettingsFile(folder)
    assert settings.current == Settings(default_minutes=8, gap_minutes=180, sound=False,
                                        theme="dark", language="de", heads_up=False,
                                        ask_pain_before=True)
    assert settings.warnings == []


def test_a_garbage_file_is_clamped_and_every_change_is_said(folder):
    write(folder, "[General]\ndefault_minutes=600\ngap_minutes=-5\nsound=perhaps\n"
                  "theme=purple\nlanguage=tlh\nkeep_in_tray=2\nunknown=1\n\x00\x01garbage\n")
    settings = SettingsFile(folder)
    assert settings.current == Settings()  # every value back in the safe range
    assert settings.warnings == [
        "Setting default_minutes=600 is outside the safe range 1–15; using 15.",
        "Setting gap_minutes=-5 is outside the safe range 120–720; using 120.",
        "Setting sound='perhaps' is not true or false; using true.",
        "Setting keep_in_tray='2' is not true or false; using true.",
        "Setting theme='purple' is not one of system, light, dark; using system.",
        "Setting language='tlh' is not one of system, en, es, de; using system.",
    ]


def test_values_are_quoted_as_written_not_as_python_objects(folder):
    """QSettings made lists, QByteArrays and None of these, and the warnings showed
    Python's names for them ("['7200', '1']", "PySide6.QtCore.QByteArray(b'120')")."""
    write(folder, "[General]\ngap_minutes=7200,1\ndefault_minutes=@Invalid()\n"
                  "sound=@ByteArray(maybe)\ntheme=@Rect(1 2 3 4)\n")
    settings = SettingsFile(folder)
    assert settings.current == Settings()
    assert settings.warnings == [
        "Setting default_minutes='@Invalid()' is not a whole number; using 15.",
        "Setting gap_minutes='7200,1' is not a whole number; using 120.",
        "Setting sound='@ByteArray(maybe)' is not true or false; using true.",
        "Setting theme='@Rect(1 2 3 4)' is not one of system, light, dark; using system.",
    ]


def test_a_python_object_in_the_file_is_text_never_unpickled(folder, tmp_path):
    """QSettings unpickled `@Variant(…PyObjectWrapper…)` values as it opened the file:
    a settings file someone else could write ran their code; a broken one was a
    traceback at every command (outside tester)."""
    ran = tmp_path / "ran"
    from PySide6.QtCore import QSettings  # only to write the value as QSettings spells it

    scratch = QSettings(str(tmp_path / "scratch.ini"), QSettings.Format.IniFormat)
    scratch.setValue("gap_minutes", Touch(str(ran)))
    scratch.sync()
    [line] = [line for line in (tmp_path / "scratch.ini").read_text().splitlines()
              if line.startswith("gap_minutes=@Variant(")]
    write(folder, f"[General]\n{line}\nsound=false\n")
    settings = SettingsFile(folder)
    assert not ran.exists()
    assert settings.current == Settings(sound=False)  # the rest of the file still counts
    assert settings.warnings[0].startswith("Setting gap_minutes='@Variant(")
    settings.update(default_minutes=5)
    assert not ran.exists()
    assert SettingsFile(folder).current == Settings(sound=False, default_minutes=5)


class Touch:
    """Unpickled, it creates a file: the proof that a pickle ran."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_a_gap_below_two_hours_is_raised_never_kept(folder):
    write(folder, "[General]\ngap_minutes=30\n")
    assert SettingsFile(folder).current.gap_minutes == 120


def test_saving_writes_a_private_file_that_reads_back_the_same(folder):
    settings = SettingsFile(folder)
    chosen = Settings(default_minutes=5, gap_minutes=240, sound=False, heads_up=False,
                      gap_reminder=False, keep_in_tray=False, start_at_login=True,
                      diary_prompts=False, ask_pain_before=True, theme="light", language="es")
    assert settings.save(chosen) is None
    assert settings.current == chosen
    assert stat.S_IMODE((folder / SETTINGS_NAME).stat().st_mode) == 0o600
    again = SettingsFile(folder)
    assert again.current == chosen and again.warnings == []


def test_a_change_is_announced_once_and_no_change_not_at_all(folder, qtbot):
    settings = SettingsFile(folder)
    with qtbot.wait_signal(settings.changed, timeout=1000) as changed:
        settings.update(default_minutes=9)
    assert changed.args == [Settings(default_minutes=9)]
    with qtbot.assert_not_emitted(settings.changed):
        settings.update(default_minutes=9)
        settings.save(Settings(default_minutes=9))


def test_update_clamps_like_the_file(folder):
    settings = SettingsFile(folder)
    settings.update(default_minutes=99, gap_minutes=1)
    assert (settings.current.default_minutes, settings.current.gap_minutes) == (15, 120)
    assert SettingsFile(folder).current.default_minutes == 15


def test_load_picks_up_a_change_made_by_another_program(folder):
    settings = SettingsFile(folder)
    settings.update(default_minutes=6)
    write(folder, "[General]\ndefault_minutes=11\n")
    assert settings.load().default_minutes == 11
    assert settings.current.default_minutes == 11


def test_a_file_that_cannot_be_written_is_reported_and_the_settings_still_apply(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    settings = SettingsFile(blocked)
    problem = settings.save(Settings(default_minutes=4))
    assert problem is not None
    assert "could not be saved" in problem and "They apply now, necktimer tries again" in problem
    assert settings.current.default_minutes == 4  # in memory, for this run


def test_the_mode_is_private_even_with_a_permissive_umask(folder):
    old = os.umask(0o022)
    try:
        SettingsFile(folder).update(sound=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((folder / SETTINGS_NAME).stat().st_mode) == 0o600


def test_a_fifo_at_the_settings_path_neither_hangs_nor_is_written(folder):
    os.mkfifo(folder / SETTINGS_NAME)
    settings = SettingsFile(folder)  # QSettings alone would block here for good
    assert settings.current == Settings()
    assert settings.warnings == [f"{folder / SETTINGS_NAME} cannot be used (not a regular "
                                 "file); the default settings apply."]
    problem = settings.update(default_minutes=5)
    assert problem is not None and "could not be saved" in problem
    assert settings.current.default_minutes == 5  # for this run, in memory
    assert stat.S_ISFIFO((folder / SETTINGS_NAME).lstat().st_mode)


GAP = "[General]\r\ngap_minutes=300\r\n"


@pytest.mark.parametrize(("content", "why"), [
    (GAP.encode("utf-16"), "it is UTF-16 text, not UTF-8"),
    (b"gap = five hours\nsound: on\n", "none of its lines is a setting necktimer knows"),
])
def test_a_file_none_of_whose_settings_can_be_read_says_so(folder, content, why):
    """Saved as UTF-16, or with junk above its section, it gave no setting and no word:
    a longer gap written there was silently not in force (outside tester)."""
    (folder / SETTINGS_NAME).write_bytes(content)
    settings = SettingsFile(folder)
    assert settings.current == Settings()
    assert settings.warnings == [
        f"The settings file could not be read ({why}); the default settings apply."]


def test_junk_above_the_section_is_skipped_said_and_the_settings_below_it_count(folder):
    """Saved with junk above its section, a longer gap written there was silently not in
    force (outside tester); the lines that can be read now count, and the rest is said."""
    junk = random.Random(2).randbytes(4096)
    (folder / SETTINGS_NAME).write_bytes(junk + b"\n" + GAP.encode())
    settings = SettingsFile(folder)
    assert settings.current.gap_minutes == 300
    assert settings.warnings == ["Some lines of the settings file are not UTF-8 text: they "
                                 "were skipped, and stay in the file as they are."]
    settings.update(sound=False)  # and a save keeps them
    assert (folder / SETTINGS_NAME).read_bytes().startswith(junk)


def test_a_save_changes_only_what_changed_keeping_a_hand_edit_made_since(folder):
    """The window wrote every setting it held: a longer gap written by hand while it ran
    went back to 2 h at the next change of theme (outside tester)."""
    settings = SettingsFile(folder)
    settings.update(theme="dark")
    write(folder, "[General]\ntheme=dark\ngap_minutes=300\n; four hours, from now on\n")
    settings.update(theme="light")
    assert SettingsFile(folder).current == Settings(theme="light", gap_minutes=300)
    assert "; four hours, from now on" in (folder / SETTINGS_NAME).read_text()


@pytest.mark.parametrize("line", ["gap_minutes=240; four hours", "gap_minutes=+240",
                                  "gap_minutes=24O", "gap_minutes=" + "9" * 5000])
def test_a_save_of_another_setting_leaves_a_value_as_written(folder, line):
    """A value the reader could not use was written over with the default at the first
    save of anything else: a 4-hour gap became 2 hours for good (outside tester). And a
    5,000-digit number was a traceback at every start."""
    write(folder, f"[General]\n{line}\n")
    settings = SettingsFile(folder)
    assert settings.current.gap_minutes in (120, 240, 720)
    settings.update(default_minutes=10)
    assert (folder / SETTINGS_NAME).read_text().splitlines()[1] == line
    assert SettingsFile(folder).current.gap_minutes == settings.current.gap_minutes


def test_a_read_only_settings_file_is_not_replaced(folder):
    write(folder, "[General]\ngap_minutes=240\n")
    (folder / SETTINGS_NAME).chmod(0o444)  # left alone by root too, as QSettings left it
    settings = SettingsFile(folder)
    problem = settings.update(theme="dark")
    assert problem is not None and "could not be saved" in problem
    assert settings.current.theme == "dark"  # for this run
    assert (folder / SETTINGS_NAME).read_text() == "[General]\ngap_minutes=240\n"


def test_a_file_that_is_not_ini_text_is_kept_aside_whole_before_a_save(folder):
    """Saved as UTF-16, a change was written into the middle of its text: garbled."""
    content = "[General]\r\ngap_minutes=240\r\n".encode("utf-16")
    (folder / SETTINGS_NAME).write_bytes(content)
    settings = SettingsFile(folder)
    assert settings.warnings == [
        "The settings file could not be read (it is UTF-16 text, not UTF-8); the default "
        "settings apply."]
    settings.update(default_minutes=10)
    assert (folder / f"{SETTINGS_NAME}.unreadable").read_bytes() == content
    assert SettingsFile(folder).current == Settings(default_minutes=10)
    assert SettingsFile(folder).warnings == []


def test_a_save_never_writes_through_a_name_planted_beside_the_file(folder, tmp_path):
    """The new file had a name known beforehand, opened without O_EXCL: a link planted
    there had the settings written, and made 0600, into the file it pointed at."""
    victim = tmp_path / "victim"
    victim.write_text("not yours")
    for pid in range(os.getpid() - 5, os.getpid() + 5):
        (folder / f".{SETTINGS_NAME}.{pid}.new").symlink_to(victim)
    SettingsFile(folder).update(sound=False)
    assert victim.read_text() == "not yours"
    assert not (folder / SETTINGS_NAME).is_symlink()
    assert SettingsFile(folder).current == Settings(sound=False)


@pytest.mark.parametrize("content", [b"", b"\n", "\ufeff[General]\ngap_minutes=300\n"
                                     "# caf\xe9\n".encode("latin-1", "replace")])
def test_an_empty_file_or_one_with_a_setting_read_is_no_warning(folder, content):
    (folder / SETTINGS_NAME).write_bytes(content)
    assert SettingsFile(folder).warnings == []
