"""Installs the user's language and clock style for the window and the command line.

The language is the desktop's (LANGUAGE, LC_MESSAGES, LANG) unless the settings
pick one; times and dates follow LC_TIME through `QLocale.system()`, or the
picked language's conventions. Translations are Qt `.qm` files compiled from
`resources/translations/*.ts` (see `tools/translations.py`); Qt's own
`qtbase_*.qm` translates the standard dialogs' buttons.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTime, QTranslator

from necktimer.commands import Speech
from necktimer.core import i18n
from necktimer.core.resources import resource

log = logging.getLogger("necktimer.language")

_installed: list[QTranslator] = []  # kept alive: Qt does not own them


def locale_for(setting: str = "system") -> QLocale:
    return QLocale.system() if setting in ("", "system") else QLocale(setting)


def install(setting: str = "system", app: QCoreApplication | None = None) -> QLocale:
    """Use `setting`'s language and formats from now on; returns the locale in use."""
    locale = locale_for(setting)
    if setting not in ("", "system"):
        QLocale.setDefault(locale)
    ours = QTranslator()
    if not ours.load(locale, "necktimer", "_", str(resource("translations"))):
        ours = None  # English, or a language without a translation yet
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
    _installed.clear()
    if ours is not None:
        _installed.append(ours)
    if app is not None:
        qt = QTranslator()
        if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath
                                                            .TranslationsPath)):
            _installed.append(qt)
        for translator in _installed:
            app.installTranslator(translator)
    i18n.install(translator=_translator(ours), formats=_formats(locale))
    return locale


def speech_here(setting: str = "system") -> Speech:
    """This process's language, clock style and zone, to send along with a command."""
    if setting not in ("", "system"):
        return Speech(setting, setting, os.environ.get("TZ", ""))
    words = QLocale.system().uiLanguages()
    # Like the C library: LC_ALL, else the category's own variable, else LANG.
    clock = next((os.environ[name] for name in ("LC_ALL", "LC_TIME", "LANG")
                  if os.environ.get(name)), "C")
    return Speech(words[0].replace("-", "_") if words else "",
                  clock.split(".")[0].split("@")[0], os.environ.get("TZ", ""))


@contextlib.contextmanager
def speaking(speech: Speech | None) -> Iterator[None]:
    """Compose text as the asking terminal reads it (nothing changes for None)."""
    if speech is None:
        yield
        return
    translator, formats = _presentation(speech.ui, speech.time)
    with i18n.speaking(translator=translator, formats=formats, tz=_zone(speech.tz)):
        yield


@lru_cache(maxsize=8)
def _presentation(ui: str, time: str) -> tuple[i18n.Translator, i18n.Formats]:
    ours: QTranslator | None = QTranslator()
    if not ui or not ours.load(QLocale(ui), "necktimer", "_", str(resource("translations"))):
        ours = None
    return _translator(ours), _formats(QLocale(time or "C"))


def _zone(name: str):
    """The zone a TZ value names; ... (keep this process's) when unset or not a known name."""
    name = name.removeprefix(":")
    if not name:
        return ...
    # Imported here: zoneinfo brings sysconfig and its tables, and most starts have no TZ.
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (ValueError, OSError):  # a POSIX rule such as "EST5EDT,M3.2.0,M11.1.0"
        return ...


def _translator(translator: QTranslator | None) -> i18n.Translator:
    def translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
        found = translator.translate(context, text, disambiguation, n) if translator else ""
        if not found:
            return i18n.english(text, n)
        return found.replace("%n", str(n)) if n >= 0 else found

    return translate


def _formats(locale: QLocale) -> i18n.Formats:
    if locale.language() == QLocale.Language.C:
        return i18n.Formats()  # the C locale: 24-hour times and ISO dates
    short = QLocale.FormatType.ShortFormat
    pattern = locale.dateFormat(short)
    month_first = pattern.lstrip("d. /").startswith("M")
    # "25. Nov." where the locale writes its day with a point (German), else "25 Nov".
    day_month = "d. MMM" if pattern.startswith(("d.", "dd.")) else "d MMM"

    def time(moment: datetime) -> str:
        return locale.toString(QTime(moment.hour, moment.minute), short)

    def long_date(day: date) -> str:
        return locale.toString(QDate(day.year, day.month, day.day), short)

    def short_date(day: date) -> str:
        return locale.toString(QDate(day.year, day.month, day.day),
                               "MMM d" if month_first else day_month)

    def decimal(value: float) -> str:
        return locale.toString(float(value), "f", 1)

    return i18n.Formats(time=time, date=long_date, short_date=short_date, decimal=decimal)
