"""The settings file's INI text, read and changed as plain text.

QSettings used to read it, and QSettings turns a value written as
`@Variant(…PySide::PyObjectWrapper…)` into a Python object by unpickling it, as
soon as the file is opened: a settings file in a folder someone else could write
ran their code (outside tester). This reads only `key=value` text, in the layout
QSettings writes (keys of the `[General]` section, `;` or `#` comments), so files
written before read the same, and values are handed on exactly as written.

A change rewrites only the lines of the keys that changed: comments, keys of a
newer version, other sections, lines that are not UTF-8 and edits made by hand
since the file was read stay as they are.
"""

from __future__ import annotations

from collections.abc import Mapping

from necktimer.core.value import value

GENERAL = "General"
BOM = b"\xef\xbb\xbf"  # a UTF-8 byte-order mark, as Windows editors write


@value
class IniText:
    values: dict[str, str]  # the [General] keys, each with its value as written
    skipped: int = 0  # lines that are not UTF-8 text (kept in the file, not read)


def read_ini(data: bytes) -> IniText:
    """The `[General]` keys and their values as written: surrounding double quotes and a
    comment after the value (`240 ; four hours`) taken off; the last of a key wins."""
    values: dict[str, str] = {}
    skipped = 0
    section = GENERAL
    for line in _lines(data):
        kind, text = _parse(line, section)
        if kind == "skipped":
            skipped += 1
        elif kind == "section":
            section = text
        elif kind == "setting":
            key, setting = text.split("=", 1)
            values[key] = setting
    return IniText(values, skipped)


def change_ini(data: bytes, changes: Mapping[str, str]) -> bytes:
    """`data` with each key of `changes` given its new value: its line replaced where it
    is, else added at the end of the `[General]` section (made first if there is none).
    A byte-order mark and the file's line ending (LF, CRLF or CR) are kept."""
    lines = _lines(data)
    bom = BOM if data.startswith(BOM) else b""
    eol = _ending(lines)
    out: list[bytes] = []
    written: set[str] = set()
    section = GENERAL
    general_end = None  # where a missing key goes: after the last line of [General]
    for line in lines:
        kind, text = _parse(line, section)
        if kind == "section":
            section = text
        if kind == "setting" and (key := text.split("=", 1)[0]) in changes:
            if key not in written:
                out.append(_line(key, changes[key], eol))
                written.add(key)
        else:
            out.append(line)
        if section == GENERAL and kind in ("setting", "section"):
            general_end = len(out)
    missing = [_line(key, text, eol) for key, text in changes.items() if key not in written]
    if missing and general_end is None:
        out[:0] = [b"[General]" + eol, *missing]
    elif missing:
        out[general_end:general_end] = missing
    return bom + b"".join(line if line.endswith((b"\n", b"\r")) else line + eol
                          for line in out)


def _ending(lines: list[bytes]) -> bytes:
    """The line ending the file's first line uses; LF for a new file or a single line."""
    for line in lines:
        for ending in (b"\r\n", b"\n", b"\r"):
            if line.endswith(ending):
                return ending
    return b"\n"


def _lines(data: bytes) -> list[bytes]:
    lines = data.splitlines(keepends=True)  # \n, \r\n and an old Mac's \r
    if lines:
        lines[0] = lines[0].removeprefix(BOM)
    return lines


def _parse(line: bytes, section: str) -> tuple[str, str]:
    """("setting", "key=value") for a key of `section` == General, ("section", name),
    ("skipped", "") for a line that is not UTF-8, or ("other", "")."""
    stripped = line.strip()
    if not stripped or stripped.startswith((b";", b"#")):
        return "other", ""  # a comment, in whatever encoding
    try:
        text = stripped.decode("utf-8")
    except UnicodeDecodeError:
        return "skipped", ""
    if text.startswith("[") and "]" in text:  # "[Window] ; geometry" too
        name = text[1:text.index("]")].strip()
        # QSettings took [general] for [General].
        return "section", GENERAL if name.lower() == GENERAL.lower() else name
    key, equals, setting = text.partition("=")
    if not equals or section != GENERAL or key.strip().startswith("["):
        return "other", ""
    return "setting", f"{key.strip()}={_unquoted(setting)}"


def _unquoted(setting: str) -> str:
    """The value without a comment after it (`;` outside double quotes, as QSettings took
    it: `240; four hours` is 240) and without the quotes around it."""
    quoted = False
    for index, character in enumerate(setting):
        if character == '"':
            quoted = not quoted
        elif character == ";" and not quoted:
            setting = setting[:index]
            break
    setting = setting.strip()
    if len(setting) >= 2 and setting[0] == setting[-1] == '"':
        return setting[1:-1]
    return setting


def _line(key: str, text: str, eol: bytes) -> bytes:
    return f"{key}={text}".encode() + eol


def ini_text(setting: object) -> str:
    """A setting's value as the file spells it: booleans as true/false, as QSettings did."""
    if isinstance(setting, bool):
        return "true" if setting else "false"
    return str(setting)
