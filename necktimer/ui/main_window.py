"""The main window: the session panel on the left, the tip panels on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QHideEvent,
    QKeySequence,
    QPalette,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from necktimer import DISPLAY_NAME
from necktimer.core import rules
from necktimer.core.humanize import format_clock, format_countdown, format_duration
from necktimer.core.report import ended_while_closed
from necktimer.core.rules import EndReason, Session, State, Status, Therapy
from necktimer.core.service import Ended, Outcome
from necktimer.core.tips import TipBook
from necktimer.ui import accessibility, colors
from necktimer.ui.controller import Controller
from necktimer.ui.pain_prompt import PainPrompt
from necktimer.ui.ring import CountdownRing
from necktimer.ui.tips_panel import TipsPanel
from necktimer.ui.warning_signs import URGENT_TEXT


class Banner(QFrame):
    """A strip across the top of the window for things the user must act on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        bold = self.label.font()
        bold.setBold(True)
        self.label.setFont(bold)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.button = QPushButton()
        self.button.hide()
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_message(self, text: str, button_text: str | None = None) -> None:
        self.label.setText(text)
        self.setAccessibleName(text)
        self.button.setVisible(button_text is not None)
        if button_text:
            self.button.setText(button_text)
            self.button.setAccessibleName(button_text.replace("&", ""))
        paint_amber(self)
        self.show()


def paint_amber(frame: QFrame) -> None:
    """An amber background that reads in both light and dark palettes."""
    palette = QApplication.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    own = QPalette(palette)
    own.setColor(QPalette.ColorRole.Window, colors.QColor("#5a4300" if dark else "#fff3c4"))
    own.setColor(QPalette.ColorRole.WindowText, colors.QColor("#fff6d8" if dark else "#3a2c00"))
    frame.setAutoFillBackground(True)
    frame.setPalette(own)


class AdviceBanner(QFrame):
    """The one-week physician advice, with a way to read the tip or put it off for a day."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("adviceBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.open_tip = QPushButton("Open the &physician tip")
        self.open_tip.setAccessibleName("Open the physician tip")
        self.snooze = QPushButton("Remind me &tomorrow")
        self.snooze.setAccessibleName("Remind me tomorrow")
        layout.addWidget(self.label, 1)
        layout.addWidget(self.open_tip)
        layout.addWidget(self.snooze)
        paint_amber(self)
        self.hide()


class MainWindow(QMainWindow):
    settingsRequested = Signal()
    historyRequested = Signal()
    quitRequested = Signal()
    closeRequested = Signal(QCloseEvent)

    def __init__(
        self,
        controller: Controller,
        tips: TipBook,
        default_minutes: Callable[[], int] = lambda: rules.DEFAULT_MINUTES,
        local_tz: tzinfo | None = None,
    ) -> None:
        super().__init__()
        self.controller = controller
        self._local_tz = local_tz
        self._default_minutes = default_minutes
        self._last_state: State | None = None
        self.announced: list[str] = []  # what was told to screen readers, in order
        self.setWindowTitle(DISPLAY_NAME)
        self.setObjectName("mainWindow")
        self._build_actions()
        self._build(tips)
        self._build_menus()
        controller.statusChanged.connect(self.show_status)
        controller.removalReminder.connect(self._on_reminder)
        controller.removalAcknowledged.connect(self._on_removed)
        controller.sessionEnded.connect(self._on_ended)
        controller.gapOver.connect(self._on_gap_over)
        controller.announcement.connect(self.announce)
        controller.adviceChanged.connect(self._on_advice)
        controller.sessionStarted.connect(self._ask_pain_before)
        controller.sessionStopped.connect(self._on_stopped)
        self.pain_prompt.rated.connect(controller.service.record_pain)
        self.tips.warning_signs.answered.connect(self._on_warning_signs)
        self.show_status(controller.status)
        # Room for the ring and a tip without scrolling, yet small beside other windows.
        self.resize(self.sizeHint().expandedTo(QSize(920, 600)))

    # -- construction ---------------------------------------------------------------

    def _action(self, text: str, shortcut: str | None, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.start_ice_action = self._action("Start &ice", "Ctrl+I", self.start_ice)
        self.start_heat_action = self._action("Start &heat", "Ctrl+H", self.start_heat)
        self.stop_action = self._action("&Stop", "Ctrl+S", self.stop)
        self.removed_action = self._action("&Done — removed", "Ctrl+D",
                                           self.controller.acknowledge_removal)
        self.settings_action = self._action("Se&ttings…", "Ctrl+,", self.settingsRequested.emit)
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.quitRequested.emit)
        self.tips_action = self._action("When to see a &physician", None,
                                        lambda: self.tips.show_tip("physician"))
        self.history_action = self._action("&History…", "Ctrl+Y", self.historyRequested.emit)

    def _build_menus(self) -> None:
        session_menu = self.menuBar().addMenu("&Session")
        for action in (self.start_ice_action, self.start_heat_action, self.stop_action,
                       self.removed_action):
            session_menu.addAction(action)
        session_menu.addSeparator()
        session_menu.addAction(self.history_action)
        session_menu.addAction(self.settings_action)
        session_menu.addSeparator()
        session_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.tips_action)

    def _button(self, action: QAction, name: str) -> QPushButton:
        button = QPushButton(action.text())
        button.setAccessibleName(name)
        shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{name} ({shortcut})")
        button.clicked.connect(action.trigger)
        button.setMinimumHeight(button.sizeHint().height() + 8)
        return button

    def _build(self, tips: TipBook) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        self.banner = Banner()
        self.banner.button.clicked.connect(self.controller.acknowledge_removal)
        outer.addWidget(self.banner)
        self.urgent_banner = QLabel()
        self.urgent_banner.setObjectName("urgentBanner")
        self.urgent_banner.setWordWrap(True)
        self.urgent_banner.setStyleSheet(
            "QLabel#urgentBanner { background: #b3261e; color: white; padding: 10px;"
            " font-weight: bold; border-radius: 4px; }")
        self.urgent_banner.hide()
        outer.addWidget(self.urgent_banner)
        self.advice_banner = AdviceBanner()
        self.advice_banner.open_tip.clicked.connect(lambda: self.tips.show_tip("physician"))
        self.advice_banner.snooze.clicked.connect(self.controller.snooze_advice)
        outer.addWidget(self.advice_banner)

        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        session = QVBoxLayout()
        self.ring = CountdownRing()
        session.addWidget(self.ring, 1)

        self.status_line = QLabel()
        self.status_line.setObjectName("statusLine")
        self.status_line.setWordWrap(True)
        self.status_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_line.setAccessibleName("What you can do now")
        self.status_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.status_line.font()
        bold.setBold(True)
        self.status_line.setFont(bold)
        session.addWidget(self.status_line)

        self.message_line = QLabel()
        self.message_line.setObjectName("messageLine")
        self.message_line.setWordWrap(True)
        self.message_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_line.setAccessibleName("Last message")
        session.addWidget(self.message_line)

        buttons = QHBoxLayout()
        self.start_ice_button = self._button(self.start_ice_action, "Start ice")
        self.start_heat_button = self._button(self.start_heat_action, "Start heat")
        self.stop_button = self._button(self.stop_action, "Stop")
        for button in (self.start_ice_button, self.start_heat_button, self.stop_button):
            buttons.addWidget(button)
        session.addLayout(buttons)

        length_row = QHBoxLayout()
        length_label = QLabel("Session &length:")
        self.length_picker = QSpinBox()
        self.length_picker.setRange(rules.MIN_MINUTES, rules.MAX_MINUTES)
        self.length_picker.setSuffix(" min")
        self.length_picker.setValue(self._default_minutes())
        self.length_picker.setAccessibleName("Session length in minutes")
        self.length_picker.setToolTip(
            f"How long the next session lasts: {rules.MIN_MINUTES} to {rules.MAX_MINUTES} minutes"
        )
        length_label.setBuddy(self.length_picker)
        length_row.addStretch(1)
        length_row.addWidget(length_label)
        length_row.addWidget(self.length_picker)
        length_row.addStretch(1)
        session.addLayout(length_row)

        self.pain_prompt = PainPrompt()
        session.addWidget(self.pain_prompt)

        left = QWidget()
        left.setLayout(session)
        left.setMinimumWidth(300)
        columns.addWidget(left, 5)

        self.tips = TipsPanel(tips)
        self.tips.setMinimumWidth(320)
        self.tips.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        columns.addWidget(self.tips, 6)

        self.disclaimer = QLabel(tips.disclaimer)
        self.disclaimer.setObjectName("disclaimer")
        self.disclaimer.setWordWrap(True)
        self.disclaimer.setAccessibleName("Disclaimer")
        italic = self.disclaimer.font()
        italic.setItalic(True)
        self.disclaimer.setFont(italic)
        outer.addWidget(self.disclaimer)

        self.setCentralWidget(central)
        self.setTabOrder(self.start_ice_button, self.start_heat_button)
        self.setTabOrder(self.start_heat_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.length_picker)

    # -- actions ------------------------------------------------------------------

    def start_ice(self) -> Outcome:
        return self._start(Therapy.ICE)

    def start_heat(self) -> Outcome:
        return self._start(Therapy.HEAT)

    def _start(self, therapy: Therapy) -> Outcome:
        outcome = self.controller.start(therapy, self.length_picker.value())
        self.message_line.setText(outcome.message)
        return outcome

    def stop(self) -> Outcome:
        outcome = self.controller.stop()
        self.message_line.setText(outcome.message)
        return outcome

    def _on_stopped(self, outcome: Outcome) -> None:
        """From the window, the tray or the command line alike."""
        if outcome.session.end_reason is EndReason.STOPPED:
            self.pain_prompt.ask(outcome.session.id, "pain_after",
                                 "The pack is off. How bad is the pain now?")
        else:
            self.pain_prompt.hide()  # a cancelled mis-start needs no rating

    def announce(self, text: str) -> None:
        """Tell a screen reader about a state change, once."""
        self.announced.append(text)
        accessibility.announce(self, text)

    # -- showing the state ------------------------------------------------------------

    def show_status(self, status: Status) -> None:
        state = status.state
        self.status_line.setText(status.sentence(self._local_tz))
        running = state is State.RUNNING
        ready = state is State.READY
        self.start_ice_action.setEnabled(ready)
        self.start_heat_action.setEnabled(ready)
        self.stop_action.setEnabled(running)
        self.removed_action.setEnabled(self.controller.reminder_pending)
        for button, action in ((self.start_ice_button, self.start_ice_action),
                               (self.start_heat_button, self.start_heat_action),
                               (self.stop_button, self.stop_action)):
            button.setEnabled(action.isEnabled())
        self.length_picker.setEnabled(not running)
        if running and status.session is not None:
            session = status.session
            fraction = status.remaining / session.planned_length
            self.ring.set_state(
                fraction, colors.therapy_color(session.therapy),
                format_countdown(status.remaining),
                f"{session.therapy.label} · off at {format_clock(status.ends_at, self._local_tz)}",
            )
            if self._last_state is not State.RUNNING:
                self.tips.bring_forward(session.therapy)
        elif state is State.WAITING:
            self.ring.set_state(
                status.wait / status.gap, colors.WAITING,
                format_clock(status.next_allowed_at, self._local_tz),
                f"next session · in {format_duration(status.wait)}",
            )
        else:
            self.ring.set_state(1.0, colors.READY, "Ready", "start ice or heat when you like")
        self.ring.setAccessibleDescription(self.status_line.text())
        self._last_state = state

    def _on_reminder(self, session: Session, count: int) -> None:
        self.removed_action.setEnabled(True)
        text = f"Time's up — remove the {session.therapy.pack} now."
        if session.ended_at is not None and self.controller.service.store.closed_while_away(
            session.id
        ):
            text = (f"{ended_while_closed(session, self._local_tz)} "
                    f"Remove the {session.therapy.pack} if it is still on.")
        self.banner.show_message(text, "&Done — removed")

    def _ask_pain_before(self, outcome: Outcome) -> None:
        self.pain_prompt.ask(outcome.session.id, "pain_before",
                             "How bad is the pain right now, before the pack goes on?")

    def _on_advice(self, advice) -> None:
        self.advice_banner.label.setText(advice.message if advice.see_physician else "")
        paint_amber(self.advice_banner)
        self.advice_banner.setVisible(advice.see_physician)

    def _on_warning_signs(self, ticked: list[str]) -> None:
        self.controller.service.record_warning_signs(ticked)
        if ticked:
            self.urgent_banner.setText(URGENT_TEXT)
            self.urgent_banner.show()
            self.tips.show_tip("physician")
            self.announce(URGENT_TEXT)
        else:
            self.urgent_banner.hide()

    def _on_removed(self, session: Session) -> None:
        self.banner.hide()
        self.pain_prompt.ask(session.id, "pain_after",
                             "The pack is off. How bad is the pain now?")
        self.message_line.setText(
            f"Noted: the {session.therapy.pack} came off at "
            f"{format_clock(session.removed_at, self._local_tz)}."
        )

    def _on_ended(self, ended: Ended) -> None:
        if ended.while_away:
            self.message_line.setText(ended_while_closed(ended.session, self._local_tz))
        else:
            self.message_line.setText(
                f"{ended.session.therapy.label} session over — take the pack off."
            )

    def _on_gap_over(self, _session: Session) -> None:
        self.message_line.setText("The gap is over: you may apply ice or heat again.")

    def show_notice(self, text: str) -> None:
        """A message that needs no action (a damaged file moved aside, a clamped setting)."""
        self.message_line.setText(text)

    # -- visibility and closing ---------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.controller.set_countdown_visible(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.controller.set_countdown_visible(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The application decides: hide to the tray, ask, or quit.
        self.closeRequested.emit(event)

    def raise_window(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()
