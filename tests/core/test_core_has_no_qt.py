"""necktimer.core is pure Python: importing all of it loads no Qt module."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import necktimer.core


def core_modules():
    return [f"necktimer.core.{m.name}" for m in pkgutil.iter_modules(necktimer.core.__path__)]


def test_no_core_module_imports_qt_in_its_source():
    for path in Path(necktimer.core.__path__[0]).glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "PyQt", "shiboken")), f"{path}: {name}"
                assert not name.startswith("necktimer.ui"), f"{path}: {name}"


def test_importing_every_core_module_loads_no_qt():
    modules = core_modules()
    assert len(modules) >= 8
    code = (
        "import sys\n"
        + "".join(f"import {name}\n" for name in modules)
        + "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
