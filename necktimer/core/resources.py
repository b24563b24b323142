"""Finds the resources folder in an installed wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


class ResourcesMissing(FileNotFoundError):
    """The install lacks the resources folder (tips, translations, icons)."""


def resources_dir() -> Path:
    """`necktimer/resources` when installed; the top-level `resources/` in a checkout."""
    for candidate in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        if (candidate / "tips" / "en.json").is_file():
            return candidate
    raise ResourcesMissing(
        f"necktimer's resources are missing (looked in {_PACKAGE / 'resources'} and "
        f"{_PACKAGE.parent / 'resources'}); reinstall necktimer."
    )


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def app_icon_path() -> Path:
    from necktimer import APP_ID

    return resource("icons", "hicolor", "scalable", "apps", f"{APP_ID}.svg")
