"""The self-care tips shown beside the timer: one file per language in resources/tips/.

English (`en.json`) is complete and is the fallback: a language's file is used
only when it has every topic, every precaution and the warning text, which a
test checks for every file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from necktimer.core.resources import resource
from necktimer.core.value import value

# The panels the window must show, in the order it lists them.
REQUIRED_KEYS = ("massage", "nsaids", "ice", "heat", "rest", "physician")
FALLBACK = "en"


@value
class Tip:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    precautions: tuple[str, ...]


@value
class TipBook:
    language: str
    disclaimer: str
    warning: str  # what to do when a warning sign is ticked
    precautions_note: str  # says the pack precautions are general advice
    tips: tuple[Tip, ...]
    short_disclaimer: str | None = None  # its first sentence, for a short window

    def get(self, key: str) -> Tip:
        for tip in self.tips:
            if tip.key == key:
                return tip
        raise KeyError(key)


def tips_dir() -> Path:
    return resource("tips")


def available_languages() -> list[str]:
    return sorted(path.stem for path in tips_dir().glob("*.json"))


def load_tips(path: Path | None = None) -> TipBook:
    """One tips file, checked: every panel present, in the window's order."""
    path = path or tips_dir() / f"{FALLBACK}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    tips = tuple(
        Tip(
            key=item["key"],
            title=item["title"],
            paragraphs=tuple(item["paragraphs"]),
            precautions=tuple(item.get("precautions", ())),
        )
        for item in data["tips"]
    )
    keys = tuple(tip.key for tip in tips)
    missing = [key for key in REQUIRED_KEYS if key not in keys]
    if missing:
        raise ValueError(f"{path.name} lacks the panels {', '.join(missing)}")
    order = {key: index for index, key in enumerate(REQUIRED_KEYS)}
    tips = tuple(sorted(tips, key=lambda tip: order.get(tip.key, len(order))))
    return TipBook(language=data.get("language", path.stem), disclaimer=data["disclaimer"],
                   warning=data["warning"], precautions_note=data["general_precautions_note"],
                   tips=tips, short_disclaimer=data.get("disclaimer_short"))


def tips_for(languages: Sequence[str]) -> TipBook:
    """The tips in the first of `languages` (like 'de-DE' or 'de') that has a file, else English."""
    have = set(available_languages())
    for language in languages:
        code = language.replace("_", "-").split("-")[0].lower()
        if code in have:
            return load_tips(tips_dir() / f"{code}.json")
    return load_tips()
