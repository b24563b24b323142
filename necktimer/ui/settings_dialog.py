"""The settings dialog: every field limited to the safe range the rules allow."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from necktimer import DISPLAY_NAME
from necktimer.core import rules
from necktimer.core.settings import MAX_GAP_MINUTES, MIN_GAP_MINUTES, Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, *, tray_available: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{DISPLAY_NAME} settings")
        self.setObjectName("settingsDialog")
        form = QFormLayout()

        self.length = QSpinBox()
        self.length.setRange(rules.MIN_MINUTES, rules.MAX_MINUTES)
        self.length.setSuffix(" min")
        self.length.setValue(settings.default_minutes)
        self.length.setAccessibleName("Default session length in minutes")
        form.addRow("Default session &length:", self.length)

        self.gap = QSpinBox()
        self.gap.setRange(MIN_GAP_MINUTES, MAX_GAP_MINUTES)
        self.gap.setSingleStep(15)
        self.gap.setSuffix(" min")
        self.gap.setValue(settings.gap_minutes)
        self.gap.setAccessibleName("Gap between sessions in minutes")
        self.gap.setToolTip("At least 2 hours (120 min); you may make it longer, not shorter.")
        form.addRow("&Gap between sessions:", self.gap)

        self.sound = QCheckBox("Play a &sound when a session ends")
        self.sound.setChecked(settings.sound)
        self.gap_reminder = QCheckBox("&Remind me when I may apply ice or heat again")
        self.gap_reminder.setChecked(settings.gap_reminder)
        self.keep_in_tray = QCheckBox("&Keep running in the system tray when the window closes")
        self.keep_in_tray.setChecked(settings.keep_in_tray)
        self.keep_in_tray.setEnabled(tray_available)
        if not tray_available:
            self.keep_in_tray.setToolTip("This desktop has no system tray.")
        self.start_at_login = QCheckBox("Start at &login (in the tray)")
        self.start_at_login.setChecked(settings.start_at_login)
        for box in (self.sound, self.gap_reminder, self.keep_in_tray, self.start_at_login):
            box.setAccessibleName(box.text().replace("&", ""))
            form.addRow(box)

        note = QLabel(
            f"A session never lasts more than {rules.MAX_MINUTES} minutes, and the gap is "
            "never shorter than 2 hours."
        )
        note.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def settings(self) -> Settings:
        """The values in the dialog, through the same clamping as a settings file."""
        chosen, _warnings = Settings.from_raw({
            "default_minutes": self.length.value(),
            "gap_minutes": self.gap.value(),
            "sound": self.sound.isChecked(),
            "gap_reminder": self.gap_reminder.isChecked(),
            "keep_in_tray": self.keep_in_tray.isChecked(),
            "start_at_login": self.start_at_login.isChecked(),
        })
        return chosen
