"""Fusion with check boxes, radio buttons and pressed-in buttons outlined so that
they can be seen.

Fusion draws an indicator's edge a little darker than the window: on our dark window
an unticked box (fill #17191c on #202327, 1.1:1) could not be seen, and the
physician checklist is made of them; on the light one the edge was 1.7:1. The outline
drawn over Fusion's own meets the 3:1 a control's edge needs against the window.

A checked push button (the chosen length preset) Fusion draws a shade darker than the
others: in dark the chosen one could not be told apart. It gets a ring in the
highlight colour, 3:1 against the button as it looks when not chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QWidget

_BOX = QStyle.PrimitiveElement.PE_IndicatorCheckBox
_RADIO = QStyle.PrimitiveElement.PE_IndicatorRadioButton
_BUTTON = QStyle.PrimitiveElement.PE_PanelButtonCommand


class OutlinedIndicators(QProxyStyle):
    def __init__(self, outline: QColor) -> None:
        super().__init__("Fusion")
        self._outline = QColor(outline)

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        state = option.state
        if element == _BUTTON and state & QStyle.StateFlag.State_On:
            self._ring_chosen(option, painter)
            return
        focus_shown = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element not in (_BOX, _RADIO) or (state & focus_shown) == focus_shown:
            return  # Fusion's own highlighted edge shows keyboard focus: leave it
        outline = QColor(self._outline)
        if not state & QStyle.StateFlag.State_Enabled:
            outline.setAlphaF(0.5)  # as the disabled label is dimmed
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, element == _RADIO)
        painter.setPen(QPen(outline, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == _BOX:
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        else:
            painter.drawEllipse(option.rect.toRectF().adjusted(0.5, 0.5, -0.5, -0.5))
        painter.restore()

    @staticmethod
    def _ring_chosen(option: QStyleOption, painter: QPainter) -> None:
        # The active group's colour: a disabled highlight is grey in the light palette,
        # and the length a running session was given should still be seen.
        ring = QColor(option.palette.color(QPalette.ColorGroup.Active,
                                           QPalette.ColorRole.Highlight))
        if not option.state & QStyle.StateFlag.State_Enabled:
            ring.setAlphaF(0.6)  # chosen, but not to be changed now (a session runs)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(ring, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(option.rect.toRectF().adjusted(1, 1, -1, -1), 2, 2)
        painter.restore()
