"""The session panel: the countdown ring, what may be done now, the buttons and the length."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from necktimer.core import rules
from necktimer.core.clock import Clock
from necktimer.core.diary import care_first
from necktimer.core.humanize import format_duration, format_precise
from necktimer.core.i18n import allowed_time, arg, clock_time
from necktimer.core.rules import State, Therapy
from necktimer.ui import colors
from necktimer.ui.countdown import Countdown
from necktimer.ui.focus_label import FocusLabel
from necktimer.ui.ring import CountdownRing
from necktimer.ui.view_state import ViewState
from necktimer.ui.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from necktimer.ui.last_applied import LastAppliedQuestion
    from necktimer.ui.pain_prompt import PainPrompt

QUICK_LENGTHS = (5, 10, 15)
# A number and the word after it ("15 min", "2 h", "1:05 p.m.") stay on one line.
_NUMBER_AND_WORD = re.compile(r"(\d) (?=\w)")


def unbroken(text: str) -> str:
    """`text` with a no-break space after each number, so that a line never ends between
    a number and its unit ("dentro de 1 | h 30 min")."""
    return _NUMBER_AND_WORD.sub("\\1\u00a0", text)


class SessionPanel(QWidget):
    startIce = Signal()
    startHeat = Signal()
    stop = Signal()
    painRated = Signal(object)  # 0-10, or None for Skip
    lastApplied = Signal(object)  # the answer after a lost history: (hour, minute), or None
    asking = Signal(QWidget)  # a question just appeared: it must come into sight
    answered = Signal()  # a question went away: what it covered must come back into sight
    lengthPicked = Signal(int)  # the user picked a length (not a limit clamping the picker)

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.ring = CountdownRing()
        self.ring.setAccessibleName(self.tr("Countdown"))
        # The session's clock, so the digits count what the session counts.
        self.countdown = Countdown(self.ring, clock, self)
        layout.addWidget(self.ring, 1)

        self.status_line = FocusLabel()
        self.status_line.setObjectName("statusLine")
        self.status_line.setWordWrap(True)
        self.status_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status_line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Focusable, so a screen reader user can go back to "what may I do now".
        self.status_line.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        bold = self.status_line.font()
        bold.setBold(True)
        self.status_line.setFont(bold)
        layout.addWidget(self.status_line)

        self.message_line = QLabel()
        self.message_line.setObjectName("messageLine")
        self.message_line.setWordWrap(True)
        self.message_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.message_line)

        # The pain prompt and the lost-history question are built when first needed:
        # most starts need neither, and the question's time editor alone costs megabytes.
        self._question: LastAppliedQuestion | None = None
        self._pain_prompt: PainPrompt | None = None
        self._layout = layout

        buttons = QHBoxLayout()
        self.start_ice_button = self._button(self.tr("Start &ice"), self.tr("Start ice"),
                                             self.startIce)
        self.start_heat_button = self._button(self.tr("Start h&eat"), self.tr("Start heat"),
                                              self.startHeat)
        self.stop_button = self._button(self.tr("St&op"), self.tr("Stop the session"), self.stop)
        for button in (self.start_ice_button, self.start_heat_button, self.stop_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        length_row = QHBoxLayout()
        length_label = QLabel(self.tr("&Length:"))
        self.length_picker = QSpinBox()
        self.length_picker.setRange(rules.MIN_MINUTES, rules.MAX_MINUTES)
        self.length_picker.setSuffix(self.tr(" min"))
        self.length_picker.setAccessibleName(self.tr("Session length in minutes"))
        guard_wheel(self.length_picker)
        length_label.setBuddy(self.length_picker)
        length_row.addStretch(1)
        length_row.addWidget(length_label)
        length_row.addWidget(self.length_picker)
        self.quick: dict[int, QPushButton] = {}
        for minutes in QUICK_LENGTHS:
            quick = QPushButton(arg(self.tr("%1 min"), minutes))
            quick.setAccessibleName(arg(self.tr("%1 minutes"), minutes))
            quick.setCheckable(True)
            # One of a set: a screen reader calls it a radio button ("check box" before),
            # and the arrow keys move the choice, as in any set of radio buttons.
            quick.setAutoExclusive(True)
            quick.installEventFilter(self)
            quick.clicked.connect(lambda _=False, m=minutes: self.length_picker.setValue(m))
            length_row.addWidget(quick)
            self.quick[minutes] = quick
        length_row.addStretch(1)
        self._chosen = self.length_picker.value()  # the user's length, before any limit
        self._running_minutes: int | None = None  # the length shown while a session runs
        self._showing = False  # the panel itself is setting the picker
        self.length_picker.valueChanged.connect(self._picked)
        layout.addLayout(length_row)

        self.setTabOrder(self.start_ice_button, self.start_heat_button)
        self.setTabOrder(self.start_heat_button, self.stop_button)
        self.setTabOrder(self.stop_button, self.length_picker)

    def _button(self, text: str, name: str, signal) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.clicked.connect(signal.emit)
        button.setMinimumHeight(button.sizeHint().height() + 10)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        return button

    @property
    def question(self) -> LastAppliedQuestion:
        if self._question is None:
            from necktimer.ui.last_applied import LastAppliedQuestion

            self._question = LastAppliedQuestion()
            self._question.answered.connect(self.lastApplied.emit)
            self._layout.insertWidget(self._layout.indexOf(self.message_line) + 1,
                                      self._question)
        return self._question

    @property
    def pain_prompt(self) -> PainPrompt:
        if self._pain_prompt is None:
            from necktimer.ui.pain_prompt import PainPrompt

            self._pain_prompt = PainPrompt()
            self._pain_prompt.rated.connect(self.painRated.emit)
            self._layout.addWidget(self._pain_prompt)
            # Made after the tips, it would come after them in the Tab order; it sits
            # right under the length controls, so Tab reaches it next.
            previous = self.quick[QUICK_LENGTHS[-1]]
            for control in (*self._pain_prompt.buttons, self._pain_prompt.skip):
                self.setTabOrder(previous, control)
                previous = control
        return self._pain_prompt

    def show_length(self, minutes: int) -> None:
        """Show the length the user chose, within what is left of the 15 minutes now."""
        self._chosen = minutes
        if self._running_minutes is None:  # else the running session's length stays shown
            longest = self.length_picker.maximum()
            self._set_picker(longest, min(minutes, longest))

    def _set_picker(self, longest: int, shown: int) -> None:
        # A limit clamps the value shown, a limit lifted shows the chosen length again, and
        # a running session shows its own: none is the user picking a length, so none is
        # passed on as one.
        if (self.length_picker.maximum(), self.length_picker.value()) == (longest, shown):
            return  # (each set repaints the picker)
        self._showing = True
        try:
            self.length_picker.setMaximum(longest)
            self.length_picker.setValue(shown)
        finally:
            self._showing = False
        self._mark_quick(self.length_picker.value())

    def _picked(self, value: int) -> None:
        self._mark_quick(value)
        if not self._showing:
            self._chosen = value
            self.lengthPicked.emit(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt's Tab stops at the set's first preset; a radio set is entered at its choice.
        if event.type() == QEvent.Type.FocusIn and event.reason() in (
                Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            chosen = next((b for b in self.quick.values() if b.isChecked()), None)
            if chosen is not None and chosen is not watched and chosen.isEnabled():
                chosen.setFocus(event.reason())
        return False

    def _mark_quick(self, value: int) -> None:
        for minutes, button in self.quick.items():
            if button.isChecked() != (minutes == value):
                # Qt keeps one of an exclusive set checked; a length that is no preset
                # (7 min) has none, so the set lets go for the moment.
                button.setAutoExclusive(False)
                button.setChecked(minutes == value)
                button.setAutoExclusive(True)

    # -- drawing the state ----------------------------------------------------------------

    def show_state(self, view: ViewState, urgent: str | None = None) -> None:
        """Redraw from the view state; `urgent` (time's up: take the pack off) leads what a
        screen reader reads on the status line, which keeps focus through the change."""
        status = view.status
        sentence = status.sentence()
        said = status.sentence(whole_minutes=True)
        if view.warning_signs:
            ready = status.state is State.READY
            sentence, said = (care_first(sentence, ready=ready), care_first(said, ready=ready))
        if self.status_line.text() != unbroken(sentence):
            self.status_line.setText(unbroken(sentence))
        # A screen reader says the focused line again whenever its name changes: through
        # the last minute that was every second. The name counts whole minutes.
        spoken = f"{urgent} {said}" if urgent else said
        if self.status_line.accessibleName() != spoken:
            self.status_line.setAccessibleName(spoken)  # read what it says, urgent first
        if self.message_line.text() != unbroken(view.message):
            self.message_line.setText(unbroken(view.message))
            self.message_line.setAccessibleName(view.message)
        self.message_line.setVisible(bool(view.message))
        ready = status.state is State.READY
        self._set_enabled(self.start_ice_button, ready)
        self._set_enabled(self.start_heat_button, ready)
        self._set_enabled(self.stop_button, status.state is State.RUNNING)
        self._show_length(view)
        self._show_ring(view)
        if self.ring.accessibleDescription() != spoken:
            self.ring.setAccessibleDescription(spoken)
        if status.state is State.UNKNOWN:
            if self.question.isHidden():
                self.question.ask(status.now, status.gap)
                self.asking.emit(self.question)
        elif self._question is not None and not self._question.isHidden():
            self._keep_focus_out_of(self._question)
            self._question.hide()
            self.answered.emit()
        if view.pain_question is not None or self._pain_prompt is not None:
            was_hidden = self.pain_prompt.isHidden()
            if view.pain_question is None:
                self._keep_focus_out_of(self.pain_prompt)
            self.pain_prompt.show_question(view.pain_question)
            if was_hidden and view.pain_question is not None:
                self.asking.emit(self.pain_prompt)
            elif not was_hidden and view.pain_question is None:
                self.answered.emit()

    def keyPressEvent(self, event) -> None:
        # Digits typed on the status line (where focus rests after Done) reach the rating.
        if self._pain_prompt is None or not self._pain_prompt.key(event):
            super().keyPressEvent(event)

    def _set_enabled(self, widget: QWidget, enabled: bool) -> None:
        if not enabled:
            self._keep_focus_out_of(widget)
        widget.setEnabled(enabled)

    def _keep_focus_out_of(self, widget: QWidget) -> None:
        """Move focus to the status line before `widget` is disabled or hidden. Left to
        Qt, focus would pass to the next control (the tips) and the scroll area would
        follow it, scrolling the countdown out of a short window."""
        focused = QApplication.focusWidget()
        if focused is not None and (focused is widget or widget.isAncestorOf(focused)):
            self.status_line.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_length(self, view: ViewState) -> None:
        status = view.status
        longest = status.longest_minutes
        self._set_enabled(self.length_picker, status.state is State.READY)
        running = status.session if status.state is State.RUNNING else None
        # The disabled picker shows the running session's length, which a start from the
        # tray or a terminal (`--minutes 1`), or a cycle cut short, can make differ from the
        # length chosen here; the chosen one comes back when the session ends.
        self._running_minutes = (None if running is None else
                                 max(rules.MIN_MINUTES,
                                     round(running.planned_length.total_seconds() / 60)))
        if self._running_minutes is not None:
            self._set_picker(max(longest, self._running_minutes), self._running_minutes)
        else:
            self._set_picker(longest, min(self._chosen, longest))
        for minutes, button in self.quick.items():
            self._set_enabled(button, status.state is State.READY and minutes <= longest)
        if running is not None:
            tip = arg(self.tr("This session lasts %1."), format_precise(running.planned_length))
        elif status.shortened and status.state is State.READY:
            tip = arg(self.tr("Mis-starts since the last full break used part of the 15 "
                              "minutes: the next session lasts at most %1."),
                      format_precise(status.cycle_left))
        else:
            tip = arg(self.tr("How long the next session lasts: %1 to %2 minutes."),
                      rules.MIN_MINUTES, rules.MAX_MINUTES)
        if self.length_picker.toolTip() != tip:
            self.length_picker.setToolTip(tip)

    def set_on_screen(self, on_screen: bool) -> None:
        """Whether anyone can see the window: the digits tick only then."""
        self.countdown.set_on_screen(on_screen)

    def _show_ring(self, view: ViewState) -> None:
        status = view.status
        session = status.session
        counting = (view.reminder is None and status.state is State.RUNNING
                    and session is not None and bool(status.remaining))
        if not counting:
            self.countdown.stop()
        if view.reminder is not None:
            pack = view.reminder.session.therapy
            self.ring.set_state(1.0, colors.ATTENTION, self.tr("Off now"),
                                self.tr("remove the ice pack") if pack is Therapy.ICE
                                else self.tr("remove the heat pack"))
        elif counting:
            if view.heads_up:
                caption = self.tr("1 minute left — get ready")
            elif session.therapy is Therapy.ICE:
                caption = arg(self.tr("Ice · off at %1"), clock_time(status.ends_at))
            else:
                caption = arg(self.tr("Heat · off at %1"), clock_time(status.ends_at))
            # The digits and arc move on every second from here (ui.countdown).
            self.countdown.follow(status.remaining, session.planned_length,
                                  colors.therapy_color(session.therapy), caption)
        elif status.state is State.WAITING and status.wait is not None:
            # A wait reads as a wait ("1 h 59 min"), never like a countdown's digits.
            self.ring.set_state(status.wait / status.gap, colors.WAITING,
                                format_duration(status.wait),
                                arg(self.tr("until the next session, at %1"),
                                    allowed_time(status.next_allowed_at, status.now)))
        elif status.state is State.UNKNOWN:
            self.ring.set_state(1.0, colors.WAITING, "?",
                                self.tr("when did the last pack come off?"))
        else:
            caption = self.tr("start ice or heat when you like")
            if view.warning_signs:
                # Under "seek medical help now" the ring must not invite a session.
                caption = self.tr("see a doctor first")
            elif status.shortened:
                caption = arg(self.tr("next session: at most %1"),
                              format_precise(status.cycle_left))
            # Green says go: not under a warning sign.
            color = colors.WAITING if view.warning_signs else colors.READY
            self.ring.set_state(1.0, color, self.tr("Ready"), caption)
