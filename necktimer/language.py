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
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from time import localtime

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTime, QTranslator

from necktimer.commands import Speech
from necktimer.core import i18n
from necktimer.core.resources import resource

log = logging.getLogger("necktimer.language")

_installed: list[QTranslator] = []  # kept alive: Qt does not own them
_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)")  # a UTC offset sent by sendable_zone


def locale_for(setting: str = "system") -> QLocale:
    return QLocale.system() if setting in ("", "system") else QLocale(setting)


def formats_locale(setting: str, locale: QLocale) -> QLocale:
    """The locale times and dates are written in: `locale`, or the C locale (24-hour times,
    ISO dates) where the desktop's LC_TIME is C or POSIX. With LANGUAGE=de beside
    LANG=C.UTF-8, Qt's system locale was German with the C library's "d MM yyyy" dates:
    History read "28 11 2026"."""
    if setting not in ("", "system"):
        return locale
    time = next((os.environ[name] for name in ("LC_ALL", "LC_TIME", "LANG")
                 if os.environ.get(name)), "C")
    return QLocale.c() if time.split(".")[0] in ("C", "POSIX") else locale


def install(setting: str = "system", app: QCoreApplication | None = None,
            clock: str = "system") -> QLocale:
    """Use `setting`'s language and formats, with times in `clock`'s style, from now on;
    returns the locale in use."""
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
    i18n.install(translator=_translator(ours),
                 formats=formats_for(formats_locale(setting, locale), clock))
    return locale


def use_clock(setting: str, clock: str) -> None:
    """Write times in `clock`'s style from now on; the language stays `setting`'s, the one
    installed (see Controller: a language just picked applies at the next start)."""
    i18n.install(formats=formats_for(formats_locale(setting, locale_for(setting)), clock))


def speech_here(setting: str = "system") -> Speech:
    """This process's language, clock style and zone, to send along with a command."""
    zone = sendable_zone()
    if setting not in ("", "system"):
        return Speech.sendable(setting, setting, zone)
    words = QLocale.system().uiLanguages()
    # Like the C library: LC_ALL, else the category's own variable, else LANG.
    clock = next((os.environ[name] for name in ("LC_ALL", "LC_TIME", "LANG")
                  if os.environ.get(name)), "C")
    return Speech.sendable(words[0].replace("-", "_") if words else "",
                           clock.split(".")[0].split("@")[0], zone)


def sendable_zone() -> str:
    """This process's TZ as a window can read it: "" for unset (the machine's zone), the
    zone's name when a zone file has it, and otherwise this process's present UTC offset
    ("+05:30"), as the C library reads TZ here (an empty TZ is UTC to it).

    Otherwise covers what only the C library here reads: a POSIX rule such as
    "EST5EDT,M3.2.0,M11.1.0", a path to a zone file, a name it takes as UTC. Sent
    as they are, the window could not read them, and the command was refused or
    its answer lost. An offset puts the answer's times an hour off if it changes
    before them (the night the clocks change); a `last-applied` time does not depend
    on it, since the terminal sends its moment (`commands.when_here`).
    """
    if "TZ" not in os.environ:
        return ""
    name = os.environ["TZ"].removeprefix(":")
    if name and _zone_file(name) is not None:
        return name
    minutes = localtime().tm_gmtoff // 60  # as the C library reads this process's TZ
    if abs(minutes) >= 24 * 60:
        return ""  # "XXX-24": the C library takes it, no zone can hold it; the machine's
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


@contextlib.contextmanager
def speaking(speech: Speech | None, clock: str = "system") -> Iterator[None]:
    """Compose text as the asking terminal reads it (nothing changes for None), with
    times in the clock style the user chose in necktimer, if they chose one."""
    if speech is None:
        yield
        return
    translator, formats = _presentation(speech.ui, speech.time, clock)
    with i18n.speaking(translator=translator, formats=formats, tz=zone_for(speech.tz)):
        yield


@lru_cache(maxsize=8)
def _presentation(ui: str, time: str, clock: str) -> tuple[i18n.Translator, i18n.Formats]:
    ours: QTranslator | None = QTranslator()
    if not ui or not ours.load(QLocale(ui), "necktimer", "_", str(resource("translations"))):
        ours = None
    return _translator(ours), formats_for(QLocale(time or "C"), clock)


def zone_for(name: str):
    """The zone a speech names (a zone name or a UTC offset); "" is the machine's. ...
    keeps this process's, also for what cannot be read here. Never raises: how the
    asker reads the time must not cost it the answer to a command already carried out."""
    name = name.removeprefix(":")  # a TZ sent as it was, by an older command line
    if not name:
        return _machine_zone()
    offset = _OFFSET.fullmatch(name)
    if offset:
        sign, hours, minutes = offset.groups()
        size = timedelta(hours=int(hours), minutes=int(minutes))
        if size >= timedelta(hours=24):
            return ...
        return timezone(-size if sign == "-" else size)
    return _zone_file(name) or ...


def _machine_zone():
    """The zone of a terminal with no TZ: the machine's, even when this window has a TZ."""
    if not os.environ.get("TZ"):
        return ...  # this process's zone is the machine's
    from zoneinfo import ZoneInfo

    try:
        with open("/etc/localtime", "rb") as file:
            return ZoneInfo.from_file(file, key="localtime")
    except (OSError, ValueError):
        return ...


def _zone_file(name: str):
    """The zone named `name` from the zone files, or None."""
    # Imported here: zoneinfo brings sysconfig and its tables, and most starts have no TZ.
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # unknown (ZoneInfoNotFoundError), or no name
        return None


def _translator(translator: QTranslator | None) -> i18n.Translator:
    def translate(context: str, text: str, disambiguation: str | None, n: int) -> str:
        found = translator.translate(context, text, disambiguation, n) if translator else ""
        if not found:
            return i18n.english(text, n)
        return found.replace("%n", str(n)) if n >= 0 else found

    return translate


# The clock styles a user may choose over the language's own ("system").
_CLOCK_PATTERNS = {"24": "HH:mm", "12": "h:mm\u202fAp"}  # Qt writes the locale's a.m./p.m.


def time_pattern(locale: QLocale, clock: str = "system") -> str:
    """How `locale` writes a time, in the clock style chosen: the locale's own where it
    already is that style ("H:mm" in Spain stays), else a plain one of that style."""
    own = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if clock not in _CLOCK_PATTERNS or _is_twelve_hour(own) == (clock == "12"):
        return own
    return _CLOCK_PATTERNS[clock]


def _is_twelve_hour(pattern: str) -> bool:
    return "a" in pattern.lower()  # Qt's a.m./p.m. ("AP", "Ap", "ap")


def formats_for(locale: QLocale, clock: str = "system") -> i18n.Formats:
    """How `locale` writes times, dates and numbers (the C locale: 24 hours, ISO dates),
    with times in the clock style chosen ("system": the locale's)."""
    clock_pattern = time_pattern(locale, clock)
    twelve_hour = _is_twelve_hour(clock_pattern)

    def time(moment: datetime) -> str:
        return locale.toString(QTime(moment.hour, moment.minute), clock_pattern)

    if locale.language() == QLocale.Language.C:
        plain = i18n.Formats()  # the C locale: 24-hour times and ISO dates
        return plain if not twelve_hour else replace(
            plain, time=time, twelve_hour=True, time_pattern=clock_pattern)
    short = QLocale.FormatType.ShortFormat
    pattern = locale.dateFormat(short)
    # "M/d/yy" (US English) puts the month first; "dd.MM.yy" and "d/M/yy" the day.
    month_first = 0 <= pattern.find("M") < pattern.find("d")
    # "25. Nov." where the locale writes its day with a point (German), else "25 Nov".
    day_month = "d. MMM" if pattern.startswith(("d.", "dd.")) else "d MMM"

    def long_date(day: date) -> str:
        return locale.toString(QDate(day.year, day.month, day.day), short)

    # "dd.MM.yy" and "M/d/yy" with the century: "yyyy" where the locale has "yy" alone.
    full_pattern = re.sub(r"(?<!y)yy(?!y)", "yyyy", pattern)

    def full_date(day: date) -> str:
        return locale.toString(QDate(day.year, day.month, day.day), full_pattern)

    def short_date(day: date) -> str:
        return locale.toString(QDate(day.year, day.month, day.day),
                               "MMM d" if month_first else day_month)

    def decimal(value: float) -> str:
        return locale.toString(float(value), "f", 1)

    return i18n.Formats(time=time, date=long_date, full_date=full_date,
                        short_date=short_date, decimal=decimal,
                        twelve_hour=twelve_hour, date_pattern=pattern,
                        time_pattern=clock_pattern)
