"""Loads PySide6 once, without the import hook of its `__feature__` switch.

On import PySide6 replaces `builtins.__import__` with a hook that serves
`from __feature__ import snake_case, true_property`. To decide whether such a
switch could apply, the hook reads the whole source of every module imported
after PySide (`inspect.getsource`) and keeps it in `linecache`. necktimer
never uses `__feature__`, and in its start-up that reading cost about 30 ms and
3.5 MiB by the first paint. So Python's own import is put
back as soon as PySide has loaded; Qt classes still load lazily through the
PySide modules themselves, which is not affected.

Call `load()` before anything else imports PySide6: the command line does before
it imports `necktimer.language` (its first Qt user), and `necktimer.ui` does
when it is imported.
"""

from __future__ import annotations

import builtins
import sys


def load() -> None:
    """Import PySide6.QtCore, leaving Python's own `__import__` in place."""
    if "PySide6.QtCore" in sys.modules:
        return  # loaded by someone else (a test runner, say): leave their import alone
    python_import = builtins.__import__
    import PySide6.QtCore  # noqa: F401 - installs the hook

    if builtins.__import__ is not python_import:
        builtins.__import__ = python_import
