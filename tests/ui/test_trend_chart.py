"""The 14-day chart: what it paints (recorded from its QPainter), its pixels, and what it says."""

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter

from necktimer.core.diary import CHART_DAYS, Day
from necktimer.ui import trend_chart
from necktimer.ui.trend_chart import BAR, PAIN, TrendChart

TODAY = date(2026, 3, 15)


def fortnight(sessions: dict[int, int], before: dict[int, float] | None = None,
              after: dict[int, float] | None = None) -> list[Day]:
    """14 days ending TODAY; `sessions` and the pain ratings are keyed by days before today."""
    before, after = before or {}, after or {}
    return [Day(TODAY - timedelta(days=back), sessions.get(back, 0), before.get(back),
                after.get(back))
            for back in range(CHART_DAYS - 1, -1, -1)]


TITLE = ("Sessions per day (bars, left); pain 0–10 before a session (solid) and after it "
         "(dashed), right")


@dataclass(frozen=True)
class Text:
    text: str
    rect: QRectF


@pytest.fixture
def painted(monkeypatch):
    """Every text the chart draws, with where: the chart paints through a recording QPainter."""
    texts: list[Text] = []

    class RecordingPainter(QPainter):
        def drawText(self, *args):
            if len(args) == 3 and isinstance(args[0], QRectF) and isinstance(args[2], str):
                texts.append(Text(args[2], QRectF(args[0])))
            return super().drawText(*args)

    monkeypatch.setattr(trend_chart, "QPainter", RecordingPainter)
    return texts


@pytest.fixture
def chart(qtbot):
    widget = TrendChart()
    qtbot.addWidget(widget)
    widget.resize(560, 220)
    return widget


def draw(chart, days, painted):
    chart.set_days(days)
    painted.clear()
    image = chart.grab().toImage()
    return image, list(painted)


def day_labels(texts: list[Text]) -> list[Text]:
    """The labels under the bars (the lowest texts), left to right."""
    lowest = max(t.rect.top() for t in texts)
    return sorted((t for t in texts if t.rect.top() == lowest), key=lambda t: t.rect.center().x())


def axis(texts: list[Text], chart, side: str) -> list[str]:
    """The tick labels of one axis, bottom to top."""
    middle = chart.width() / 2
    ticks = [t for t in texts[1:] if t not in day_labels(texts)]  # texts[0] is the title
    labels = [t for t in ticks if (t.rect.center().x() < middle) == (side == "left")]
    return [t.text for t in sorted(labels, key=lambda t: -t.rect.center().y())]


def near(a: QColor, b: QColor, tolerance: int = 30) -> bool:
    return all(abs(x - y) <= tolerance for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


def test_the_left_axis_counts_sessions_per_day_and_the_right_one_pain(chart, painted):
    _, texts = draw(chart, fortnight({0: 2, 3: 1}), painted)
    assert axis(texts, chart, "left") == ["0", "2", "4"]  # at least 0-4 sessions
    assert axis(texts, chart, "right") == ["0", "5", "10"]  # pain 0-10
    assert texts[0].text == TITLE
    _, texts = draw(chart, fortnight({0: 5, 1: 3}), painted)
    assert axis(texts, chart, "left") == ["0", "3", "6"]  # the scale grows with the busiest day


def test_the_last_day_is_labelled_today(chart, painted):
    _, texts = draw(chart, fortnight({0: 1}), painted)
    labels = day_labels(texts)
    assert labels[-1].text == "today"
    assert [t.text for t in texts].count("today") == 1
    # The first carries the month: bare numbers left it to guess (outside tester).
    assert [t.text for t in labels[:-1]] == ["02 Mar", "4", "6", "8", "10", "12"]


def test_a_new_month_is_named_where_it_begins(chart, painted):
    days = [Day(date(2026, 2, 22) + timedelta(days=n), 1, None, None) for n in range(14)]
    chart.set_days(days, today=days[-1].day)
    painted.clear()
    chart.grab()
    labels = [t.text for t in day_labels(list(painted))]
    assert labels == ["22 Feb", "24", "26", "28", "02 Mar", "4", "today"]


@pytest.mark.parametrize("width", [560, 300, 200])
def test_day_labels_never_touch_however_narrow_the_chart(chart, painted, width):
    days = [Day(date(2026, 2, 22) + timedelta(days=n), 1, None, None) for n in range(14)]
    chart.resize(width, 220)
    chart.set_days(days, today=days[-1].day)
    painted.clear()
    chart.grab()
    labels = day_labels(list(painted))
    assert labels[-1].text == "today"
    metrics = chart.fontMetrics()
    spans = [(t.rect.center().x() - metrics.horizontalAdvance(t.text) / 2,
              t.rect.center().x() + metrics.horizontalAdvance(t.text) / 2) for t in labels]
    assert all(right < next_left for (_, right), (next_left, _) in itertools.pairwise(spans))


def test_bars_stand_on_the_days_with_sessions(chart, painted):
    image, texts = draw(chart, fortnight({0: 4, 2: 1}, {0: 3.0, 2: 8.0}), painted)
    labels = day_labels(texts)
    slot = (labels[1].rect.center().x() - labels[0].rect.center().x()) / 2
    base = int(labels[0].rect.top()) - 4  # just above the day labels

    def column(back: int) -> list[QColor]:
        x = int(labels[-1].rect.center().x() - back * slot)
        return [image.pixelColor(x, y) for y in range(base - 10, base)]

    assert all(near(c, BAR) for c in column(0)) and all(near(c, BAR) for c in column(2))
    for empty in (1, 3, 7, 13):
        assert not any(near(c, BAR) for c in column(empty)), empty
    reddish = sum(near(image.pixelColor(x, y), PAIN, 40)
                  for x in range(image.width()) for y in range(image.height()))
    assert reddish > 20  # the pain line between the two rated days


def test_an_empty_chart_draws_its_title_and_nothing_else(chart, painted):
    image, texts = draw(chart, [], painted)
    assert [t.text for t in texts] == [TITLE]
    assert not any(near(image.pixelColor(x, y), BAR) for x in range(0, image.width(), 3)
                   for y in range(0, image.height(), 3))


def test_a_screen_reader_hears_the_same_fortnight(chart):
    assert chart.accessibleName() == "Sessions and pain over the last 14 days"
    chart.set_days(fortnight({0: 2, 5: 1, 9: 1}, {9: 6.0, 0: 4.5}, {9: 3.0, 5: 2.0}))
    assert chart.accessibleDescription() == (
        "4 sessions in the last 14 days. Pain before a session: 6.0 on 06 Mar, 4.5 on 15 Mar. "
        "Pain after a session: 3.0 on 06 Mar, 2.0 on 10 Mar.")
    chart.set_days(fortnight({0: 1}, {0: 4.5}))  # one rated day is said once
    assert chart.accessibleDescription() == ("1 session in the last 14 days. "
                                             "Pain before a session: 4.5 on 15 Mar.")
    chart.set_days(fortnight({0: 1}, after={0: 2.0}))  # only after: no "before" to hear
    assert chart.accessibleDescription() == ("1 session in the last 14 days. "
                                             "Pain after a session: 2.0 on 15 Mar.")
    chart.set_days(fortnight({}))
    assert "in the last 14 days" in chart.accessibleDescription()
    assert "Pain" not in chart.accessibleDescription()


def test_pain_before_is_a_solid_line_and_after_a_dashed_one_below_it(chart, monkeypatch):
    """Each session's relief is the space between the lines; they differ by more than colour."""
    lines: list[tuple[Qt.PenStyle, list[float]]] = []

    class RecordingPainter(QPainter):
        def drawPath(self, path):
            lines.append((self.pen().style(), [path.elementAt(i).y
                                               for i in range(path.elementCount())]))
            return super().drawPath(path)

    monkeypatch.setattr(trend_chart, "QPainter", RecordingPainter)
    chart.set_days(fortnight({0: 1, 1: 1, 2: 1}, {0: 7.0, 1: 8.0, 2: 6.0},
                             {0: 4.0, 2: 5.0}))
    chart.grab()
    styles = [style for style, _ in lines]
    assert styles == [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine]
    before, after = lines[0][1], lines[1][1]
    assert len(before) == 3 and len(after) == 2  # a day without a rating is left out
    assert after[0] > before[0] and after[1] > before[2]  # lower pain is lower down
    lines.clear()
    chart.set_days(fortnight({0: 1}, {0: 7.0}))
    chart.grab()
    assert [style for style, _ in lines] == [Qt.PenStyle.SolidLine]


def test_the_description_counts_in_english(chart):
    chart.set_days(fortnight({0: 2, 5: 1, 9: 1}))
    assert chart.accessibleDescription().startswith("4 sessions in the last 14 days")
    chart.set_days(fortnight({0: 1}))
    assert chart.accessibleDescription().startswith("1 session in the last 14 days")
