"""The settings dialog: every field limited to the safe range the rules allow."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from necktimer import language
from necktimer.core import rules
from necktimer.core.humanize import format_duration
from necktimer.core.i18n import arg
from necktimer.core.settings import MAX_GAP_MINUTES, MIN_GAP_MINUTES, Settings
from necktimer.ui.duration_box import DurationSpinBox
from necktimer.ui.screen_room import fit_to_room
from necktimer.ui.wheel_guard import guard_wheel
from necktimer.ui.wrapping_check_box import WrappingCheckBox

EXAMPLE = datetime(2026, 1, 1, 13, 30)  # a time after noon tells the two clocks apart


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, *, tray_available: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")

        sessions = QFormLayout()
        self.length = QSpinBox()
        self.length.setRange(rules.MIN_MINUTES, rules.MAX_MINUTES)
        self.length.setSuffix(self.tr(" min"))
        self.length.setValue(settings.default_minutes)
        self.length.setAccessibleName(self.tr("Session length in minutes"))
        sessions.addRow(self.tr("Session &length:"), self.length)
        self.gap = DurationSpinBox()
        self.gap.setRange(MIN_GAP_MINUTES, MAX_GAP_MINUTES)
        self.gap.setSingleStep(15)
        self.gap.setValue(settings.gap_minutes)
        self.gap.setAccessibleName(self.tr("Gap between sessions"))
        self.gap.setToolTip(arg(self.tr("At least %1; you may make it longer, not shorter."),
                                format_duration(rules.MIN_GAP)))
        sessions.addRow(self.tr("&Gap between sessions:"), self.gap)

        self.sound = WrappingCheckBox(self.tr("Play a &sound when a session ends"))
        self.heads_up = WrappingCheckBox(self.tr("Warn one minute &before the end"))
        self.gap_reminder = WrappingCheckBox(
            self.tr("&Remind me when I may apply ice or heat again"))
        self.keep_in_tray = WrappingCheckBox(
            self.tr("&Keep running in the system tray when the window closes"))
        self.keep_in_tray.setEnabled(tray_available)
        if not tray_available:
            self.keep_in_tray.setToolTip(self.tr("This desktop has no system tray."))
        self.start_at_login = WrappingCheckBox(self.tr("Start at l&ogin (in the tray)"))
        self.diary_prompts = WrappingCheckBox(self.tr("Ask how bad the &pain is (pain diary)"))
        self.ask_pain_before = WrappingCheckBox(self.tr("Also ask be&fore the pack goes on"))
        self.diary_prompts.toggled.connect(self.ask_pain_before.setEnabled)
        reminders = QVBoxLayout()
        for box, value in ((self.sound, settings.sound), (self.heads_up, settings.heads_up),
                           (self.gap_reminder, settings.gap_reminder),
                           (self.keep_in_tray, settings.keep_in_tray),
                           (self.start_at_login, settings.start_at_login),
                           (self.diary_prompts, settings.diary_prompts),
                           (self.ask_pain_before, settings.ask_pain_before)):
            box.setChecked(value)
            reminders.addWidget(box)
        self.ask_pain_before.setEnabled(settings.diary_prompts)

        appearance = QFormLayout()
        self.theme = QComboBox()
        for value, text in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                            ("dark", self.tr("Dark"))):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(self.tr("Colour scheme"))
        appearance.addRow(self.tr("Colour sc&heme:"), self.theme)  # C is Cancel's
        self.language = QComboBox()
        # Each language is named in itself, so anyone can find their own.
        for value, text in (("system", self.tr("The system's language")), ("en", "English"),
                            ("es", "Español"), ("de", "Deutsch")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        appearance.addRow(self.tr("Lang&uage:"), self.language)
        restart = QLabel(self.tr("A new language applies the next time necktimer starts."))
        restart.setWordWrap(True)
        appearance.addRow(restart)
        self.clock = QComboBox()
        for value in ("system", "24", "12"):
            self.clock.addItem("", value)
        self._write_clock_examples()
        self.language.currentIndexChanged.connect(self._write_clock_examples)
        self.clock.setCurrentIndex(max(0, self.clock.findData(settings.clock)))
        self.clock.setAccessibleName(self.tr("Time format"))
        appearance.addRow(self.tr("&Time format:"), self.clock)
        guard_wheel(self.length, self.gap, self.theme, self.language, self.clock)

        # The groups scroll and OK/Cancel stay below them, so a short screen (2x scaling)
        # never hides the buttons.
        page = QWidget()
        groups = QVBoxLayout(page)
        groups.setContentsMargins(0, 0, 0, 0)
        for title, inner in ((self.tr("Sessions"), sessions), (self.tr("Reminders"), reminders),
                             (self.tr("Appearance"), appearance)):
            group = QGroupBox(title)
            group.setLayout(inner)
            groups.addWidget(group)
        rule = arg(self.tr("A session never lasts more than %1 minutes, and the gap is "
                           "never shorter than %2."), rules.MAX_MINUTES,
                   format_duration(rules.MIN_GAP))
        # The service keeps the gap a session ended under (SessionService.gap).
        note = QLabel(rule + " " + self.tr("A shorter gap applies from the next session: "
                                           "the gap already running stays as it is."))
        note.setWordWrap(True)
        groups.addWidget(note)
        self.rules_note = note
        self.page = QScrollArea()
        self.page.setWidget(page)
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The page scrolls to whichever control has focus; itself it takes none, so the
        # dialog opens on its first setting (a screen reader heard an unnamed scroll area).
        self.page.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The note under the last setting takes no focus: Tab to that setting scrolled
        # it only as far as the setting, and the note stayed cut off (2x, a large font).
        self.clock.installEventFilter(self)
        self.length.setFocus()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        # As tall as the groups need (a scroll area alone asks for little), where the
        # screen has the room.
        scroll_bar = self.page.verticalScrollBar().sizeHint().width()
        fit_to_room(self, self.sizeHint().expandedTo(
            page.sizeHint() + QSize(scroll_bar, buttons.sizeHint().height() + 40)))


    def _write_clock_examples(self) -> None:
        """Each style shows a time written in it, in the picked language's own words for
        a.m./p.m., as times will read once that language applies."""
        locale = language.locale_for(self.language.currentData())
        for index, text in enumerate((self.tr("As the language writes it (%1)"),
                                      self.tr("24-hour (%1)"), self.tr("12-hour (%1)"))):
            style = self.clock.itemData(index)
            self.clock.setItemText(index, arg(text, language.formats_for(locale, style)
                                              .time(EXAMPLE)))
    def eventFilter(self, watched, event) -> bool:
        if watched is self.clock and event.type() == QEvent.Type.FocusIn:
            # After the scroll area's own scroll to the setting: the note too, and the
            # setting kept in sight where both do not fit.
            QTimer.singleShot(0, self._last_setting_in_sight)
        return super().eventFilter(watched, event)

    def _last_setting_in_sight(self) -> None:
        self.page.ensureWidgetVisible(self.rules_note, 0, 0)
        self.page.ensureWidgetVisible(self.clock, 0, 0)

    def settings(self) -> Settings:
        """The values in the dialog, through the same clamping as a settings file."""
        chosen, _warnings = Settings.from_raw({
            "default_minutes": self.length.value(),
            "gap_minutes": self.gap.value(),
            "sound": self.sound.isChecked(),
            "heads_up": self.heads_up.isChecked(),
            "gap_reminder": self.gap_reminder.isChecked(),
            "keep_in_tray": self.keep_in_tray.isChecked(),
            "start_at_login": self.start_at_login.isChecked(),
            "diary_prompts": self.diary_prompts.isChecked(),
            "ask_pain_before": self.ask_pain_before.isChecked(),
            "theme": self.theme.currentData(),
            "language": self.language.currentData(),
            "clock": self.clock.currentData(),
        })
        return chosen
