"""The window fits a small laptop screen at 1×, 1.5× and 2× scaling and with a large font.

A 1366×768 screen with a 32-pixel panel leaves these logical sizes; at each, with the
system font as it is and at 13 pt, the window must fit, and nothing may be cut off or
overlap (the middle may scroll; the disclaimer stays in sight). What the user must act
on next is in sight without scrolling: the start buttons, Stop while a session runs,
the pain prompt when it appears.
"""

import pytest
from helpers import exposed, text_of, tick
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QLabel,
    QWidget,
)

from necktimer.core.rules import State, Therapy
from necktimer.core.tips import tips_for

ROOM = {"1x": QSize(1366, 736), "1.5x": QSize(910, 490), "2x": QSize(683, 368)}


@pytest.fixture(params=[None, 13], ids=["system font", "13 pt font"])
def font_size(request, qapp):
    font = qapp.font()
    original = QApplication.font()
    if request.param:
        font.setPointSize(request.param)
        qapp.setFont(font)
    yield request.param
    qapp.setFont(original)


def visible_in(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0


def problems(window) -> list[str]:
    found = []
    for label in window.findChildren(QLabel):
        if visible_in(label, window) and label.wordWrap() and label.text():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + 1:
                found.append(f"{label.objectName() or label.text()[:30]!r} cut: "
                             f"{label.height()} < {needed}")
    for button in window.findChildren(QAbstractButton):
        if visible_in(button, window) and button.text():
            text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
            if text + 8 > button.width():
                found.append(f"button {button.text()!r} cut: {button.width()} < {text + 8}")
    for control in window.findChildren(QAbstractSpinBox):
        if visible_in(control, window) and control.width() < control.minimumSizeHint().width():
            found.append(f"{control.accessibleName()!r} squeezed: {control.width()} < "
                         f"{control.minimumSizeHint().width()}")
    panel = window.panel
    parts = [w for w in panel.findChildren(QWidget) if w.parent() is panel
             and visible_in(w, window)]
    for index, first in enumerate(parts):
        for second in parts[index + 1:]:
            if first.geometry().intersects(second.geometry()):
                found.append(f"{first.objectName()} overlaps {second.objectName()}")
    disclaimer = window.disclaimer
    inside = QRect(disclaimer.mapTo(window, disclaimer.rect().topLeft()), disclaimer.size())
    if not window.rect().contains(inside):
        found.append("the disclaimer is out of sight")
    return found


def out_of_sight(window, widgets: list[QWidget]) -> list[str]:
    """The widgets not wholly inside the part of the scroll area now on screen."""
    viewport = window.scroll.viewport()
    found = []
    for widget in widgets:
        corner = widget.mapTo(viewport, widget.rect().topLeft())
        if not viewport.rect().contains(QRect(corner, widget.size())):
            found.append(f"{widget.accessibleName() or widget.text()!r} is out of sight")
    return found


def to_act_on(window) -> list[QWidget]:
    """What the user must be able to reach right now, without looking for it."""
    panel = window.panel
    if panel.pain_prompt.isVisible():
        # The status line holds the focus while it asks, and says when the next session
        # is allowed: it had been scrolled out of sight after a removal (German at 2x) and
        # after every Stop. With it, the question's first row of ratings; the rest where
        # there is room (see rest_of_the_ratings).
        return [window.status_line, *panel.pain_prompt.buttons[:6]]
    if window.stop_button.isEnabled():
        return [window.stop_button, window.status_line]
    if window.start_ice_button.isEnabled():
        return [window.start_ice_button, window.start_heat_button, window.length_picker]
    return [window.status_line]


def rest_of_the_ratings(window) -> list[QWidget]:
    """The ratings below the first row, which must be in sight too where the view has
    room for them and the status line together."""
    prompt, viewport = window.panel.pain_prompt, window.scroll.viewport()
    top = window.status_line.mapTo(viewport, window.status_line.rect().topLeft()).y()
    bottom = prompt.skip.mapTo(viewport, prompt.skip.rect().bottomLeft()).y()
    rest = [*prompt.buttons[6:], prompt.skip] if bottom - top < viewport.height() else []
    # And the line under them ("0 = no pain …"), cut in half in German at 2x.
    bottom = prompt.scale.mapTo(viewport, prompt.scale.rect().bottomLeft()).y()
    return [*rest, prompt.scale] if rest and bottom - top < viewport.height() else rest


def steps(instance, clock):
    window = instance.window

    def stopped_by_mistake() -> None:
        # The undo banner on top and two lines of why: the ring gives way, the start
        # buttons stay in sight.
        tick(instance, clock, 20)
        window.stop()

    return (lambda: None, window.start_ice, stopped_by_mistake, window.start_ice,
            lambda: tick(instance, clock, 15 * 60), instance.controller.acknowledge_removal)


def settle(qtbot) -> None:
    QApplication.processEvents()
    qtbot.wait(20)  # a question that appeared is scrolled into sight on the next turn
    QApplication.processEvents()


def scroll_to_the_tips(window, qtbot) -> None:
    """Read the tips under the timer, scrolled on to the end of the page: the ring is out
    of sight then (the status line and the buttons above the tips, where there is room)."""
    window.show_tip("rest")
    settle(qtbot)
    bar = window.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert not ring_top_in_sight(window)


def ring_top_in_sight(window) -> bool:
    return window.ring.mapTo(window.scroll.viewport(), window.ring.rect().topLeft()).y() >= 0


def resize_to(window, size: QSize, qtbot) -> None:
    """The window at `size`, once the platform has given it that size."""
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size, timeout=2000)


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_the_window_fits_and_nothing_is_cut_off(make_app, qtbot, clock, font_size, room,
                                                any_language):
    instance = make_app(tips=tips_for([any_language]))
    instance.start()
    window = instance.window
    size = ROOM[room]
    assert window.minimumSizeHint().width() <= size.width()
    assert window.minimumSizeHint().height() <= size.height()
    resize_to(window, size, qtbot)
    for step in steps(instance, clock):
        step()
        settle(qtbot)
        assert problems(window) == [], (room, font_size)
        assert out_of_sight(window, to_act_on(window)) == [], (room, font_size)
        if window.pain_prompt.isVisible():
            assert out_of_sight(window, rest_of_the_ratings(window)) == []
    assert window.pain_prompt.isVisible()  # the last step was the one that asks
    # After a removal there is room for all of it, in every language.
    assert rest_of_the_ratings(window) != [], (room, font_size)


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_after_an_answer_the_status_comes_back_into_sight(make_app, qtbot, clock, font_size,
                                                           room, any_language):
    """At 2× with a 13-point font, the pain question after a stop scrolled the status out
    of sight, and it stayed out once answered: the screen showed greyed-out buttons and
    the tips, not when the next session is allowed, nor the "Noted" that confirms it."""
    instance = make_app(tips=tips_for([any_language]))
    instance.start()
    window = instance.window
    resize_to(window, ROOM[room], qtbot)
    window.start_ice()
    tick(instance, clock, 5 * 60)
    window.stop()
    settle(qtbot)
    assert window.pain_prompt.isVisible()
    assert out_of_sight(window, to_act_on(window)) == []
    tick(instance, clock, 11)  # the Undo banner goes: all the ratings come into sight
    settle(qtbot)
    assert not window.undo_banner.isVisible()
    assert out_of_sight(window, [*to_act_on(window), *window.pain_prompt.buttons,
                                 window.pain_prompt.skip]) == []
    instance.controller.answer_pain(3)
    settle(qtbot)
    assert not window.pain_prompt.isVisible()
    assert out_of_sight(window, [window.status_line, window.message_line]) == []
    assert "3" in text_of(window.message_line)  # "Noted: pain 3 of 10", in its language


def test_the_ring_gives_way_to_the_controls(make_app, qtbot, clock):
    """On a short window the ring shrinks; the controls keep their size."""
    instance = make_app()
    instance.start()
    window = instance.window
    resize_to(window, ROOM["1.5x"], qtbot)
    window.start_ice()
    settle(qtbot)
    roomy = window.ring.height()
    tick(instance, clock, 15 * 60)
    instance.controller.acknowledge_removal()
    settle(qtbot)
    assert window.pain_prompt.isVisible()
    assert window.ring.height() < roomy
    assert window.scroll.verticalScrollBar().maximum() == 0  # nothing had to scroll


def in_window(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def test_a_narrow_window_puts_the_tips_under_the_timer(make_app, qtbot):
    instance = make_app()
    instance.start()
    window = instance.window
    window.resize(ROOM["2x"])
    settle(qtbot)
    assert not window.side_by_side
    assert in_window(window.tips, window).top() >= in_window(window.panel, window).bottom()
    window.resize(ROOM["1x"])
    settle(qtbot)
    assert window.side_by_side
    assert in_window(window.tips, window).left() >= in_window(window.panel, window).right()
    window.resize(ROOM["2x"])  # and back: the tips follow the window both ways
    settle(qtbot)
    assert in_window(window.tips, window).top() >= in_window(window.panel, window).bottom()
    # Under the timer they are never taller than the view: scrolled to, they show whole,
    # heading and all (taller, the view cut the heading off in German at 2x).
    assert window.tips.height() <= max(window.viewport.height(), window.tips.minimumHeight())
    assert window.tips.maximumHeight() <= max(window.viewport.height(), 220)


def status_in_sight(window) -> bool:
    """What the status line says is in sight: the line itself, or its copy pinned above
    the scrolled part while the line is scrolled away."""
    if not out_of_sight(window, [window.status_line]):
        return True
    pinned = window.pinned_status
    inside = QRect(pinned.mapTo(window, pinned.rect().topLeft()), pinned.size())
    return (pinned.isVisible() and window.rect().contains(inside)
            and pinned.text() == window.status_line.text() != ""
            and pinned.height() >= pinned.heightForWidth(pinned.width()))


def into_state(instance, clock, state: str) -> None:
    if state == "ready":
        return
    instance.controller.start(Therapy.ICE, 1)
    clock.advance(120)
    instance.controller.refresh()
    if state == "time's up":
        return
    instance.controller.acknowledge_removal()  # the pain question opens
    if state == "waiting out the gap":
        instance.controller.answer_pain(None)


@pytest.mark.parametrize("state", ["ready", "waiting out the gap", "pain question open",
                                   "time's up"])
@pytest.mark.parametrize("how", ["F1", "the physician banner's button"])
def test_the_tips_come_into_sight_when_asked_for_under_the_timer(make_app, qtbot, clock, how,
                                                                 font_size, state):
    """At 2x the tips sit under the timer, out of sight: F1 moved focus there unseen."""
    instance = make_app()
    instance.start()
    into_state(instance, clock, state)
    window = instance.window
    resize_to(window, ROOM["2x"], qtbot)
    settle(qtbot)
    assert not window.side_by_side
    assert out_of_sight(window, [window.tips.topics]) != []  # to begin with
    assert not window.pinned_status.isVisible()  # the line itself is in sight
    if how == "F1":
        window.tips_action.trigger()
        assert QApplication.focusWidget() is window.tips.topics
    else:
        window.show_tip("physician")
    settle(qtbot)
    assert out_of_sight(window, [window.tips.topics]) == []
    assert window.tips.page(window.tips.current_key).isVisible()
    # What the status line says too: F1 left "Next session allowed at …" half scrolled
    # away (outside tester, 2x on a 1366x768 screen), and wholly with the pain question
    # open, or at time's up with a 13-point font. Where the view has room, the line
    # itself shows above the tips; else its copy, pinned above the scrolled part.
    assert status_in_sight(window), (window.viewport.height(), window.tips.height())
    if state in ("ready", "waiting out the gap"):
        assert out_of_sight(window, [window.status_line]) == []


def test_the_pinned_status_follows_the_line_and_goes_when_it_is_back(make_app, qtbot,
                                                                     clock):
    """With the pain question open, F1 scrolls the line away: its copy above the tips
    keeps counting down to the next session; scrolled back, the copy goes (the line is
    never shown twice)."""
    instance = make_app()
    instance.start()
    into_state(instance, clock, "pain question open")
    window = instance.window
    resize_to(window, ROOM["2x"], qtbot)
    settle(qtbot)
    window.tips_action.trigger()
    settle(qtbot)
    assert out_of_sight(window, [window.status_line]) != []
    assert status_in_sight(window) and window.pinned_status.isVisible()
    before = window.pinned_status.text()
    tick(instance, clock, 5 * 60)
    assert window.pinned_status.text() == window.status_line.text() != before
    window.scroll.verticalScrollBar().setValue(0)
    settle(qtbot)
    assert out_of_sight(window, [window.status_line]) == []
    assert not window.pinned_status.isVisible()


@pytest.mark.parametrize("font_size", [13], indirect=True, ids=["13 pt font"])
def test_a_session_started_elsewhere_brings_the_countdown_back_into_sight(make_app, qtbot,
                                                                          font_size):
    """At 2x, reading the tips under the timer, a start from a terminal (or the tray) left
    the countdown and Stop scrolled out of sight."""
    instance = make_app()
    instance.start()
    window = instance.window
    resize_to(window, ROOM["2x"], qtbot)
    scroll_to_the_tips(window, qtbot)
    instance.controller.start(Therapy.ICE, 1)  # as `necktimer start ice --minutes 1` does
    settle(qtbot)
    assert out_of_sight(window, to_act_on(window)) == []
    assert ring_top_in_sight(window)


def test_side_by_side_a_question_scrolls_the_timer_column_only(make_app, qtbot,
                                                                 settings_file):
    """At 1.5× with a 13-point font, on a screen a little shorter still, the pain question
    before a session makes the timer's column taller than the window even with the ring
    given way. That column scrolls to show it; the tips beside it
    stay where they were, whole, with one scroll bar of their own (not two side by
    side, and not the topic list pushed out of sight)."""
    font = QApplication.font()
    bigger = QApplication.font()
    bigger.setPointSize(13)
    QApplication.setFont(bigger)
    try:
        settings_file.update(ask_pain_before=True)
        instance = make_app()
        instance.start()
        window = instance.window
        short = QSize(ROOM["1.5x"].width(), 400)
        resize_to(window, short, qtbot)
        settle(qtbot)
        assert window.side_by_side
        tips_before = in_window(window.tips, window)
        window.start_ice()
        settle(qtbot)
        assert window.pain_prompt.isVisible()
        assert window.scroll.verticalScrollBar().maximum() > 0  # the column did scroll
        assert out_of_sight(window, to_act_on(window)) == []
        assert in_window(window.tips, window) == tips_before
        assert window.rect().contains(in_window(window.tips.topics, window))
        assert problems(window) == []
        # Scrolled on, the status line's pinned copy stands over the timer's column only:
        # the tips beside it do not move down to make room for it.
        bar = window.scroll.verticalScrollBar()
        bar.setValue(bar.maximum())
        settle(qtbot)
        assert status_in_sight(window) and window.pinned_status.isVisible()
        assert in_window(window.tips, window) == tips_before
        pinned, column = in_window(window.pinned_status, window), in_window(window.scroll, window)
        assert column.left() <= pinned.left() and pinned.right() <= column.right()
    finally:
        QApplication.setFont(font)


def test_fit_to_screen_never_exceeds_the_available_room(make_app):
    instance = make_app()
    instance.start()
    room = instance.window.screen().availableGeometry()
    assert instance.window.width() <= room.width()
    assert instance.window.height() <= room.height()


def speaking(request, qapp):
    """The app in the fixture's language for one test, English again afterwards."""
    from necktimer import language
    from necktimer.core import i18n

    language.install(request.param, qapp)
    yield request.param
    language.install("en", qapp)
    i18n.install(formats=i18n.Formats())


other_language = pytest.fixture(params=["de", "es"], name="other_language")(speaking)
any_language = pytest.fixture(params=["en", "de", "es_US"], name="any_language")(speaking)


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_no_tip_page_is_wider_than_the_room_it_is_shown_in(make_app, qtbot, font_size, room):
    """The physician page's check boxes never wrapped: at 2x its text was cut off at the
    right (the page was wider than its view, with no way to scroll sideways)."""
    instance = make_app()
    instance.start()
    window = instance.window
    resize_to(window, ROOM[room], qtbot)
    tips = window.tips
    for row in range(tips.topics.count()):
        tips.topics.setCurrentRow(row)
        settle(qtbot)
        page = tips.page(tips.current_key)
        assert page.widget().width() <= page.viewport().width(), (tips.current_key, room)
    for box in tips.warning_signs.boxes.values():
        lines = box.text().split("\n")
        assert " ".join(lines) == box.accessibleName()  # read as one sentence
        widest = max(box.fontMetrics().horizontalAdvance(line) for line in lines)
        assert widest + 20 <= box.width(), (box.accessibleName(), room)
        assert box.height() >= len(lines) * box.fontMetrics().height(), box.accessibleName()


def test_longer_words_are_never_cut_off(make_app, qtbot, clock, other_language):
    """German and Spanish at 1× and 1.5× (es_US uses 12-hour times)."""
    for room in ("1x", "1.5x"):
        instance = make_app()
        instance.start()
        window = instance.window
        assert window.start_ice_button.text() != "Start &ice", "not translated"
        resize_to(window, ROOM[room], qtbot)
        for step in steps(instance, clock):
            step()
            settle(qtbot)
            assert problems(window) == [], (other_language, room)
            assert out_of_sight(window, to_act_on(window)) == [], (other_language, room)
        instance.shutdown()
        clock.advance(3 * 3600)


def click(widget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def preset_then_shortcut(window, _instance, _clock) -> None:
    """Tab to a length preset, then Ctrl+H."""
    preset = next(iter(window.panel.quick.values()))
    preset.setFocus()
    window.start_heat_action.trigger()


def stop_focused_at_times_up(window, instance, clock) -> None:
    window.start_ice()
    settle_now()
    window.stop_button.setFocus()
    tick(instance, clock, 15 * 60)


def settle_now() -> None:
    QApplication.processEvents()


WAYS = {
    "click Start ice": lambda window, _i, _c: click(window.start_ice_button),
    "click Start heat": lambda window, _i, _c: click(window.start_heat_button),
    "a preset focused, then Ctrl+H": preset_then_shortcut,
    "Stop focused at time's up": stop_focused_at_times_up,
}


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
@pytest.mark.parametrize("way", list(WAYS), ids=list(WAYS))
def test_the_countdown_stays_in_sight_when_the_focused_control_is_disabled(
        make_app, qtbot, clock, room, way):
    """A click (or Tab) gives a control focus; when the session starts or ends that
    control is disabled and focus must go somewhere. Qt's choice, the next control,
    would make the scroll area follow it and scroll the countdown out of a short window."""
    instance = make_app()
    instance.start()
    window = instance.window
    resize_to(window, ROOM[room], qtbot)
    settle(qtbot)
    WAYS[way](window, instance, clock)
    settle(qtbot)
    assert instance.controller.state.status.state is not State.READY  # it did something
    assert out_of_sight(window, [window.ring, window.status_line]) == []
    assert QApplication.focusWidget() is window.status_line  # it reads what happened


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_settings_and_history_fit_the_screen_with_their_buttons_in_reach(make_app, qtbot,
                                                                        monkeypatch, room):
    """Asked for at a fixed size, History (880x620) and Settings (500 px tall) put their
    buttons off a 2x screen; they open at most as large as the screen's room."""
    from PySide6.QtWidgets import QDialogButtonBox

    from necktimer.ui import screen_room

    size = ROOM[room]
    monkeypatch.setattr(screen_room, "room_for", lambda _widget: size)
    instance = make_app()
    instance.start()
    instance.show_settings()
    dialog = instance.settings_dialog
    history = instance.show_history()
    settle(qtbot)
    for window, reach in ((dialog, [dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                                    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)]),
                          (history, [history.export_csv, history.export_pdf, history.disclaimer])):
        assert window.width() <= size.width() and window.height() <= size.height(), room
        for widget in reach:
            corner = widget.mapTo(window, widget.rect().topLeft())
            assert window.rect().contains(QRect(corner, widget.size())), (room, widget)
    dialog.reject()


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_history_fits_in_every_language_and_font(make_app, qtbot, monkeypatch, room,
                                                   font_size, any_language):
    """In German at 13 pt its filters (764 px) and export buttons (791 px) needed more
    than a 2x screen's 683: History opened wider than the screen, its buttons cut off.
    They wrap onto a second row instead, each control whole and none over another. Where
    even so the height is short (German at 2x and 13 pt), the rows keep three lines and
    the page scrolls: Tab brings each control into sight."""
    from necktimer.ui import screen_room

    size = ROOM[room]
    monkeypatch.setattr(screen_room, "room_for", lambda _widget: size)
    instance = make_app()
    instance.start()
    history = instance.show_history()
    settle(qtbot)
    assert history.width() <= size.width() and history.height() <= size.height()
    page = history.page
    content = page.widget()
    assert content.width() <= page.viewport().width(), (room, any_language)  # no sideways
    controls = [history.therapy, history.whole, history.since, history.until, history.count,
                history.export_csv, history.export_pdf, history.disclaimer]
    placed = {}
    for control in controls:
        corner = control.mapTo(content, control.rect().topLeft())
        placed[control] = QRect(corner, control.size())
        assert content.rect().contains(placed[control]), (control.accessibleName(), room)
    history.therapy.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(12):  # every control Tab reaches is scrolled into sight
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        settle(qtbot)
        focused = QApplication.focusWidget()
        if focused is None or not page.isAncestorOf(focused):
            continue
        top = focused.mapTo(page.viewport(), QPoint(0, 0)).y()
        assert top >= 0 and top + focused.height() <= page.viewport().height() + 1, (
            focused.accessibleName(), room, any_language)
    for index, first in enumerate(controls):
        for second in controls[index + 1:]:
            assert not placed[first].intersects(placed[second]), (
                first.accessibleName(), second.accessibleName())
    for button in (history.export_csv, history.export_pdf, history.whole):
        text = button.fontMetrics().horizontalAdvance(button.text().replace("&", ""))
        assert text + 8 <= button.width(), button.text()


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_no_setting_is_cut_off_at_the_side(make_app, qtbot, monkeypatch, room, font_size,
                                           any_language):
    """At 2x the settings page was wider than its view by the scroll bar's width (its check
    boxes never wrapped), with no way to scroll sideways: "…wenn das Fenster geschlossen
    wird" and the safety sentence lost their ends, and Tab moved the page sideways."""
    from necktimer.ui import screen_room

    size = ROOM[room]
    monkeypatch.setattr(screen_room, "room_for", lambda _widget: size)
    instance = make_app()
    instance.start()
    instance.show_settings()
    dialog = instance.settings_dialog
    settle(qtbot)
    page = dialog.page
    assert page.widget().width() <= page.viewport().width(), (room, any_language)
    for box in (dialog.sound, dialog.heads_up, dialog.gap_reminder, dialog.keep_in_tray,
                dialog.start_at_login, dialog.diary_prompts, dialog.ask_pain_before):
        lines = box.text().replace("&", "").split("\n")
        widest = max(box.fontMetrics().horizontalAdvance(line) for line in lines)
        assert widest + 20 <= box.width(), (box.accessibleName(), room)
        assert box.height() >= len(lines) * box.fontMetrics().height(), box.accessibleName()
        right = box.mapTo(page.viewport(), box.rect().topRight()).x()
        assert right < page.viewport().width(), (box.accessibleName(), room)
    # Nor at the bottom: the boxes wrap once they are given their width, and the page kept
    # the height from before, so scrolled to its end the safety note lost its last line.
    width = page.viewport().width()
    assert page.widget().height() >= page.widget().heightForWidth(width), (room, any_language)
    # And the keyboard reaches it: Tab to the last setting brings the note under it into
    # sight too (it takes no focus itself, and stayed cut off below the view)
    dialog.clock.setFocus(Qt.FocusReason.TabFocusReason)
    settle(qtbot)
    note = dialog.rules_note
    bottom = note.mapTo(page.viewport(), note.rect().bottomLeft()).y()
    if note.height() + dialog.clock.height() < page.viewport().height():
        assert bottom < page.viewport().height(), (room, any_language)
    clock = dialog.clock.mapTo(page.viewport(), dialog.clock.rect().topLeft()).y()
    assert clock >= 0, (room, any_language)  # the setting itself stays in sight
    dialog.reject()


def history_of_six(make_app, qtbot, clock, monkeypatch, room: str):
    """History opened in `room` over six sessions with ratings, laid out."""
    from helpers import Entry, live_through

    from necktimer.ui import screen_room

    monkeypatch.setattr(screen_room, "room_for", lambda _widget: ROOM[room])
    instance = make_app()
    instance.start()
    for _ in range(6):
        live_through(instance.service, clock, Entry(Therapy.ICE, 15, before=6, after=4))
    history = instance.show_history()
    settle(qtbot)
    return history


@pytest.mark.parametrize("room", ["2x", "1.5x"])
def test_history_gives_its_rows_the_room_on_a_short_screen(make_app, qtbot, clock,
                                                           font_size, monkeypatch, room):
    """At 2x the chart took 170 px and left one row in sight: the rows come first now; the
    chart keeps a readable minimum or, with no room for it, folds away to the splitter's
    handle; and a handle the user dragged stays where it was put."""
    history = history_of_six(make_app, qtbot, clock, monkeypatch, room)
    table, chart = history.table, history.chart
    rows_in_sight = table.viewport().height() // table.rowHeight(0)
    assert rows_in_sight >= 3, (room, rows_in_sight)
    assert chart.height() <= table.height()
    if font_size is not None:  # no room for both at 13 pt: the chart folds away to the handle
        assert chart.height() in (0, *range(chart.minimumSizeHint().height(), 1000))
        if room == "2x":  # folded: the handle drags it back, at the rows' expense
            assert chart.height() == 0
            handle = history.split.handle(1)
            qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=handle.rect().center())
            qtbot.mouseMove(handle, handle.rect().center() + QPoint(0, -200))
            qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton,
                               pos=handle.rect().center() + QPoint(0, -200))
            assert chart.height() >= chart.minimumSizeHint().height()
        return
    assert chart.height() >= chart.minimumSizeHint().height()
    handle, shared = history.split.handle(1), history.split.sizes()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=handle.rect().center())
    qtbot.mouseMove(handle, handle.rect().center() + QPoint(0, -30))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton,
                       pos=handle.rect().center() + QPoint(0, -30))
    dragged = history.split.sizes()
    assert dragged != shared  # the drag moved the handle...
    history.resize(history.width() - 20, history.height())
    settle(qtbot)
    assert history.split.sizes() == dragged  # ...and a resize did not share the room again


def test_history_closes_with_escape_or_ctrl_w(make_app, qtbot):
    instance = make_app()
    instance.start()
    for keys in ((Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                 (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)):
        history = instance.show_history()
        history.activateWindow()
        exposed(history)
        history.table.setFocus()
        QTest.keyClick(history.table, *keys)
        assert not history.isVisible(), keys


def reading_order(window) -> list[str]:
    """Accessible names in the order a screen reader walks the window's tree."""
    from PySide6.QtGui import QAccessible

    names = []

    def walk(interface) -> None:
        names.append(interface.text(QAccessible.Text.Name))
        for index in range(interface.childCount()):
            walk(interface.child(index))

    walk(QAccessible.queryAccessibleInterface(window))
    return names


@pytest.mark.parametrize("rooms", [("1x",), ("2x",), ("2x", "1x")],
                         ids=["side by side", "stacked", "stacked, then side by side"])
def test_a_screen_reader_meets_timer_tips_disclaimer_in_that_order(make_app, qtbot, rooms):
    """As the eye does, wherever the tips sit (moving them must not move them last)."""
    instance = make_app()
    instance.start()
    window = instance.window
    for room in rooms:
        window.resize(ROOM[room])
        settle(qtbot)
    order = reading_order(window)
    timer = order.index("Countdown")
    tips = order.index("Self-care tips")
    disclaimer = order.index(window.disclaimer.accessibleName())
    assert timer < tips < disclaimer, order


ADVICE = ("You have been treating your neck for 10 days. The pain has not eased (7.0 at "
          "first, 7.2 lately, on the 0–10 scale). Most spasms ease within about a week: "
          "please consult a physician.")


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_a_long_banner_puts_its_buttons_under_its_sentence_where_beside_runs_long(
        qtbot, font_size, room):
    """At 2× with a 13-point font the physician's advice ran to seven lines in a narrow
    column beside its two buttons, and the timer scrolled out of a 768-pixel screen.
    Where beside them it would take more than three lines, it goes above them."""
    from necktimer.ui.banners import Banner, Tone

    banner = Banner("adviceBanner", Tone.CAUTION)
    qtbot.addWidget(banner)
    banner.add_button("Open the &physician tip", "Open the physician tip")
    banner.add_button("Remind me to&morrow", "Remind me tomorrow")
    banner.show_if(ADVICE)
    width = ROOM[room].width() - 20  # the window's margins
    banner.resize(width, banner.heightForWidth(width))
    banner.show()
    QApplication.processEvents()
    label, buttons = banner.label, banner.buttons
    line = label.fontMetrics().lineSpacing()
    below = all(b.geometry().top() >= label.geometry().bottom() for b in buttons)
    beside = all(b.geometry().left() >= label.geometry().right() for b in buttons)
    assert below != beside
    assert label.height() >= label.heightForWidth(label.width())  # nothing cut off
    lines = label.heightForWidth(label.width()) / line
    if below:
        assert room != "1x" and lines <= 4  # the whole width: fewer lines than beside
    else:
        assert lines <= 3
    assert all(b.width() >= b.sizeHint().width() for b in buttons)


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_history_shows_its_notes_without_scrolling_sideways(make_app, qtbot, clock,
                                                            monkeypatch, room, font_size,
                                                            any_language):
    """At 2x with a large font every column kept room for a sort arrow only one shows, and
    "Pain before" took one line: the notes sat past the right edge, reached only by
    scrolling sideways. Now the arrow's room goes where it is drawn, and two-word titles
    take two lines where one would leave the notes too little. Only where even that is not
    enough (German or Spanish at 2x and 13 pt) does the table scroll sideways, the notes
    keeping their own width rather than being squeezed to a letter or two."""
    from helpers import Entry, live_through

    from necktimer.ui import screen_room
    from necktimer.ui.sort_arrow_header import LAST_COLUMN_LETTERS

    monkeypatch.setattr(screen_room, "room_for", lambda _widget: ROOM[room])
    instance = make_app()
    instance.start()
    for note in ("stiff on waking", None):
        live_through(instance.service, clock, Entry(Therapy.ICE, 15, before=7, after=5,
                                                    note=note))
    history = instance.show_history()
    settle(qtbot)
    table, header = history.table, history.table.horizontalHeader()
    note = header.count() - 1
    crowded = room == "2x" and font_size is not None and any_language != "en"
    assert (table.horizontalScrollBar().maximum() > 0) == crowded, (room, any_language)
    assert header.sectionSize(note) >= LAST_COLUMN_LETTERS * header.fontMetrics(
        ).averageCharWidth() * 0.9, (room, any_language)
    # Titles take two lines only where the room asks for it.
    pain = history.model.headerData(4, Qt.Orientation.Horizontal)
    if room == "1x" and font_size is None:
        assert "\n" not in pain, any_language  # where there is room: one line, one row
    if room == "2x" and font_size is not None:
        assert "\n" in pain, any_language
    # The column showing the arrow has room for its title and the arrow.
    table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
    settle(qtbot)
    title = history.model.headerData(5, Qt.Orientation.Horizontal)
    widest = max(header.fontMetrics().horizontalAdvance(line) for line in title.split("\n"))
    assert header.sectionSize(5) >= widest + header.fontMetrics().height(), (room, title)


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_the_shortcuts_fit_the_screen_and_scroll_where_it_is_short(
        make_app, qtbot, monkeypatch, room, font_size, any_language):
    """A message box 1284 px tall on a 768-px screen in German at 2x with a 13-pt font:
    its Close button and last rows off-screen, "Mayúsculas+F10" cut at the side."""
    from necktimer.ui import screen_room

    size = ROOM[room]
    monkeypatch.setattr(screen_room, "room_for", lambda _widget: size)
    instance = make_app()
    instance.start()
    instance.window.shortcuts_action.trigger()
    box = instance.window.shortcuts_box
    settle(qtbot)
    assert box.width() <= size.width() and box.height() <= size.height(), (room, box.size())
    corner = box.close_button.mapTo(box, box.close_button.rect().topLeft())
    assert box.rect().contains(QRect(corner, box.close_button.size()))
    page = box.page
    assert box.text.width() <= page.viewport().width(), (room, any_language)
    # Scrolled to its end, the last line is there to read.
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    bottom = box.text.mapTo(page.viewport(), box.text.rect().bottomLeft()).y()
    assert bottom <= page.viewport().height() + 1
    assert box.text.height() >= box.text.heightForWidth(box.text.width())
    box.close()


@pytest.mark.parametrize("room", ["2x", "1.5x"])
def test_history_keeps_three_rows_in_sight_in_every_language(make_app, qtbot, clock,
                                                             font_size, monkeypatch, room,
                                                             any_language):
    """German at 2x with a 13-pt font: its filters, buttons and disclaimer took so much
    of the height that one and a half rows were left (outside tester)."""
    table = history_of_six(make_app, qtbot, clock, monkeypatch, room).table
    assert table.viewport().height() >= 3 * table.rowHeight(0) - 2, (
        room, any_language, table.viewport().height())


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_a_short_window_shows_the_first_sentence_of_the_disclaimer(make_app, qtbot, font_size,
                                                                   room, other_language):
    """In German at 2x with a 13-pt font the whole disclaimer took three lines of 368,
    always. Where the window is short it says "not medical advice" in one sentence; the
    whole text is its tooltip and what a screen reader reads."""
    book = tips_for([other_language])
    instance = make_app(tips=book)
    instance.start()
    window = instance.window
    resize_to(window, ROOM[room], qtbot)
    settle(qtbot)
    disclaimer = window.disclaimer
    short = room == "2x" or (room == "1.5x" and font_size is not None)
    assert disclaimer.text() == (book.short_disclaimer if short else book.disclaimer), room
    assert disclaimer.accessibleName() == book.disclaimer
    assert disclaimer.toolTip() == (book.disclaimer if short else "")
    assert disclaimer.height() <= 2 * disclaimer.fontMetrics().lineSpacing() + 2
    resize_to(window, QSize(1366, 736), qtbot)  # room again: the whole text comes back
    settle(qtbot)
    assert disclaimer.text() == book.disclaimer


@pytest.mark.parametrize("room", list(ROOM), ids=list(ROOM))
def test_the_window_opens_within_a_small_screen_in_every_language(make_app, qtbot, font_size,
                                                                  monkeypatch, room,
                                                                  any_language):
    """German at 2x with a 13-pt font: the window opened with the tips beside the timer,
    whose two minimums held it 731 pixels wide on a 683-pixel screen."""
    from necktimer.ui import screen_room

    monkeypatch.setattr(screen_room, "room_for", lambda _widget: ROOM[room])
    instance = make_app(tips=tips_for([any_language]))
    instance.start()
    window = instance.window
    settle(qtbot)
    assert window.width() <= ROOM[room].width(), (room, any_language, window.width())
    assert window.height() <= ROOM[room].height(), (room, any_language)
    assert window.minimumSizeHint().width() <= ROOM[room].width()
    if room != "1.5x":  # there, it depends on the font and the language
        assert window.side_by_side == (room == "1x"), (room, any_language)
    assert problems(window) == []


def test_the_whole_disclaimer_is_in_about_for_a_keyboard_user(make_app, qtbot, monkeypatch):
    """On a short window the disclaimer is its first sentence; the rest was a tooltip,
    out of a keyboard user's reach (outside tester). Help → About shows it whole."""
    from necktimer.ui import screen_room

    monkeypatch.setattr(screen_room, "room_for", lambda _widget: ROOM["2x"])
    instance = make_app()
    instance.start()
    window = instance.window
    settle(qtbot)
    assert window.disclaimer.is_short()
    window.about_action.trigger()
    box = window.about_box
    qtbot.waitUntil(box.isVisible)
    assert window.disclaimer.whole in box.text()
    assert "Neck Timer" in box.windowTitle() and "15 minutes" in box.text()
    assert box.width() <= ROOM["2x"].width()
    box.close()


def test_times_up_brings_the_ring_and_the_status_into_sight(make_app, qtbot, clock):
    """At 2x, having read the tips under the timer, time's up came with the view still
    scrolled down: half a ring and a cut tip (outside tester)."""
    instance = make_app()
    instance.start()
    window = instance.window
    resize_to(window, ROOM["2x"], qtbot)
    window.start_ice()
    settle(qtbot)
    scroll_to_the_tips(window, qtbot)
    tick(instance, clock, 15 * 60)
    settle(qtbot)
    assert window.time_up_banner.isVisible()
    assert out_of_sight(window, [window.status_line]) == []
    assert ring_top_in_sight(window)
