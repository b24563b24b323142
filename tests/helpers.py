"""Constants and small helpers the tests share (imported as `helpers`)."""

import os
import shutil
from datetime import UTC, datetime, timedelta, timezone

# A fixed zone with no daylight saving, so displayed times are the same everywhere.
LOCAL = timezone(timedelta(hours=1), "CET")
T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # 09:00 local


def as_nobody() -> list[str]:
    """Command prefix that drops root (which ignores file modes) to the user nobody."""
    if os.geteuid() != 0:
        return []
    assert shutil.which("setpriv"), "setpriv (util-linux) is needed to drop root"
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
