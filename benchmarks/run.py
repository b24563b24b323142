"""necktimer benchmarks: every row compares necktimer with a baseline measured in the same run.

    python benchmarks/run.py                    # the default measures, a few minutes
    python benchmarks/run.py startup memory     # only the measures named
    python benchmarks/run.py --slow             # the default ones plus the notification latency
    python benchmarks/run.py --all              # everything, the installed size too
    python benchmarks/run.py wakeups --wakeup-seconds 15    # a quick look
    python benchmarks/run.py --json             # the results as JSON on stdout
    python benchmarks/run.py --without trayer   # see how it runs without a tray (or Xvfb, ...)

Measures (the default ones first):
  startup      start-up to a visible window (spawn to MapNotify), vs a bare PySide6 window
  memory       peak memory (VmHWM) after start, vs a bare PySide6 window
  wakeups      context switches per minute of all threads (and of helper processes naming the
               data folder, such as the backstop): countdown visible, hidden with a session
               running, hidden waiting out the gap; vs bare windows
  big-history  start-up time and memory with 500,000 sessions, vs an empty history
  sort         sorting History by each column with 500,000 sessions, vs an empty history
  latency      the "Time's up" notification after the planned end, idle and with every core
               busy (two 1-minute sessions; with --slow or --all, or when named)
  sizes        site-packages of a fresh venv with `pip install .` vs one with only
               PySide6-Essentials (downloads; with --all or when named)

It runs on a private desktop started for the run (desktop.py: Xvfb, dbus-daemon,
trayer, a notification server, whichever are installed); the header says which,
and a row that needs a missing piece says why it was skipped. necktimer is driven
through its command line only (necktimer_cli.py), except for the History sort,
which has no command (history_sort.py). Start-ups are interleaved (bare, necktimer,
bare, ...) and reported as medians. Targets are printed beside the rows for
reference; nothing asserts them, here or in the tests.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from desktop import private_desktop
from linelog import last_line
from measures import (
    Bench,
    Row,
    measure_big_history,
    measure_latency,
    measure_sizes,
    measure_sort,
    measure_startup,
    measure_wakeups,
)
from necktimer_cli import AppError, SeedError, observations
from xwatch import XError

SOURCE = Path(__file__).resolve().parent.parent
MEASURES = {
    "startup": lambda bench: measure_startup(bench)[:1],
    "memory": lambda bench: measure_startup(bench)[1:],
    "wakeups": measure_wakeups,
    "big-history": measure_big_history,
    "sort": measure_sort,
    "latency": measure_latency,
    "sizes": measure_sizes,
}
DEFAULT = ["startup", "memory", "wakeups", "big-history", "sort"]
TITLES = {  # for a measure that failed as a whole
    "startup": "start-up to a visible window",
    "memory": "peak memory after start",
    "wakeups": "context switches per minute",
    "big-history": "start-up with a big history",
    "sort": "sort History by each column",
    "latency": "pack-off notification after the planned end",
    "sizes": "installed size",
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], epilog="measures: " + ", ".join(MEASURES))
    parser.add_argument("measures", nargs="*", metavar="MEASURE",
                        help="which to run (default: " + " ".join(DEFAULT) + ")")
    parser.add_argument("--slow", action="store_true", help="add the notification latency")
    parser.add_argument("--all", action="store_true", help="run every measure")
    parser.add_argument("--runs", type=int, default=7, help="start-ups per side (default 7)")
    parser.add_argument("--wakeup-seconds", type=float, default=60.0,
                        help="how long context switches are counted (default 60)")
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds left alone before counting (default 5)")
    parser.add_argument("--sessions", type=int, default=500_000,
                        help="sessions in the big history (default 500000)")
    parser.add_argument("--sort-repeats", type=int, default=3,
                        help="times each column is sorted each way (default 3)")
    parser.add_argument("--python", default=sys.executable,
                        help="the interpreter with PySide6 that runs the apps (default: this one)")
    parser.add_argument("--source", type=Path, default=SOURCE,
                        help="the necktimer source folder to measure (default: this checkout)")
    parser.add_argument("--without", action="append", default=[], metavar="PROGRAM",
                        choices=["Xvfb", "trayer", "dbus-daemon", "test-server", "dunst"],
                        help="do not use PROGRAM even if installed, to see the fallbacks "
                             "(repeatable): Xvfb, trayer, dbus-daemon, test-server, dunst")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    unknown = [name for name in args.measures if name not in MEASURES]
    if unknown:
        parser.error(f"unknown measure {', '.join(unknown)} (choose from {', '.join(MEASURES)})")
    return args


def chosen_measures(args: argparse.Namespace) -> list[str]:
    """The measures named, or the defaults with --slow / --all, in the table's order."""
    wanted = set(args.measures or DEFAULT)
    if args.slow or args.all:
        wanted |= set(DEFAULT) | {"latency"}
    if args.all:
        wanted |= set(MEASURES)
    return [name for name in MEASURES if name in wanted]


def preflight(python: str, source: Path) -> tuple[str | None, str]:
    """(why the apps cannot run, or None; the versions line)."""
    code = "import sys, PySide6, necktimer.cli; print(sys.version.split()[0], PySide6.__version__)"
    result = subprocess.run([python, "-c", code], cwd=source, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(source)), check=False)
    if result.returncode != 0:
        return (f"{python} cannot import PySide6 and necktimer from {source}: "
                f"{last_line(result.stderr)}"), ""
    version, pyside = result.stdout.split()
    # Measure necktimer as installed: pip writes the bytecode at install time. From a
    # source folder, Python writes it on the first run, unless PYTHONDONTWRITEBYTECODE
    # is set (as on some CI machines), and then every start compiles our modules again.
    compiled = subprocess.run([python, "-m", "compileall", "-q", str(source / "necktimer")],
                              capture_output=True, text=True, check=False)
    bytecode = ("bytecode compiled" if compiled.returncode == 0
                else f"bytecode NOT compiled ({last_line(compiled.stdout + compiled.stderr)})")
    return None, (f"python {version} ({python}), PySide6 {pyside}, necktimer from {source} "
                  f"({bytecode})")


def revision(source: Path) -> str:
    """The source's git commit, marked when it has uncommitted changes."""
    def git(*args: str) -> str:
        """git's output in the source folder."""
        return subprocess.run(["git", "-C", str(source), *args], capture_output=True,
                              text=True, check=False).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "not a git checkout"
    return commit + (" + uncommitted changes" if git("status", "--porcelain") else "")


def cpu_busy(seconds: float = 1.0) -> float | None:
    """How busy all cores are (0-1) over a short sample of /proc/stat; None if unknown."""
    def sample() -> tuple[int, int]:
        """(all jiffies, idle + iowait jiffies) so far."""
        fields = [int(value) for value in Path("/proc/stat").read_text().split()[1:11]]
        return sum(fields), fields[3] + fields[4]

    try:
        total, idle = sample()
        time.sleep(seconds)
        total_after, idle_after = sample()
    except (OSError, ValueError, IndexError):
        return None
    return 1 - (idle_after - idle) / max(total_after - total, 1)


def load_line(when: str) -> str:
    """A header line saying how busy the machine was, warning when it was not idle."""
    busy = cpu_busy()
    if busy is None:
        return f"CPU busy {when}: unknown"
    warning = (": something else is running, timings will be pessimistic and noisy"
               if busy > 0.15 else "")
    return f"CPU busy {when}: {busy:.0%} of {os.cpu_count()} cores{warning}"


def run_measure(bench: Bench, name: str) -> list[Row]:
    """One measure's rows; a failure becomes a skipped row with the reason."""
    print(f"{name} …", file=sys.stderr, flush=True)
    try:
        return MEASURES[name](bench)
    except (AppError, SeedError, XError, OSError, subprocess.SubprocessError) as error:
        return [Row(TITLES[name], "", skipped=f"{type(error).__name__}: {error}")]


def fmt(value: float | None, unit: str) -> str:
    """A value with its unit, to a sensible precision."""
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.3f} s"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    return f"{value:.1f}{unit}" if value < 10 else f"{value:,.0f}{unit}"


def table(rows: list[Row]) -> list[str]:
    """The rows as aligned text columns."""
    lines = [("measure", "necktimer", "baseline", "ratio", "target", "met", "baseline is")]
    for row in rows:
        if row.skipped:
            lines.append((row.measure, "skipped", "", "", row.target, "", ""))
            continue
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}"
        met = {True: "yes", False: "NO", None: "—"}[row.met]
        lines.append((row.measure, fmt(row.necktimer, row.unit), fmt(row.baseline, row.unit),
                      ratio, row.target, met, row.baseline_is))
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    right = {1, 2, 3}
    out = []
    for number, line in enumerate(lines):
        cells = [cell.rjust(width) if i in right else cell.ljust(width)
                 for i, (cell, width) in enumerate(zip(line, widths, strict=True))]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * width for width in widths))
    return out


def report(header: list[str], rows: list[Row], bench: Bench, took: dict[str, float]) -> str:
    """The whole text report: header, table, skips, notes, observations, timings."""
    out = [*header, "", *table(rows)]
    skipped = [row for row in rows if row.skipped]
    if skipped:
        out += ["", "Skipped:", *[f"  - {row.measure}: {row.skipped}" for row in skipped]]
    if bench.notes:
        out += ["", "Notes:", *[f"  - {note}" for note in bench.notes]]
    if observations:
        out += ["", "Noticed in the app:", *[f"  - {text}" for text in observations.values()]]
    out += ["", "Took: " + ", ".join(f"{name} {seconds:.0f} s" for name, seconds in took.items())
            + f"; total {sum(took.values()):.0f} s"]
    return "\n".join(out)


def as_json(header: list[str], rows: list[Row], bench: Bench, took: dict[str, float]) -> str:
    """The results as one JSON document."""
    return json.dumps({
        "header": header,
        "rows": [dict(dataclasses.asdict(row), ratio=row.ratio) for row in rows],
        "notes": bench.notes,
        "observations": list(observations.values()),
        "seconds": took,
    }, indent=2, default=str, ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen measures and print the report."""
    args = parse_args(argv)
    for number in (signal.SIGTERM, signal.SIGHUP):  # clean up what was started, as on Ctrl+C
        signal.signal(number, lambda signum, _frame: sys.exit(128 + signum))
    names = chosen_measures(args)
    source = args.source.resolve()
    problem, versions = preflight(args.python, source)
    if problem:
        print(f"necktimer benchmarks cannot run: {problem}\n(run them with the project's "
              "virtualenv, e.g. .venv/bin/python benchmarks/run.py, or pass --python)",
              file=sys.stderr)
        return 2
    header = [f"necktimer benchmarks, {datetime.now().astimezone():%Y-%m-%d %H:%M %Z}",
              f"machine: {os.cpu_count()} cores, {platform.system()} {platform.release()}",
              versions + f" at {revision(source)}", load_line("before the run")]
    rows: list[Row] = []
    took: dict[str, float] = {}
    with (private_desktop(args.python, source, frozenset(args.without)) as desktop,
          tempfile.TemporaryDirectory(prefix="necktimer-bench-") as work):
        header += desktop.lines
        bench = Bench(args, args.python, source, desktop, Path(work))
        for name in names:
            started = time.monotonic()
            rows += run_measure(bench, name)
            took[name] = time.monotonic() - started
        bench.end_leftovers()
        header.append(load_line("after the run"))
    print(as_json(header, rows, bench, took) if args.json else report(header, rows, bench, took))
    return 0


if __name__ == "__main__":
    sys.exit(main())
