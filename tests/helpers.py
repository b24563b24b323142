"""Constants and small helpers the tests share (imported as `helpers`)."""

from datetime import UTC, datetime, timedelta, timezone

# A fixed zone with no daylight saving, so displayed times are the same everywhere.
LOCAL = timezone(timedelta(hours=1), "CET")
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 local
