"""The window, clicked like a user would, with a fake clock moving time."""

from datetime import timedelta

import pytest
from helpers import T0, exposed, rows, tab_stops, text_of, tick, turn_wheel
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QLabel,
    QScrollArea,
    QStyle,
    QWidget,
)

from necktimer.core.rules import State, Therapy
from necktimer.ui.theme import apply_palette


def test_idle_window_says_ready_and_opens_with_the_cold_how_to(window):
    assert text_of(window.status_line) == "Ready: you may start an ice or heat session now."
    assert window.start_ice_button.isEnabled() and window.start_heat_button.isEnabled()
    assert not window.stop_button.isEnabled()
    assert window.ring.text == "Ready"
    assert window.tips.current_key == "ice"


def test_clicking_start_ice_starts_and_counts_down(necktimer, window, qtbot, clock, data_dir):
    qtbot.mouseClick(window.start_ice_button, Qt.MouseButton.LeftButton)
    [row] = rows(data_dir)
    assert row["therapy"] == "ice" and row["started_at"].startswith("2026-03-02T08:00:00")
    assert window.ring.text == "15:00"
    assert window.ring.caption == "Ice · off at 09:15"
    assert text_of(window.status_line).startswith(
        "Ice session running: it ends at 09:15 (in 15 min)")
    assert text_of(window.message_line).startswith("Ice session started")
    assert not window.start_ice_button.isEnabled() and window.stop_button.isEnabled()
    assert not window.length_picker.isEnabled()
    tick(necktimer, clock, 4 * 60 + 23)
    assert window.ring.text == "10:37"
    assert abs(window.ring.fraction - (10 * 60 + 37) / (15 * 60)) < 1e-9


def test_a_message_goes_once_the_status_line_moves_on_and_never_repeats_it(necktimer, window,
                                                                          clock):
    """"take the ice pack off at 09:15 (in 15 min)" under "ends at 09:15 (in 11 min)"
    would contradict the line above it; so would "Noted: ... came off" hours later."""
    window.start_ice()
    assert text_of(window.message_line).startswith("Ice session started")
    tick(necktimer, clock, 30)  # the status line still reads "(in 15 min)"
    assert text_of(window.message_line).startswith("Ice session started")
    tick(necktimer, clock, 60)  # "(in 14 min)"
    assert text_of(window.message_line) == "" and window.message_line.isHidden()
    tick(necktimer, clock, 14 * 60)
    necktimer.controller.acknowledge_removal()
    assert text_of(window.message_line) == "Noted: the ice pack came off at 09:15."
    tick(necktimer, clock, 2 * 60)
    assert window.message_line.isHidden()
    assert "Next session allowed at 11:16" in text_of(window.status_line)  # from 09:15:30


def test_the_running_therapys_tip_comes_forward_and_stays_after_the_end(necktimer, window,
                                                                          clock):
    assert window.tips.current_key == "ice"  # nothing runs: the cold and heat how-to
    window.tips.show_tip("rest")
    window.start_heat()
    assert window.tips.current_key == "heat"
    tick(necktimer, clock, 15 * 60)
    assert window.tips.current_key == "heat"  # not pulled away from what is being read
    necktimer.controller.acknowledge_removal()
    assert window.tips.current_key == "heat"


def test_a_tip_page_is_built_when_first_shown_and_tab_reaches_it(window, qtbot):
    """Pages nobody opens cost no memory at start-up; one opened later is still the next
    stop after the topic list, not the last in the window, and its checklist still
    reaches the history."""
    exposed(window)
    tips = window.tips
    assert set(tips.texts) == {"ice"}  # only the page shown
    tips.topics.setFocus()
    qtbot.keyClick(tips.topics, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tips.texts["ice"]
    tips.topics.setFocus()
    qtbot.keyClick(tips.topics, Qt.Key.Key_End)  # the last topic: when to see a physician
    assert tips.current_key == "physician" and "physician" in tips.texts
    qtbot.keyClick(tips.topics, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tips.texts["physician"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tips.warning_signs.boxes["headache"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert window.urgent_banner.isVisible()
    assert window.controller.service.warning_sign_answers() == [(T0, ["headache"])]


def test_a_topic_selected_as_a_screen_reader_does_shows_its_page(window):
    """AT-SPI selects a list item without making it current: the page stayed the old one."""
    tips = window.tips
    tips.topics.item(tips._keys.index("physician")).setSelected(True)  # noqa: SLF001
    assert tips.current_key == "physician"
    assert tips.pages.currentWidget() is tips.page("physician")


def test_each_tips_warnings_are_headed_for_what_they_are(window):
    """The medicine warnings sat under "General precautions for packs", with the note that
    pack precautions are general advice: a pain reliever is not a pack."""
    def page(key: str) -> str:
        return window.tips.text(key).text()

    assert "Before you take a pain reliever" in page("nsaids")
    assert "packs" not in page("nsaids")
    for key in ("ice", "heat"):
        assert "General precautions for packs" in page(key)
        assert "general safety advice for cold and heat packs" in page(key)
    assert "Get care at once" in page("physician") and "packs" not in page("physician")


def test_session_ends_by_itself_and_waits_for_removal(necktimer, window, qtbot, clock, data_dir):
    window.start_heat()
    tick(necktimer, clock, 15 * 60)
    assert necktimer.controller.state.status.state is State.WAITING
    banner = window.time_up_banner
    assert banner.isVisible() and banner.label.text() == "Time's up — remove the heat pack now."
    assert banner.accessibleName() == banner.label.text()
    assert window.ring.text == "Off now"
    tick(necktimer, clock, 30)
    qtbot.mouseClick(banner.buttons[0], Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert text_of(window.message_line) == "Noted: the heat pack came off at 09:15."
    assert rows(data_dir)[0]["removed_at"].startswith("2026-03-02T08:15:30")


def test_a_time_that_happened_shows_its_own_minute(necktimer, window, clock):
    clock.advance(1)  # 09:00:01: the session ends at 09:15:01
    window.start_ice()
    assert window.ring.caption == "Ice · off at 09:15"  # never 09:16
    tick(necktimer, clock, 15 * 60 + 4)
    necktimer.controller.acknowledge_removal()
    assert text_of(window.message_line) == "Noted: the ice pack came off at 09:15."
    # Only a future "allowed at" rounds up: 11:15:01 is shown as 11:16.
    assert "Next session allowed at 11:16" in text_of(window.status_line)


def test_the_wait_reads_as_a_wait_not_as_a_countdown(necktimer, window, clock):
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    tick(necktimer, clock, 60)
    assert window.ring.text == "1 h 59 min"
    assert window.ring.caption == "until the next session, at 11:15"


def test_start_during_gap_is_refused_with_the_time(necktimer, window, clock, data_dir):
    window.start_ice()
    tick(necktimer, clock, 10 * 60)
    window.stop()
    assert text_of(window.status_line) == "Next session allowed at 11:10 (in 2 h)."
    assert not window.start_heat_button.isEnabled()
    outcome = window.start_heat()  # what a keyboard shortcut or menu would do
    assert not outcome.ok
    assert outcome.message.endswith("Next session allowed at 11:10 (in 2 h).")
    # The window says why, and leaves the time to the status line above (not twice).
    assert text_of(window.message_line) == outcome.message.removesuffix(
        " Next session allowed at 11:10 (in 2 h).")
    assert text_of(window.message_line) and "11:10" not in text_of(window.message_line)
    assert len(rows(data_dir)) == 1


def test_a_stop_can_be_undone_for_ten_seconds(necktimer, window, qtbot, clock):
    window.start_ice()
    tick(necktimer, clock, 5 * 60)
    window.stop()
    assert window.undo_banner.isVisible()
    said = "Session stopped at 09:05. Stopped by mistake? You can undo it for {} second{}."
    assert window.undo_banner.label.text() == said.format(10, "s")
    # The seconds count down, and the window wakes for each of them.
    assert necktimer.controller.next_wake <= timedelta(seconds=1)
    tick(necktimer, clock, 0.4)
    assert window.undo_banner.label.text() == said.format(10, "s")  # 9.6 s, rounded up
    tick(necktimer, clock, 5.6)
    assert window.undo_banner.label.text() == said.format(4, "s")  # still the stop's time
    tick(necktimer, clock, 3.5)
    assert window.undo_banner.label.text() == said.format(1, "")
    qtbot.mouseClick(window.undo_banner.buttons[0], Qt.MouseButton.LeftButton)
    state = necktimer.controller.state
    assert state.status.state is State.RUNNING
    assert state.status.ends_at == T0 + timedelta(minutes=15)  # the original planned end
    assert not window.undo_banner.isVisible()


def test_a_mis_start_stop_can_be_undone_too(necktimer, window, qtbot, clock):
    window.start_ice()
    tick(necktimer, clock, 2)
    window.stop()
    assert window.undo_banner.isVisible()  # it used up part of the 15 minutes
    assert window.length_picker.maximum() == 14
    tick(necktimer, clock, 3)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    state = necktimer.controller.state
    assert state.status.state is State.RUNNING
    assert state.status.ends_at == T0 + timedelta(minutes=15)  # the original planned end
    tick(necktimer, clock, 15 * 60)
    assert necktimer.controller.state.status.state is State.WAITING  # one 15-min session


def test_the_undo_offer_goes_away_by_itself(necktimer, window, clock):
    window.start_ice()
    tick(necktimer, clock, 5 * 60)
    window.stop()
    assert necktimer.controller.next_wake <= timedelta(seconds=10)
    tick(necktimer, clock, 10)
    assert not window.undo_banner.isVisible()
    assert not necktimer.controller.undo_stop().ok


def test_a_stop_in_the_last_seconds_offers_undo_only_until_the_planned_end(
        necktimer, window, clock):
    """Undo cannot carry a session past its planned end, so the offer (banner, menu,
    Ctrl+Z) ends there, not 10 seconds later with a refusal behind a live button."""
    window.start_ice()
    tick(necktimer, clock, 15 * 60 - 4)
    window.stop()
    assert window.undo_banner.isVisible()
    assert window.undo_banner.label.text().endswith("You can undo it for 4 seconds.")
    assert necktimer.controller.next_wake <= timedelta(seconds=4)
    tick(necktimer, clock, 4)
    assert not window.undo_banner.isVisible()
    assert not window.undo_action.isEnabled()


def test_mis_start_is_cancelled_and_the_next_session_is_shorter(necktimer, window, clock):
    window.start_ice()
    tick(necktimer, clock, 6)
    window.stop()
    assert "cancelled within its first minute" in text_of(window.message_line)
    assert window.start_heat_button.isEnabled()
    assert window.length_picker.maximum() == 14
    assert "14 min 54 s" in window.length_picker.toolTip()
    assert "at most 14 min 54 s" in text_of(window.status_line)


def test_length_picker_and_quick_lengths(necktimer, window, qtbot, data_dir, settings_file):
    qtbot.mouseClick(window.panel.quick[5], Qt.MouseButton.LeftButton)
    assert window.length_picker.value() == 5 and window.panel.quick[5].isChecked()
    window.start_ice()
    assert window.ring.text == "05:00"
    assert rows(data_dir)[0]["planned_s"] == 300
    assert settings_file.current.default_minutes == 5  # remembered for next time


def test_the_length_presets_are_one_set_of_choices(window, qtbot):
    """A screen reader read each preset as a "check box"; they are one choice of three."""
    from PySide6.QtGui import QAccessible

    presets = window.panel.quick
    for button in presets.values():
        assert QAccessible.queryAccessibleInterface(button).role() is \
            QAccessible.Role.RadioButton
    assert [m for m, b in presets.items() if b.isChecked()] == [15]
    window.length_picker.setValue(7)  # no preset: none is chosen
    assert not any(b.isChecked() for b in presets.values())
    qtbot.mouseClick(presets[10], Qt.MouseButton.LeftButton)
    assert [m for m, b in presets.items() if b.isChecked()] == [10]
    assert window.length_picker.value() == 10
    # One Tab stop, entered at the choice from either side; the arrow keys move it
    window.length_picker.setFocus()
    qtbot.keyClick(window.length_picker, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is presets[10]
    qtbot.keyClick(presets[10], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.tips.topics
    qtbot.keyClick(window.tips.topics, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is presets[10]
    qtbot.keyClick(presets[10], Qt.Key.Key_Left)
    assert [m for m, b in presets.items() if b.isChecked()] == [5]
    assert window.length_picker.value() == 5 and QApplication.focusWidget() is presets[5]


def test_a_limit_on_the_length_is_not_taken_for_the_users_choice(necktimer, window, clock,
                                                                data_dir, settings_file):
    """After a mis-start left 14 minutes, the picker showed 14 and the next start
    remembered 14 for every session after the gap; a terminal's one-off `--minutes 1`
    became the default too."""
    window.start_ice()
    tick(necktimer, clock, 6)
    window.stop()
    assert window.length_picker.value() == 14 and window.length_picker.maximum() == 14
    assert necktimer.controller.chosen_minutes == 15
    window.start_heat()
    assert rows(data_dir)[-1]["planned_s"] == 15 * 60 - 6  # what was left
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal(at_end=True)
    tick(necktimer, clock, 2 * 3600)
    assert necktimer.controller.state.status.state is State.READY
    assert window.length_picker.value() == 15 and window.panel.quick[15].isChecked()
    assert settings_file.current.default_minutes == 15
    necktimer.controller.start(Therapy.ICE, 1)  # as `necktimer start ice --minutes 1` does
    assert rows(data_dir)[-1]["planned_s"] == 60
    assert settings_file.current.default_minutes == 15
    # While it runs, the (disabled) picker shows this session's length, not the default.
    assert window.length_picker.value() == 1 and not window.length_picker.isEnabled()
    assert window.length_picker.toolTip() == "This session lasts 1 min."
    assert not window.panel.quick[15].isChecked()
    tick(necktimer, clock, 60)
    assert window.length_picker.value() == 15 and window.panel.quick[15].isChecked()
    assert settings_file.current.default_minutes == 15


def test_the_picker_shows_the_length_of_a_session_cut_short_by_mis_starts(necktimer, window,
                                                                          clock):
    window.start_ice()
    tick(necktimer, clock, 40)
    window.stop()  # a mis-start: 14 min 20 s left of the cycle
    window.start_heat()
    assert window.ring.text == "14:20"
    assert window.length_picker.value() == 14
    assert window.length_picker.toolTip() == "This session lasts 14 min 20 s."


def test_a_wheel_over_the_length_picker_leaves_it_alone_until_it_is_chosen(window, qtbot):
    turn_wheel(window.length_picker, 3)
    assert window.length_picker.value() == 15
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.length_picker.setFocus()  # given by the program, not chosen: still left alone
    turn_wheel(window.length_picker, 3)
    assert window.length_picker.value() == 15
    qtbot.mouseClick(window.length_picker, Qt.MouseButton.LeftButton)  # chosen by a click
    turn_wheel(window.length_picker, 3)
    assert window.length_picker.value() == 12


def test_length_picker_cannot_go_past_15(window):
    window.length_picker.setValue(40)
    assert window.length_picker.value() == 15
    assert window.length_picker.maximum() == 15 and window.length_picker.minimum() == 1


def test_keyboard_shortcuts_start_undo_and_have_no_ctrl_s(necktimer, window, qtbot, clock):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert necktimer.controller.state.status.therapy is Therapy.HEAT
    tick(necktimer, clock, 120)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert necktimer.controller.state.status.state is State.RUNNING  # Ctrl+S is not Stop
    window.stop_button.setFocus()
    qtbot.keyClick(window.stop_button, Qt.Key.Key_Space)
    assert necktimer.controller.state.status.state is State.WAITING
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert necktimer.controller.state.status.state is State.RUNNING


def test_enter_presses_the_focused_button_as_space_does(necktimer, window, qtbot, clock):
    """Qt's buttons take Return only as a dialog's default: on "Start ice" or the banner's
    "Done — removed", Return and the keypad's Enter did nothing, where Space worked."""
    exposed(window)
    window.start_ice_button.setFocus()
    qtbot.keyClick(window.start_ice_button, Qt.Key.Key_Return)
    assert necktimer.controller.state.status.state is State.RUNNING
    tick(necktimer, clock, 15 * 60)
    [done] = [b for b in window.time_up_banner.findChildren(QAbstractButton)
              if b.text() == "Done — &removed"]
    done.setFocus()
    qtbot.keyClick(done, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert necktimer.controller.state.status.state is State.WAITING
    assert not necktimer.service.status().awaiting_removal
    window.status_line.setFocus()  # not a button: Return there starts nothing
    qtbot.keyClick(window.status_line, Qt.Key.Key_Return)
    assert necktimer.controller.state.status.state is State.WAITING


def test_after_start_a_second_key_press_does_not_rate_the_pain(necktimer, window, qtbot,
                                                                settings_file):
    settings_file.update(ask_pain_before=True)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_ice_button.setFocus()
    qtbot.keyClick(window.start_ice_button, Qt.Key.Key_Space)
    assert window.pain_prompt.isVisible()
    assert QApplication.focusWidget() is window.status_line
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert window.pain_prompt.isVisible()  # still asking: nothing was recorded


def window_mnemonics(window):
    """The Alt+letter keys at window level: menu titles, visible buttons and buddied labels."""
    texts = [action.text() for action in window.menuBar().actions()]
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    texts += [label.text() for label in window.findChildren(QLabel)
              if label.buddy() is not None and label.isVisibleTo(window)]
    keys = [QKeySequence.mnemonic(text).toString() for text in texts]
    return [key for key in keys if key]


def test_no_two_controls_share_an_alt_key(necktimer, window, clock):
    for setup in (lambda: None, window.start_heat,
                  lambda: tick(necktimer, clock, 15 * 60)):
        setup()
        keys = window_mnemonics(window)
        assert len(keys) == len(set(keys)), sorted(keys)
    assert "Alt+H" in keys and "Alt+E" in keys  # Help and Start heat no longer collide


def test_help_lists_the_keyboard_shortcuts(window, qtbot):
    window.shortcuts_action.trigger()
    box = window.shortcuts_box
    exposed(box)
    text = box.text.text()
    assert "Ctrl+I" in text and "Ctrl+Z" in text and "Alt+O" in text
    box.close()


def test_disclaimer_always_visible(necktimer, window, clock):
    assert window.disclaimer.isVisible()
    assert "not medical advice" in window.disclaimer.text()
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    assert window.disclaimer.isVisible()


def test_every_control_has_an_accessible_name(window):
    controls = window.findChildren(QAbstractButton) + window.findChildren(QAbstractSpinBox)
    assert len(controls) >= 8
    for control in controls:
        if control.isVisible():
            assert control.accessibleName() or control.text(), control


def test_every_focusable_widget_is_named(window):
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, f"{type(widget).__name__} can take focus but has no name"


def test_status_lines_are_read_as_what_they_say(necktimer, window, clock):
    window.start_ice()
    assert window.status_line.accessibleName() == text_of(window.status_line)
    assert window.message_line.accessibleName() == text_of(window.message_line)


def test_in_the_last_minute_the_status_lines_name_does_not_change_every_second(
        necktimer, window, clock):
    """The focused status line's name changed with each second of the last minute ("in
    59 s", "in 58 s"): a screen reader read the whole sentence sixty times (found by an
    outside tester). The text still counts seconds; the name counts whole minutes."""
    window.start_ice()
    tick(necktimer, clock, 14 * 60 + 5)
    names, texts = set(), set()
    for _ in range(50):
        tick(necktimer, clock, 1)
        names.add(window.status_line.accessibleName())
        texts.add(text_of(window.status_line))
    assert len(texts) == 50  # "in 55 s" … "in 6 s" on screen
    assert names == {"Ice session running: it ends at 09:15 (in 1 min). Next session "
                     "allowed at 11:15."}, names
    tick(necktimer, clock, 5)  # the end
    necktimer.controller.acknowledge_removal()
    tick(necktimer, clock, 2 * 3600 - 50)  # the gap's last seconds
    waiting = {window.status_line.accessibleName()}
    for _ in range(40):
        tick(necktimer, clock, 1)
        waiting.add(window.status_line.accessibleName())
    assert len(waiting) == 1 and "(in 1 min)" in waiting.pop()


def test_at_times_up_the_focused_status_line_reads_take_the_pack_off_first(necktimer, window,
                                                                           clock):
    """Focus stays on the status line as a session ends; what it reads must lead with what
    to do now, not only when the next session is allowed."""
    window.start_heat()
    tick(necktimer, clock, 15 * 60)
    name = window.status_line.accessibleName()
    assert name.startswith("Time's up — remove the heat pack now.")
    assert name.endswith(text_of(window.status_line))  # and then what it shows
    assert window.ring.accessibleDescription() == name
    necktimer.controller.acknowledge_removal()
    assert window.status_line.accessibleName() == text_of(window.status_line)


def test_tab_from_the_status_line_reaches_the_pain_rating_before_the_tips(necktimer, window,
                                                                           clock, qtbot):
    """The rating sits under the controls, and is made after the tips: Tab must still reach
    it first, not walk a screen-reader user through every tip."""
    exposed(window)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    prompt = window.pain_prompt
    assert prompt.isVisible()
    window.status_line.setFocus()
    qtbot.keyClick(window.status_line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is prompt.buttons[0]


def test_at_times_up_the_line_under_the_status_says_when_it_ended_not_the_banner_again(
        necktimer, window, clock):
    """The banner, the ring and the line under the status all said "Time's up — remove the
    ice pack" (outside tester). That line now says when it ended, and to check the skin."""
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    from necktimer.core.i18n import clock_time

    end = clock_time(clock.now())
    assert text_of(window.message_line) == (
        f"Your 15-minute ice session ended at {end}. Take the pack off and check your skin.")
    assert "Time's up" in text_of(window.time_up_banner.label)


def test_tab_from_the_status_line_at_times_up_reaches_done_before_the_tips(
        necktimer, window, clock, qtbot):
    """At time's up the status line holds the focus and says to take the pack off; Tab
    went on to the tips, and "Done — removed" came after all of them."""
    exposed(window)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    assert QApplication.focusWidget() is window.status_line
    qtbot.keyClick(window.status_line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.time_up_banner.buttons[0]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not window.status_line  # on, to the rest
    necktimer.controller.acknowledge_removal()
    window.stop_button.setFocus()  # and after a stop, Tab reaches its Undo first
    tick(necktimer, clock, 2 * 3600 + 60)
    window.start_heat()
    tick(necktimer, clock, 70)
    window.stop()
    window.status_line.setFocus()
    qtbot.keyClick(window.status_line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is window.undo_banner.buttons[0]


def test_a_number_typed_after_done_gives_that_rating_and_says_so(necktimer, window, clock,
                                                                 qtbot):
    exposed(window)
    session = window.start_ice().session
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    prompt = window.pain_prompt
    window.status_line.setFocus()  # where focus rests after Done
    qtbot.keyClicks(window.status_line, "1")
    assert QApplication.focusWidget() is prompt.buttons[1]
    qtbot.keyClicks(QApplication.focusWidget(), "0")  # "1" then "0": ten
    assert QApplication.focusWidget() is prompt.buttons[10]
    qtbot.keyClicks(QApplication.focusWidget(), "7")
    assert QApplication.focusWidget() is prompt.buttons[7]
    assert prompt.isVisible()  # a digit only moves: nothing is given yet
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not prompt.isVisible()
    assert necktimer.service.session(session.id).pain_after == 7
    assert text_of(window.message_line) == "Noted: pain 7 of 10. You can change it in History."


def test_the_ratings_are_one_tab_stop_and_the_arrows_move_among_them(necktimer, window,
                                                                     clock, qtbot):
    """Eleven ratings and Skip were twelve Tab stops (outside tester); now the ratings are
    one, as a row of radio buttons is, and moving among them gives none."""
    exposed(window)
    session = window.start_ice().session
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    prompt = window.pain_prompt
    window.status_line.setFocus()
    qtbot.keyClick(window.status_line, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is prompt.buttons[0]
    # Skip is the next stop, not the tips (put in the window after the prompt was made,
    # they came between the two; outside tester).
    qtbot.keyClick(prompt.buttons[0], Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is prompt.skip
    qtbot.keyClick(prompt.skip, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is prompt.buttons[0]
    for key, lands_on in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_Down, 7), (Qt.Key.Key_Right, 8),
                          (Qt.Key.Key_End, 10), (Qt.Key.Key_Down, 10), (Qt.Key.Key_Up, 4),
                          (Qt.Key.Key_Home, 0), (Qt.Key.Key_Left, 0), (Qt.Key.Key_Right, 1)):
        qtbot.keyClick(QApplication.focusWidget(), key)
        assert QApplication.focusWidget() is prompt.buttons[lands_on], key
    assert prompt.isVisible()  # nothing given by moving
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is prompt.skip  # the ratings were one stop
    qtbot.keyClick(prompt.skip, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is prompt.buttons[1]  # back where it was
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not prompt.isVisible()
    assert necktimer.service.session(session.id).pain_after == 1


def contrast(a, b):
    def luminance(color):
        def channel(c):
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) \
            + 0.0722 * channel(color.blue())
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("dark", [False, True])
def test_text_and_banners_are_readable_in_light_and_dark(qapp, necktimer, window, clock, dark):
    apply_palette(qapp, dark=dark)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    palette = window.status_line.palette()
    assert contrast(palette.color(QPalette.ColorRole.WindowText),
                    palette.color(QPalette.ColorRole.Window)) >= 7
    for banner in (window.time_up_banner, window.undo_banner, window.problem_banner):
        colors = banner.palette()
        assert contrast(colors.color(QPalette.ColorRole.WindowText),
                        colors.color(QPalette.ColorRole.Window)) >= 4.5, banner.objectName()


@pytest.mark.parametrize("dark", [False, True])
def test_an_unticked_box_stands_out_from_the_window(qapp, qtbot, dark):
    """In dark, Fusion drew an unticked box's edge a shade off the window (1.1:1): the
    physician checklist's boxes could not be seen. A control's edge needs 3:1."""
    apply_palette(qapp, dark=dark)
    box = QCheckBox("Severe headache")  # in the application's palette, as a dialog's
    qtbot.addWidget(box)
    box.adjustSize()
    image = box.grab().toImage()
    side = box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, box)
    background = qapp.palette().color(QPalette.ColorRole.Window)
    edge = max((image.pixelColor(x, y) for x in range(side + 2) for y in range(image.height())),
               key=lambda color: contrast(color, background))
    assert contrast(edge, background) >= 3


@pytest.mark.parametrize("dark", [False, True])
def test_the_chosen_length_preset_can_be_told_from_the_others(qapp, window, dark):
    """In dark, Fusion drew the chosen preset a shade off the others: which length was
    chosen could not be seen. Somewhere on it, chosen differs from not chosen by 3:1."""
    apply_palette(qapp, dark=dark)
    exposed(window)
    chosen = window.panel.quick[15]
    assert chosen.isChecked()

    def look(minutes):
        window.length_picker.setValue(minutes)
        return chosen.grab().toImage()

    on, off = look(15), look(7)  # 7: no preset is chosen
    assert not chosen.isChecked()
    assert max(contrast(on.pixelColor(x, y), off.pixelColor(x, y))
               for x in range(on.width()) for y in range(on.height())) >= 3


@pytest.mark.parametrize("dark", [False, True])
def test_the_countdown_keeps_its_active_colours_in_an_unfocused_window(qapp, necktimer, window,
                                                                        dark):
    apply_palette(qapp, dark=dark)
    palette = QPalette(qapp.palette())
    palette.setColor(QPalette.ColorGroup.Inactive, QPalette.ColorRole.WindowText,
                     palette.color(QPalette.ColorRole.Mid))  # as the GTK theme greys it
    window.ring.setPalette(palette)
    window.start_ice()
    image = window.ring.grab().toImage()
    digits = window.ring.rect().center()
    text = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    background = palette.color(QPalette.ColorRole.Window)
    darkest = min((image.pixelColor(x, y) for x in range(digits.x() - 40, digits.x() + 40)
                   for y in range(digits.y() - 30, digits.y() + 10)),
                  key=lambda c: abs(c.lightness() - text.lightness()))
    assert contrast(darkest, background) >= 4.5


def test_every_tab_stop_is_a_control_that_shows_it_has_focus(window, qtbot):
    """After the warning checklist, Tab stopped on the tip page's scroll area, which
    draws no focus: focus seemed to vanish until the next Tab."""
    exposed(window)
    window.tips.show_tip("physician")
    stops = tab_stops(qtbot, window.status_line)
    assert window.tips.warning_signs.boxes["other"] in stops
    invisible = [type(w).__name__ for w in stops if type(w) is QScrollArea]
    assert not invisible


def test_the_reading_keys_scroll_a_tip_page(window, qtbot):
    exposed(window)
    window.resize(window.width(), 420)
    window.tips.show_tip("physician")
    text = window.tips.text("physician")
    text.setFocus()
    bar = window.tips.page("physician").verticalScrollBar()
    assert bar.maximum() > 0  # the page is longer than the window
    qtbot.keyClick(text, Qt.Key.Key_Down)
    assert bar.value() == bar.singleStep()
    qtbot.keyClick(text, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(text, Qt.Key.Key_Up)
    assert bar.value() == bar.maximum() - bar.singleStep()
    qtbot.keyClick(text, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(text, Qt.Key.Key_PageDown)
    assert bar.value() == min(bar.pageStep(), bar.maximum())


@pytest.mark.parametrize("lang", ["en", "de", "es"])
def test_no_start_shortcut_suggests_the_other_therapy(make_app, qtbot, qapp, lang):
    """In Spanish Ctrl+H started heat, though "hielo" is ice: someone reaching for ice by
    its initial got heat."""
    from necktimer import language
    from necktimer.core import i18n

    language.install(lang, qapp)
    try:
        instance = make_app()
        instance.start()
        window = instance.window
        exposed(window)
        ice, heat = (QKeySequence(window.ice_keys), QKeySequence(window.heat_keys))
        assert ice != heat and not ice.isEmpty() and not heat.isEmpty()
        letter = {keys: keys.toString().rsplit("+", 1)[-1].casefold() for keys in (ice, heat)}
        assert letter[ice] != Therapy.HEAT.label[0].casefold(), lang
        assert letter[heat] != Therapy.ICE.label[0].casefold(), lang
        assert window.start_heat_action.shortcut() == heat
        qtbot.keyClick(window, heat[0].key(), heat[0].keyboardModifiers())
        assert instance.controller.state.status.session.therapy is Therapy.HEAT
    finally:
        language.install("en", qapp)
        i18n.install(formats=i18n.Formats())


def test_the_pain_question_is_announced_and_reached_from_where_done_was_pressed(
        necktimer, window, clock, qtbot, monkeypatch):
    """Ctrl+D pressed while reading the tips: a screen reader heard only "Noted: …", and
    focus stayed in the tips, where the digits that answer do nothing."""
    said = []
    monkeypatch.setattr(window, "announce", said.append)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    window.tips.topics.setFocus()
    qtbot.keyClick(window.tips.topics, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.pain_prompt.isVisible()
    assert said[-1] == ("The pack is off. How bad is the pain now? Type a number from 0 "
                        "to 10 and press Enter, or Tab to the ratings.")
    assert QApplication.focusWidget() is window.status_line
    qtbot.keyClicks(window.status_line, "4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert necktimer.controller.state.pain_question is None
    assert "pain 4 of 10" in text_of(window.message_line)


@pytest.mark.parametrize("keys", ["Ctrl+I", "Ctrl+H"])
def test_a_start_key_the_rules_refuse_says_when_the_next_is_allowed(
        necktimer, window, clock, qtbot, monkeypatch, keys):
    """Ctrl+I in the gap did nothing at all: no sound, nothing for a screen reader."""
    said = []
    monkeypatch.setattr(window, "announce", said.append)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    window.tips.topics.setFocus()
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)  # no Tab yet
    sequence = QKeySequence(keys)[0]
    qtbot.keyClick(window.tips.topics, sequence.key(), sequence.keyboardModifiers())
    status = necktimer.controller.state.status
    assert status.state is State.WAITING  # nothing started
    assert said and said[-1] == window.status_line.text()
    assert "Next session allowed" in said[-1]
    assert QApplication.focusWidget() is window.status_line
    # and a sighted user sees where it went: the status line's focus ring is drawn
    # (the key gave it focus, not Tab, and the ring showed only after a Tab)
    assert window.status_line.shows_focus()
    clock.advance(2 * 3600)
    tick(necktimer, clock, 1)
    qtbot.keyClick(window, sequence.key(), sequence.keyboardModifiers())
    assert necktimer.controller.state.status.state is State.RUNNING  # allowed: it starts


def test_a_refused_start_key_draws_the_focus_ring_on_the_status_line(
        necktimer, window, clock, qtbot):
    """With the focus already resting on the status line (as after Done), Ctrl+H in the
    gap only beeped: the line's focus ring was not drawn, so nothing was seen to happen."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    exposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.start_ice()
    tick(necktimer, clock, 15 * 60)
    necktimer.controller.acknowledge_removal()
    necktimer.controller.answer_pain(None)
    window.status_line.setFocus(Qt.FocusReason.OtherFocusReason)
    window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, False)  # a mouse user
    window.status_line.update()
    paints = Paints()
    window.status_line.installEventFilter(paints)
    QApplication.processEvents()
    paints.count = 0
    qtbot.keyClick(window.status_line, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert window.status_line.shows_focus() and paints.count > 0


def test_a_rating_buttons_name_is_not_read_twice(window):
    from PySide6.QtGui import QAccessible

    prompt = window.pain_prompt
    for value, button in enumerate(prompt.buttons):
        face = QAccessible.queryAccessibleInterface(button)
        name = face.text(QAccessible.Text.Name)
        assert name == f"Pain {value} of 10"
        assert face.text(QAccessible.Text.Description) != name


def test_the_status_line_and_a_tips_text_show_keyboard_focus(window, qtbot):
    """Tab stopped on them with nothing to show where focus was."""
    exposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    line, text = window.status_line, window.tips.text("ice")
    highlight = window.palette().color(QPalette.ColorRole.Highlight)

    def ringed(label) -> bool:
        picture = label.grab().toImage()
        edge = picture.pixelColor(1, picture.height() // 2)
        return abs(edge.red() - highlight.red()) + abs(edge.blue() - highlight.blue()) < 60

    line.setFocus(Qt.FocusReason.MouseFocusReason)  # no keyboard used yet: no ring
    assert not line.shows_focus() and not ringed(line)
    qtbot.keyClick(line, Qt.Key.Key_Backtab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is line
    assert line.shows_focus() and ringed(line)
    window.tips.topics.setFocus(Qt.FocusReason.ShortcutFocusReason)  # F1
    qtbot.keyClick(window.tips.topics, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is text
    assert text.shows_focus() and ringed(text) and not ringed(line)


def test_the_tip_topics_show_when_they_have_the_focus(necktimer, window, qtbot):
    """F1 or Tab put the focus on the topics, and nothing showed it (outside tester): the
    list's frame now has the ring a focused field has."""
    exposed(window)
    topics = window.tips.topics
    ring = topics.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)

    def ringed() -> bool:
        image = topics.grab().toImage()
        middle = image.height() // 2
        return all(image.pixelColor(x, middle) == ring
                   for x in (0, 1, image.width() - 2, image.width() - 1))

    window.status_line.setFocus()
    assert not topics.hasFocus() and not ringed()
    window.tips_action.trigger()
    qtbot.waitUntil(topics.hasFocus)
    assert ringed()
