"""Return and Enter press the focused button, as Space does.

Qt's buttons take Return only as a dialog's default button. In a main window the key
went unanswered: a keyboard user on "Start ice" or "Done — removed" pressed Enter and
nothing happened. The key comes up to the window when no control wanted it, so the
window passes it to the focused button here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QToolButton, QWidget

_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def press_focused_button(window: QWidget, event: QKeyEvent) -> bool:
    """Click the button that has focus in `window` for a plain Return or Enter; True when
    the key was used."""
    plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
    if event.key() not in _KEYS or not plain:
        return False
    button = window.focusWidget()
    if not isinstance(button, QPushButton | QToolButton) or not button.isEnabled():
        return False
    button.click()
    return True
