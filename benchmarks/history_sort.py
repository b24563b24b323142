"""Child process: opens necktimer's History window on a data folder and times sorting it.

    python history_sort.py DATA_DIR [REPEATS]

The History window has no command-line way in, so this is the one benchmark that
imports necktimer itself; everything that touches its internals is in
open_history(), to adapt when they change. Prints one JSON object: the time to
open the window, the row count, and for every column the seconds each ascending
and descending sort took (sort plus processEvents, REPEATS times each, interleaved
over the columns); or {"skip": reason} when the app's pieces cannot be used.
"""

from __future__ import annotations

import inspect
import json
import sys
import time
import traceback
from pathlib import Path


def open_history(data_dir: Path):
    """Start necktimer in this process, open History: (app, model, seconds to open, owner)."""
    from necktimer.ui.app import Necktimer, ensure_application

    app = ensure_application()
    if next(iter(inspect.signature(Necktimer).parameters)) == "data_dir":  # up to 07f6afe
        instance = Necktimer(data_dir, tray_available=False, dbus_address=None)
    else:  # the restructured app: Necktimer(service, settings, ...)
        from necktimer.core.clock import SystemClock
        from necktimer.core.service import SessionService
        from necktimer.settings_io import SettingsFile

        settings = SettingsFile(data_dir)
        service = SessionService.open(data_dir, SystemClock(), settings)
        instance = Necktimer(service, settings, tray_available=False, dbus_address=None)
    instance.start()
    app.processEvents()
    start = time.perf_counter()
    history = instance.show_history()
    app.processEvents()
    return app, history.model, time.perf_counter() - start, instance


def time_sorts(app, model, repeats: int) -> list[dict]:
    """Seconds per column and order, each sort followed by processEvents."""
    from PySide6.QtCore import Qt

    columns = [{"column": column,
                "name": str(model.headerData(column, Qt.Orientation.Horizontal) or column),
                "ascending_s": [], "descending_s": []}
               for column in range(model.columnCount())]
    orders = ((Qt.SortOrder.AscendingOrder, "ascending_s"),
              (Qt.SortOrder.DescendingOrder, "descending_s"))
    for _ in range(repeats):
        for column in columns:
            for order, key in orders:
                start = time.perf_counter()
                model.sort(column["column"], order)
                app.processEvents()
                column[key].append(time.perf_counter() - start)
    return columns


def main() -> int:
    """Open, sort, print the JSON result."""
    data_dir = Path(sys.argv[1])
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    try:
        app, model, opened, _instance = open_history(data_dir)
        columns = time_sorts(app, model, repeats)
        result = {"open_s": opened, "rows": model.rowCount(), "columns": columns}
    except Exception as error:  # an internal API moved: say so instead of crashing
        last = traceback.extract_tb(error.__traceback__)[-1]
        result = {"skip": f"{type(error).__name__}: {error} "
                          f"(at {Path(last.filename).name}:{last.lineno})"}
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
