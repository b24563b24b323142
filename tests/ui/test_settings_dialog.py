"""The settings dialog, opened from the window and answered with clicks and keys."""

import stat
from datetime import timedelta

import pytest
from helpers import exposed, text_of, tick, turn_wheel
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QScrollArea

from necktimer import desktop
from necktimer.core import i18n
from necktimer.core.alerts import Kind
from necktimer.core.humanize import format_duration
from necktimer.core.service import SessionService
from necktimer.core.settings import Settings
from necktimer.settings_io import SettingsFile
from necktimer.ui.settings_dialog import SettingsDialog

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def open_settings(necktimer, qtbot) -> SettingsDialog:
    """Session → Settings…, as the menu does it."""
    necktimer.window.settings_action.trigger()
    dialog = necktimer.settings_dialog
    assert dialog is not None
    exposed(dialog)
    return dialog


def press(qtbot, dialog: SettingsDialog, which) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def click_box(qtbot, box) -> None:
    """Click a check box on its indicator (its centre may lie past a short label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def type_minutes(qtbot, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def labels(dialog) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def is_dark(app) -> bool:
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


# -- the fields ---------------------------------------------------------------------------------


def test_every_field_is_limited_to_the_safe_range(necktimer, qtbot):
    dialog = open_settings(necktimer, qtbot)
    assert (dialog.length.minimum(), dialog.length.maximum()) == (1, 15)
    assert (dialog.gap.minimum(), dialog.gap.maximum()) == (120, 720)
    type_minutes(qtbot, dialog.length, "40")  # the 0 is refused as it is typed
    assert dialog.length.value() == 4
    for spin, tried, kept in ((dialog.length, 99, 15), (dialog.length, 0, 1),
                              (dialog.gap, 10, 120), (dialog.gap, 10_000, 720)):
        spin.setValue(tried)
        assert spin.value() == kept
    dialog.gap.setValue(150)
    assert dialog.settings().gap_minutes == 150
    assert not dialog.keep_in_tray.isEnabled()  # this desktop has no tray
    assert dialog.keep_in_tray.toolTip() == "This desktop has no system tray."
    press(qtbot, dialog, CANCEL)


def german_hours(context, text, _hint, n):
    """A translator that writes hours the German way ("2 Std.") and leaves the rest."""
    if (context, text) == ("Durations", "%n h"):
        text = "%n Std."
    return text.replace("%n", str(n)) if n >= 0 else text


def test_the_gap_reads_in_hours_as_everywhere_else(necktimer, qtbot):
    """The window says "2 h"; Settings said "120 min" for the same rule. It now writes
    the gap as the app writes durations, and takes it typed in those words, as
    hours and minutes, or as a bare number (hours up to 12, minutes above)."""
    dialog = open_settings(necktimer, qtbot)
    assert dialog.gap.text() == "2 h"
    dialog.gap.stepUp()
    assert (dialog.gap.value(), dialog.gap.text()) == (135, "2 h 15 min")
    for typed, minutes in (("3", 180), ("150", 150), ("2:30", 150), ("4 h", 240),
                           ("2 h 45 min", 165), ("200 min", 200)):
        type_minutes(qtbot, dialog.gap, typed)
        qtbot.keyClick(dialog.gap, Qt.Key.Key_Tab)
        assert dialog.gap.value() == minutes, typed
    assert dialog.settings().gap_minutes == 200
    press(qtbot, dialog, CANCEL)


def test_a_gap_typed_too_short_becomes_the_least_never_what_was_half_typed(necktimer, qtbot):
    """Typing "90" passed through "9", which was taken as 9 hours and kept when "90" (below
    the least gap) was refused: a user who meant 90 minutes waited 9 hours. A value is taken
    when the field is left; too short becomes the least gap; words that mean nothing, or
    decimals read as minutes ("2.5" was 2 h 5 min), no longer pass."""
    dialog = open_settings(necktimer, qtbot)
    for typed, minutes in (("3", 180), ("90", 120), ("300", 300), ("1", 120), ("4", 240),
                           ("90 min", 120), ("2.5", 150), ("2,5 h", 150), ("2.75", 165),
                           ("5", 300), ("2:3o", 300), ("3 x 4", 300), ("2 min 30 h", 300),
                           ("1:90", 300), ("²", 300), ("2²", 300), ("13 h", 720)):
        type_minutes(qtbot, dialog.gap, typed)
        qtbot.keyClick(dialog.gap, Qt.Key.Key_Tab)
        assert dialog.gap.value() == minutes, typed
        assert dialog.gap.text() == format_duration(timedelta(minutes=minutes)), typed
    press(qtbot, dialog, CANCEL)

    i18n.install(translator=german_hours)
    dialog = open_settings(necktimer, qtbot)
    assert dialog.gap.text() == "2 Std."
    type_minutes(qtbot, dialog.gap, "3 Std. 30 min")
    qtbot.keyClick(dialog.gap, Qt.Key.Key_Tab)
    assert dialog.gap.value() == 210
    type_minutes(qtbot, dialog.gap, "2,5 Std.")  # German decimal hours: 2 h 30 min, not 2 h 5
    qtbot.keyClick(dialog.gap, Qt.Key.Key_Tab)
    assert dialog.gap.value() == 150
    press(qtbot, dialog, CANCEL)


def test_a_wheel_over_a_box_scrolls_the_page_until_the_box_is_chosen(qtbot):
    """Scrolling down the settings on a short screen changed the gap and the colours on
    the way past; the same wheel over the window's length picker changed the length."""
    dialog = SettingsDialog(Settings(), tray_available=True)
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)
    dialog.resize(dialog.width(), 220)  # a short screen: the groups scroll
    bar = dialog.findChild(QScrollArea).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    before = dialog.settings()
    for box in (dialog.length, dialog.gap, dialog.theme, dialog.language):
        turn_wheel(box, 1)
    assert dialog.settings() == before
    assert bar.value() > 0  # the page scrolled instead
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.gap.setFocus(Qt.FocusReason.TabFocusReason)  # tabbed into: the wheel is for it
    turn_wheel(dialog.gap, -1)
    assert dialog.gap.value() == before.gap_minutes + 15
    press(qtbot, dialog, CANCEL)


def test_keeping_to_the_tray_can_be_chosen_where_there_is_a_tray(qtbot):
    dialog = SettingsDialog(Settings(keep_in_tray=False), tray_available=True)
    qtbot.addWidget(dialog)
    assert dialog.keep_in_tray.isEnabled() and not dialog.keep_in_tray.isChecked()
    click_box(qtbot, dialog.keep_in_tray)
    assert dialog.settings().keep_in_tray


def test_the_notes_give_the_gap_as_a_duration(necktimer, qtbot):
    """The gap is written by the duration formatter (so it translates), not as '2 hours'."""
    dialog = open_settings(necktimer, qtbot)
    assert "the gap is never shorter than 2 h." in labels(dialog)
    assert dialog.gap.toolTip().startswith("At least 2 h;")
    press(qtbot, dialog, CANCEL)

    i18n.install(translator=german_hours)
    dialog = open_settings(necktimer, qtbot)
    assert "the gap is never shorter than 2 Std." in labels(dialog)
    assert dialog.gap.toolTip().startswith("At least 2 Std.;")
    assert "hour" not in labels(dialog) + dialog.gap.toolTip()
    press(qtbot, dialog, CANCEL)


def test_asking_before_depends_on_asking_at_all(necktimer, qtbot):
    dialog = open_settings(necktimer, qtbot)
    assert dialog.diary_prompts.isChecked() and dialog.ask_pain_before.isEnabled()
    click_box(qtbot, dialog.diary_prompts)
    assert not dialog.ask_pain_before.isEnabled()
    press(qtbot, dialog, CANCEL)


# -- OK and Cancel ------------------------------------------------------------------------------


def test_accepting_saves_and_applies(necktimer, window, qtbot, clock, data_dir, settings_file):
    dialog = open_settings(necktimer, qtbot)
    type_minutes(qtbot, dialog.length, "8")
    type_minutes(qtbot, dialog.gap, "180")
    click_box(qtbot, dialog.sound)
    click_box(qtbot, dialog.gap_reminder)
    press(qtbot, dialog, OK)
    chosen = Settings(default_minutes=8, gap_minutes=180, sound=False, gap_reminder=False)
    assert necktimer.settings_dialog is None
    assert settings_file.current == chosen
    assert SettingsFile(data_dir).current == chosen  # written to the file
    assert stat.S_IMODE((data_dir / "settings.ini").stat().st_mode) == 0o600
    # The window and the rules follow at once.
    assert window.length_picker.value() == 8
    window.start_ice()
    assert window.ring.text == "08:00"
    tick(necktimer, clock, 8 * 60)
    necktimer.controller.acknowledge_removal()
    assert text_of(window.status_line) == "Next session allowed at 12:08 (in 3 h)."


def test_cancel_changes_nothing(necktimer, window, qtbot, data_dir, settings_file):
    dialog = open_settings(necktimer, qtbot)
    type_minutes(qtbot, dialog.length, "3")
    click_box(qtbot, dialog.heads_up)
    press(qtbot, dialog, CANCEL)
    assert necktimer.settings_dialog is None
    assert settings_file.current == Settings()
    assert not (data_dir / "settings.ini").exists()
    assert window.length_picker.value() == 15


def test_escape_is_cancel(necktimer, qtbot, settings_file):
    dialog = open_settings(necktimer, qtbot)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert necktimer.settings_dialog is None
    assert settings_file.current.theme == "system"


def test_the_dialog_opens_on_its_first_setting_and_tab_never_stops_on_the_page(
        necktimer, qtbot):
    """It opened with focus on its scroll area, which has no name: a screen reader said
    nothing useful until the first Tab."""
    dialog = open_settings(necktimer, qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is dialog.length
    stops = []
    for _ in range(14):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert dialog.page not in stops and dialog.page.viewport() not in stops
    assert all(widget.accessibleName() or widget.text() for widget in stops
               if hasattr(widget, "text")), [type(w).__name__ for w in stops]
    press(qtbot, dialog, CANCEL)


def test_the_dialog_opens_once(necktimer, qtbot):
    dialog = open_settings(necktimer, qtbot)
    necktimer.window.settings_action.trigger()
    assert necktimer.settings_dialog is dialog
    press(qtbot, dialog, CANCEL)


# -- the choices round-trip -----------------------------------------------------------------


def test_reminder_and_pain_choices_round_trip_and_apply(necktimer, window, qtbot, clock,
                                                        data_dir):
    dialog = open_settings(necktimer, qtbot)
    assert dialog.heads_up.isChecked() and not dialog.ask_pain_before.isChecked()
    click_box(qtbot, dialog.heads_up)
    click_box(qtbot, dialog.ask_pain_before)
    press(qtbot, dialog, OK)
    saved = SettingsFile(data_dir).current
    assert (saved.heads_up, saved.diary_prompts, saved.ask_pain_before) == (False, True, True)
    dialog = open_settings(necktimer, qtbot)  # shows what was saved
    assert not dialog.heads_up.isChecked() and dialog.ask_pain_before.isChecked()
    press(qtbot, dialog, CANCEL)
    alerts = []
    necktimer.controller.alert.connect(alerts.append)
    window.start_ice()
    assert "before the pack went on" in window.pain_prompt.question.text()
    tick(necktimer, clock, 14 * 60)
    assert Kind.HEADS_UP not in [alert.kind for alert in alerts]
    assert window.ring.caption == "Ice · off at 09:15"


def test_no_pain_prompts_round_trip(necktimer, window, qtbot, clock, data_dir):
    dialog = open_settings(necktimer, qtbot)
    click_box(qtbot, dialog.diary_prompts)
    press(qtbot, dialog, OK)
    assert not SettingsFile(data_dir).current.diary_prompts
    dialog = open_settings(necktimer, qtbot)
    assert not dialog.diary_prompts.isChecked() and not dialog.ask_pain_before.isEnabled()
    press(qtbot, dialog, CANCEL)
    window.start_heat()
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    assert not window.pain_prompt.isVisible()


@pytest.mark.parametrize("theme", ["dark", "light", "system"])
def test_the_colour_scheme_round_trips_and_applies(necktimer, qtbot, qapp, data_dir, theme):
    dialog = open_settings(necktimer, qtbot)
    assert [dialog.theme.itemData(i) for i in range(dialog.theme.count())] == [
        "system", "light", "dark"]
    if theme == "system":  # from a chosen scheme back to the system's
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        press(qtbot, dialog, OK)
        assert is_dark(qapp)
        dialog = open_settings(necktimer, qtbot)
    dialog.theme.setCurrentIndex(dialog.theme.findData(theme))
    press(qtbot, dialog, OK)
    assert SettingsFile(data_dir).current.theme == theme
    assert is_dark(qapp) == (theme == "dark")
    dialog = open_settings(necktimer, qtbot)
    assert dialog.theme.currentData() == theme
    press(qtbot, dialog, CANCEL)


@pytest.mark.parametrize("language", ["de", "es", "en", "system"])
def test_the_language_round_trips_and_waits_for_a_restart(necktimer, window, qtbot, data_dir,
                                                         language):
    dialog = open_settings(necktimer, qtbot)
    assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == [
        "system", "en", "es", "de"]
    if language == "system":
        dialog.language.setCurrentIndex(dialog.language.findData("es"))
        press(qtbot, dialog, OK)
        dialog = open_settings(necktimer, qtbot)
    assert "A new language applies the next time necktimer starts." in labels(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    press(qtbot, dialog, OK)
    assert SettingsFile(data_dir).current.language == language
    assert text_of(window.status_line) == "Ready: you may start an ice or heat session now."
    dialog = open_settings(necktimer, qtbot)
    assert dialog.language.currentData() == language
    press(qtbot, dialog, CANCEL)


# -- a damaged settings file -------------------------------------------------------------------

GARBAGE = "[General]\ndefault_minutes=600\ngap_minutes=-5\nsound=perhaps\n\x00\x01garbage\n"


@pytest.fixture
def garbage_settings(data_dir, clock):
    SessionService.open(data_dir, clock).close()  # a profile in use (see settings_file)
    (data_dir / "settings.ini").write_text(GARBAGE)


def test_a_garbage_settings_file_is_clamped(garbage_settings, make_app, qtbot, clock):
    instance = make_app()
    instance.start()
    exposed(instance.window)
    assert instance.settings.current == Settings()
    assert instance.settings.warnings == [
        "Setting default_minutes=600 is outside the safe range 1–15; using 15.",
        "Setting gap_minutes=-5 is outside the safe range 120–720; using 120.",
        "Setting sound='perhaps' is not true or false; using true.",
    ]
    assert instance.window.length_picker.value() == 15
    instance.window.start_ice()
    tick(instance, clock, 15 * 60)
    assert instance.controller.state.status.wait.total_seconds() == 2 * 3600
    dialog = open_settings(instance, qtbot)
    assert (dialog.length.value(), dialog.gap.value()) == (15, 120)
    press(qtbot, dialog, CANCEL)


def test_a_garbage_settings_files_warnings_show_in_the_notice_banner(garbage_settings, make_app,
                                                                    qtbot):
    instance = make_app()
    instance.start()
    exposed(instance.window)
    banner = instance.window.notice_banner
    assert banner.isVisible()
    for warning in instance.settings.warnings:
        assert warning in banner.label.text()
    qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)  # Dismiss
    assert not banner.isVisible()


@pytest.fixture(params=["garbled", "deleted"])
def lowered_after_a_longer_gap(request, data_dir, clock):
    """A session ended under a 4-hour gap, then the gap setting garbled, or its file
    deleted (no warning then: the settings simply say 2 h)."""
    from helpers import ended_under_a_longer_gap

    ended_under_a_longer_gap(data_dir, clock, garble_setting=request.param == "garbled")
    return request.param


def test_the_banner_names_the_longer_gap_that_still_applies(lowered_after_a_longer_gap,
                                                            make_app):
    """"using 120" alone misled, and with no warning nothing said why 4 h: the 4 hours
    the last session ended under still apply."""
    instance = make_app()
    instance.start()
    exposed(instance.window)
    text = instance.window.notice_banner.label.text()
    assert ("gap_minutes='abc' is not a whole number; using 120." in text) is (
        lowered_after_a_longer_gap == "garbled")
    assert ("Until the next session starts, the gap stays 4 h, the gap the last session "
            "ended under.") in text
    assert instance.controller.state.status.wait.total_seconds() == 4 * 3600


# -- starting at login -------------------------------------------------------------------------


@pytest.fixture
def config_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config"


def test_start_at_login_writes_and_removes_the_login_entry(necktimer, qtbot, config_home,
                                                           data_dir):
    entry = desktop.autostart_path(data_dir)
    assert entry.parent == config_home / "autostart"
    dialog = open_settings(necktimer, qtbot)
    click_box(qtbot, dialog.start_at_login)
    press(qtbot, dialog, OK)
    assert entry.is_file()
    [command] = [line for line in entry.read_text().splitlines() if line.startswith("Exec=")]
    assert command.endswith(f" --minimized --data-dir {data_dir}")
    assert SettingsFile(data_dir).current.start_at_login
    dialog = open_settings(necktimer, qtbot)
    assert dialog.start_at_login.isChecked()
    click_box(qtbot, dialog.start_at_login)
    press(qtbot, dialog, OK)
    assert not entry.exists()
    assert not SettingsFile(data_dir).current.start_at_login


def test_a_login_entry_that_cannot_be_written_is_said_and_not_saved(necktimer, window, qtbot,
                                                                    config_home, data_dir):
    config_home.parent.mkdir(parents=True, exist_ok=True)
    config_home.write_text("a file where the folder should be")
    dialog = open_settings(necktimer, qtbot)
    click_box(qtbot, dialog.start_at_login)
    press(qtbot, dialog, OK)
    # Said once, until dismissed: a fact about that OK, not a state that lasts.
    assert window.notice_banner.isVisible() and not window.problem_banner.isVisible()
    assert "Could not change the login entry" in window.notice_banner.label.text()
    assert not SettingsFile(data_dir).current.start_at_login
    assert QApplication.activeModalWidget() is None
    window.notice_banner.buttons[0].click()  # Dismiss
    assert not window.notice_banner.isVisible()
