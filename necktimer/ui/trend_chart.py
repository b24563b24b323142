"""The last 14 days drawn with QPainter: sessions per day as bars, the pain rating as a line.

Sessions per day are read on the left axis, the pain (0–10) on the right one;
the last day is labelled "today".
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from necktimer.core.diary import Day
from necktimer.core.i18n import Translatable, arg, decimal, short_date

BAR = QColor("#5b8fd6")
PAIN = QColor("#d9534f")


class ChartText(Translatable):
    def sessions(self, n: int) -> str:
        return self.tr("%n session(s)", "", n)


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[Day] = []
        self.setMinimumHeight(170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Sessions and pain over the last 14 days"))

    def set_days(self, days: list[Day]) -> None:
        self.days = days
        rated = [d for d in days if d.pain is not None]
        summary = arg(self.tr("%1 in the last %2 days."),
                      ChartText().sessions(sum(d.sessions for d in days)), len(days))
        if len(rated) == 1:
            summary += " " + arg(self.tr("Pain %1 on %2."), decimal(rated[0].pain),
                                 short_date(rated[0].day))
        elif rated:
            summary += " " + arg(self.tr("Pain %1 on %2, %3 on %4."),
                                 decimal(rated[0].pain), short_date(rated[0].day),
                                 decimal(rated[-1].pain), short_date(rated[-1].day))
        self.setAccessibleDescription(summary)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 200)

    def _scale_top(self) -> int:
        most = max((d.sessions for d in self.days), default=0)
        return max(4, most + (most % 2))  # even, so the middle tick is a whole number

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        top_value = self._scale_top()
        left = metrics.horizontalAdvance(str(top_value)) + 10
        right = metrics.horizontalAdvance("10") + 10
        top, bottom = metrics.height() + 6, metrics.height() + 10
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), metrics.height() + 2),
                         Qt.AlignmentFlag.AlignCenter,
                         self.tr("Sessions per day (bars, left) and pain 0–10 (line, right)"))
        if not self.days:
            painter.end()
            return
        grid = QColor(text)
        grid.setAlpha(50)
        for step in range(3):  # 0, middle, top
            y = plot.bottom() - plot.height() * step / 2
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(BAR.darker(120))
            painter.drawText(QRectF(0, y - 8, left - 4, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(top_value * step // 2))
            painter.setPen(PAIN)
            painter.drawText(QRectF(plot.right() + 4, y - 8, right, 16),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             str(5 * step))
        slot = plot.width() / len(self.days)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BAR)
        for i, day in enumerate(self.days):
            height = plot.height() * day.sessions / top_value
            painter.drawRect(QRectF(plot.left() + i * slot + slot * 0.2, plot.bottom() - height,
                                    slot * 0.6, height))
        painter.setPen(text)
        last = len(self.days) - 1
        for i, day in enumerate(self.days):
            label = self.tr("today") if i == last else day.day.strftime("%d")
            if i == last or (i % 2 == 0 and i < last - 1) or len(self.days) <= 7:
                width = max(slot + 20, metrics.horizontalAdvance(label) + 4)
                painter.drawText(QRectF(plot.left() + (i + 0.5) * slot - width / 2,
                                        plot.bottom() + 2, width, metrics.height()),
                                 Qt.AlignmentFlag.AlignCenter, label)
        points = [QPointF(plot.left() + (i + 0.5) * slot,
                          plot.bottom() - plot.height() * day.pain / 10)
                  for i, day in enumerate(self.days) if day.pain is not None]
        if points:
            path = QPainterPath()
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
