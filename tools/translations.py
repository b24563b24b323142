"""Extract, check and compile necktimer's translations: one command for volunteers and CI.

    python tools/translations.py update     # new and changed strings from necktimer/ into
                                            # every resources/translations/necktimer_*.ts
    python tools/translations.py add LANG   # start a language: necktimer_LANG.ts (fr, pt_BR, ...)
    python tools/translations.py release    # compile every .ts into the .qm beside it
    python tools/translations.py check      # exit 1, listing every problem, unless all is well

Translate a .ts with Qt Linguist (`pyside6-linguist resources/translations/necktimer_fr.ts`)
or any text editor. The compiled .qm files are committed, so `pip install .` needs no Qt
tools; `check` (and tests/test_translations.py) prove that they match their .ts.

`update` keeps every finished translation, drops strings the code no longer has
(-no-obsolete), and repairs plural messages: pyside6-lupdate only marks
`self.tr(text, "", n)` as plural (numerus), and when it re-reads a .ts it turns any
other plural message back into a plain one, dropping its second form. `update` puts
those forms back from the .ts as it was, and marks a new `%n` message plural.

`check` reports, per .ts file: unfinished, obsolete or vanished messages; strings in
the code that the .ts lacks or that left the code (run `update`); a translation whose
placeholders (%1 … %9, %n) differ from the source's; a plural message without all
its forms, or a `%n` message that is not plural; a mnemonic (&) added or lost; a
number of the source (15 minutes, 2 hours) missing from the translation; and a .qm
that differs from what `release` makes of its .ts.
"""

from __future__ import annotations

import argparse
import functools
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = "necktimer"  # scanned by lupdate, relative to ROOT
TS_DIR = ROOT / "resources" / "translations"
PREFIX = "necktimer_"
UNFINISHED, OBSOLETE, VANISHED = "unfinished", "obsolete", "vanished"

_LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?$")
_PLACEHOLDER = re.compile(r"%L?[1-9]")
_MNEMONIC = re.compile(r"&(?![&#]|\w+;)(\w)")
_NUMBER = re.compile(r"\d+")


# -- the .ts files --------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    kind: str  # "" when finished, else UNFINISHED, OBSOLETE or VANISHED
    forms: tuple[str, ...]  # one translation, or one per plural form

    @property
    def key(self) -> tuple[str, str, str]:
        return self.context, self.source, self.comment

    def __str__(self) -> str:
        comment = f" ({self.comment})" if self.comment else ""
        source = self.source if len(self.source) <= 70 else self.source[:67] + "..."
        return f"{self.context}: {source!r}{comment}"


def ts_files() -> list[Path]:
    return sorted(TS_DIR.glob(f"{PREFIX}*.ts"))


def language_of(ts: Path) -> str:
    return ts.stem.removeprefix(PREFIX)


def qm_of(ts: Path) -> Path:
    return ts.with_suffix(".qm")


def read_ts(ts: Path) -> list[Message]:
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                forms: tuple[str, ...] = ()
            elif numerus:
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                forms = (translation.text or "",)
            kind = "" if translation is None else translation.get("type", "")
            messages.append(Message(name, message.findtext("source") or "",
                                    message.findtext("comment") or "", numerus, kind, forms))
    return messages


def declared_language(ts: Path) -> str:
    return ET.parse(ts).getroot().get("language", "")


# -- the Qt tools ---------------------------------------------------------------------------


def tool(name: str) -> str:
    """pyside6-lupdate or pyside6-lrelease: beside this Python first (a venv), then on PATH."""
    for candidate in (Path(sys.executable).parent / name, shutil.which(name)):
        if candidate and Path(candidate).is_file():
            return str(candidate)
    raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) and try again")


def run(command: list[str], *, quiet: bool = False) -> str:
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    if not quiet:
        print((result.stdout + result.stderr).rstrip())
    return result.stdout + result.stderr


def lupdate(ts: Path, *extra: str, quiet: bool = False) -> None:
    run([tool("pyside6-lupdate"), "-extensions", "py", "-no-obsolete", *extra, SOURCES,
         "-ts", str(ts)], quiet=quiet)


def lrelease(ts: Path, qm: Path, *, quiet: bool = False) -> None:
    # Unfinished text never ships: a half-done or guessed translation falls back to English.
    run([tool("pyside6-lrelease"), "-nounfinished", str(ts), "-qm", str(qm)], quiet=quiet)


@functools.cache
def plural_forms(language: str) -> int:
    """How many plural forms Qt gives `language` (English 2, German 2, Polish 3, Japanese 1)."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder, "probe.py")
        probe.write_text('class Probe:\n    def f(self, n):\n        return self.tr("%n", "", n)\n')
        ts = Path(folder, "probe.ts")
        run([tool("pyside6-lupdate"), str(probe), "-target-language", language, "-ts", str(ts)],
            quiet=True)
        return ts.read_text(encoding="utf-8").count("<numerusform>")


# -- update: lupdate, then put plural forms back --------------------------------------------

_CONTEXT_BLOCK = re.compile(r"(<context>\s*<name>)(.*?)(</name>)(.*?)(</context>)", re.S)
_MESSAGE_BLOCK = re.compile(r"<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
_TRANSLATION_BLOCK = re.compile(r"<translation\b[^>]*?(?:/>|>.*?</translation>)", re.S)
_ENTITIES = {"&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&amp;": "&"}


def _unescape(text: str) -> str:
    return re.sub(r"&(lt|gt|quot|apos|amp);", lambda m: _ENTITIES[m.group(0)], text)


def _escape(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def _field(body: str, tag: str) -> str:
    found = re.search(rf"<{tag}>(.*?)</{tag}>", body, re.S)
    return _unescape(found.group(1)) if found else ""


def repair_numerus(ts: Path, before: dict[tuple[str, str, str], Message]) -> list[str]:
    """Make every `%n` message plural again, with its forms from `before` where it had them.

    Works on the text, so everything else stays exactly as lupdate wrote it.
    """
    forms = plural_forms(declared_language(ts) or language_of(ts))
    repaired: list[str] = []

    def message(match: re.Match[str], context: str) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        source, comment = _field(body, "source"), _field(body, "comment")
        if 'numerus="yes"' in attrs or "%n" not in source:
            return match.group(0)
        old = before.get((context, source, comment))
        if old is not None and old.numerus and len(old.forms) == forms:
            texts, finished = old.forms, old.kind == ""
        else:
            texts, finished = ("",) * forms, False
        inner = "".join(f"\n            <numerusform>{_escape(text)}</numerusform>"
                        for text in texts)
        state = "" if finished else ' type="unfinished"'
        translation = f"<translation{state}>{inner}\n        </translation>"
        repaired.append(f"{context}: {source!r}")
        body = _TRANSLATION_BLOCK.sub(lambda _: translation, body, count=1)
        return f'<message numerus="yes"{attrs}>{body}</message>'

    def context_block(match: re.Match[str]) -> str:
        context = _unescape(match.group(2))
        messages = _MESSAGE_BLOCK.sub(lambda m: message(m, context), match.group(4))
        return match.group(1) + match.group(2) + match.group(3) + messages + match.group(5)

    text = ts.read_text(encoding="utf-8")
    fixed = _CONTEXT_BLOCK.sub(context_block, text)
    if fixed != text:
        ts.write_text(fixed, encoding="utf-8")
    return repaired


def update_file(ts: Path, *, quiet: bool = False) -> list[str]:
    before = {message.key: message for message in read_ts(ts)}
    lupdate(ts, quiet=quiet)
    return repair_numerus(ts, before)


def update(_args: argparse.Namespace) -> int:
    files = ts_files()
    if not files:
        print(f"No {PREFIX}*.ts in {TS_DIR}; start one with: add LANG")
        return 1
    for ts in files:
        for repaired in update_file(ts):
            print(f"    kept the plural forms of {repaired}")
        print(f"    {summary(ts)}")
    print("Now translate what is unfinished, then run: release, check")
    return 0


# -- add ------------------------------------------------------------------------------------


def add(args: argparse.Namespace) -> int:
    language = args.language
    if not _LANGUAGE.match(language):
        print(f"{language!r} is not a language code like fr, pt_BR or sr_Latn")
        return 2
    ts = TS_DIR / f"{PREFIX}{language}.ts"
    if ts.exists():
        print(f"{ts.relative_to(ROOT)} exists already; run: update")
        return 1
    TS_DIR.mkdir(parents=True, exist_ok=True)
    lupdate(ts, "-source-language", "en", "-target-language", language)
    repair_numerus(ts, {})
    print(f"""
Created {ts.relative_to(ROOT)} ({summary(ts)}). Next:
  1. translate it: pyside6-linguist {ts.relative_to(ROOT)} (or any text editor)
  2. copy resources/tips/en.json to resources/tips/{language.split("_")[0]}.json and translate
     every text in it (keep the keys, and as many paragraphs and precautions per topic)
  3. translate the Name, GenericName, Comment, Keywords and action names in
     resources/desktop/*.desktop, and the summary and description in *.metainfo.xml
  4. python tools/translations.py release && python tools/translations.py check""")
    return 0


# -- release --------------------------------------------------------------------------------


def release(_args: argparse.Namespace) -> int:
    for ts in ts_files():
        lrelease(ts, qm_of(ts))
    return 0


# -- check ----------------------------------------------------------------------------------


def mnemonics(text: str) -> list[str]:
    return _MNEMONIC.findall(text.replace("&&", ""))


def _numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(_PLACEHOLDER.sub("", text)))


def message_problems(messages: Iterable[Message], forms: int) -> list[str]:
    """What is wrong with these messages of one .ts, one line each."""
    problems = []
    for m in messages:
        if m.kind in (OBSOLETE, VANISHED):
            problems.append(f"{m.kind} (no longer in the code; run update): {m}")
            continue
        if m.kind == UNFINISHED:
            problems.append(f"unfinished: {m}")
            continue
        if "%n" in m.source and not m.numerus:
            problems.append(f"%n without plural forms (run update): {m}")
        if m.numerus and (len(m.forms) != forms or not all(m.forms)):
            problems.append(f"plural forms missing ({sum(map(bool, m.forms))} of {forms}): {m}")
        wanted = Counter(_PLACEHOLDER.findall(m.source))
        for text in m.forms:
            if not text:
                if not m.numerus:
                    problems.append(f"empty translation: {m}")
                continue
            got = Counter(_PLACEHOLDER.findall(text))
            if got != wanted:
                lost = ", ".join(sorted((wanted - got).elements()))
                added = ", ".join(sorted((got - wanted).elements()))
                problems.append(f"placeholders differ (lost: {lost or '-'}; added: "
                                f"{added or '-'}) in {text!r}: {m}")
            if "%n" in m.source and "%n" not in text:
                problems.append(f"%n missing in {text!r}: {m}")
            if len(mnemonics(m.source)) != len(mnemonics(text)):
                problems.append(f"mnemonic (&) added or lost in {text!r}: {m}")
            missing = _numbers(m.source) - _numbers(text)
            if missing:
                problems.append(f"number(s) {', '.join(sorted(missing))} missing in "
                                f"{text!r}: {m}")
    return problems


def extraction_problems(ts: Path) -> list[str]:
    """Strings the code has and the .ts lacks, or the other way round (lupdate on a copy)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder, ts.name)
        shutil.copyfile(ts, copy)
        update_file(copy, quiet=True)
        fresh = {m.key: m for m in read_ts(copy)}
    current = {m.key: m for m in read_ts(ts) if m.kind not in (OBSOLETE, VANISHED)}
    problems = [f"not in the .ts yet (run update): {fresh[key]}"
                for key in fresh.keys() - current.keys()]
    problems += [f"no longer in the code (run update): {current[key]}"
                 for key in current.keys() - fresh.keys()]
    problems += [f"plural in the code but not in the .ts (run update): {m}"
                 for key, m in fresh.items() if key in current
                 and m.numerus != current[key].numerus]
    return sorted(problems)


def qm_problems(ts: Path) -> list[str]:
    qm = qm_of(ts)
    if not qm.exists():
        return [f"{qm.name} is missing (run release)"]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder, qm.name)
        lrelease(ts, fresh, quiet=True)
        if fresh.read_bytes() != qm.read_bytes():
            return [f"{qm.name} is not what release makes of {ts.name} (run release)"]
    return []


def file_problems(ts: Path) -> list[str]:
    try:
        messages = read_ts(ts)
    except ET.ParseError as error:
        return [f"not a valid .ts file: {error}"]
    language = declared_language(ts)
    problems = []
    if language != language_of(ts):
        problems.append(f'<TS language="{language}"> does not match the file name')
    problems += message_problems(messages, plural_forms(language or language_of(ts)))
    problems += extraction_problems(ts)
    problems += qm_problems(ts)
    return problems


def summary(ts: Path) -> str:
    messages = [m for m in read_ts(ts) if m.kind not in (OBSOLETE, VANISHED)]
    finished = sum(m.kind == "" for m in messages)
    plural = sum(m.numerus for m in messages)
    return (f"{ts.name}: {len(messages)} messages ({plural} plural), {finished} finished, "
            f"{len(messages) - finished} unfinished")


def check(_args: argparse.Namespace) -> int:
    failed = False
    files = ts_files()
    if not files:
        print(f"No {PREFIX}*.ts in {TS_DIR}")
        return 1
    for qm in sorted(TS_DIR.glob("*.qm")):
        if not qm.with_suffix(".ts").exists():
            print(f"{qm.name}: no {qm.with_suffix('.ts').name} to build it from")
            failed = True
    for ts in files:
        problems = file_problems(ts)
        verdict = {0: "no problems", 1: "1 problem"}.get(len(problems), f"{len(problems)} problems")
        print(f"{summary(ts)}: {verdict}")
        for problem in problems:
            print(f"  {problem}")
        failed = failed or bool(problems)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="tools/translations.py", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("update", help="extract the strings into every .ts").set_defaults(
        run=update)
    new = commands.add_parser("add", help="start a new language")
    new.add_argument("language", metavar="LANG", help="a code like fr, pt_BR or sr_Latn")
    new.set_defaults(run=add)
    commands.add_parser("release", help="compile every .ts into its .qm").set_defaults(
        run=release)
    commands.add_parser("check", help="exit 1 listing every problem").set_defaults(run=check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
