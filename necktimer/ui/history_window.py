"""The History window: the session table with filters, the 14-day chart, CSV and PDF export."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from necktimer import DISPLAY_NAME
from necktimer.core import diary
from necktimer.core.rules import Therapy
from necktimer.core.service import SessionService
from necktimer.ui.history_model import COLUMNS, Filter, HistoryModel
from necktimer.ui.pdf_report import summary_html, write_pdf
from necktimer.ui.trend_chart import TrendChart

log = logging.getLogger("necktimer.history")


class HistoryWindow(QWidget):
    def __init__(self, service: SessionService, local_tz: tzinfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.service = service
        self._local_tz = local_tz
        self.setWindowTitle(f"{DISPLAY_NAME} — history")
        self.setObjectName("historyWindow")

        self.therapy = QComboBox()
        self.therapy.addItem("Ice and heat", None)
        self.therapy.addItem("Ice only", Therapy.ICE.value)
        self.therapy.addItem("Heat only", Therapy.HEAT.value)
        self.therapy.setAccessibleName("Show therapy")
        self.whole = QCheckBox("&All dates")
        self.whole.setChecked(True)
        today = self._today()
        self.since = QDateEdit(QDate(today - timedelta(days=13)))
        self.until = QDateEdit(QDate(today))
        for edit, name in ((self.since, "From date"), (self.until, "To date")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setAccessibleName(name)
            edit.setEnabled(False)
        filters = QHBoxLayout()
        label = QLabel("&Show:")
        label.setBuddy(self.therapy)
        filters.addWidget(label)
        filters.addWidget(self.therapy)
        filters.addSpacing(12)
        filters.addWidget(self.whole)
        filters.addWidget(QLabel("from"))
        filters.addWidget(self.since)
        filters.addWidget(QLabel("to"))
        filters.addWidget(self.until)
        filters.addStretch(1)

        self.model = HistoryModel(service, local_tz, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(
            len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.setAlternatingRowColors(True)
        self.table.setAccessibleName("Sessions")
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("2026-12-31 23:59") + 24)
        for column in range(1, len(COLUMNS) - 1):
            header.resizeSection(column, self.fontMetrics().horizontalAdvance("Pain before") + 28)

        self.count = QLabel()
        self.chart = TrendChart()
        self.export_csv = QPushButton("Export &CSV…")
        self.export_pdf = QPushButton("Save &PDF summary for a physician…")
        for button in (self.export_csv, self.export_pdf):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        buttons.addWidget(self.export_csv)
        buttons.addWidget(self.export_pdf)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.chart, 1)
        layout.addLayout(buttons)

        self.therapy.currentIndexChanged.connect(self.apply_filter)
        self.whole.toggled.connect(self.apply_filter)
        self.since.dateChanged.connect(self.apply_filter)
        self.until.dateChanged.connect(self.apply_filter)
        self.export_csv.clicked.connect(lambda: self._ask_path("CSV files (*.csv)", ".csv",
                                                               self.write_csv))
        self.export_pdf.clicked.connect(lambda: self._ask_path("PDF files (*.pdf)", ".pdf",
                                                               self.write_pdf))
        self.resize(860, 620)
        self.refresh()

    def _today(self):
        return self.service.now().astimezone(self._local_tz).date()

    def _day_start(self, day) -> datetime:
        return datetime.combine(day, time(0), self._local_tz).astimezone()

    def current_filter(self) -> Filter:
        data = self.therapy.currentData()
        therapy = Therapy(data) if data else None
        if self.whole.isChecked():
            return Filter(therapy)
        first = self.since.date().toPython()
        last = self.until.date().toPython()
        return Filter(therapy, self._day_start(first), self._day_start(last + timedelta(days=1)))

    def apply_filter(self) -> None:
        for edit in (self.since, self.until):
            edit.setEnabled(not self.whole.isChecked())
        self.model.set_filter(self.current_filter())
        self._show_count()

    def refresh(self) -> None:
        self.model.reload()
        today = self._today()
        recent = self.service.store.query_sessions(since=self._day_start(
            today - timedelta(days=13)), descending=False)
        self.chart.set_days(diary.last_days(recent, today, self._local_tz))
        self._show_count()

    def _show_count(self) -> None:
        total = self.model.total
        self.count.setText(f"{total} session{'s' if total != 1 else ''}")

    # -- export -------------------------------------------------------------------------

    def _filtered_sessions(self):
        f = self.current_filter()
        return self.service.store.query_sessions(therapy=f.therapy, since=f.since,
                                                 until=f.until, descending=False)

    def write_csv(self, path: Path) -> Path:
        path.write_text(diary.to_csv(self._filtered_sessions(), self._local_tz),
                        encoding="utf-8", newline="")
        log.info("exported CSV to %s", path)
        return path

    def write_pdf(self, path: Path) -> Path:
        sessions = list(reversed(self._filtered_sessions()))  # newest first in the table
        today = self._today()
        first = (sessions[-1].started_at.astimezone(self._local_tz).date()
                 if sessions else today)
        recent = self.service.store.query_sessions(
            since=self._day_start(today - timedelta(days=13)), descending=False)
        since = self._day_start(first)
        document = summary_html(
            sessions, first, today, diary.last_days(recent, today, self._local_tz),
            self.service.physician_advice_ignoring_snooze(),
            self.service.store.warning_sign_answers(since), self._local_tz, self.service.now())
        write_pdf(path, document)
        log.info("saved PDF summary to %s", path)
        return path

    def _ask_path(self, file_filter: str, suffix: str, writer) -> None:
        dialog = QFileDialog(self, "Save as", str(Path.home() / f"necktimer-diary{suffix}"),
                             file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix(suffix.lstrip("."))

        def chosen(name: str) -> None:
            try:
                writer(Path(name))
                self.count.setText(f"Saved {name}")
            except OSError as error:
                self.count.setText(f"Could not save {name}: {error.strerror}")

        dialog.fileSelected.connect(chosen)
        dialog.open()
        self._dialog = dialog
