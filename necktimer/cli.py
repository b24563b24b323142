"""The `necktimer` command: opens the window, or talks to the running one.

Exit codes: 0 done; 1 refused by the safety rules (or nothing to do);
2 bad command line; 3 the data folder or the running instance cannot be used.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

from necktimer import APP_NAME, DISPLAY_NAME, __version__
from necktimer.core import rules

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_UNAVAILABLE = 0, 1, 2, 3

EPILOG = f"""\
commands:
  (none)                open the window, or raise the running one
  status [--json]       print what you may do now and when
  start ice|heat [--minutes N]
                        start a session ({rules.MIN_MINUTES}-{rules.MAX_MINUTES} min) in the running
                        instance, or open {DISPLAY_NAME} with it started
  stop                  stop the running session
  done                  confirm the pack is off after a session ended
  quit                  quit the running instance
  install-desktop       add {DISPLAY_NAME} to your application menu (no root needed)
  uninstall-desktop     remove it again

exit codes:
  0  done
  1  refused by the safety rules (the message says when it will be allowed),
     or nothing to do (no session running, no pack waiting)
  2  bad command line
  3  the data folder or the running instance cannot be used

The safety rules: a session lasts at most {rules.MAX_MINUTES} minutes, and the next one (ice or
heat) may start 2 hours after the previous one ended. A session stopped within its first
minute does not count.
"""


def minutes_arg(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of minutes") from None
    try:
        return rules.check_minutes(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake gets one line instead of the whole usage text."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see '{APP_NAME} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="keep the history and settings in DIR (a separate profile)")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="log what happens")
    parser = Parser(
        prog=APP_NAME,
        description="Times ice and heat sessions for a neck spasm: at most "
                    f"{rules.MAX_MINUTES} minutes each, 2 hours apart.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--minimized", action="store_true",
                        help="start in the system tray without showing the window")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    status = sub.add_parser("status", parents=[common], help="print the current state")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    start = sub.add_parser("start", parents=[common], help="start a session")
    start.add_argument("therapy", choices=[t.value for t in rules.Therapy])
    start.add_argument("--minutes", type=minutes_arg, default=None, metavar="N",
                       help=f"length in minutes, {rules.MIN_MINUTES}-{rules.MAX_MINUTES} "
                            "(default: the length set in the settings)")
    for name, text in (("stop", "stop the running session"),
                       ("done", "confirm the pack is off"),
                       ("quit", "quit the running instance"),
                       ("install-desktop", "add the menu entry and icon for this user"),
                       ("uninstall-desktop", "remove the menu entry and icon")):
        sub.add_parser(name, parents=[common], help=text)
    return parser


def default_data_dir() -> Path:
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setApplicationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)


def main(argv: list[str] | None = None) -> int:
    # Everything necktimer writes (history, settings) is health information.
    os.umask(0o077)
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(name)s: %(message)s",
    )
    data_dir = Path(args.data_dir).expanduser() if "data_dir" in args else default_data_dir()
    command = args.command or "show"

    if command in ("install-desktop", "uninstall-desktop"):
        from necktimer import desktop

        return desktop.main(command)
    if command == "status":
        return _status(data_dir, as_json=args.json)
    return _instance_command(data_dir, command, args)


def _open_service(data_dir: Path):
    from necktimer.core.clock import SystemClock
    from necktimer.core.service import SessionService
    from necktimer.core.store import Store
    from necktimer.settings_io import SettingsFile

    opened = Store.open(data_dir)
    settings = SettingsFile(data_dir)
    notices = ([opened.notice] if opened.notice else []) + settings.warnings
    for notice in notices:
        print(notice, file=sys.stderr)
    return SessionService(opened.store, SystemClock(), settings), notices


def _status(data_dir: Path, *, as_json: bool) -> int:
    from necktimer.core.report import status_json
    from necktimer.core.store import StoreError

    try:
        service, _notices = _open_service(data_dir)
    except StoreError as error:
        print(f"{APP_NAME}: {error}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    status = service.status()
    if as_json:
        print(json.dumps(status_json(status)))
    else:
        print(status.sentence())
    return EXIT_OK


def _request_for(command: str, args: argparse.Namespace) -> dict:
    if command == "start":
        return {"cmd": "start", "therapy": args.therapy, "minutes": args.minutes}
    return {"cmd": command}


def _instance_command(data_dir: Path, command: str, args: argparse.Namespace) -> int:
    from necktimer.core.store import StoreError, access_message, make_private_dir
    from necktimer.ui.single_instance import InstanceLock, send_request, socket_path

    try:
        make_private_dir(data_dir)
    except OSError as error:
        print(f"{APP_NAME}: cannot use the data folder {data_dir}: {error.strerror}",
              file=sys.stderr)
        return EXIT_UNAVAILABLE
    request = _request_for(command, args)
    path = socket_path(data_dir)
    lock = InstanceLock(data_dir)
    if not lock.try_acquire() and lock.denied:
        return _unusable(command, StoreError(access_message(data_dir, PermissionError(
            f"cannot create a lock file in {data_dir}"))))
    if not lock.acquired:
        reply = send_request(path, request)
        if reply is None:
            print(f"{APP_NAME} is running but does not answer on {path}.", file=sys.stderr)
            return EXIT_UNAVAILABLE
        print(reply.get("message", ""))
        return int(reply.get("code", EXIT_UNAVAILABLE))

    # No instance is running: this process is now the only one that may act.
    try:
        if command in ("stop", "done", "quit"):
            return _act_without_window(data_dir, command)
        # Open the record before any window, so a damaged or read-only one is reported
        # here, and a refused start never opens the app.
        service, notices = _open_service(data_dir)
        decision = rules.may_start(service.status())
        service.store.close()
    except StoreError as error:
        lock.release()
        return _unusable(command, error)
    finally:
        if command in ("stop", "done", "quit"):
            lock.release()
    if command == "start" and not decision.allowed:
        print(decision.reason)
        lock.release()
        return EXIT_REFUSED

    from necktimer.ui.app import run_gui

    return run_gui(
        data_dir,
        minimized=args.minimized,
        initial=request if command == "start" else None,
        lock=lock,
        socket=path,
        notices=notices,
    )


def _unusable(command: str, error: Exception) -> int:
    print(f"{APP_NAME}: {error}", file=sys.stderr)
    if command not in ("stop", "done", "quit"):
        from necktimer.ui.app import show_fatal

        show_fatal(str(error))  # started from a menu, nobody reads stderr
    return EXIT_UNAVAILABLE


def _act_without_window(data_dir: Path, command: str) -> int:
    if command == "quit":
        print(f"{DISPLAY_NAME} is not running.")
        return EXIT_OK
    service, _notices = _open_service(data_dir)
    try:
        if command == "stop":
            outcome = service.stop()
            print(outcome.message)
            return EXIT_OK if outcome.ok else EXIT_REFUSED
        session = service.acknowledge_removal()
        print("Noted: the pack is off." if session else "No pack was waiting to come off.")
        return EXIT_OK if session else EXIT_REFUSED
    finally:
        service.store.close()


if __name__ == "__main__":
    sys.exit(main())
