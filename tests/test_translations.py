"""Translations: complete, faithful to their sources, compiled, and really used at run time.

The .ts checks live in tools/translations.py (the volunteers' `check` command); the first
tests here feed it broken files to prove that each check can fail.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from necktimer.core import i18n
from necktimer.core.humanize import format_duration
from necktimer.core.resources import resource
from necktimer.core.tips import REQUIRED_KEYS, load_tips, tips_for

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "es")  # shipped complete; a volunteer's language joins through ts_files()
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _load_tool():
    spec = importlib.util.spec_from_file_location("translations_tool",
                                                  ROOT / "tools" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


tool = _load_tool()
TS_FILES = tool.ts_files()


def ts_id(path: Path) -> str:
    return path.name


# -- the checks can fail ------------------------------------------------------------------

BROKEN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Demo</name>
    <message>
        <source>Fine %1 at %2</source>
        <translation>Gut %2 um %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation type="unfinished">Halb</translation>
    </message>
    <message>
        <source>Gone from the code</source>
        <translation type="vanished">Weg</translation>
    </message>
    <message>
        <source>Old</source>
        <translation type="obsolete">Alt</translation>
    </message>
    <message>
        <source>Dropped %1 and %2</source>
        <translation>Nur %1</translation>
    </message>
    <message>
        <source>Added %1</source>
        <translation>Mehr %1 %3</translation>
    </message>
    <message>
        <source>%n apples</source>
        <translation>%n Äpfel</translation>
    </message>
    <message numerus="yes">
        <source>%n pears</source>
        <translation>
            <numerusform>%n Birne</numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n plums</source>
        <translation>
            <numerusform>eine Pflaume</numerusform>
            <numerusform>%n Pflaumen</numerusform>
        </translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>At most 15 minutes</source>
        <translation>Höchstens fünf Minuten</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture(scope="module")
def broken_problems(tmp_path_factory):
    path = tmp_path_factory.mktemp("ts") / "necktimer_de.ts"
    path.write_text(BROKEN, encoding="utf-8")
    return tool.message_problems(tool.read_ts(path), tool.plural_forms("de"))


@pytest.mark.parametrize(("fault", "pattern"), [
    ("unfinished", r"^unfinished: Demo: 'Not done'"),
    ("vanished", r"^vanished .*'Gone from the code'"),
    ("obsolete", r"^obsolete .*'Old'"),
    ("placeholder dropped", r"lost: %2; added: -\).*'Dropped %1 and %2'"),
    ("placeholder added", r"lost: -; added: %3\).*'Added %1'"),
    ("plural without numerus", r"^%n without plural forms.*'%n apples'"),
    ("plural form missing", r"^plural forms missing \(1 of 2\).*'%n pears'"),
    ("%n missing in a form", r"^%n missing in 'eine Pflaume'"),
    ("mnemonic lost", r"^mnemonic .*'Speichern'"),
    ("number changed", r"^number\(s\) 15 missing"),
])
def test_check_reports_each_fault(broken_problems, fault, pattern):
    assert any(re.search(pattern, line) for line in broken_problems), \
        f"{fault} not reported in:\n" + "\n".join(broken_problems)


def test_check_accepts_reordered_placeholders(broken_problems):
    assert not any("'Fine %1 at %2'" in line for line in broken_problems)


def test_a_stale_qm_is_reported(tmp_path, monkeypatch):
    shipped = TS_FILES[0]
    ts = tmp_path / shipped.name
    shutil.copyfile(shipped, ts)
    monkeypatch.setattr(tool, "TS_DIR", tmp_path)
    assert tool.qm_problems(ts) == [f"{ts.stem}.qm is missing (run release)"]
    tool.lrelease(ts, tool.qm_of(ts), quiet=True)
    assert tool.qm_problems(ts) == []
    text = ts.read_text(encoding="utf-8")
    first = re.search(r"<translation>([^<]+)</translation>", text)
    ts.write_text(text.replace(first.group(0), "<translation>changed</translation>", 1),
                  encoding="utf-8")
    assert "run release" in tool.qm_problems(ts)[0]


PLURALS = '''\
from necktimer.core.i18n import Translatable, translate


class Words(Translatable):
    def apples(self, n):
        return self.tr("%n apples", "", n)


def pears(n):
    return translate("Fruit", "%n pears", None, n)
'''


def test_update_keeps_plural_forms_lupdate_would_drop(tmp_path, monkeypatch):
    """lupdate flags only self.tr(..., "", n) as plural; update repairs translate(..., n)."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "fruit.py").write_text(PLURALS)
    ts = tmp_path / "necktimer_de.ts"
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "SOURCES", "src")
    tool.lupdate(ts, "-target-language", "de", quiet=True)
    tool.repair_numerus(ts, {})
    fresh = {m.source: m for m in tool.read_ts(ts)}
    assert all(m.numerus and m.kind == tool.UNFINISHED for m in fresh.values())

    # a translator fills both forms of both messages
    text = ts.read_text(encoding="utf-8")
    for source, forms in (("%n apples", ("%n Apfel", "%n Äpfel")),
                          ("%n pears", ("%n Birne", "%n Birnen"))):
        filled = "".join(f"<numerusform>{form}</numerusform>" for form in forms)
        text = re.sub(rf"(<source>{source}</source>\s*)<translation[^>]*>.*?</translation>",
                      lambda m, f=filled: f"{m.group(1)}<translation>{f}</translation>",
                      text, count=1, flags=re.S)
    ts.write_text(text, encoding="utf-8")

    repaired = tool.update_file(ts, quiet=True)
    assert repaired == ["Fruit: '%n pears'"]  # lupdate alone would have made it plain
    after = {m.source: m for m in tool.read_ts(ts)}
    assert after["%n pears"].numerus and after["%n pears"].kind == ""
    assert after["%n pears"].forms == ("%n Birne", "%n Birnen")
    assert after["%n apples"].forms == ("%n Apfel", "%n Äpfel")
    assert tool.message_problems(after.values(), 2) == []
    assert tool.extraction_problems(ts) == []

    # the code gains a string and loses one: both are reported until the next update
    (tmp_path / "src" / "fruit.py").write_text(
        PLURALS.replace('"%n apples"', '"%n cherries"'))
    assert tool.extraction_problems(ts) == [
        "no longer in the code (run update): Words: '%n apples'",
        "not in the .ts yet (run update): Words: '%n cherries'",
    ]


# -- the shipped translations -------------------------------------------------------------


def test_the_shipped_languages_are_there():
    assert {tool.language_of(ts) for ts in TS_FILES} >= set(LANGUAGES)
    for language in LANGUAGES:
        assert resource("translations", f"necktimer_{language}.qm").is_file()


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_every_message_is_finished_and_faithful(ts):
    """No unfinished, obsolete or vanished message; placeholders, %n, plural forms, &, numbers."""
    assert tool.declared_language(ts) == tool.language_of(ts)
    messages = tool.read_ts(ts)
    assert messages
    forms = tool.plural_forms(tool.language_of(ts))
    assert tool.message_problems(messages, forms) == []
    # the same, spelled out for the placeholders
    for message in messages:
        for text in message.forms:
            assert Counter(re.findall(r"%L?\d", text)) == Counter(
                re.findall(r"%L?\d", message.source)), (message, text)
            assert ("%n" in text) == ("%n" in message.source), (message, text)


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_every_string_in_the_code_is_in_the_ts(ts):
    """lupdate on a copy finds nothing new, nothing gone, no plural changed."""
    assert tool.extraction_problems(ts) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_qm_is_what_lrelease_makes_of_the_ts(ts):
    assert tool.qm_problems(ts) == []


def test_check_command_passes():
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "translations.py"), "check"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# Mnemonics shown together in one window: no letter twice. A menu's items carry the
# menu's name as their comment: their letters need only differ within that open menu.
# A text a control shows in place of another ("instead of: …") keeps that one's letter.
WINDOWS = {
    "main window": ("MainWindow", "SessionPanel", "PainPrompt", "LastAppliedQuestion"),
    "history": ("HistoryWindow",),
    "settings": ("SettingsDialog",),
}
MENUS = {"Session menu": 8, "Help menu": 4}  # how many items each has


def mnemonic_clashes(messages, contexts, *, source=False):
    letters = Counter()
    for m in messages:
        if m.context in contexts and m.comment not in MENUS and \
                not m.comment.startswith("instead of:") and "&" in m.source:
            text = m.source if source else m.forms[0]
            letters.update(letter.casefold() for letter in tool.mnemonics(text))
    return sorted(letter for letter, count in letters.items() if count > 1)


@pytest.mark.parametrize("window", WINDOWS)
@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_mnemonics_are_unique_in_each_window(ts, window):
    assert mnemonic_clashes(tool.read_ts(ts), WINDOWS[window]) == []


@pytest.mark.parametrize("window", ["main window", "history", "settings"])
def test_english_mnemonics_are_unique_in_each_window(window):
    assert mnemonic_clashes(tool.read_ts(TS_FILES[0]), WINDOWS[window], source=True) == []


@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_a_text_shown_instead_of_another_keeps_its_access_letter(ts):
    messages = tool.read_ts(ts)
    forms = {(m.context, m.source): m.forms[0] for m in messages}
    instead = [m for m in messages if m.comment.startswith("instead of:")]
    assert instead  # "Done — removed now", beside "It came off at 09:15"
    for m in instead:
        original = m.comment.removeprefix("instead of:").split("(")[0].strip()
        for text, other in ((m.source, original), (m.forms[0], forms[m.context, original])):
            assert [c.casefold() for c in tool.mnemonics(text)] == \
                [c.casefold() for c in tool.mnemonics(other)], (text, other)


@pytest.mark.parametrize("menu", MENUS)
@pytest.mark.parametrize("ts", TS_FILES, ids=ts_id)
def test_every_menu_item_has_its_own_access_letter(ts, menu):
    """The Spanish Help menu (and every menu) had none: Alt+A, then a letter, now works."""
    items = [m for m in tool.read_ts(ts) if m.context == "MainWindow" and m.comment == menu]
    assert len(items) == MENUS[menu]
    for text in (m.source for m in items), (m.forms[0] for m in items):
        letters = [tool.mnemonics(t) for t in text]
        assert all(len(found) == 1 for found in letters), letters
        assert len({found[0].casefold() for found in letters}) == len(letters), letters


# -- at run time, the way the app does it --------------------------------------------------


@pytest.fixture
def installed_language(qapp):
    """Install a language like the app does; afterwards back to English and the old default."""
    from PySide6.QtCore import QLocale

    from necktimer import language

    default = QLocale()

    def install(setting: str):
        return language.install(setting, qapp)

    yield install
    language.install("en", qapp)
    QLocale.setDefault(default)
    i18n.reset()


def test_german_text_and_plurals(installed_language):
    from necktimer.core.diary import AdviceText, warning_signs
    from necktimer.ui.pdf_report import ReportText

    installed_language("de")
    assert i18n.translate("Alerts", "Done — removed") == "Erledigt — abgenommen"
    assert warning_signs()["arm"] == "Taubheit oder Schwäche in einem Arm"
    assert ReportText().earlier(1) == "… und 1 frühere Anwendung (siehe CSV-Export)."
    assert ReportText().earlier(5) == "… und 5 frühere Anwendungen (siehe CSV-Export)."
    assert AdviceText().treating_for(1) == "Sie behandeln Ihren Nacken seit 1 Tag."
    assert AdviceText().treating_for(8) == "Sie behandeln Ihren Nacken seit 8 Tagen."
    # German writes the SI symbols too, so a sentence never ends in "Min.."
    assert format_duration(timedelta(minutes=102)) == "1 h 42 min"


@pytest.mark.parametrize(("setting", "written"), [
    ("de", "2. März"), ("es_ES", "2 mar"), ("en_GB", "2 Mar"), ("en_US", "Mar 2")])
def test_short_dates_put_day_and_month_in_the_locales_order(installed_language, setting,
                                                            written):
    from datetime import date

    installed_language(setting)
    assert i18n.short_date(date(2026, 3, 2)) == written


@pytest.mark.parametrize(("setting", "short", "full"), [
    ("de", "02.03.26", "02.03.2026"), ("en_US", "3/2/26", "3/2/2026"),
    ("en_GB", "02/03/2026", "02/03/2026"), ("es_ES", "2/3/26", "2/3/2026")])
def test_the_pdf_writes_the_year_in_four_digits(installed_language, setting, short, full):
    """The German PDF for a physician dated its sessions "02.03.26" (outside tester)."""
    from datetime import UTC, date, datetime

    from necktimer.core.diary import Advice
    from necktimer.ui.pdf_report import summary_html

    installed_language(setting)
    i18n.install(tz=UTC)
    assert (i18n.long_date(date(2026, 3, 2)), i18n.full_date(date(2026, 3, 2))) == (short, full)
    document = summary_html([], date(2026, 3, 2), date(2026, 3, 2), [], Advice(False), [],
                            datetime(2026, 3, 2, 9, tzinfo=UTC), timedelta(hours=2), "-")
    assert full in document and short not in document.replace(full, "")


@pytest.mark.parametrize(("setting", "typed", "therapy"), [
    ("es", "hielo", "ice"), ("es", "Calor", "heat"), ("de", "Wärme", "heat"),
    ("de", "ice", "ice"), ("de", "Waerme", "heat"), ("de", "WARME", "heat")])
def test_the_command_line_takes_the_therapy_in_the_users_language(installed_language,
                                                                  setting, typed, therapy):
    from necktimer.cli import build_parser

    installed_language(setting)
    assert build_parser().parse_args(["start", typed]).therapy.value == therapy


def test_spanish_for_a_us_spanish_locale(installed_language):
    from necktimer.ui.history_window import HistoryText

    installed_language("es_US")
    assert HistoryText().sessions(1) == "1 sesión"
    assert HistoryText().sessions(5) == "5 sesiones"
    assert i18n.translate("Therapy", "Heat") == "Calor"


def test_widgets_and_qt_dialog_buttons_are_translated(installed_language, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from necktimer.core.clock import FakeClock
    from necktimer.core.settings import Settings
    from necktimer.ui.session_panel import SessionPanel
    from necktimer.ui.settings_dialog import SettingsDialog

    installed_language("de")
    panel = SessionPanel(FakeClock())
    qtbot.addWidget(panel)
    assert panel.start_ice_button.text() == "&Eis starten"
    assert panel.pain_prompt.skip.text() == "Über&springen"
    dialog = SettingsDialog(Settings(), tray_available=True)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Einstellungen"
    # Qt's own qtbase_de.qm translates the standard buttons
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert cancel.text().replace("&", "") == "Abbrechen"


# -- tips -----------------------------------------------------------------------------------


def tips_data(language: str) -> dict:
    return json.loads(resource("tips", f"{language}.json").read_text(encoding="utf-8"))


def numbers(text: str) -> list[str]:
    return sorted(re.findall(r"\d+", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_tips_have_every_topic_precaution_and_warning(language):
    english, data = tips_data("en"), tips_data(language)
    assert data["language"] == language
    assert set(data) == set(english)
    for key in ("disclaimer", "warning", "general_precautions_note"):
        assert data[key].strip() and data[key] != english[key], key
    assert [tip["key"] for tip in data["tips"]] == [tip["key"] for tip in english["tips"]]
    assert {tip["key"] for tip in data["tips"]} >= set(REQUIRED_KEYS)
    for mine, theirs in zip(data["tips"], english["tips"], strict=True):
        assert mine["title"].strip()
        for field in ("paragraphs", "precautions"):
            assert len(mine[field]) == len(theirs[field]), (mine["key"], field)
            for text, source in zip(mine[field], theirs[field], strict=True):
                assert text.strip() and text != source, (mine["key"], source)
                # the same facts: 15 minutes, 2 hours
                assert numbers(text) == numbers(source), (mine["key"], text)
    book = load_tips(resource("tips", f"{language}.json"))
    assert book.language == language


def test_tips_follow_the_locale():
    assert tips_for(["es_US"]).language == "es"
    assert tips_for(["de-AT", "en"]).language == "de"
    assert tips_for(["fr_FR"]).language == "en"


# -- desktop entry and AppStream metainfo ----------------------------------------------------


def validate(*command):
    assert shutil.which(command[0]), f"{command[0]} is needed (installed by .ci/run)"
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_is_translated_and_valid():
    path = resource("desktop", "io.github.necktimer.NeckTimer.desktop")
    validate("desktop-file-validate", str(path))
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(path, encoding="utf-8")
    wanted = {"Desktop Entry": ("Name", "GenericName", "Comment", "Keywords")}
    wanted |= {group: ("Name",) for group in entry.sections() if group.startswith("Desktop Action")}
    assert len(wanted) == 3
    for group, keys in wanted.items():
        for key in keys:
            for language in LANGUAGES:
                text = entry[group].get(f"{key}[{language}]", "")
                assert text.strip(), f"[{group}] {key}[{language}] is missing"
                if key != "Name" or group != "Desktop Entry":  # the app's name stays
                    assert text != entry[group][key], f"[{group}] {key}[{language}]"


def test_metainfo_is_translated_and_valid():
    path = resource("desktop", "io.github.necktimer.NeckTimer.metainfo.xml")
    validate("appstreamcli", "validate", "--no-net", str(path))
    root = ET.parse(path).getroot()

    def count(elements):
        return Counter(element.get(XML_LANG) for element in elements)

    for language in LANGUAGES:
        summaries = count(root.findall("summary"))
        assert summaries[language] == summaries[None] == 1
        for tag in ("p", "li"):
            found = count(root.find("description").iter(tag))
            assert found[language] == found[None] > 0, (tag, language)
        captions = count(root.iter("caption"))
        assert captions[language] == captions[None], language
