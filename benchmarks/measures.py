"""The measures: each returns table rows comparing necktimer with a baseline from the same run."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from desktop import Desktop, end_process
from linelog import last_line
from necktimer_cli import (
    AppError,
    NecktimerCli,
    SeedError,
    gap_rows,
    history_rows,
    observations,
    running_planned_end,
    seed_sessions,
)
from procstat import peak_memory_kib, processes_naming, switches_between, thread_switches

HERE = Path(__file__).resolve().parent
BARE_WINDOW = HERE / "bare_window.py"
HISTORY_SORT = HERE / "history_sort.py"
START_TIMEOUT = 60.0  # seconds for a window to appear
MEMORY_SETTLE = 1.0  # seconds after the window maps before VmHWM is read
OFFSCREEN_SETTLE = 3.0  # seconds after spawn before VmHWM is read, with no window to see
MiB = 1024.0


@dataclass
class Row:
    """One line of the table."""

    measure: str
    unit: str  # "s", "MiB" or "/min"
    necktimer: float | None = None
    baseline: float | None = None
    baseline_is: str = "—"
    target: str = ""
    met: bool | None = None
    skipped: str = ""  # why it was not measured
    details: dict = field(default_factory=dict)  # more numbers, for --json

    @property
    def ratio(self) -> float | None:
        """necktimer / baseline, when both are there and the baseline is not 0."""
        if self.necktimer is None or not self.baseline:
            return None
        return self.necktimer / self.baseline

    def at_most_times(self, limit: float, of: str) -> Row:
        """Target: the ratio to the baseline is at most limit."""
        self.target = f"≤ {limit:g}× {of}"
        self.met = None if self.ratio is None else self.ratio <= limit
        return self

    def at_most(self, limit: float) -> Row:
        """Target: necktimer's own value is at most limit."""
        self.target = f"≤ {limit:g} {self.unit}"
        self.met = None if self.necktimer is None else self.necktimer <= limit
        return self


@dataclass
class Bench:
    """What every measure needs: the options, the interpreter, the source, the desktop."""

    options: object  # the argparse namespace
    python: str
    source: Path
    desktop: Desktop
    work: Path  # a temporary folder for data folders and logs
    notes: list[str] = field(default_factory=list)
    cache: dict = field(default_factory=dict)

    def app(self, name: str) -> NecktimerCli:
        """A necktimer command line on a new, empty data folder (created by `status`)."""
        cli = NecktimerCli(self.python, self.source, self.desktop.env, self.work / name)
        cli.prepare()
        return cli

    def bare(self, *args: str) -> subprocess.Popen:
        """Start the bare PySide6 window (pass --hidden to never show it)."""
        return subprocess.Popen([self.python, str(BARE_WINDOW), *args], cwd=self.source,
                                env=self.desktop.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)

    def end_leftovers(self, folder: Path | None = None) -> None:
        """SIGTERM, by pid, any process still naming a data folder of this run (noted)."""
        if not processes_naming(folder or self.work):
            return
        time.sleep(2)  # a helper may be on its way out
        leftovers = processes_naming(folder or self.work)
        for pid in leftovers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
        if leftovers:
            self.notes.append(
                f"{len(leftovers)} process(es) naming a data folder of this run still ran after "
                "`stop`, `done` and `quit`; the benchmark ended them by pid: "
                + "; ".join(short_command(command) for command in leftovers.values()))

    def progress(self, text: str) -> None:
        """Tell the person waiting what is going on (stderr, so --json stays clean)."""
        print(f"  … {text}", file=sys.stderr, flush=True)


def running(process: subprocess.Popen) -> Callable[[], bool]:
    """A check that the process has not exited yet."""
    return lambda: process.poll() is None


def median(values: list[float]) -> float | None:
    """The median, or None for no values."""
    return statistics.median(values) if values else None


# -- start-up and memory -----------------------------------------------------------------


@dataclass
class Side:
    """One program of an interleaved comparison: how to start it and how to stop it."""

    name: str
    launch: Callable[[], subprocess.Popen]
    stop: Callable[[subprocess.Popen], None]
    cli: NecktimerCli | None = None  # for necktimer: its stderr, when it fails


def bare_side(bench: Bench) -> Side:
    """The bare PySide6 window."""
    return Side("bare", bench.bare, end_process)


def necktimer_side(cli: NecktimerCli, name: str = "necktimer") -> Side:
    """necktimer's window, started as `necktimer --data-dir DIR`."""
    return Side(name, lambda: cli.launch()[0], cli.stop, cli)


def one_start(bench: Bench, side: Side) -> tuple[float | None, int | None]:
    """(seconds from spawn to the window mapped, VmHWM KiB after it) for one launch."""
    watcher = bench.desktop.watcher
    if watcher:
        watcher.clear()
    spawned = time.monotonic()
    process = side.launch()
    try:
        seconds = None
        if watcher:
            found = watcher.first_window(process.pid, START_TIMEOUT, running(process))
            if found is None:
                said = f": {side.cli.stderr_tail()}" if side.cli else ""
                raise AppError(f"{side.name}: no window was mapped within {START_TIMEOUT:g} s "
                               f"(exit code {process.poll()}){said}")
            seconds = found[1] - spawned
        time.sleep(MEMORY_SETTLE if watcher else OFFSCREEN_SETTLE)
        return seconds, peak_memory_kib(process.pid)
    finally:
        side.stop(process)


def interleaved_starts(bench: Bench, sides: list[Side]) -> dict[str, dict[str, list]]:
    """One unmeasured warm-up of each side, then runs alternating A, B, A, B, ..."""
    results = {side.name: {"seconds": [], "kib": []} for side in sides}
    for side in sides:
        one_start(bench, side)
    for run in range(bench.options.runs):
        bench.progress(f"start-up run {run + 1}/{bench.options.runs}: "
                       + ", ".join(side.name for side in sides))
        for side in sides:
            seconds, kib = one_start(bench, side)
            if seconds is not None:
                results[side.name]["seconds"].append(seconds)
            if kib is not None:
                results[side.name]["kib"].append(kib)
    return results


def start_rows(bench: Bench, results: dict, ours: str, base: str, label: str,
               baseline_is: str, of: str) -> list[Row]:
    """The time and memory rows of an interleaved comparison."""
    time_row = Row(f"start-up to a visible window{label}", "s",
                   median(results[ours]["seconds"]), median(results[base]["seconds"]),
                   baseline_is, details={"seconds": {ours: results[ours]["seconds"],
                                                     base: results[base]["seconds"]}})
    if not bench.desktop.watcher:
        time_row.skipped = ("needs Xvfb: offscreen there is no window mapping to see from "
                            "outside the process")
    memory_row = Row(f"peak memory after start{label}", "MiB",
                     _mib(median(results[ours]["kib"])), _mib(median(results[base]["kib"])),
                     baseline_is, details={"vmhwm_kib": {ours: results[ours]["kib"],
                                                         base: results[base]["kib"]}})
    note = (f"start-up: medians of {bench.options.runs} interleaved runs per side after one "
            "unmeasured warm-up each; time from spawn to the MapNotify of the process's first "
            "top-level window (_NET_WM_PID, at least 64x64), seen by this script's X client")
    if not bench.desktop.watcher:
        note = f"start-up: medians of {bench.options.runs} interleaved runs per side"
    memory = ("VmHWM from /proc/PID/status 1 s after the window mapped" if bench.desktop.watcher
              else "VmHWM from /proc/PID/status 3 s after spawn (offscreen)")
    if f"{note}; peak memory: {memory}" not in bench.notes:
        bench.notes.append(f"{note}; peak memory: {memory}")
    return [time_row.at_most_times(1.3, of), memory_row.at_most_times(1.3, of)]


def _mib(kib: float | None) -> float | None:
    """KiB to MiB, keeping None."""
    return None if kib is None else kib / MiB


def measure_startup(bench: Bench) -> list[Row]:
    """Start-up to a visible window and peak memory: necktimer vs a bare PySide6 window."""
    if "startup" not in bench.cache:
        cli = bench.app("startup")
        results = interleaved_starts(bench, [bare_side(bench), necktimer_side(cli)])
        bench.cache["startup"] = start_rows(bench, results, "necktimer", "bare", "",
                                            "bare window", "bare")
    return bench.cache["startup"]


def seeded_history(bench: Bench) -> NecktimerCli:
    """A data folder holding --sessions finished sessions (made once per run)."""
    if "history" not in bench.cache:
        count = bench.options.sessions
        cli = bench.app("history")
        bench.progress(f"seeding {count:,} sessions")
        started = time.monotonic()
        seed_sessions(cli.db_path, history_rows(count, datetime.now(UTC)))
        bench.notes.append(f"seeded {count:,} sessions, 3 h apart, in one transaction in "
                           f"{time.monotonic() - started:.1f} s "
                           f"({cli.db_path.stat().st_size / 2**20:.0f} MiB file)")
        bench.cache["history"] = cli
    return bench.cache["history"]


def measure_big_history(bench: Bench) -> list[Row]:
    """Start-up time and memory with a big history vs an empty one."""
    count = bench.options.sessions
    full = seeded_history(bench)
    empty = bench.app("empty-history")
    results = interleaved_starts(bench, [necktimer_side(empty, "empty"),
                                         necktimer_side(full, "full")])
    return start_rows(bench, results, "full", "empty", f", {count:,} sessions",
                      "empty history", "empty")


# -- wake-ups ----------------------------------------------------------------------------


# (case, command-line arguments, hidden, the state `status --json` must report)
WAKEUP_CASES = (
    ("countdown visible", ["start", "ice", "--minutes", "15"], False, "running"),
    ("hidden, session running", ["start", "ice", "--minutes", "15"], True, "running"),
    ("hidden, waiting out the gap", [], True, "waiting"),
)


@dataclass
class Idler:
    """A process left alone to count its context switches."""

    name: str
    process: subprocess.Popen
    stop: Callable[[subprocess.Popen], None]
    cli: NecktimerCli | None = None
    state: str = ""  # the state `status --json` should report
    switches: dict[str, int] = field(default_factory=dict)
    helpers: set[str] = field(default_factory=set)  # command lines of helper processes


def hide_without_tray(bench: Bench, process: subprocess.Popen) -> None:
    """No tray: wait for necktimer's window and unmap it from outside, as a WM would."""
    found = bench.desktop.watcher.first_window(process.pid, START_TIMEOUT, running(process))
    if found is None:
        raise AppError("necktimer's window never appeared, so it could not be hidden")
    bench.desktop.watcher.unmap(found[0])


def start_idler(bench: Bench, name: str, args: list[str], *, hidden: bool,
                state: str) -> Idler:
    """Launch necktimer through its command line in one of the wake-up states."""
    cli = bench.app(name.replace(" ", "-").replace(",", ""))
    if state == "waiting":  # a session that ended 10 minutes ago
        seed_sessions(cli.db_path, gap_rows(datetime.now(UTC)))
    tray = hidden and bench.desktop.tray
    if bench.desktop.watcher:
        bench.desktop.watcher.clear()
    process, output = cli.launch(*(["--minimized"] if tray else []), *args)
    try:
        if args and output.wait_for(bool, START_TIMEOUT) is None:
            raise AppError(f"`necktimer {' '.join(args)}` printed nothing: {cli.stderr_tail()}")
        if hidden and not tray:
            hide_without_tray(bench, process)
    except AppError:
        cli.stop(process)
        raise
    return Idler(name, process, cli.finish, cli, state)


def wakeup_rows(bench: Bench, idlers: dict[str, Idler], skips: dict[str, str],
                seconds: float) -> list[Row]:
    """Per-minute context switches of each necktimer case against its bare baseline."""
    rows = []
    for case, _args, hidden, _state in WAKEUP_CASES:
        base, baseline_is = ("bare hidden", "bare hidden window") if hidden else (
            "bare visible", "bare window")
        limit = 6 if hidden else 120
        row = Row(f"context switches, {case}", "/min", baseline_is=baseline_is)
        if case in skips or case not in idlers:
            row.skipped = skips.get(case, "not started")
            rows.append(row.at_most(limit))
            continue
        ours, theirs = idlers[case].switches, idlers[base].switches
        row.necktimer = sum(ours.values()) * 60 / seconds
        row.baseline = None if base in skips else sum(theirs.values()) * 60 / seconds
        row.details = {"threads_per_min": {name: round(count * 60 / seconds, 1)
                                           for name, count in ours.items()},
                       "baseline_threads_per_min": {name: round(count * 60 / seconds, 1)
                                                    for name, count in theirs.items()}}
        busiest = sorted(ours.items(), key=lambda item: -item[1])[:3]
        helpers = idlers[case].helpers
        bench.notes.append(f"{case}: busiest threads " + ", ".join(
            f"{name} {count * 60 / seconds:.0f}/min" for name, count in busiest)
            + (f"; counted with {len(helpers)} helper process(es): " + "; ".join(
                short_command(command) for command in sorted(helpers)) if helpers else ""))
        rows.append(row.at_most(limit))
    return rows


def measure_wakeups(bench: Bench) -> list[Row]:
    """Context switches of all threads per minute, all cases side by side in one window."""
    settle, seconds = bench.options.settle, bench.options.wakeup_seconds
    idlers: dict[str, Idler] = {}
    skips: dict[str, str] = {}
    try:
        idlers["bare visible"] = Idler("bare visible", bench.bare(), end_process)
        idlers["bare hidden"] = Idler("bare hidden", bench.bare("--hidden"), end_process)
        for case, args, hidden, state in WAKEUP_CASES:
            if hidden and not bench.desktop.watcher:
                skips[case] = "offscreen: there is no tray and no X server to hide the window in"
                continue
            try:
                idlers[case] = start_idler(bench, case, args, hidden=hidden, state=state)
            except (AppError, SeedError) as error:
                skips[case] = str(error)
        bench.progress(f"wake-ups: settling {settle:g} s, then counting for {seconds:g} s")
        time.sleep(settle)
        skips.update(check_idlers(idlers))
        before = {name: app_switches(idler) for name, idler in idlers.items()}
        time.sleep(seconds)
        for name, idler in idlers.items():
            idler.switches = switches_between(before[name], app_switches(idler))
    finally:
        for idler in idlers.values():
            idler.stop(idler.process)
    bench.notes.append(f"context switches: voluntary + involuntary of every thread "
                       f"(/proc/PID/task/*/status), counted over {seconds:g} s after "
                       f"{settle:g} s of settling, scaled to a minute; the {len(idlers)} "
                       "processes ran side by side in the same window")
    return wakeup_rows(bench, idlers, skips, seconds)


def app_switches(idler: Idler) -> dict[str, int]:
    """Context switches per thread of the process, and for necktimer of its helpers too.

    A helper is any other process naming the data folder on its command line (such
    as `necktimer backstop --data-dir DIR`); its threads are labelled "helper ".
    """
    if idler.cli is None:
        return thread_switches(idler.process.pid)
    counts = {}
    for pid, command in processes_naming(idler.cli.data_dir).items():
        helper = pid != idler.process.pid
        if helper:
            idler.helpers.add(command)
        counts.update(thread_switches(pid, "helper " if helper else ""))
    return counts


def short_command(command: str) -> str:
    """A command line without the interpreter's path and the temporary folder's."""
    words = command.split()
    words = ["python" if word.endswith(("/python", "/python3")) else word for word in words]
    return " ".join(Path(word).name if "/tmp" in word else word for word in words)


def check_idlers(idlers: dict[str, Idler]) -> dict[str, str]:
    """Why a case cannot be counted: its process ended, or necktimer is in the wrong state."""
    problems = {}
    for name, idler in idlers.items():
        if idler.process.poll() is not None:
            problems[name] = f"the process exited with {idler.process.returncode}"
        elif idler.cli:
            status = idler.cli.status() or {}
            if status.get("state") != idler.state:
                problems[name] = (f"`status --json` says {status.get('state')!r}, expected "
                                  f"{idler.state!r}")
    return problems


# -- History sorting ---------------------------------------------------------------------


def history_child(bench: Bench, data_dir: Path) -> dict:
    """Run history_sort.py on a data folder; its JSON answer."""
    result = subprocess.run([bench.python, str(HISTORY_SORT), str(data_dir),
                             str(bench.options.sort_repeats)], cwd=bench.source,
                            env=bench.desktop.env, capture_output=True, text=True, timeout=1800,
                            check=False)
    try:
        return json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"skip": f"history_sort.py exited {result.returncode}: "
                        f"{last_line(result.stderr)}"}


def slower_order(column: dict) -> float:
    """The median time of the slower of the two sort orders."""
    return max(statistics.median(column["ascending_s"]),
               statistics.median(column["descending_s"]))


def measure_sort(bench: Bench) -> list[Row]:
    """Sorting History by every column: 500k sessions, and an empty history as baseline."""
    count = bench.options.sessions
    full_dir = seeded_history(bench).data_dir
    bench.progress(f"History: sorting {count:,} sessions by every column, both orders")
    full = history_child(bench, full_dir)
    empty = history_child(bench, bench.app("empty-sort").data_dir)
    if "skip" in full or "skip" in empty:
        reason = full.get("skip") or empty.get("skip")
        return [Row(f"sort History by each column, {count:,} sessions", "s",
                    skipped=f"the History window could not be opened in-process: {reason}")]
    rows = [Row(f"open History, {count:,} sessions", "s", full["open_s"], empty["open_s"],
                "empty history", details={"rows_loaded": full["rows"]})]
    rows[0].target = "—"
    empty_columns = {column["name"]: column for column in empty["columns"]}
    repeats = bench.options.sort_repeats
    for column in full["columns"]:
        baseline = empty_columns.get(column["name"])
        row = Row(f"sort History by {column['name']}, {count:,} sessions", "s",
                  slower_order(column), slower_order(baseline) if baseline else None,
                  "empty history", details={"necktimer": column, "baseline": baseline})
        rows.append(row.at_most(0.3))
    bench.notes.append(f"History sort: in-process (history_sort.py), model.sort() + "
                       f"processEvents(); each column's slower order, median of {repeats}; "
                       f"{full['rows']:,} rows loaded after opening")
    return rows


# -- notification latency ----------------------------------------------------------------


def one_latency(bench: Bench, name: str, busy_loops: int) -> Row:
    """Seconds from a 1-minute session's planned end to the "Time's up" Notify call."""
    row = Row(f"pack-off notification after the end, {name}", "s")
    hogs = [subprocess.Popen([bench.python, "-c", "while True: pass"])
            for _ in range(busy_loops)]
    process = None
    cli = bench.app(f"latency-{busy_loops}")
    try:
        tray = bench.desktop.tray
        launched = time.time()
        if bench.desktop.watcher:
            bench.desktop.watcher.clear()
        process, output = cli.launch("--verbose", *(["--minimized"] if tray else []),
                                     "start", "ice", "--minutes", "1")
        if output.wait_for(bool, START_TIMEOUT) is None:
            raise AppError(f"`necktimer start ice --minutes 1` printed nothing: "
                           f"{cli.stderr_tail()}")
        if not tray and bench.desktop.watcher:
            hide_without_tray(bench, process)
        planned = planned_end(cli)
        wait = planned.timestamp() - time.time() + 30
        bench.progress(f"latency, {name}: waiting {wait:.0f} s for the session to end")
        arrived = bench.desktop.notifications.wait_for(lambda line: "Time's up" in line,
                                                       wait, since=launched)
        if arrived is None:
            row.skipped = missing_notification(bench, cli, process, launched)
        else:
            row.necktimer = arrived[0] - planned.timestamp()
            row.details = {"planned_end": planned.isoformat(), "summary": arrived[1]}
    finally:
        if process:
            cli.finish(process)
        for hog in hogs:
            end_process(hog)
        bench.end_leftovers(cli.data_dir)  # a helper left reminding would spoil the next case
    return row.at_most(1.0)


def missing_notification(bench: Bench, cli: NecktimerCli, process: subprocess.Popen,
                         since: float) -> str:
    """Why no "Time's up" arrived, as far as can be seen from outside."""
    seen = [line for stamp, line in bench.desktop.notifications.lines if stamp >= since]
    alive = "running" if process.poll() is None else f"exited {process.returncode}"
    return (f"no \"Time's up\" notification within 30 s of the planned end (app {alive}; "
            f"status: {(cli.status() or {}).get('state')}; notifications since the launch: "
            f"{seen or 'none'}; its stderr ends: {cli.stderr_tail()})")


def planned_end(cli: NecktimerCli) -> datetime:
    """The running session's end: from the history file (µs), else `status --json` (s)."""
    status = cli.status() or {}
    ends_at = datetime.fromisoformat(status["ends_at"]) if status.get("ends_at") else None
    precise = running_planned_end(cli.db_path)
    if precise and ends_at and abs((precise - ends_at).total_seconds()) >= 0.001:
        observations["ends_at"] = (
            f"`status --json` gives ends_at to the whole second ({status['ends_at']}) while the "
            f"session ends at {precise.isoformat()}; the latency uses the latter")
    if precise or ends_at:
        return precise or ends_at
    raise AppError("no running session after `start ice --minutes 1`")


def measure_latency(bench: Bench) -> list[Row]:
    """The "Time's up" notification, idle and with every core busy."""
    names = ("idle", f"{os.cpu_count()} cores busy")
    if bench.desktop.notifications is None:
        return [Row(f"pack-off notification after the end, {name}", "s",
                    skipped="no notification server could be started (see the header)")
                .at_most(1.0) for name in names]
    if not bench.desktop.tray:
        how = ("window unmapped by this script" if bench.desktop.watcher
               else "window shown offscreen")
        bench.notes.append(f"notification latency ran without a tray: {how}")
    return [one_latency(bench, names[0], 0),
            one_latency(bench, names[1], os.cpu_count() or 2)]


# -- installed size ----------------------------------------------------------------------


def venv_with(python: str, folder: Path, requirement: str) -> Path:
    """A fresh venv with `pip install requirement`; returns its site-packages."""
    subprocess.run([python, "-m", "venv", str(folder)], check=True, capture_output=True)
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet",
           "--disable-pip-version-check", requirement]
    result = subprocess.run(pip, capture_output=True, text=True, timeout=1800, check=False)
    if result.returncode != 0:
        raise AppError(f"pip install {requirement} failed: {last_line(result.stderr)}")
    return next(folder.glob("lib/python*/site-packages"))


def disk_usage(folder: Path) -> int:
    """Bytes on disk under folder, as du counts them."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, name)).st_blocks * 512
    return total


def distributions(site_packages: Path) -> dict[str, str]:
    """{name: version} of the installed distributions, from their .dist-info folders."""
    found = {}
    for path in site_packages.glob("*.dist-info"):
        name, _, version = path.name.removesuffix(".dist-info").partition("-")
        found[name.lower()] = version
    return found


def measure_sizes(bench: Bench) -> list[Row]:
    """site-packages of `pip install .` vs `pip install PySide6-Essentials` (same version)."""
    row = Row("installed size (site-packages, fresh venv)", "MiB",
              baseline_is="PySide6-Essentials alone", target="Essentials only")
    with tempfile.TemporaryDirectory(prefix="necktimer-bench-venvs-") as folder:
        bench.progress("sizes: pip install . and pip install PySide6-Essentials in fresh venvs")
        ours = venv_with(bench.python, Path(folder) / "project", str(bench.source))
        theirs = distributions(ours)
        version = theirs.get("pyside6_essentials")
        requirement = f"PySide6-Essentials=={version}" if version else "PySide6-Essentials"
        base = venv_with(bench.python, Path(folder) / "essentials", requirement)
        row.necktimer, row.baseline = disk_usage(ours) / 2**20, disk_usage(base) / 2**20
        extra = sorted(set(theirs) - set(distributions(base)))
    row.met = "pyside6_addons" not in extra
    row.details = {"distributions_beyond_essentials": extra, "baseline": requirement}
    bench.notes.append(f"installed size: baseline `pip install {requirement}` (the version "
                       "`pip install .` resolved); the project's venv holds beyond it: "
                       + (", ".join(f"{name} {theirs[name]}" for name in extra) or "nothing")
                       + " (pip itself is in both)")
    return [row]
