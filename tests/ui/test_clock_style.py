"""The clock style the user chooses (Settings → Time format) over the language's own."""

from __future__ import annotations

from datetime import datetime

import pytest
from helpers import exposed, text_of
from PySide6.QtCore import QLocale, Qt

from necktimer import language
from necktimer.commands import Command, Request, Speech

AFTERNOON = datetime(2026, 3, 2, 13, 30)


@pytest.mark.parametrize(("locale", "clock", "written", "twelve"), [
    ("en_GB", "system", "13:30", False),
    ("en_GB", "12", "1:30\u202fpm", True),  # British English writes "pm"
    ("en_US", "system", "1:30\u202fPM", True),
    ("en_US", "24", "13:30", False),
    ("es_ES", "24", "13:30", False),  # Spain's own "H:mm" is already 24-hour
    ("es_ES", "12", "1:30\u202fp.\u00a0m.", True),  # Spanish words for p.m.
    ("de_DE", "12", "1:30\u202fPM", True),
    ("C", "system", "13:30", False),
    ("C", "12", "1:30\u202fPM", True),
])
def test_times_are_written_in_the_style_chosen(locale, clock, written, twelve):
    formats = language.formats_for(QLocale(locale), clock)
    assert formats.time(AFTERNOON) == written
    assert formats.twelve_hour is twelve
    assert formats.time_pattern == language.time_pattern(QLocale(locale), clock)


def test_a_style_chosen_in_settings_rewrites_every_time_at_once(necktimer, window,
                                                                settings_file, backstop):
    session = window.start_ice().session
    assert "ends at 09:15" in text_of(window.status_line)
    armed = len(backstop.armed)
    settings_file.save(settings_file.current.replace(clock="12")[0])
    assert "ends at 9:15\u202fAM" in text_of(window.status_line)
    assert window.ring.caption == "Ice · off at 9:15\u202fAM"
    # The backstop's words ("ended at 09:15") are written again in the style chosen.
    assert (session.id, False) in list(zip(backstop.armed, backstop.started, strict=True))[armed:]
    settings_file.save(settings_file.current.replace(clock="24")[0])
    assert "ends at 09:15" in text_of(window.status_line)


def test_a_terminal_is_answered_in_the_style_chosen(necktimer, settings_file):
    settings_file.save(settings_file.current.replace(clock="12")[0])
    necktimer.window.start_ice()
    # A terminal in a 24-hour locale: necktimer's own choice of clock still holds, in
    # the terminal's words for it.
    reply = necktimer.handle_request(Request(Command.STATUS, speech=Speech("en_GB", "en_GB",
                                                                            "")))
    assert "ends at 9:15\u202fam" in reply.message


def test_the_dialog_shows_each_style_with_a_time_written_in_it(necktimer, window, qtbot,
                                                              settings_file):
    from PySide6.QtWidgets import QDialogButtonBox

    window.settings_action.trigger()  # Session → Settings…
    dialog = necktimer.settings_dialog
    exposed(dialog)
    offered = [dialog.clock.itemText(i) for i in range(dialog.clock.count())]
    assert offered == ["As the language writes it (13:30)", "24-hour (13:30)",
                       "12-hour (1:30\u202fPM)"]
    dialog.clock.setCurrentIndex(2)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert settings_file.current.clock == "12"
    assert "start an ice or heat session now" in text_of(window.status_line)
    window.start_heat()
    assert window.ring.caption == "Heat · off at 9:15\u202fAM"


def test_a_language_picked_with_the_style_waits_for_the_restart_with_its_times_too(
        window, settings_file):
    """Spanish picked beside 12-hour times put "9:15 a. m." among the English words of the
    running window; the language, and how it writes times, come at the next start."""
    window.start_ice()
    settings_file.save(settings_file.current.replace(language="es", clock="12")[0])
    assert "ends at 9:15\u202fAM" in text_of(window.status_line)
    assert window.ring.caption == "Ice · off at 9:15\u202fAM"


def test_the_dialogs_examples_follow_the_language_picked(necktimer, window):
    window.settings_action.trigger()
    dialog = necktimer.settings_dialog
    dialog.clock.setCurrentIndex(2)
    dialog.language.setCurrentIndex(dialog.language.findData("es"))
    offered = [dialog.clock.itemText(i) for i in range(dialog.clock.count())]
    assert offered == ["As the language writes it (13:30)", "24-hour (13:30)",
                       "12-hour (1:30\u202fp.\u00a0m.)"]
    assert dialog.clock.currentData() == "12"
    dialog.reject()
