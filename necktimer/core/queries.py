"""The shapes of the questions History asks the service: which sessions, in which order."""

from __future__ import annotations

import enum
from datetime import datetime

from necktimer.core.rules import Therapy
from necktimer.core.value import value


class SortKey(enum.StrEnum):
    """History's sortable columns; the store backs every one with an index."""

    STARTED = "started_at"
    THERAPY = "therapy"
    PLANNED = "planned_s"
    ACTUAL = "actual_s"
    PAIN_BEFORE = "pain_before"
    PAIN_AFTER = "pain_after"
    NOTE = "note"


@value
class HistoryFilter:
    therapy: Therapy | None = None
    since: datetime | None = None
    until: datetime | None = None
