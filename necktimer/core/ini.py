"""The settings file's INI text, read and written as plain text.

QSettings used to read it, and QSettings turns a value written as
`@Variant(…PySide::PyObjectWrapper…)` into a Python object by unpickling it, as
soon as the file is opened: a settings file in a folder someone else could write
ran their code (outside tester). This reads only `key=value` text, in the layout
QSettings writes (keys of the `[General]` section), so files written before read
the same, and values are handed on exactly as written.
"""

from __future__ import annotations

from collections.abc import Mapping

GENERAL = "General"


def read_ini(data: bytes) -> dict[str, str] | None:
    """The `[General]` keys and their values as written (surrounding double quotes
    removed), or None for a file that is not INI text at all: a line that is neither
    UTF-8 nor a comment, or a section header left open. QSettings too read nothing of
    such a file, and a key read from the middle of junk is no more trustworthy."""
    values: dict[str, str] = {}
    section = GENERAL
    for number, raw in enumerate(data.split(b"\n")):
        if number == 0:
            raw = raw.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark
        if raw.lstrip().startswith((b";", b"#")):
            continue  # a comment, in whatever encoding
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            return None
        if not line:
            continue
        if line.startswith("["):
            if not line.endswith("]"):
                return None
            section = line[1:-1].strip()
            continue
        key, equals, value = line.partition("=")
        if not equals or section != GENERAL:
            continue  # no setting, or one of another section: not ours
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        values[key.strip()] = value
    return values


def write_ini(values: Mapping[str, object]) -> bytes:
    """`values` as the `[General]` section: booleans as true/false, as QSettings wrote."""
    lines = ["[General]"]
    for key, value in values.items():
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        lines.append(f"{key}={text}")
    return ("\n".join(lines) + "\n").encode("utf-8")
