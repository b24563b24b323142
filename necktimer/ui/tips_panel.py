"""The self-care tip panels beside the timer; the running therapy's tip comes forward."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QToolBox, QVBoxLayout, QWidget

from necktimer.core.rules import Therapy
from necktimer.core.tips import Tip, TipBook
from necktimer.ui.warning_signs import WarningSigns


def tip_html(tip: Tip) -> str:
    parts = [f"<p>{html.escape(text)}</p>" for text in tip.paragraphs]
    if tip.precautions:
        heading = "Seek care" if tip.key == "physician" else "Take care"
        items = "".join(f"<li>{html.escape(text)}</li>" for text in tip.precautions)
        parts.append(f"<p><b>{heading}</b></p><ul style='margin-left:12px'>{items}</ul>")
    return "".join(parts)


class TipsPanel(QToolBox):
    """One page per tip: massage, NSAIDs, cold, heat, rest, physician."""

    def __init__(self, book: TipBook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Self-care tips")
        self._keys: list[str] = []
        for tip in book.tips:
            label = QLabel(tip_html(tip))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            label.setAccessibleName(tip.title)
            label.setAccessibleDescription(" ".join(tip.paragraphs + tip.precautions))
            page = QWidget()
            page.setAccessibleName(f"{tip.title} tip")
            layout = QVBoxLayout(page)
            layout.setContentsMargins(4, 4, 4, 4)
            layout.addWidget(label)
            if tip.key == "physician":
                self.warning_signs = WarningSigns()
                layout.addWidget(self.warning_signs)
            layout.addStretch(1)
            self.addItem(page, tip.title)
            self.setItemToolTip(self.count() - 1, f"Show the {tip.title.lower()} tip")
            self._keys.append(tip.key)
        # QToolBox wraps each page in a scroll area of its own; name those for screen readers.
        for scroll in self.findChildren(QScrollArea):
            if scroll.widget() is not None:
                scroll.setAccessibleName(scroll.widget().accessibleName())
                # Text wraps to the panel's width; never scroll sideways.
                scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    @property
    def current_key(self) -> str:
        return self._keys[self.currentIndex()]

    def show_tip(self, key: str) -> None:
        self.setCurrentIndex(self._keys.index(key))

    def bring_forward(self, therapy: Therapy) -> None:
        """During a session, open the tip for the therapy being used."""
        self.show_tip(therapy.value)
