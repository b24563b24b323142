"""The self-care tips shown beside the timer, loaded from resources/tips.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from necktimer.core.resources import resource

# The panels the window must show, in the order it shows them.
REQUIRED_KEYS = ("massage", "nsaids", "ice", "heat", "rest", "physician")


@dataclass(frozen=True)
class Tip:
    key: str
    title: str
    paragraphs: tuple[str, ...]
    precautions: tuple[str, ...]


@dataclass(frozen=True)
class TipBook:
    disclaimer: str
    tips: tuple[Tip, ...]

    def get(self, key: str) -> Tip:
        for tip in self.tips:
            if tip.key == key:
                return tip
        raise KeyError(key)


def load_tips(path: Path | None = None) -> TipBook:
    data = json.loads((path or resource("tips.json")).read_text(encoding="utf-8"))
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
        raise ValueError(f"tips file lacks the panels {', '.join(missing)}")
    order = {key: index for index, key in enumerate(REQUIRED_KEYS)}
    tips = tuple(sorted(tips, key=lambda tip: order.get(tip.key, len(order))))
    return TipBook(disclaimer=data["disclaimer"], tips=tips)
