"""The last 14 days drawn with QPainter: sessions per day as bars, the pain rating as a line."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from necktimer.core.diary import Day

BAR = QColor("#5b8fd6")
PAIN = QColor("#d9534f")


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[Day] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName("Sessions and pain over the last 14 days")

    def set_days(self, days: list[Day]) -> None:
        self.days = days
        rated = [d for d in days if d.pain is not None]
        summary = f"{sum(d.sessions for d in days)} sessions in {len(days)} days"
        if rated:
            summary += (f"; pain {rated[0].pain:.1f} on {rated[0].day:%d %b}, "
                        f"{rated[-1].pain:.1f} on {rated[-1].day:%d %b}")
        self.setAccessibleDescription(summary)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 190)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        left, right = metrics.horizontalAdvance("10 ") + 6, metrics.horizontalAdvance("10 ") + 6
        top, bottom = metrics.height() + 4, metrics.height() + 8
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), metrics.height() + 2),
                         Qt.AlignmentFlag.AlignCenter,
                         "Sessions per day (bars) and pain 0–10 (line), last 14 days")
        if not self.days:
            painter.end()
            return
        grid = QColor(text)
        grid.setAlpha(50)
        painter.setPen(QPen(grid, 1))
        for level in (0, 5, 10):
            y = plot.bottom() - plot.height() * level / 10
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(PAIN)
            painter.drawText(QRectF(plot.right() + 3, y - 8, right, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(level))
            painter.setPen(QPen(grid, 1))
        most = max(12, max(d.sessions for d in self.days))
        slot = plot.width() / len(self.days)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for i, day in enumerate(self.days):
            height = plot.height() * day.sessions / most
            painter.drawRect(QRectF(plot.left() + i * slot + slot * 0.2, plot.bottom() - height,
                                    slot * 0.6, height))
        painter.setPen(text)
        for i, day in enumerate(self.days):
            if i % 2 == 0 or len(self.days) <= 7:
                painter.drawText(QRectF(plot.left() + i * slot - 10, plot.bottom() + 2,
                                        slot + 20, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, day.day.strftime("%d"))
        path = QPainterPath()
        points = [QPointF(plot.left() + (i + 0.5) * slot,
                          plot.bottom() - plot.height() * day.pain / 10)
                  for i, day in enumerate(self.days) if day.pain is not None]
        if points:
            path.moveTo(points[0])
            for point in points[1:]:
                path.lineTo(point)
            painter.setPen(QPen(PAIN, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
            painter.setBrush(PAIN)
            for point in points:
                painter.drawEllipse(point, 3.5, 3.5)
        painter.end()
