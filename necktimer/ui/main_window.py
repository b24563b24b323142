"""The main window: banners on top, the session panel and the tips, the disclaimer below.

It redraws from the controller's view state (`show_state`) and sends every
request to the controller. On a narrow or short screen (a small laptop, 2×
scaling, a large font) the tips move under the session panel and the middle
scrolls, so nothing is ever cut off; the disclaimer stays in sight.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from necktimer import DISPLAY_NAME
from necktimer.core.i18n import Translatable, arg, clock_time, past_time
from necktimer.core.report import ended_while_closed
from necktimer.core.rules import State, Therapy
from necktimer.core.service import Outcome
from necktimer.core.tips import TipBook
from necktimer.ui import accessibility
from necktimer.ui.banners import Banner, Tone
from necktimer.ui.controller import Controller
from necktimer.ui.disclaimer_label import DisclaimerLabel
from necktimer.ui.screen_room import fit_to_room
from necktimer.ui.session_panel import SessionPanel
from necktimer.ui.view_state import ViewState

if TYPE_CHECKING:
    from necktimer.ui.pain_prompt import PainPrompt
    from necktimer.ui.tips_panel import TipsPanel

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
# Below this width (or more, with a large font) the tips go under the session panel.
SIDE_BY_SIDE_WIDTH = 760
TIPS_HEIGHT = 220  # the least the tips get; their pages scroll within it


class WindowText(Translatable):
    def undo_offer(self, n: int) -> str:
        return self.tr("Session stopped at %1. Stopped by mistake? You can undo it for %n "
                       "second(s).", "", n)


class MainWindow(QMainWindow):
    settingsRequested = Signal()
    historyRequested = Signal()
    quitRequested = Signal()
    closeRequested = Signal(QCloseEvent)

    def __init__(self, controller: Controller, tips: TipBook) -> None:
        super().__init__()
        self.controller = controller
        self._last_therapy: Therapy | bool | None = False  # what the tips last followed
        self._fitted = False  # sized for its screen yet (fit_to_screen)
        self._pin_held = False  # while scrolling things into sight (_bring_into_sight)
        self._warning = tips.warning  # the urgent banner's words for a warning sign
        self.setWindowTitle(DISPLAY_NAME)
        self.setObjectName("mainWindow")
        self._build_actions()
        self._build(tips)
        self._build_menus()
        controller.stateChanged.connect(self.show_state)
        controller.announcement.connect(self.announce)
        self.show_state(controller.state)
        self.panel.show_length(controller.chosen_minutes)
        self.panel.lengthPicked.connect(controller.choose_minutes)
        controller.lengthChosen.connect(self.panel.show_length)

    # -- construction ---------------------------------------------------------------------

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        # Each language's own keys: no letter may suggest the other therapy (Spanish "hielo"
        # is ice, so Ctrl+H there would start heat for someone reaching for ice).
        self.ice_keys = self.tr("Ctrl+I", "Start ice: not the initial of the word for heat")
        self.heat_keys = self.tr("Ctrl+H", "Start heat: not the initial of the word for ice")
        # Menu items carry their menu as a comment: their access letters ("&") need only
        # differ within that menu, and the translation checks group them so.
        self.start_ice_action = self._action(self.tr("Start &ice", "Session menu"),
                                             self.ice_keys, self.start_ice)
        self.start_heat_action = self._action(self.tr("Start &heat", "Session menu"),
                                              self.heat_keys, self.start_heat)
        # While the rules refuse a start, its keys say why (the status) instead of doing
        # nothing at all: a disabled action takes no key. Not in any menu.
        self.start_refused_action = self._action(self.tr("Why not now"), None,
                                                 self.say_why_not)
        self.start_refused_action.setShortcuts([QKeySequence(self.ice_keys),
                                                QKeySequence(self.heat_keys)])
        self.start_refused_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.start_refused_action.setEnabled(False)  # the state says (show_state)
        # Stop has no Ctrl shortcut: Ctrl+S is "save" in every other program.
        self.stop_action = self._action(self.tr("St&op", "Session menu"), None, self.stop)
        self.undo_action = self._action(self.tr("&Undo stop", "Session menu"), "Ctrl+Z",
                                        self.controller.undo_stop)
        self.removed_action = self._action(self.tr("&Done — removed", "Session menu"),
                                           "Ctrl+D", self.controller.acknowledge_removal)
        self.history_action = self._action(self.tr("His&tory…", "Session menu"), "Ctrl+Y",
                                           self.historyRequested.emit)
        self.settings_action = self._action(self.tr("&Settings…", "Session menu"), "Ctrl+,",
                                            self.settingsRequested.emit)
        self.quit_action = self._action(self.tr("&Quit", "Session menu"), "Ctrl+Q",
                                        self.quitRequested.emit)
        self.tips_action = self._action(self.tr("&Self-care tips", "Help menu"), "F1",
                                        self.focus_tips)
        self.physician_action = self._action(self.tr("When to see a &physician", "Help menu"),
                                             None, lambda: self.show_tip("physician"))
        self.shortcuts_action = self._action(self.tr("&Keyboard shortcuts", "Help menu"), None,
                                             self.show_shortcuts)
        self.about_action = self._action(arg(self.tr("&About %1", "Help menu"), DISPLAY_NAME),
                                         None, self.show_about)

    def _build_menus(self) -> None:
        session_menu = self.menuBar().addMenu(self.tr("&Session"))
        for action in (self.start_ice_action, self.start_heat_action, self.stop_action,
                       self.undo_action, self.removed_action):
            session_menu.addAction(action)
        session_menu.addSeparator()
        session_menu.addAction(self.history_action)
        session_menu.addAction(self.settings_action)
        session_menu.addSeparator()
        session_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.tips_action)
        help_menu.addAction(self.physician_action)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _build(self, tips: TipBook) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 8, 8, 6)
        self.time_up_banner = Banner("timeUpBanner", Tone.URGENT)
        self.removed_now = self.time_up_banner.add_button(self.tr("Done — &removed"),
                                                          self.tr("Done — removed"))
        self.removed_now.clicked.connect(self.controller.acknowledge_removal)
        # Confirmed late, "Done" starts the gap now: the pack may have stayed on. If it came
        # off at the end, the user says so here, and the gap runs from then.
        self.removed_at_end = self.time_up_banner.add_button("", "")
        self.removed_at_end.clicked.connect(
            lambda: self.controller.acknowledge_removal(at_end=True))
        self.removed_at_end.hide()
        self.undo_banner = Banner("undoBanner", Tone.INFO)
        self.undo_banner.add_button(self.tr("&Undo"), self.tr("Undo the stop")).clicked.connect(
            self.controller.undo_stop)
        self.gap_banner = Banner("gapBanner", Tone.INFO)
        self.problem_banner = Banner("problemBanner", Tone.CAUTION)
        self.notice_banner = Banner("noticeBanner", Tone.INFO)
        self.notice_banner.add_button(self.tr("&Dismiss"), self.tr("Dismiss")).clicked.connect(
            self.controller.dismiss_notices)
        self.advice_banner = Banner("adviceBanner", Tone.CAUTION)
        self.advice_banner.add_button(self.tr("Open the &physician tip"),
                                      self.tr("Open the physician tip")).clicked.connect(
            lambda: self.show_tip("physician"))
        self.advice_banner.add_button(self.tr("Remind me to&morrow"),
                                      self.tr("Remind me tomorrow")).clicked.connect(
            self.controller.snooze_advice)
        self.urgent_banner = Banner("urgentBanner", Tone.URGENT)
        for banner in (self.time_up_banner, self.urgent_banner, self.undo_banner,
                       self.gap_banner, self.problem_banner, self.notice_banner,
                       self.advice_banner):
            outer.addWidget(banner)

        self.panel = SessionPanel(self.controller.service.clock)
        # What the status line says stays in sight while it is scrolled away (a short
        # screen: the tips read, a question open, time's up with a large font): a copy
        # pinned above the scrolled part, as wide as the timer's column (side by side, the
        # tips beside it do not move). It had gone out of sight after a removal, after a
        # Stop and after F1, each found and fixed on its own (outside testers).
        self.pinned_status = QLabel()
        self.pinned_status.setObjectName("pinnedStatus")
        self.pinned_status.setWordWrap(True)
        self.pinned_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pinned_status.setFont(self.status_line.font())
        self.pinned_status.hide()
        self.panel.startIce.connect(self.start_ice)
        self.panel.startHeat.connect(self.start_heat)
        self.panel.stop.connect(self.stop)
        self.panel.lastApplied.connect(self.controller.answer_last_applied_at)
        self.panel.painRated.connect(self.controller.answer_pain)
        self.panel.asking.connect(self._question_asked)
        # On a short screen the question had scrolled the status out of sight: after the
        # answer, what the user reads next is when the next session is allowed.
        self.panel.answered.connect(lambda: self._bring_into_sight(self.message_line,
                                                                   self.status_line))
        # The digits saw the end, or a suspend the controller's timer slept through.
        self.panel.countdown.behind.connect(self.controller.catch_up)
        # The tips are built right after the first paint (attach_tips); until then
        # an empty frame holds their place, so the window does not jump.
        self.tips: TipsPanel | None = None
        self._tips_place = QFrame()
        self._tips_place.setMinimumHeight(TIPS_HEIGHT)
        self._tips_place.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Expanding)

        # Side by side, only the timer's column scrolls (when a question makes it taller
        # than the window); the tips keep their place and scroll their own page. Stacked
        # on a narrow window, the tips move into the scrolled column, under the timer.
        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.panel)
        self.scroll = QScrollArea()
        # Our own viewport widget: asked for the one Qt makes, PySide would first build
        # every QtWidgets class to find its Python type (10-18 ms and 79 enums at start).
        self.viewport = QWidget()
        self.scroll.setViewport(self.viewport)
        self.scroll.setObjectName("contentScroll")
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its contents take focus instead
        self.viewport.installEventFilter(self)
        self.content = content
        content.installEventFilter(self)  # the panel's needs change: a question appeared
        self.status_line.installEventFilter(self)  # moved within the column: still in sight?
        self.scroll.verticalScrollBar().valueChanged.connect(self._pin_status)
        self.body = QHBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        timer_column = QVBoxLayout()
        timer_column.setContentsMargins(0, 0, 0, 0)
        timer_column.addWidget(self.pinned_status)
        timer_column.addWidget(self.scroll, 1)
        self.body.addLayout(timer_column, 5)
        self.body.addWidget(self._tips_place, 6)
        self._side_by_side = True
        outer.addLayout(self.body, 1)

        self.disclaimer = DisclaimerLabel(tips.disclaimer, tips.short_disclaimer)
        outer.addWidget(self.disclaimer)
        self.setCentralWidget(central)
        # The banners above answer what the status line says (time's up, a stop to undo),
        # and the status line holds the focus when it says so: Tab from it reaches their
        # buttons next, not after the start buttons and every tip.
        after = self.status_line
        for button in (*self.time_up_banner.buttons, *self.undo_banner.buttons):
            QWidget.setTabOrder(after, button)
            after = button

    # Shortcuts into the panel, for the app, the tests and the screenshots.
    @property
    def ring(self):
        return self.panel.ring

    @property
    def status_line(self) -> QLabel:
        return self.panel.status_line

    @property
    def message_line(self) -> QLabel:
        return self.panel.message_line

    @property
    def start_ice_button(self):
        return self.panel.start_ice_button

    @property
    def start_heat_button(self):
        return self.panel.start_heat_button

    @property
    def stop_button(self):
        return self.panel.stop_button

    @property
    def length_picker(self):
        return self.panel.length_picker

    @property
    def pain_prompt(self):
        return self.panel.pain_prompt

    # -- requests -------------------------------------------------------------------------

    def start_ice(self) -> Outcome:
        return self._start(Therapy.ICE)

    def start_heat(self) -> Outcome:
        return self._start(Therapy.HEAT)

    def _start(self, therapy: Therapy) -> Outcome:
        outcome = self.controller.start(therapy)  # the chosen length, within what is left
        if outcome.ok:
            # Away from the buttons and the pain prompt: a second key press does nothing.
            self.status_line.setFocus(Qt.FocusReason.OtherFocusReason)
        return outcome

    def stop(self) -> Outcome:
        return self.controller.stop()

    def attach_tips(self, book: TipBook) -> None:
        """Put the tips panel in its place (once)."""
        if self.tips is not None:
            return
        from necktimer.ui.tips_panel import TipsPanel

        self.tips = TipsPanel(book, ticked=self.controller.state.warning_signs)
        self.tips.setMinimumHeight(TIPS_HEIGHT)
        self.tips.warningSignsAnswered.connect(self._on_warning_signs)
        self.body.replaceWidget(self._tips_place, self.tips)
        self.tips.stackUnder(self.disclaimer)  # read (and painted) before the disclaimer
        self._tips_place.deleteLater()
        if self.controller.state.warning_signs and not self._last_therapy:
            self.tips.show_tip("physician")  # the checklist the red banner's "these signs" means
        else:
            self.tips.bring_forward(self._last_therapy or None)
        self._arrange()

    def show_tip(self, key: str) -> None:
        if self.tips is not None:
            self.tips.show_tip(key)
            self._tips_into_sight()

    def focus_tips(self) -> None:
        if self.tips is not None:
            self.tips.topics.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self._tips_into_sight()

    def _tips_into_sight(self) -> None:
        # Under the timer (a narrow window), the tips are scrolled to: F1 or "Open the
        # physician tip" had moved focus or the page out of sight, so nothing seemed to
        # happen, and the arrow keys then changed the topic unseen.
        if not self._side_by_side:
            # With the status line above them where the view has room for both: at 2×,
            # F1 left "Next session allowed at …" scrolled half away while the tips showed.
            self._bring_into_sight(self.tips.pages, self.tips.topics,
                                   then_if_room=self.status_line)

    def announce(self, text: str) -> None:
        """Tell a screen reader about a state change, once."""
        accessibility.announce(self, text)

    def say_why_not(self) -> None:
        """Ctrl+I or Ctrl+H while a start is refused: the status says when one is allowed
        (or what runs); a screen reader hears it, and the status line takes focus."""
        QApplication.beep()
        # Shown with its focus ring, as after Tab: a key was pressed, and a sighted user
        # with the sound off saw nothing happen at all.
        self.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        self.status_line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.status_line.update()
        self._bring_into_sight(self.status_line)
        self.announce(self.status_line.text())

    def show_about(self) -> None:
        """What necktimer is, its version, and the whole disclaimer: a short window shows
        only its first sentence, and a tooltip is out of a keyboard user's reach."""
        from PySide6.QtWidgets import QMessageBox  # loaded when first asked

        from necktimer import __version__
        from necktimer.ui.rich_text import escape

        version = arg(self.tr("version %1"), __version__)
        what = self.tr("A timer for ice and heat on a sore neck: each session ends by itself "
                       "within 15 minutes, and the next may start 2 hours after it.")
        text = (f"<p><b>{escape(DISPLAY_NAME)}</b> {escape(version)}</p>"
                f"<p>{escape(what)}</p><p><i>{escape(self.disclaimer.whole)}</i></p>")
        box = QMessageBox(QMessageBox.Icon.NoIcon, arg(self.tr("About %1"), DISPLAY_NAME), text,
                          QMessageBox.StandardButton.Close, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.about_box = box
        box.open()

    def show_shortcuts(self) -> None:
        rows = [
            (self.tr("Start ice"), self.ice_keys), (self.tr("Start heat"), self.heat_keys),
            (self.tr("Stop"), QKeySequence.mnemonic(self.stop_button.text()).toString()),
            (self.tr("Undo a stop (for 10 seconds)"), "Ctrl+Z"),
            (self.tr("Done — removed"), "Ctrl+D"),
            (self.tr("It came off at the end (offered when confirmed late)"),
             QKeySequence.mnemonic(self.tr("It came off &at %1")).toString()),
            (self.tr("History"), "Ctrl+Y"),
            (self.tr("Close History"), "Esc, Ctrl+W"),
            (self.tr("Sort History (on its table)"), "Shift+F10"),
            (self.tr("Settings"), "Ctrl+,"), (self.tr("Self-care tips"), "F1"),
            (self.tr("Quit"), "Ctrl+Q"),
        ]
        from necktimer.ui.shortcuts_dialog import ShortcutsDialog  # loaded when first asked

        box = ShortcutsDialog(rows, self.tr("Tab moves between controls; the arrow keys move "
                                            "between tip topics."), self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shortcuts_box = box
        box.open()

    def _on_warning_signs(self, ticked: list[str]) -> None:
        self.controller.record_warning_signs(ticked)  # the banner follows, from the state
        if ticked:
            self.tips.show_tip("physician")
            self.announce(self._warning)

    # -- drawing the state ----------------------------------------------------------------

    def show_state(self, view: ViewState) -> None:
        status = view.status
        time_up = self._time_up_text(view)
        self.panel.show_state(view, urgent=time_up)
        if self.pinned_status.isVisible():
            self.pinned_status.setText(self.status_line.text())
        self.start_ice_action.setEnabled(status.state is State.READY)
        self.start_heat_action.setEnabled(status.state is State.READY)
        self.start_refused_action.setEnabled(status.state is not State.READY)
        self.stop_action.setEnabled(status.state is State.RUNNING)
        self.undo_action.setEnabled(view.undo is not None)
        self.removed_action.setEnabled(view.reminder is not None)
        if time_up and self.time_up_banner.isHidden():
            # Scrolled down to the tips on a short screen, the ring showed its lower half
            # at time's up (outside tester): the ring and the status come into sight.
            self._bring_into_sight(self.ring, self.status_line)
        self.time_up_banner.show_if(time_up)
        self._offer_removed_at_end(view)
        # The seconds left count down (the controller wakes each second of the offer); it
        # ends sooner than 10 s when the planned end comes first.
        self.undo_banner.show_if(None if view.undo is None else arg(
            WindowText().undo_offer(view.undo.seconds_left(status.now)),
            clock_time(view.undo.stopped_at)))
        self.gap_banner.show_if(self.tr("The gap is over: you may apply ice or heat again.")
                                if view.gap_over else None)
        problems = [p for p in (view.problem, view.settings_problem, view.instance_problem) if p]
        self.problem_banner.show_if(" ".join(problems) if problems else None)
        self.notice_banner.show_if(" ".join(view.notices) if view.notices else None)
        self.advice_banner.show_if(view.advice.message if view.advice.see_physician else None)
        self.urgent_banner.show_if(self._warning if view.warning_signs else None)
        if self.tips is not None:
            self.tips.show_warning_signs(view.warning_signs)
        # The session's how-to while its pack is on: running, or ended and not yet off (a
        # window opened at time's up showed the cold how-to for a heat pack).
        on = status.state is State.RUNNING or status.awaiting_removal
        therapy = status.session.therapy if on and status.session else None
        if therapy != self._last_therapy:
            # A session that starts brings its own how-to forward; one that ends leaves the
            # page where it is, since the user may be reading it.
            if self.tips is not None and therapy is not None:
                self.tips.bring_forward(therapy)
            if therapy is not None:
                # Started from the tray or a terminal while the view was scrolled down to
                # the tips (a short screen): the countdown and Stop come back into sight.
                self._bring_into_sight(self.ring, self.stop_button, self.status_line)
            self._last_therapy = therapy

    def _offer_removed_at_end(self, view: ViewState) -> None:
        late = view.late_end is not None
        if late:
            when = past_time(view.late_end, view.status.now)
            self.removed_at_end.setText(arg(self.tr("It came off &at %1"), when))
            self.removed_at_end.setAccessibleName(
                arg(self.tr("The pack came off at %1, when the session ended"), when))
            # Beside "It came off at 20:19", a bare "Done" did not say when: now.
            self.removed_now.setText(self.tr("Done — &removed now",
                                             "instead of: Done — &removed (same button)"))
            self.removed_now.setAccessibleName(self.tr("Done — removed now"))
        else:
            self.removed_now.setText(self.tr("Done — &removed"))
            self.removed_now.setAccessibleName(self.tr("Done — removed"))
        self.removed_at_end.setVisible(late)

    def _time_up_text(self, view: ViewState) -> str | None:
        if view.reminder is None:
            return None
        session = view.reminder.session
        if view.reminder.while_away:
            if session.therapy is Therapy.ICE:
                text = self.tr("%1 Remove the ice pack if it is still on.")
            else:
                text = self.tr("%1 Remove the heat pack if it is still on.")
            return arg(text, ended_while_closed(session, view.status.now))
        if session.therapy is Therapy.ICE:
            return self.tr("Time's up — remove the ice pack now.")
        return self.tr("Time's up — remove the heat pack now.")

    # -- fitting the screen ---------------------------------------------------------------

    def fit_to_screen(self) -> None:
        """A size that suits the screen it is on: comfortable, never larger than the room."""
        fit_to_room(self, self.sizeHint().expandedTo(QSize(920, 600)))
        self._fitted = True

    def _question_asked(self, question: QWidget) -> None:
        prompt = self.panel.pain_prompt
        if question is not prompt:
            self._bring_into_sight(question)
            return
        self._show_status_with(prompt)
        # A screen reader heard only "Noted: the pack came off", and Ctrl+D pressed in
        # the tips left focus there, out of reach of the digits that answer. Focus goes
        # to the status line (where the Done button leaves it too): a digit typed there
        # picks that rating (1 then 0 picks 10), Enter gives it, and Tab reaches the
        # buttons. Never to the buttons themselves, where a Space or Enter meant for
        # something else would give a rating.
        focused = QApplication.focusWidget()
        if self.isActiveWindow() and (focused is None or not self.panel.isAncestorOf(focused)):
            self.status_line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.announce(arg(self.tr("%1 Type a number from 0 to 10 and press Enter, or Tab "
                                  "to the ratings."), prompt.question.text()))

    def _show_status_with(self, prompt: PainPrompt) -> None:
        """The status line, which says when the next session is allowed and holds the focus
        while the pain question is open, in sight with as much of the question as fits
        below it: all its ratings and the line under them where there is room, else their
        first row (at 2x with a 13-pt font, Stop's Undo banner leaves less). The status had
        been scrolled out of sight, after a removal in German, and after every Stop; the
        line under the ratings was cut in half, in German (outside testers)."""
        self._bring_into_sight(prompt.scale, prompt.skip, prompt.buttons[0],
                               self.status_line)

    def _bring_into_sight(self, *widgets: QWidget, then_if_room: QWidget | None = None) -> None:
        """Scroll each into sight in turn, so that the last one wins where not all fit;
        after the layout has made room for them (on a short screen the panel scrolls).
        `then_if_room` comes into sight as well where it fits beside them, never instead."""
        def scroll() -> None:
            # Twice: the status line scrolled away brings its pinned copy, which shortens
            # the view (F1 then left the last tip topic cut off). The copy follows where
            # each pass ends, not the steps between: shown and hidden again within one
            # pass, it gave the view back its height, which asked for a pass, for ever.
            for _ in range(2):
                self._pin_held = True
                try:
                    self._scroll_into_sight(widgets, then_if_room)
                finally:
                    self._pin_held = False
                self._pin_status()

        QTimer.singleShot(0, scroll)

    def _scroll_into_sight(self, widgets: tuple[QWidget, ...],
                           then_if_room: QWidget | None) -> None:
        # Widgets are placed where they will be: a question that went away has given its
        # room to the ring only once the pending layouts have run. (Each round can ask
        # for another: the panel's height follows the view's.)
        for _ in range(4):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        for widget in widgets:
            self.scroll.ensureWidgetVisible(widget, 0, 0)
        if then_if_room is not None and widgets:
            spans = [self._span(widget) for widget in (*widgets, then_if_room)]
            top, bottom = min(a for a, _ in spans), max(b for _, b in spans)
            if bottom - top <= self.viewport.height():
                self.scroll.ensureWidgetVisible(then_if_room, 0, 0)

    def _pin_status(self) -> None:
        """Show the pinned copy of the status line while the line itself is not wholly in
        sight (a line half scrolled away shows under its copy). Showing the copy shortens
        the view from below, which leaves the line out of sight; but a scroll pass made
        in between must not see it (see _bring_into_sight)."""
        if self._pin_held:
            return
        line = self.status_line
        top, bottom = self._span(line)
        scrolled = self.scroll.verticalScrollBar().value()
        away = line.isVisible() and (top < scrolled or
                                     bottom > scrolled + self.viewport.height())
        if away and self.pinned_status.text() != line.text():
            self.pinned_status.setText(line.text())
        if away != self.pinned_status.isVisible():
            self.pinned_status.setVisible(away)

    def _span(self, widget: QWidget) -> tuple[int, int]:
        """Where the widget's top and bottom are in the scrolled content."""
        top = widget.mapTo(self.content, widget.rect().topLeft()).y()
        return top, top + widget.height()

    def eventFilter(self, watched, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and (
                watched is self.viewport or watched is self.status_line):
            self._pin_status()
        if (watched is self.viewport and event.type() == QEvent.Type.Resize) or (
                watched is self.content and event.type() == QEvent.Type.LayoutRequest):
            self._fill_view()
        if watched is self.viewport and event.type() == QEvent.Type.Resize and \
                event.size().height() > event.oldSize().height() >= 0 and \
                self.panel.pain_prompt.isVisible():
            # More room (the Undo banner went): more of the question comes into sight.
            self._show_status_with(self.panel.pain_prompt)
        return super().eventFilter(watched, event)

    def _fill_view(self) -> None:
        # With the tips under the timer, the timer's part still fills the view (the ring
        # takes what the controls leave) and the tips follow below, to scroll to. Side by
        # side, the panel is never taller than it must be, so nothing scrolls needlessly.
        height = 0 if self._side_by_side else self.viewport.height()
        if self.panel.minimumHeight() != height:
            self.panel.setMinimumHeight(height)
        # Under the timer, the tips are no taller than the view: scrolled to, they show
        # whole, their heading included, and only a long page scrolls (in German at 2×
        # the view cut the heading off and showed two scroll bars side by side).
        if self.tips is not None:
            # Under the timer, shorter by what lies under the ring where the view is
            # short, so that the status line shows above the tips scrolled to (at 2×, F1
            # left "Next session allowed at …" half out of sight); never so short that a
            # topic is hidden.
            least = TIPS_HEIGHT if self._side_by_side else max(
                self.tips.least_height(),
                min(TIPS_HEIGHT, self.viewport.height() - self._under_the_ring()))
            tallest = QWIDGETSIZE_MAX if self._side_by_side else max(
                least, self.viewport.height())
            if self.tips.minimumHeight() != least:
                self.tips.setMinimumHeight(least)
            if self.tips.maximumHeight() != tallest:
                self.tips.setMaximumHeight(tallest)
        if self._side_by_side:
            # The column scrolls up and down only: it is as wide as the panel needs.
            bar = self.scroll.verticalScrollBar().sizeHint().width()
            self.scroll.setMinimumWidth(self.panel.minimumSizeHint().width() + bar)
        else:
            self.scroll.setMinimumWidth(0)
        if self.tips is not None:
            # Side by side, the tips' own minimum would be the window's too: a window
            # sized for a small screen (2x, German, 13 pt) was held 731 pixels wide, wider
            # than the screen, before it could put the tips under the timer.
            self.tips.setMinimumWidth(1 if self._side_by_side else 0)

    def _under_the_ring(self) -> int:
        """From the status line's top down to the tips under the timer (the controls)."""
        assert self.tips is not None
        return max(0, self._span(self.tips)[0] - self._span(self.status_line)[0])

    @property
    def side_by_side(self) -> bool:
        """Whether the tips sit beside the timer (else under it, in the scrolled column)."""
        return self._side_by_side

    def resizeEvent(self, event) -> None:
        if event is not None:
            super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        if self.tips is None:
            return
        # Side by side only where both columns get at least the room they need (a large
        # font or 2× scaling needs more); otherwise the tips go under the timer.
        needed = max(SIDE_BY_SIDE_WIDTH, self.panel.minimumSizeHint().width()
                     + self.tips.minimumSizeHint().width() + 48)
        side_by_side = self.width() >= needed
        if side_by_side != self._side_by_side:
            self._side_by_side = side_by_side
            if side_by_side:
                self.column.removeWidget(self.tips)
                self.body.addWidget(self.tips, 6)
                self.tips.stackUnder(self.disclaimer)
            else:
                self.body.removeWidget(self.tips)
                self.column.addWidget(self.tips)
        self._fill_view()

    # -- visibility and closing -----------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.WindowStateChange):
            # A countdown nobody can see does not need to tick every second.
            on_screen = self.isVisible() and not self.isMinimized()
            self.panel.set_on_screen(on_screen)
            self.controller.set_window_visible(on_screen)
        return handled

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from necktimer.ui.enter_presses import press_focused_button  # at the first key

        if not press_focused_button(self, event):
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The application decides: hide to the tray, ask, or quit.
        self.closeRequested.emit(event)

    def raise_window(self) -> None:
        if not self._fitted:
            # First shown from the tray (a login's --minimized): the launch's size, not
            # the one Qt guesses for a window never shown (520x403, tips squeezed).
            self.fit_to_screen()
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()
