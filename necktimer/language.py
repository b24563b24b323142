"""Installs the user's language and clock style for the window and the command line.

The language is the desktop's (LANGUAGE, LC_MESSAGES, LANG) unless the settings
pick one; times and dates follow LC_TIME through `QLocale.system()`, or the
picked language's conventions. Translations are Qt `.qm` files compiled from
`resources/translations/*.ts` (see `tools/translations.py`); Qt's own
`qtbase_*.qm` translates the standard dialogs' buttons.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTime, QTranslator

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
