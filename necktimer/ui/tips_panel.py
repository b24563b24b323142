"""The self-care tips beside the timer: a list of topics and the chosen topic's page.

Every topic is reached with Tab and the arrow keys; the page's text takes focus
so a screen reader reads it. While a session runs its therapy's tip is shown;
otherwise the cold-therapy how-to.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFrame,
    QHBoxLayout,
    QListWidgetItem,
    QScrollArea,
    QScrollBar,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from necktimer.core.i18n import translate
from necktimer.core.rules import Therapy
from necktimer.core.tips import Tip, TipBook
from necktimer.ui.focus_label import FocusLabel
from necktimer.ui.rich_text import escape
from necktimer.ui.ringed_list import RingedList
from necktimer.ui.warning_signs import WarningSigns

IDLE_TOPIC = "ice"


class TipsPanel(QFrame):
    """One page per tip: massage, NSAIDs, cold, heat, rest, physician.

    A page is built the first time it is shown: five pages of rich text and the
    warning-sign checklist cost ~3 MiB at start-up, for pages most launches never open.
    """

    topicChanged = Signal(str)
    warningSignsAnswered = Signal(list)  # the ticked keys, each time the answer changes

    def __init__(self, book: TipBook, parent: QWidget | None = None, *,
                 ticked: tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("tipsPanel")
        self.setAccessibleName(self.tr("Self-care tips"))
        self._book = book
        self._ticked = ticked  # the checklist's last answer, for when its page is built
        self._tips = {tip.key: tip for tip in book.tips}
        self._keys = list(self._tips)
        self._built: dict[str, QScrollArea] = {}
        self.texts: dict[str, TipText] = {}  # the pages built so far, by topic
        self._warning_signs: WarningSigns | None = None
        self.topics = RingedList()
        self.topics.setObjectName("tipTopics")
        self.topics.setAccessibleName(self.tr("Tip topics"))
        self.topics.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.pages = QStackedWidget()
        for tip in book.tips:
            item = QListWidgetItem(tip.title)
            item.setToolTip(tip.title)
            self.topics.addItem(item)
        metrics = self.topics.fontMetrics()
        width = max(metrics.horizontalAdvance(tip.title) for tip in book.tips)
        # As wide as the longest topic (wrapped beyond 14 em), never wider.
        margins = self.topics.viewportMargins()
        width = (min(width, metrics.averageCharWidth() * 28) + 2 * self.topics.frameWidth()
                 + margins.left() + margins.right() + 16)
        self.topics.setFixedWidth(width)
        self.topics.setWordWrap(True)
        self.topics.currentRowChanged.connect(self._show_row)
        # A screen reader picks a topic by selecting it (AT-SPI's Selection), which
        # does not move the current row: the page must follow the selection too.
        self.topics.itemSelectionChanged.connect(self._follow_selection)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.topics)
        layout.addWidget(self.pages, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.show_tip(IDLE_TOPIC)

    def sizeHint(self) -> QSize:
        # Each page scrolls by itself, so the tips ask for no height of their own: they
        # take what the timer's column leaves, and never make the window scroll.
        return QSize(super().sizeHint().width(), self.minimumHeight())

    def hasHeightForWidth(self) -> bool:
        return False

    def least_height(self) -> int:
        """The height that shows every topic (a page scrolls by itself)."""
        rows = sum(self.topics.sizeHintForRow(row) for row in range(self.topics.count()))
        margins = self.topics.viewportMargins()
        return rows + 2 * self.topics.frameWidth() + margins.top() + margins.bottom()

    @property
    def warning_signs(self) -> WarningSigns:
        """The physician page's checklist (that page is built if it was not yet)."""
        self.page("physician")
        assert self._warning_signs is not None
        return self._warning_signs

    def show_warning_signs(self, ticked: tuple[str, ...]) -> None:
        """Tick the checklist as last answered (from any window, before a restart too)."""
        self._ticked = ticked
        if self._warning_signs is not None:
            self._warning_signs.show_ticked(ticked)

    def text(self, key: str) -> TipText:
        """The text of a topic's page (built if it was not yet)."""
        self.page(key)
        return self.texts[key]

    def page(self, key: str) -> QScrollArea:
        """A topic's page, built the first time it is asked for."""
        if key not in self._built:
            page = self._build_page(self._tips[key])
            self._built[key] = page
            self.pages.addWidget(page)
            # Tab goes from the topics to the page shown and through its checklist (a
            # page built later would otherwise come last in the window's focus chain).
            chain = [self.topics, self.texts[key]]
            if key == "physician":
                chain += list(self.warning_signs.boxes.values())
            for first, second in itertools.pairwise(chain):
                self.setTabOrder(first, second)
        return self._built[key]

    def _build_page(self, tip: Tip) -> QScrollArea:
        text = TipText(tip_html(tip, self._book))
        text.setObjectName(f"tip-{tip.key}")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                     | Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        text.setAccessibleName(tip.title)
        text.setAccessibleDescription(" ".join(tip.paragraphs + tip.precautions))
        self.texts[tip.key] = text
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(8, 4, 8, 8)
        column.addWidget(text)
        if tip.key == "physician":
            self._warning_signs = WarningSigns(self._book.warning)
            self._warning_signs.show_ticked(self._ticked)
            self._warning_signs.answered.connect(self.warningSignsAnswered)
            column.addWidget(self._warning_signs)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(inner)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setAccessibleName(tip.title)
        # The text takes focus and scrolls the page (TipText); a focus stop of the scroll
        # area's own after the checklist showed nothing where focus was.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        text.scroll_bar = scroll.verticalScrollBar()
        return scroll

    @property
    def current_key(self) -> str:
        return self._keys[self.topics.currentRow()]

    def show_tip(self, key: str) -> None:
        self.topics.setCurrentRow(self._keys.index(key))

    def bring_forward(self, therapy: Therapy | None) -> None:
        """The running therapy's tip, or the cold-therapy how-to when nothing runs."""
        self.show_tip(therapy.value if therapy is not None else IDLE_TOPIC)

    def _follow_selection(self) -> None:
        selected = self.topics.selectedItems()
        if selected:
            self.topics.setCurrentItem(selected[0])

    def _show_row(self, row: int) -> None:
        if row >= 0:
            key = self._keys[row]
            self.pages.setCurrentWidget(self.page(key))
            self.topicChanged.emit(key)


class TipText(FocusLabel):
    """A tip page's text, which the reading keys scroll, as in a browser: the label's
    own (invisible) text cursor took the arrows and Home/End and left the page where
    it was. Shift with them still selects text to copy."""

    scroll_bar: QScrollBar | None = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = _reading_keys().get(Qt.Key(event.key()))
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                      Qt.KeyboardModifier.KeypadModifier)
        if action is not None and plain and self.scroll_bar is not None:
            self.scroll_bar.triggerAction(action)
            event.accept()
            return
        super().keyPressEvent(event)


def _reading_keys() -> dict[Qt.Key, QAbstractSlider.SliderAction]:
    step = QAbstractSlider.SliderAction
    return {Qt.Key.Key_Up: step.SliderSingleStepSub, Qt.Key.Key_Down: step.SliderSingleStepAdd,
            Qt.Key.Key_PageUp: step.SliderPageStepSub,
            Qt.Key.Key_PageDown: step.SliderPageStepAdd,
            Qt.Key.Key_Home: step.SliderToMinimum, Qt.Key.Key_End: step.SliderToMaximum}


def tip_html(tip: Tip, book: TipBook) -> str:
    parts = [f"<h3>{escape(tip.title)}</h3>"]
    parts += [f"<p>{escape(text)}</p>" for text in tip.paragraphs]
    if tip.precautions:
        # Each list says what it is: the medicine warnings are not pack advice.
        note = ""
        if tip.key == "physician":
            heading = translate("TipsPanel", "Get care at once")
        elif tip.key == "nsaids":
            heading = translate("TipsPanel", "Before you take a pain reliever")
        else:
            heading = translate("TipsPanel", "General precautions for packs")
            note = f"<p><i>{escape(book.precautions_note)}</i></p>"
        items = "".join(f"<li>{escape(text)}</li>" for text in tip.precautions)
        parts.append(f"<p><b>{escape(heading)}</b></p><ul style='margin-left:12px'>"
                     f"{items}</ul>{note}")
    return "".join(parts)
