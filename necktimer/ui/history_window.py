"""The History window: the session table with filters, the 14-day chart, CSV and PDF export."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QPoint, QRegularExpression, QSize, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QPen,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from necktimer.core import diary
from necktimer.core.diary import NOTE_LIMIT
from necktimer.core.files import write_atomically
from necktimer.core.i18n import Translatable, arg, date_pattern, local, start_of_day, today
from necktimer.core.queries import HistoryFilter, SortKey
from necktimer.core.rules import Therapy
from necktimer.core.service import SessionService
from necktimer.ui import accessibility
from necktimer.ui.disclaimer_label import DisclaimerLabel
from necktimer.ui.enter_presses import press_focused_button
from necktimer.ui.flow_layout import FlowLayout, together
from necktimer.ui.history_model import COLUMNS, HistoryModel, usual_actual_texts
from necktimer.ui.screen_room import fit_to_room
from necktimer.ui.sort_arrow_header import SortArrowHeader
from necktimer.ui.sort_menu import SortMenu
from necktimer.ui.trend_chart import TrendChart
from necktimer.ui.wheel_guard import guard_wheel

log = logging.getLogger("necktimer.history")
SAVED_SHOWN_MS = 15_000  # how long "Saved …" stands in for the count


class HistoryText(Translatable):
    def sessions(self, n: int) -> str:
        return self.tr("%n session(s)", "", n)


class CurrentCellDelegate(QStyledItemDelegate):
    """Outlines the current cell while the table has focus. With whole rows selected, the
    style drew nothing to tell which cell F2 would edit (the pain after, or the note)."""

    def paint(self, painter, option, index) -> None:
        super().paint(painter, option, index)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.save()
            pen = QPen(option.palette.color(QPalette.ColorRole.HighlightedText), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(option.rect.adjusted(1, 1, -2, -2))
            painter.restore()


class PainDelegate(CurrentCellDelegate):
    """A pain cell takes 0 to 10, or nothing to clear it: "11" cannot even be typed, where
    it was once accepted by the editor and then dropped without a word."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setValidator(QRegularExpressionValidator(QRegularExpression("(10|[0-9])?"),
                                                        editor))
        editor.setPlaceholderText("0–10")
        editor.setAccessibleName(self.tr("Pain, 0 to 10 (empty: not rated)"))
        # A refused key is said: "12" typed left "1" in the cell, and saved that, silently.
        editor.inputRejected.connect(lambda: self._refused(editor))
        return editor

    def _refused(self, editor: QLineEdit) -> None:
        text = self.tr("Pain is rated from 0 to 10.")
        QToolTip.showText(editor.mapToGlobal(QPoint(0, editor.height())), text, editor)
        accessibility.announce(editor, text)


class NoteDelegate(CurrentCellDelegate):
    """A note stops at the length the history keeps: typing or pasting more is cut at the
    editor, where the user sees it, instead of the whole edit being dropped on saving."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setMaxLength(NOTE_LIMIT)
        editor.setAccessibleName(arg(self.tr("Note, at most %1 characters"), NOTE_LIMIT))
        return editor


class RowsFirstSplitter(QSplitter):
    """The sessions above, the chart below: about a third of the height for the chart, up
    to the height it wants. On a short screen (2x, a large font) the rows come first: the
    chart gives way down to its minimum, then folds away to the handle, which drags it
    back. Once the user drags the handle, it stays where it was put."""

    ROWS_FIRST = 3  # rows kept in sight before the chart is given any room

    def __init__(self, rows: QTableView, chart: QWidget) -> None:
        super().__init__(Qt.Orientation.Vertical)
        self.addWidget(rows)
        self.addWidget(chart)
        self.setCollapsible(0, False)
        rows.stackUnder(chart)  # a screen reader reads the children in this order too
        self._rows = rows
        self._chart = chart
        self.dragged = False
        self.splitterMoved.connect(self._moved)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self.dragged:
            self.share()

    def rows_first_height(self) -> int:
        """The height that shows the header and ROWS_FIRST rows (and a sideways scroll bar)."""
        rows = self._rows
        return (rows.horizontalHeader().sizeHint().height() + 2 * rows.frameWidth()
                + self.ROWS_FIRST * rows.verticalHeader().defaultSectionSize()
                + rows.horizontalScrollBar().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        # The rows' three lines, not the chart's minimum too: the chart folds away first.
        return QSize(super().minimumSizeHint().width(),
                     self.rows_first_height() + self.handleWidth())

    def share(self) -> None:
        total = sum(self.sizes())
        if total <= 0:
            return
        needed = self.rows_first_height()
        least = self._chart.minimumSizeHint().height()
        chart = min(self._chart.sizeHint().height(), max(least, round(total * 0.35)),
                    total - needed)
        if chart < least:
            chart = 0
        self.setSizes([total - chart, chart])

    def _moved(self, *_args) -> None:
        self.dragged = True


class AtLeastPage(QWidget):
    """A scroll area's page that takes the view's height where that is enough, and only
    then its own least height: asked its height for a width, a layout that wraps gives
    the height it would like, and the page scrolled even where everything fitted."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else -1


class SessionTable(QTableView):
    """The sessions' table. Its Actual column fits a session of any ending, not the longest
    "pack off … late" in the history: that one pushed the pain ratings, the point of the
    diary, out of sight at 2x (outside tester). The rest of such a text is elided."""

    ACTUAL = next(i for i, column in enumerate(COLUMNS) if column.key is SortKey.ACTUAL)

    def sizeHintForColumn(self, column: int) -> int:
        hint = super().sizeHintForColumn(column)
        if column != self.ACTUAL:
            return hint
        metrics = self.fontMetrics()
        padding = 2 * metrics.horizontalAdvance(" ") + 2 * self.style().pixelMetric(
            QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        usual = max(metrics.horizontalAdvance(text) for text in usual_actual_texts())
        return min(hint, usual + padding)


class HistoryWindow(QMainWindow):
    """A window of its own (a main window, so that a screen reader meets it as a window
    with a title, where a plain widget was a nameless "filler")."""

    def __init__(self, service: SessionService, disclaimer: str,
                 parent: QWidget | None = None, *, short_disclaimer: str | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._service = service
        self._disclaimer = disclaimer  # whole, as the PDF carries it
        self._short_disclaimer = short_disclaimer  # on a short window
        # Qt adds the application's name to the title on its own.
        self.setWindowTitle(self.tr("History"))
        self.setObjectName("historyWindow")

        filters = self._build_filters()
        self._build_table()
        buttons = self._build_buttons()

        # The user shares the height between rows and chart; on a short screen (2x) the
        # rows get it first, and the chart may be dragged away altogether.
        self.split = RowsFirstSplitter(self.table, self.chart)
        # Titles on two lines make the header taller: the rows' least height grows with it.
        self.table.horizontalHeader().geometriesChanged.connect(self.split.updateGeometry)
        self.split.handle(1).setToolTip(self.tr("Drag to share the room between the "
                                                "sessions and the chart"))
        central = AtLeastPage()
        layout = QVBoxLayout(central)
        layout.addLayout(filters)
        layout.addWidget(self.split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.disclaimer)
        # On a short screen (2x, a large font, German) the filters, buttons and disclaimer
        # left the rows one and a half lines: the rows keep three, and the page scrolls.
        self.page = QScrollArea()
        self.page.setWidget(central)
        self.page.setWidgetResizable(True)
        self.page.setFrameShape(QFrame.Shape.NoFrame)
        self.page.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop that showed nothing
        self.setCentralWidget(self.page)

        self.therapy.currentIndexChanged.connect(self.apply_filter)
        self.whole.toggled.connect(self.apply_filter)
        self.since.dateChanged.connect(self.apply_filter)
        self.until.dateChanged.connect(self.apply_filter)
        self.sorting.changed.connect(self._show_count)
        self.export_csv.clicked.connect(
            lambda: self._ask_path(self.tr("CSV files (*.csv)"), ".csv", self.write_csv))
        self.export_pdf.clicked.connect(
            lambda: self._ask_path(self.tr("PDF files (*.pdf)"), ".pdf", self.write_pdf))
        fit_to_room(self, QSize(880, 620))
        close = QAction(self)
        close.setShortcuts(QKeySequence.StandardKey.Close)  # Ctrl+W, Ctrl+F4
        close.triggered.connect(self.close)
        self.addAction(close)
        self.refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape closes, as in a dialog. It comes here only when no control wanted it:
        # a cell being edited or an open date picker takes its own Escape first.
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.close()
            return
        if not press_focused_button(self, event):
            super().keyPressEvent(event)

    def _build_filters(self) -> FlowLayout:
        self.therapy = QComboBox()
        self.therapy.addItem(self.tr("Ice and heat"), None)
        self.therapy.addItem(self.tr("Ice only"), Therapy.ICE.value)
        self.therapy.addItem(self.tr("Heat only"), Therapy.HEAT.value)
        self.therapy.setAccessibleName(self.tr("Show therapy"))
        self.whole = QCheckBox(self.tr("&All dates"))
        self.whole.setChecked(True)
        now = self._today()
        self.since = QDateEdit(QDate(now - timedelta(days=diary.CHART_DAYS - 1)))
        self.until = QDateEdit(QDate(now))
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_pattern())  # as the table writes its dates
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        guard_wheel(self.therapy, self.since, self.until)
        label = QLabel(self.tr("&Show:"))
        label.setBuddy(self.therapy)
        # One row where there is room; on a narrow screen it wraps, keeping each date
        # with its word.
        filters = FlowLayout()
        for group in ((label, self.therapy), (self.whole,),
                      (QLabel(self.tr("from")), self.since), (QLabel(self.tr("to")), self.until)):
            filters.addWidget(together(*group))

        return filters

    def _build_table(self) -> None:
        self.model = HistoryModel(self._service, self)
        # A rating edited in a cell is a point on the chart: drawn (and described) at once,
        # not at the next opening. Reading 14 days back is a bounded query.
        self.model.dataChanged.connect(lambda *_: self._update_chart())
        self.model.edited.connect(self._say)
        self.table = SessionTable()
        header = SortArrowHeader(self.table)
        header.wrapTitles.connect(self.model.wrap_titles)
        self.table.setHorizontalHeader(header)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        # Tab leaves the table for the next control, as everywhere else; the arrow keys
        # move between cells. (Qt's own Tab went from cell to cell and never out: a
        # keyboard user could not reach the filters or the exports.)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setAccessibleDescription(
            self.tr("The Menu key or Shift+F10 offers the orders to sort by."))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegate(CurrentCellDelegate(self.table))
        self._pain_editor = PainDelegate(self.table)
        self._note_editor = NoteDelegate(self.table)
        for column, spec in enumerate(COLUMNS):
            if spec.key in (SortKey.PAIN_BEFORE, SortKey.PAIN_AFTER):
                self.table.setItemDelegateForColumn(column, self._pain_editor)
            elif spec.key is SortKey.NOTE:
                self.table.setItemDelegateForColumn(column, self._note_editor)
        self.sorting = SortMenu(self.table)

    def _build_buttons(self) -> FlowLayout:
        self.count = QLabel()
        self.count.setWordWrap(True)
        self.saved_timer = QTimer(self)
        self.saved_timer.setSingleShot(True)
        self.saved_timer.setInterval(SAVED_SHOWN_MS)
        self.saved_timer.timeout.connect(self._show_count)
        self.chart = TrendChart()
        self.export_csv = QPushButton(self.tr("Export &CSV…"))
        self.export_pdf = QPushButton(self.tr("Save &PDF summary for a physician…"))
        for button in (self.export_csv, self.export_pdf):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        buttons = FlowLayout(fill_first=True)  # wraps where the window is narrow
        for widget in (self.count, self.export_csv, self.export_pdf):
            buttons.addWidget(widget)
        self.disclaimer = DisclaimerLabel(self._disclaimer, self._short_disclaimer)

        return buttons

    def _today(self) -> date:
        return today(self._service.now())

    def _day_start(self, day: date) -> datetime:
        """Midnight at the start of `day` in the user's zone (its own offset, even across
        a daylight-saving change)."""
        return start_of_day(day)

    def current_filter(self) -> HistoryFilter:
        data = self.therapy.currentData()
        therapy = Therapy(data) if data else None
        if self.whole.isChecked():
            return HistoryFilter(therapy)
        first = self.since.date().toPython()
        last = self.until.date().toPython()
        return HistoryFilter(therapy, self._day_start(first),
                             self._day_start(last + timedelta(days=1)))

    def apply_filter(self) -> None:
        for edit in (self.since, self.until):
            edit.setEnabled(not self.whole.isChecked())
        self.model.set_filter(self.current_filter())
        self._update_chart()
        self._show_count()

    def refresh(self) -> None:
        self.model.reload()
        self._update_chart()
        self._show_count()

    def _chart_end(self) -> date:
        """The chart's last day: today, or the last day of a date range that ends sooner."""
        today = self._today()
        return today if self.whole.isChecked() else min(today, self.until.date().toPython())

    def _recent_days(self) -> list[diary.Day]:
        """The chart's 14 days, of the sessions the filters show (their therapy, their
        dates): the chart had shown every session whatever the table did."""
        where, last = self.current_filter(), self._chart_end()
        days = diary.CHART_DAYS
        if not self.whole.isChecked():  # a shorter range: its own days, none before it
            days = max(1, min(days, (last - self.since.date().toPython()).days + 1))
        since = self._day_start(diary.chart_start(last, days))
        recent = self._service.sessions_between(
            since, self._day_start(last + timedelta(days=1)), where.therapy)
        return diary.last_days(recent, last, days)

    def _update_chart(self) -> None:
        self.chart.set_days(self._recent_days(), today=self._today(),
                            therapy=self.current_filter().therapy)

    def _show_count(self) -> None:
        self.saved_timer.stop()
        self.count.setText(arg(self.tr("%1 · %2", "the count of sessions, then their order"),
                               HistoryText().sessions(self.model.total), self.sorting.words()))

    def _say(self, text: str, *, failed: bool = False) -> None:
        """What an edit or an export did, in the count's place (and to a screen reader):
        "Saved" for a while, a failure until the user next changes what is shown."""
        self.count.setText(text)
        accessibility.announce(self, text)
        if failed:
            self.saved_timer.stop()
        else:
            self.saved_timer.start()

    # -- export -------------------------------------------------------------------------

    def _filtered_sessions(self):
        where = self.current_filter()
        return self._service.sessions_between(where.since, where.until, where.therapy)

    def write_csv(self, path: Path) -> Path:
        # With a byte-order mark: without one, a spreadsheet on Windows reads the notes'
        # accents and dashes as another encoding's letters.
        write_atomically(path, diary.to_csv(self._filtered_sessions()).encode("utf-8-sig"))
        log.info("exported CSV to %s", path)
        return path

    def write_pdf(self, path: Path) -> Path:
        from necktimer.ui.pdf_report import pdf_bytes, summary_html

        sessions = list(reversed(self._filtered_sessions()))  # newest first, as in the table
        where, last = self.current_filter(), self._chart_end()
        if self.whole.isChecked():
            first = local(sessions[-1].started_at).date() if sessions else last
        else:  # the period asked for, not the dates the sessions happen to fall on
            first = min(self.since.date().toPython(), last)
        document = summary_html(
            sessions, first, last, self._recent_days(),
            self._service.physician_advice(ignore_snooze=True),
            self._service.warning_sign_answers(self._day_start(first)),
            self._service.now(), self._service.gap, self._disclaimer,
            therapy=where.therapy,
            filtered=where.therapy is not None or not self.whole.isChecked())
        write_atomically(path, pdf_bytes(document))
        log.info("saved PDF summary to %s", path)
        return path

    def _ask_path(self, file_filter: str, suffix: str, writer) -> None:
        dialog = QFileDialog(self, self.tr("Save as"),
                             str(Path.home() / f"necktimer-diary{suffix}"), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix.lstrip("."))

        def chosen(name: str) -> None:
            try:
                writer(Path(name))
                self._say(arg(self.tr("Saved %1"), name))
            except OSError as error:
                self._say(arg(self.tr("Could not save %1: %2"), name,
                              error.strerror or str(error)), failed=True)

        dialog.fileSelected.connect(chosen)
        dialog.open()
        self._dialog = dialog
