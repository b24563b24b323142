"""Where the XDG base directory specification puts a user's data and settings."""

from __future__ import annotations

import os
from pathlib import Path


def _base(variable: str, default: Path) -> Path:
    # The specification: a relative value is invalid and is ignored. Taken as it is,
    # it would name another folder in each working directory, and so another history.
    value = os.environ.get(variable, "")
    return Path(value) if os.path.isabs(value) else default


def data_home() -> Path:
    return _base("XDG_DATA_HOME", Path.home() / ".local" / "share")


def config_home() -> Path:
    return _base("XDG_CONFIG_HOME", Path.home() / ".config")


def state_home() -> Path:
    return _base("XDG_STATE_HOME", Path.home() / ".local" / "state")


def records_folder() -> Path:
    """Where the safety records' copies are kept, one per data folder (core/record.py):
    every process that writes a record writes its copy there too."""
    return state_home() / "necktimer" / "records"
