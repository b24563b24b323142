"""14 days drawn with QPainter: sessions per day as bars, the pain as two lines.

Sessions per day are read on the left axis, the pain (0–10) on the right one: the
day's mean rating before a session as a solid line with filled dots, after one as a
dashed line with open dots, so the relief a session brought is the space between
them. The days are those History's filters show: the last 14 up to today, labelled
"today", or up to the end of a date range that ends sooner; one therapy's or both.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from necktimer.core.diary import Day
from necktimer.core.i18n import Translatable, arg, decimal, short_date
from necktimer.core.rules import Therapy

BAR = QColor("#5b8fd6")
PAIN = QColor("#d9534f")


class ChartText(Translatable):
    def sessions(self, n: int) -> str:
        return self.tr("%n session(s)", "", n)


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: list[Day] = []
        self._ends_today = True  # else the last day is labelled with its date
        self._therapy: Therapy | None = None  # the sessions shown: all, or one therapy's
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(self.tr("Sessions and pain over the last 14 days"))

    def set_days(self, days: list[Day], *, today: date | None = None,
                 therapy: Therapy | None = None) -> None:
        """The days to draw, oldest first; `today` tells whether the last is today (a date
        range may end sooner), `therapy` whose sessions they count (None: both)."""
        self.days = days
        self._ends_today = not days or today is None or days[-1].day == today
        self._therapy = therapy
        counted = ChartText().sessions(sum(d.sessions for d in days))
        if self._ends_today:
            summary = arg(self.tr("%1 in the last %2 days."), counted, len(days))
        else:
            summary = arg(self.tr("%1 in the %2 days to %3."), counted, len(days),
                          short_date(days[-1].day))
        for said, ratings in ((self.tr("Pain before a session: %1."),
                               [(d.day, d.before) for d in days if d.before is not None]),
                              (self.tr("Pain after a session: %1."),
                               [(d.day, d.after) for d in days if d.after is not None])):
            if ratings:
                ends = ratings if len(ratings) == 1 else [ratings[0], ratings[-1]]
                summary += " " + arg(said, ", ".join(
                    arg(self.tr("%1 on %2"), decimal(value), short_date(day))
                    for day, value in ends))
        self.setAccessibleDescription(summary)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, 200)

    def minimumSizeHint(self) -> QSize:
        # The title, the day labels and a plot still some lines tall: readable at 2x.
        return QSize(260, self.fontMetrics().height() * 6)

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
        title = self._title()
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        title_box = metrics.boundingRect(0, 0, self.width(), 10 * metrics.height(), flags, title)
        top, bottom = title_box.height() + 6, metrics.height() + 10
        plot = QRectF(left, top, self.width() - left - right, self.height() - top - bottom)
        painter.setPen(text)
        painter.drawText(QRectF(0, 0, self.width(), title_box.height() + 2), flags, title)
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
        for left, width, label in self.day_labels(plot.left(), slot, metrics):
            painter.drawText(QRectF(left, plot.bottom() + 2, width, metrics.height()),
                             Qt.AlignmentFlag.AlignCenter, label)
        for values, style, filled in (([d.before for d in self.days], Qt.PenStyle.SolidLine,
                                        True),
                                       ([d.after for d in self.days], Qt.PenStyle.DashLine,
                                        False)):
            points = [QPointF(plot.left() + (i + 0.5) * slot,
                              plot.bottom() - plot.height() * value / 10)
                      for i, value in enumerate(values) if value is not None]
            self._draw_line(painter, points, style, filled)
        painter.end()

    def day_labels(self, left: float, slot: float, metrics) -> list[tuple[float, float, str]]:
        """(left, width, text) of each day label drawn under the bars: every other day,
        the last always. The first and each first of a month carry the month ("27 Feb",
        "1 Mar"): bare numbers ("27 01 03") left the month to guess. A label that would
        touch the one before it is left out."""
        last = len(self.days) - 1
        drawn: list[tuple[float, float, str]] = []
        month = None
        for i, day in enumerate(self.days):
            if not (i == last or (i % 2 == 0 and i < last - 1) or len(self.days) <= 7):
                continue
            if i == last and self._ends_today:
                label = self.tr("today")
            elif day.day.month != month:
                label = short_date(day.day)
            else:
                label = str(day.day.day)
            width = metrics.horizontalAdvance(label) + 4
            center = left + (i + 0.5) * slot
            if drawn and center - width / 2 < drawn[-1][0] + drawn[-1][1] + 2:
                if i != last:
                    continue
                drawn.pop()  # the last day's label wins over the one before it
            month = day.day.month
            drawn.append((center - width / 2, width, label))
        return drawn

    def _title(self) -> str:
        if self._therapy is Therapy.ICE:
            return self.tr("Ice sessions per day (bars, left); pain 0–10 before a session "
                           "(solid) and after it (dashed), right")
        if self._therapy is Therapy.HEAT:
            return self.tr("Heat sessions per day (bars, left); pain 0–10 before a session "
                           "(solid) and after it (dashed), right")
        return self.tr("Sessions per day (bars, left); pain 0–10 before a session (solid) "
                       "and after it (dashed), right")

    def _draw_line(self, painter: QPainter, points: list[QPointF], style: Qt.PenStyle,
                   filled: bool) -> None:
        if not points:
            return
        path = QPainterPath()
        path.moveTo(points[0])
        for point in points[1:]:
            path.lineTo(point)
        painter.setPen(QPen(PAIN, 2.5, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(PAIN, 2))
        # Open dots on a dashed line: the two are told apart without colour too.
        painter.setBrush(PAIN if filled else self.palette().color(QPalette.ColorRole.Base))
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
