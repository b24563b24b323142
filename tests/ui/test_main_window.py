"""The window, clicked like a user would, with a fake clock moving time."""

from datetime import timedelta

import pytest
from helpers import T0
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QWidget

from necktimer.core.rules import EndReason, State, Therapy
from necktimer.ui.theme import apply_palette


def tick(necktimer, clock, seconds):
    clock.advance(seconds)
    necktimer.controller.refresh()


def test_idle_window_says_ready(window):
    assert window.status_line.text() == "Ready: you may start an ice or heat session now."
    assert window.start_ice_button.isEnabled() and window.start_heat_button.isEnabled()
    assert not window.stop_button.isEnabled()
    assert window.ring.text == "Ready"


def test_clicking_start_ice_starts_and_counts_down(necktimer, window, qtbot, clock):
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    [row] = necktimer.store.all_sessions()
    assert row.therapy is Therapy.ICE and row.started_at == T0
    assert window.ring.text == "15:00"
    assert window.ring.caption == "Ice · off at 09:15"
    assert window.status_line.text().startswith("Ice session running — ends at 09:15 (in 15 min)")
    assert not window.start_ice_button.isEnabled() and not window.start_heat_button.isEnabled()
    assert window.stop_button.isEnabled()
    assert not window.length_picker.isEnabled()
    assert window.tips.current_key == "ice"  # the running therapy's tip comes forward
    tick(necktimer, clock, 4 * 60 + 23)
    assert window.ring.text == "10:37"
    assert abs(window.ring.fraction - (10 * 60 + 37) / (15 * 60)) < 1e-9


def test_session_ends_by_itself_and_waits_for_removal(necktimer, window, qtbot, clock):
    qtbot.mouseClick(window.start_heat_button, Qt.MouseButton.LeftButton)
    assert window.tips.current_key == "heat"
    tick(necktimer, clock, 15 * 60)
    assert necktimer.controller.status.state is State.WAITING
    assert window.banner.isVisible()
    assert window.banner.label.text() == "Time's up — remove the heat pack now."
    assert window.status_line.text() == "Next session allowed at 11:15 — in 2 h."
    tick(necktimer, clock, 30)
    qtbot.mouseClick(window.banner.button, Qt.MouseButton.LeftButton)
    assert not window.banner.isVisible()
    [row] = necktimer.store.all_sessions()
    assert row.end_reason is EndReason.COMPLETED
    assert row.removed_at == T0 + timedelta(minutes=15, seconds=30)


def test_start_during_gap_is_refused_with_the_time(necktimer, window, qtbot, clock):
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    tick(necktimer, clock, 10 * 60)
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    assert window.status_line.text() == "Next session allowed at 11:10 — in 2 h."
    assert not window.start_heat_button.isEnabled()
    outcome = window.start_heat()  # what a keyboard shortcut or menu would do
    assert not outcome.ok
    assert window.message_line.text().endswith("Next session allowed at 11:10 — in 2 h.")
    assert len(necktimer.store.all_sessions()) == 1


def test_mis_start_is_cancelled_and_ready_again(necktimer, window, qtbot, clock):
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    tick(necktimer, clock, 20)
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    assert "cancelled within its first minute" in window.message_line.text()
    assert window.start_heat_button.isEnabled()
    assert necktimer.store.all_sessions()[0].end_reason is EndReason.CANCELLED


def test_length_picker_sets_the_session_length(necktimer, window, qtbot):
    window.length_picker.setValue(5)
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    assert window.ring.text == "05:00"
    [row] = necktimer.store.all_sessions()
    assert row.planned_length == timedelta(minutes=5)


def test_length_picker_cannot_go_past_15(window):
    window.length_picker.setValue(40)
    assert window.length_picker.value() == 15
    assert window.length_picker.maximum() == 15 and window.length_picker.minimum() == 1


def test_keyboard_shortcuts_start_and_stop(necktimer, window, qtbot, clock):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert necktimer.controller.status.therapy is Therapy.HEAT
    tick(necktimer, clock, 120)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert necktimer.store.all_sessions()[0].end_reason is EndReason.STOPPED


def test_disclaimer_always_visible(necktimer, window, qtbot, clock):
    assert window.disclaimer.isVisible()
    assert "not medical advice" in window.disclaimer.text()
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    tick(necktimer, clock, 15 * 60)
    assert window.disclaimer.isVisible()


def test_every_control_has_an_accessible_name(window):
    controls = window.findChildren(QAbstractButton) + window.findChildren(QAbstractSpinBox)
    assert len(controls) >= 5
    for control in controls:
        if control.isVisible():
            assert control.accessibleName() or control.text(), control


def test_every_focusable_widget_is_named(window):
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, f"{type(widget).__name__} can take focus but has no name"


def _contrast(a, b):
    def luminance(color):
        def channel(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) \
            + 0.0722 * channel(color.blue())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def restore_look(qapp):
    """Put the style and palette back, so later tests do not run in this test's theme."""
    style, palette = qapp.style().name(), qapp.palette()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_text_is_readable_in_light_and_dark_palettes(qapp, window, restore_look):
    for dark in (False, True):
        apply_palette(qapp, dark=dark)
        palette = window.status_line.palette()
        ratio = _contrast(palette.color(QPalette.ColorRole.WindowText),
                          palette.color(QPalette.ColorRole.Window))
        assert ratio >= 7, (dark, ratio)
        window.banner.show_message("Time's up", "Done")
        banner = window.banner.palette()
        assert _contrast(banner.color(QPalette.ColorRole.WindowText),
                         banner.color(QPalette.ColorRole.Window)) >= 7
        image = window.grab().toImage()
        assert not image.isNull()


def test_window_scales_with_the_system_font(qapp, make_app):
    font = qapp.font()
    small = make_app().window.sizeHint()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    qapp.setFont(font)
    try:
        big = make_app().window.sizeHint()
    finally:
        font.setPointSizeF(font.pointSizeF() / 1.6)
        qapp.setFont(font)
    assert big.height() > small.height()


def test_announcements_are_made_once_each(necktimer, window, qtbot, clock):
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    for _ in range(15 * 60 + 5):
        tick(necktimer, clock, 1)
    said = window.announced
    assert said[0].startswith("Ice session started")
    assert said.count("One minute left of the ice session.") == 1
    assert said.count("Time's up — remove the ice pack.") == 1
    assert len(said) == 3
