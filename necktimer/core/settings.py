"""The user's settings as one typed object that only ever holds safe values.

The raw values come from a settings file a person may have edited by hand, so
each one is parsed and clamped into its safe range, and every value that had
to be changed is reported in a sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, fields
from datetime import timedelta

from necktimer.core import rules
from necktimer.core.i18n import arg, translate
from necktimer.core.value import value

SETTINGS_NAME = "settings.ini"  # in the data folder (necktimer.settings_io reads it)
MIN_GAP_MINUTES = int(rules.MIN_GAP.total_seconds() // 60)
MAX_GAP_MINUTES = int(rules.MAX_GAP.total_seconds() // 60)

THEMES = ("system", "light", "dark")
# Languages with a complete translation; "system" follows the desktop's language.
LANGUAGES = ("system", "en", "es", "de")
# How times are written: as the language writes them, or 24-hour or 12-hour whatever it is.
CLOCKS = ("system", "24", "12")


@value
class Settings:
    default_minutes: int = rules.DEFAULT_MINUTES  # also the last length the user chose
    gap_minutes: int = MIN_GAP_MINUTES
    sound: bool = True
    gap_reminder: bool = True
    heads_up: bool = True  # "1 minute left" before the end
    keep_in_tray: bool = True
    start_at_login: bool = False
    diary_prompts: bool = True  # ask for a pain rating at all
    ask_pain_before: bool = False  # also before the pack goes on, not only after
    theme: str = "system"
    language: str = "system"
    clock: str = "system"

    @property
    def gap(self) -> timedelta:
        return timedelta(minutes=self.gap_minutes)

    def to_raw(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_raw(cls, raw: Mapping[str, object]) -> tuple[Settings, list[str]]:
        """Build settings from stored values, clamping each; returns (settings, warnings)."""
        warnings: list[str] = []
        values: dict[str, object] = {}
        defaults = cls()
        for field in fields(cls):
            if field.name not in raw:
                continue
            default = getattr(defaults, field.name)
            value = raw[field.name]
            if isinstance(default, bool):
                parsed = _parse_bool(value)
                if parsed is None:
                    warnings.append(arg(translate("Settings", "Setting %1=%2 is not true or "
                                                              "false; using %3."),
                                        field.name, repr(value), str(default).lower()))
                    continue
                values[field.name] = parsed
            elif isinstance(default, str):
                choices = _CHOICES[field.name]
                text = str(value).strip() if isinstance(value, str) else None
                if text not in choices:
                    warnings.append(arg(translate("Settings", "Setting %1=%2 is not one of %3; "
                                                              "using %4."),
                                        field.name, repr(value), ", ".join(choices), default))
                    continue
                values[field.name] = text
            else:
                low, high = _RANGES[field.name]
                number = _parse_int(value)
                if number is None:
                    warnings.append(arg(translate("Settings", "Setting %1=%2 is not a whole "
                                                              "number; using %3."),
                                        field.name, repr(value), default))
                    continue
                clamped = min(max(number, low), high)
                if clamped != number:
                    warnings.append(arg(translate("Settings", "Setting %1=%2 is outside the "
                                                              "safe range %3–%4; using %5."),
                                        field.name, number, low, high, clamped))
                values[field.name] = clamped
        return cls(**values), warnings

    def replace(self, **changes: object) -> tuple[Settings, list[str]]:
        """A copy with `changes`, clamped like values read from a file."""
        merged = self.to_raw() | changes
        return Settings.from_raw(merged)


FIELDS = frozenset(field.name for field in fields(Settings))  # the keys of the file

_RANGES = {
    "default_minutes": (rules.MIN_MINUTES, rules.MAX_MINUTES),
    "gap_minutes": (MIN_GAP_MINUTES, MAX_GAP_MINUTES),
}
_CHOICES = {"theme": THEMES, "language": LANGUAGES, "clock": CLOCKS}


def _parse_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = value.strip().lower()
        if text in ("true", "yes", "on", "1"):
            return True
        if text in ("false", "no", "off", "0"):
            return False
    return None


def _parse_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        text = value.strip()
        # Plain digits: int() also took "2_40" and Arabic-Indic digits for 240.
        digits = text.removeprefix("-")
        if not (digits.isascii() and digits.isdigit()):
            return None
        if len(digits) > 18:  # int() refuses over 4,300 digits: a traceback at every start
            return -(10 ** 18) if text.startswith("-") else 10 ** 18
        return int(text)
    return None


def unreadable(data: bytes, keys: Iterable[str]) -> str | None:
    """Why a settings file that gave none of our settings could not be read, or None.

    QSettings reads anything without a complaint: a file saved as UTF-16, or junk above
    the [General] section, gave no setting at all and no word about it, and a longer gap
    written there was silently not in force."""
    if not data.strip() or FIELDS & set(keys):
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # the byte-order marks of UTF-16
        return translate("Settings", "it is UTF-16 text, not UTF-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return translate("Settings", "it is not UTF-8 text")
    if "\x00" in text:
        return translate("Settings", "it is not UTF-8 text")
    return translate("Settings", "none of its lines is a setting necktimer knows")

