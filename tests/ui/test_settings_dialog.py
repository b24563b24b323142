"""The settings dialog and the settings file behind it."""

import stat

from PySide6.QtWidgets import QDialogButtonBox

from necktimer.core.settings import Settings
from necktimer.settings_io import SettingsFile


def test_dialog_limits_every_field_to_the_safe_range(make_app, qtbot):
    instance = make_app()
    instance.start()
    instance.show_settings()
    dialog = instance.settings_dialog
    qtbot.waitExposed(dialog)
    assert (dialog.length.minimum(), dialog.length.maximum()) == (1, 15)
    assert (dialog.gap.minimum(), dialog.gap.maximum()) == (120, 720)
    dialog.length.setValue(99)
    dialog.gap.setValue(10)
    assert dialog.settings().default_minutes == 15
    assert dialog.settings().gap_minutes == 120
    assert not dialog.keep_in_tray.isEnabled()  # no tray on this desktop


def test_accepting_saves_and_applies(make_app, qtbot, data_dir):
    instance = make_app()
    instance.start()
    instance.show_settings()
    dialog = instance.settings_dialog
    dialog.length.setValue(8)
    dialog.gap.setValue(180)
    dialog.sound.setChecked(False)
    dialog.gap_reminder.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert instance.settings_dialog is None
    assert instance.window.length_picker.value() == 8
    again = SettingsFile(data_dir)
    assert again.current == Settings(default_minutes=8, gap_minutes=180, sound=False,
                                     gap_reminder=False)
    assert stat.S_IMODE((data_dir / "settings.ini").stat().st_mode) == 0o600


def test_cancel_changes_nothing(make_app, data_dir):
    instance = make_app()
    instance.start()
    instance.show_settings()
    instance.settings_dialog.length.setValue(3)
    instance.settings_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert SettingsFile(data_dir).current == Settings()


def test_garbage_settings_file_is_clamped_with_warnings_shown(make_app, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "settings.ini").write_text(
        "[General]\ndefault_minutes=600\ngap_minutes=-5\nsound=perhaps\n\x00\x01garbage\n"
    )
    instance = make_app()
    assert instance.settings.current.default_minutes == 15
    assert instance.settings.current.gap_minutes == 120
    assert instance.settings.current.sound is True
    assert len(instance.settings.warnings) == 3
    shown = instance.window.message_line.text()
    for warning in instance.settings.warnings:
        assert warning in shown
    assert instance.window.length_picker.value() == 15
