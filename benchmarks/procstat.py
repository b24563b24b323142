"""What /proc tells about a running process: context switches of all its threads, peak memory."""

from __future__ import annotations

from pathlib import Path


def _fields(status_file: Path) -> dict[str, str]:
    """The "Key: value" lines of a /proc status file."""
    fields = {}
    for line in status_file.read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return fields


def processes_naming(folder: Path) -> dict[int, str]:
    """{pid: command line} of every process with folder (or a path in it) as an argument."""
    needle = str(folder).encode()
    found = {}
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(arg == needle or arg.startswith(needle + b"/") for arg in args):
            found[int(cmdline.parent.name)] = b" ".join(args).decode(errors="replace").strip()
    return found


def thread_switches(pid: int, label: str = "") -> dict[str, int]:
    """Voluntary + involuntary context switches so far, per thread ("TID label+name")."""
    switches = {}
    for status_file in Path(f"/proc/{pid}/task").glob("*/status"):
        try:
            fields = _fields(status_file)
        except OSError:  # the thread ended meanwhile
            continue
        count = int(fields["voluntary_ctxt_switches"]) + int(fields["nonvoluntary_ctxt_switches"])
        switches[f"{status_file.parent.name} {label}{fields['Name']}"] = count
    return switches


def switches_between(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Switches per thread name between two samples (threads that ended meanwhile are lost)."""
    by_name: dict[str, int] = {}
    for thread, count in after.items():
        name = thread.split(" ", 1)[1]
        by_name[name] = by_name.get(name, 0) + count - before.get(thread, 0)
    return by_name


def peak_memory_kib(pid: int) -> int | None:
    """VmHWM: the most resident memory the process has had, in KiB (None once it is gone)."""
    try:
        return int(_fields(Path(f"/proc/{pid}/status"))["VmHWM"].split()[0])
    except (OSError, KeyError):
        return None
