"""Help → Keyboard shortcuts: a list that scrolls where the screen is short.

It was a message box, which neither scrolls nor shrinks: in German or Spanish at 2×
with a 13-point font it stood 1284 px tall on a 768-px screen, its Close button and last
rows off-screen and the longest key names cut at the side.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from necktimer.ui.rich_text import escape
from necktimer.ui.screen_room import fit_to_room


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str]], note: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        native = QKeySequence.SequenceFormat.NativeText
        # The keys never wrap (a key name cut in two reads as two keys); the words may.
        table = "".join(f"<tr><td>{escape(label)}</td><td style='white-space:nowrap'>"
                        f"&nbsp;&nbsp;<b>{escape(QKeySequence(keys).toString(native))}</b>"
                        f"</td></tr>" for label, keys in rows)
        self.text = QLabel(f"<table>{table}</table><p>{escape(note)}</p>")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the arrows scroll it
        self.text.setAccessibleName(self.windowTitle())
        self.text.setContentsMargins(4, 4, 4, 4)
        self.page = QScrollArea()
        self.page.setWidget(self.text)
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page)
        layout.addWidget(buttons)
        # As tall as the list where there is room; on a short screen it scrolls instead.
        width = self.text.sizeHint().width() + self.page.verticalScrollBar().sizeHint().width()
        margins = layout.contentsMargins()
        width += margins.left() + margins.right()
        height = (self.text.heightForWidth(self.text.sizeHint().width())
                  + buttons.sizeHint().height() + layout.spacing()
                  + margins.top() + margins.bottom())
        fit_to_room(self, QSize(width, height))
