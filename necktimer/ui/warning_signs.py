"""The warning-sign checklist on the physician panel; any tick says to get care now."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from necktimer.core.diary import warning_signs
from necktimer.ui.banners import Banner, Tone
from necktimer.ui.wrapping_check_box import WrappingCheckBox


class WarningSigns(QFrame):
    """Emits the ticked keys each time the answer changes."""

    answered = Signal(list)

    def __init__(self, urgent_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warningSigns")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        heading = QLabel("<b>" + self.tr("Do you have any of these with the neck pain?") + "</b>")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.boxes: dict[str, QCheckBox] = {}
        for key, text in warning_signs().items():
            box = WrappingCheckBox(text)
            box.toggled.connect(self._changed)
            layout.addWidget(box)
            self.boxes[key] = box
        # The window's own urgent banner (not a style sheet of its own): it looks like the
        # one at the top of the window and follows the palette as the banners do.
        self.urgent_text = urgent_text
        self.urgent = Banner("urgentMessage", Tone.URGENT)
        layout.addWidget(self.urgent)

    @property
    def ticked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def show_ticked(self, ticked: tuple[str, ...]) -> None:
        """Show an answer already recorded: nothing is answered again."""
        for key, box in self.boxes.items():
            if box.isChecked() != (key in ticked):
                box.blockSignals(True)
                box.setChecked(key in ticked)
                box.blockSignals(False)
        self.urgent.show_if(self.urgent_text if ticked else None)

    def _changed(self) -> None:
        ticked = self.ticked
        self.urgent.show_if(self.urgent_text if ticked else None)
        self.answered.emit(ticked)
