"""The `necktimer` command: opens the window, or talks to the running one.

Exit codes (`commands.Exit`): 0 done; 1 refused by the safety rules (or nothing
to do); 2 bad command line; 3 the data folder or the running instance cannot be used.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import NoReturn

from necktimer import APP_NAME, __version__, output, xdg
from necktimer.commands import (
    EARLIER,
    Command,
    Exit,
    ProtocolError,
    Reply,
    Request,
    execute,
    refused_start,
    still_to_come,
    when_here,
)
from necktimer.commands import parse_when as _parse_when
from necktimer.core import rules
from necktimer.core.i18n import arg, translate
from necktimer.core.resources import ResourcesMissing
from necktimer.core.rules import State, Therapy

log = logging.getLogger("necktimer.cli")

WINDOW_COMMANDS = (Command.SHOW, Command.START)


def epilog() -> str:
    return arg(translate("Cli", """commands:
  (none)                open the window, or raise the running one
  status [--json]       print what you may do now and when
  start ice|heat [--minutes N]
                        start a session (%1-%2 min) in the running
                        instance, or open necktimer with it started
  stop                  stop the running session
  undo                  take back a stop made in the last 10 seconds
  done [--at-end]       confirm the pack is off after a session ended (--at-end:
                        it came off when the session ended)
  quit [--force]        quit the running instance (refused while a pack is on
                        or a change is not saved yet, unless --force)
  last-applied HH:MM|%3
                        after a lost history: when the last pack came off
                        (14:30, or 2:30pm)
  install-desktop       add necktimer to your application menu (no root needed)
  uninstall-desktop     remove it again

exit codes:
  0  done
  1  refused by the safety rules (the message says when it will be allowed),
     or nothing to do (no session running, no pack waiting)
  2  bad command line
  3  the data folder or the running instance cannot be used

The safety rules: a session lasts at most %2 minutes, and the next one (ice or
heat) may start one gap (2 hours, or longer if you set it) after the previous one
ended. A session stopped within its first minute starts no gap, but its time counts
toward the next session's %2 minutes.
"""), rules.MIN_MINUTES, rules.MAX_MINUTES, EARLIER)


def minutes_arg(text: str) -> int:
    # Digits only: Python's int() would also take "1_0" as 10, or "+5". A minus sign
    # before them is a number, only out of range: it is told the range, as 0 is. Spaces
    # around them (a quoted " 16") are not the mistake worth telling.
    digits = text.strip()
    if not digits.removeprefix("-").isdecimal():
        raise argparse.ArgumentTypeError(
            arg(translate("Cli", "%1 is not a whole number of minutes"), repr(text)))
    value = int(digits)
    if not rules.MIN_MINUTES <= value <= rules.MAX_MINUTES:
        # Worded as the other complaints after "argument --minutes:" are.
        raise argparse.ArgumentTypeError(arg(translate(
            "Cli", "%1 is not allowed: a session lasts %2 to %3 minutes"), value,
            rules.MIN_MINUTES, rules.MAX_MINUTES))
    return rules.check_minutes(value)


def therapy_arg(text: str) -> Therapy:
    """'ice' or 'heat', or their names in the user's language ('Eis', 'calor'), also as
    typed on a keyboard without their letters ('Waerme', 'Warme')."""
    wanted = text.strip().casefold()
    for therapy in Therapy:
        if wanted == therapy.value or wanted in spellings(therapy.label):
            return therapy
    raise argparse.ArgumentTypeError(arg(translate("Cli", "%1 is neither %2 nor %3"),
                                         repr(text), *(_both_words(t) for t in Therapy)))


# How German's letters are written where a keyboard lacks them.
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def spellings(word: str) -> set[str]:
    """A word as written, with its umlauts spelled out, and with its accents left off."""
    import unicodedata  # only for `start`: a window's launch does without it

    word = word.casefold()
    bare = "".join(c for c in unicodedata.normalize("NFD", word)
                   if not unicodedata.combining(c))
    return {word, word.translate(_SPELLED_OUT), bare}


def _both_words(therapy: Therapy) -> str:
    """'ice', or 'ice (Eis)' where the user's language has its own word, which works too."""
    label = therapy.label.casefold()
    return therapy.value if label == therapy.value else f"{therapy.value} ({therapy.label})"


def earlier_word() -> str:
    """The answer "more than one gap ago" in the user's language, which works as well."""
    return translate("Cli", "earlier", "last-applied: more than one gap ago")


def when_arg(text: str) -> str:
    if text.strip().casefold() == earlier_word().casefold():
        return EARLIER
    try:
        return _parse_when(text)
    except ProtocolError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def data_dir_arg(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError(translate("Cli", "the data folder must not be empty"))
    # One spelling per folder ("x/../d", "//d", a symlink): the record's copy and the
    # search for the folder's backstop go by it, and another spelling found neither.
    return Path(text).expanduser().resolve()


def _argparse_words() -> dict[str, str]:
    """argparse's own words (asked of gettext by their English text), in the user's language.

    Each is written out for pyside6-lupdate to find; argparse's placeholders
    (%(value)r, %s) stay as they are in every translation.
    """
    return {
        "usage: ": translate("Argparse", "usage: "),
        "positional arguments": translate("Argparse", "positional arguments"),
        "options": translate("Argparse", "options"),
        "show this help message and exit": translate("Argparse",
                                                     "show this help message and exit"),
        "argument %(argument_name)s: %(message)s": translate(
            "Argparse", "argument %(argument_name)s: %(message)s"),
        "invalid choice: %(value)r (choose from %(choices)s)": translate(
            "Argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
        "the following arguments are required: %s": translate(
            "Argparse", "the following arguments are required: %s"),
        "unrecognized arguments: %s": translate("Argparse", "unrecognized arguments: %s"),
        "expected one argument": translate("Argparse", "expected one argument"),
        "invalid %(type)s value: %(value)r": translate("Argparse",
                                                       "invalid %(type)s value: %(value)r"),
        "ambiguous option: %(option)s could match %(matches)s": translate(
            "Argparse", "ambiguous option: %(option)s could match %(matches)s"),
        "ignored explicit argument %r": translate("Argparse", "ignored explicit argument %r"),
        "not allowed with argument %s": translate("Argparse", "not allowed with argument %s"),
    }


def speak_argparse() -> None:
    """Let argparse's own words (usage:, options, its errors) follow the user's language."""
    words = _argparse_words()
    # argparse looks its words up through the module-level name `_` (gettext) each time.
    argparse._ = lambda text: words.get(text, text)


MESSAGE_LIMIT = 300  # characters of a command-line complaint, whatever was typed


class Parser(argparse.ArgumentParser):
    """argparse, but a mistake gets one line instead of the whole usage text."""

    def error(self, message: str) -> NoReturn:
        # One line, whatever the user typed (a newline in an argument included).
        shown = "".join(c if c.isprintable() else repr(c)[1:-1] for c in message)
        # The hint in brackets ends the line: a complaint written as a sentence elsewhere
        # (a window's reply) gives up its full stop here.
        shown = shown.rstrip().removesuffix(".")
        if len(shown) > MESSAGE_LIMIT:  # a pasted page must not fill the terminal
            shown = shown[:MESSAGE_LIMIT - 1] + "…"
        self.exit(Exit.USAGE, f"{self.prog}: {shown} "
                              + arg(translate("Cli", "(see '%1 --help')"), APP_NAME) + "\n")


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", type=data_dir_arg,
                        default=argparse.SUPPRESS,
                        help=translate("Cli", "keep the history and settings in DIR "
                                              "(a separate profile)"))
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help=translate("Cli", "log what happens"))
    parser = Parser(
        prog=APP_NAME,
        description=arg(translate("Cli", "Times ice and heat sessions for a neck spasm: at "
                                         "most %1 minutes each, 2 hours apart."),
                        rules.MAX_MINUTES),
        epilog=epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=translate("Cli", "show the version and exit"))
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--minimized", action="store_true",
                       help=translate("Cli", "start in the system tray without showing the "
                                             "window"))
    # A menu's action has nobody reading its output: its answer must show on the screen.
    shown.add_argument("--show", action="store_true",
                       help=translate("Cli", "show the answer in the window too: a start "
                                             "that is refused opens or raises the window "
                                             "saying why (the menu's Start ice and Start "
                                             "heat do this)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    status = sub.add_parser("status", parents=[common],
                            help=translate("Cli", "print the current state"))
    status.add_argument("--json", action="store_true",
                        help=translate("Cli", "print one JSON object"))
    start = sub.add_parser("start", parents=[common], help=translate("Cli", "start a session"))
    start.add_argument("therapy", type=therapy_arg,
                       metavar="|".join(t.value for t in Therapy),
                       help=translate("Cli", "ice or heat, in English or in your language"))
    # Also after the command (`start ice --show`), as --data-dir may be.
    start.add_argument("--show", action="store_true", default=argparse.SUPPRESS,
                       help=argparse.SUPPRESS)
    start.add_argument("--minutes", type=minutes_arg, default=None, metavar="N",
                       help=arg(translate("Cli", "length in minutes, %1-%2 (default: the "
                                                 "length you chose last)"),
                                rules.MIN_MINUTES, rules.MAX_MINUTES))
    quit_ = sub.add_parser("quit", parents=[common],
                           help=translate("Cli", "quit the running instance"))
    quit_.add_argument("--force", action="store_true",
                       help=translate("Cli", "quit even while a pack is on or a change is "
                                                "not saved yet"))
    last = sub.add_parser("last-applied", parents=[common],
                          help=translate("Cli", "say when the last pack came off"))
    last.add_argument("when", type=when_arg, metavar=f"HH:MM|{EARLIER}", help=arg(translate(
        "Cli", "when the pack last came off, as your clock showed it (14:30, 2:30pm), or "
               "%1 if it was more than one gap ago"), EARLIER))
    sub.add_parser("stop", parents=[common], help=translate("Cli", "stop the running session"))
    sub.add_parser("undo", parents=[common],
                   help=translate("Cli", "take back a stop made in the last 10 seconds"))
    done = sub.add_parser("done", parents=[common],
                          help=translate("Cli", "confirm the pack is off"))
    done.add_argument("--at-end", action="store_true",
                      help=translate("Cli", "it came off when the session ended, not just "
                                            "now (the gap runs from when it came off)"))
    for name, text in (("install-desktop", translate("Cli", "add the menu entry and icon for "
                                                            "this user")),
                       ("uninstall-desktop", translate("Cli", "remove the menu entry and "
                                                              "icon"))):
        sub.add_parser(name, parents=[common], help=text)
    return parser


def _backstop(argv: list[str]) -> int:
    parser = Parser(prog=f"{APP_NAME} backstop")
    parser.add_argument("--data-dir", type=data_dir_arg, default=None)
    parser.add_argument("--session", type=int, default=None)
    args = parser.parse_args(argv)
    from necktimer import backstop

    return backstop.main(args.data_dir or default_data_dir(), session_id=args.session)


def default_data_dir() -> Path:
    return (xdg.data_home() / APP_NAME).resolve()


def request_for(args: argparse.Namespace) -> Request:
    command = Command(args.command or "show")
    if command is Command.START:
        return Request(command, args.therapy, args.minutes)
    if command is Command.QUIT:
        return Request(command, force=args.force)
    if command is Command.DONE:
        return Request(command, at_end=args.at_end)
    if command is Command.LAST_APPLIED:
        return Request(command, when=args.when)
    return Request(command)


def main(argv: list[str] | None = None) -> int:
    output.forgive_encoding()
    try:
        code = _main(argv)
    except ImportError as error:
        if not (error.name or "").startswith(("PySide6", "shiboken6")):
            raise
        # An install without its Qt (or with a broken one): one line, not a traceback.
        output.say(arg(translate("Cli", "%1: Qt for Python (PySide6) cannot be loaded: %2. "
                                        "Reinstall necktimer with pip."), APP_NAME,
                       str(error)), to_error=True)
        code = Exit.UNAVAILABLE
    except ResourcesMissing as error:
        output.say(f"{APP_NAME}: {error}", to_error=True)
        code = Exit.UNAVAILABLE
    output.finish()
    return code


def _main(argv: list[str] | None) -> int:
    # Everything necktimer writes (history, settings) is health information.
    os.umask(0o077)
    from necktimer.core.machine_zone import use_utc_if_unusable

    if (zone_problem := use_utc_if_unusable()) is not None:  # before any time is shown
        output.say(f"{APP_NAME}: {zone_problem}", to_error=True)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["backstop"]:
        # The backstop outlives the window and must stay small: no Qt, no translations
        # to load (the window wrote its words down for it).
        return _backstop(argv[1:])
    from necktimer.pyside import load

    load()  # before the first Qt import (language): see necktimer/pyside.py
    from necktimer import language

    language.install()  # the environment's language, so that --help and errors read in it
    speak_argparse()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.minimized and args.show:  # `--show` given after the command escapes the group
        words = _argparse_words()  # argparse's own words, as the group would have said it
        parser.error(words["argument %(argument_name)s: %(message)s"] % {
            "argument_name": "--show",
            "message": words["not allowed with argument %s"] % "--minimized"})
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="%(name)s: %(message)s",
    )
    data_dir = args.data_dir if "data_dir" in args else default_data_dir()
    command = args.command or "show"
    if command in ("install-desktop", "uninstall-desktop"):
        from necktimer import desktop

        # A profile chosen with --data-dir is the one the menu entry opens.
        return desktop.main(command, args.data_dir if "data_dir" in args else None)
    from necktimer.settings_io import SettingsFile

    settings = SettingsFile(data_dir)
    language.install(settings.current.language, clock=settings.current.clock)
    request = request_for(args)
    if request.command is Command.LAST_APPLIED and (
            refusal := still_to_come(request.when, datetime.now(UTC))):
        # Read on this terminal's clock, before a window in another zone gets the moment.
        return _print(Reply(Exit.REFUSED, refusal))
    if request.command is Command.STATUS:
        return _status(data_dir, settings, request, as_json=args.json)
    return _act(data_dir, settings, request, minimized=args.minimized, show=args.show)


def _print(reply: Reply) -> int:
    output.say(reply.message, to_error=reply.code not in (Exit.OK, Exit.REFUSED))
    return int(reply.code)


def _status(data_dir: Path, settings, request: Request, *, as_json: bool) -> int:
    """Ask the running instance (it knows what is not yet saved), else read the history."""
    import json

    from necktimer.instance import Unreachable

    try:
        reply = _ask_running(data_dir, request, settings)
    except Unreachable as error:
        # A window that does not answer (stopped, swapping) still left the history and the
        # safety record: when the next session is allowed is read there, as after a crash.
        output.say(f"{APP_NAME}: {_no_answer(data_dir, error)}", to_error=True)
        reply = None
    if reply is None:
        service = _open_service(data_dir, settings, Command.STATUS)
        if isinstance(service, int):
            # The history cannot be opened (another program holds it, say): the safety
            # record still tells when the next session is allowed.
            reply = _status_from_record(data_dir, settings)
            if reply is None:
                return service
        else:
            reply = execute(request, service)
            service.close()
    if as_json and reply.status is not None:
        output.say(json.dumps(in_this_zone(reply.status)))
        return Exit.OK
    return _print(reply)  # also when a window could not answer: its reason and code


def in_this_zone(status: dict) -> dict:
    """The times of a status as this terminal's clock reads them: a window in another zone
    (another TZ) answered with its own offsets, so the JSON changed with who answered."""
    from necktimer.core.report import MOMENT_FIELDS

    def here(value: str) -> str:
        try:
            return datetime.fromisoformat(value).astimezone().isoformat(timespec="seconds")
        except (ValueError, OverflowError):
            return value  # not a moment: passed on as it came

    return {key: here(value) if key in MOMENT_FIELDS and isinstance(value, str) else value
            for key, value in status.items()}


def _status_from_record(data_dir: Path, settings) -> Reply | None:
    from necktimer.commands import status_data, status_sentence
    from necktimer.core.clock import SystemClock
    from necktimer.core.service import status_from_record

    found = status_from_record(data_dir, SystemClock(), settings.current.gap)
    if found is None:
        return None
    status, waiting = found
    _say_from_record()
    # The warning signs are in the history, which cannot be read now: not known (null).
    return Reply(Exit.OK, status_sentence(status, waiting),
                 status_data(status, waiting) | {"warning_signs": None})


def _say_from_record() -> None:
    output.say(translate("Cli", "(from the safety record: the history itself cannot be opened "
                               "right now)"), to_error=True)


def _refusal_from_record(data_dir: Path, settings) -> Reply | None:
    """When the history cannot be opened, a start the rules would refuse anyway, read from
    the safety record: "busy" alone left out when the next session is allowed."""
    from necktimer.core.clock import SystemClock
    from necktimer.core.service import status_from_record

    found = status_from_record(data_dir, SystemClock(), settings.current.gap)
    refusal = refused_start(found[0]) if found is not None else None
    if refusal is not None:
        _say_from_record()
    return refusal


def _ask_running(data_dir: Path, request: Request, settings,
                 unsafe: dict[str, None] | None = None) -> Reply | None:
    """The running instance's reply, or None when none is there to ask. Why this user's
    socket folder could not be used goes into `unsafe` (once each), for the last word.

    Raises Unreachable when a window is there but gives no trustworthy answer (a frozen
    one): that is never taken as "nobody runs".
    """
    from necktimer.instance import ask_instance, sockets_to_ask

    places, problem = sockets_to_ask(data_dir)
    if problem:
        # No safe place here: only the one the window named. Said once, and again if no
        # window answers (this is asked every 50 ms while a window holds the folder).
        if unsafe is None or problem not in unsafe:
            log.warning("%s", problem)
        if unsafe is not None:
            unsafe[problem] = None
    if not places:
        return None  # nobody listens (and a window about to start needs no speech)
    # A window already running answers in this terminal's language and clock, not its own.
    from necktimer import language

    speech = language.speech_here(settings.current.language)
    request = dataclasses.replace(request, speech=speech, when=when_here(request.when))
    return ask_instance(data_dir, request, places=places)


def _no_answer(data_dir: Path, error: Exception, unsafe: dict[str, None] | None = None) -> str:
    reason = " ".join(unsafe or ()) or str(error) or "-"
    return arg(translate("Cli", "necktimer is running for %1 but does not answer (%2)."),
               str(data_dir), reason)


LOCK_WAIT_S = 10.0  # for a window that holds the lock while it starts up (or dies)


def _act(data_dir: Path, settings, request: Request, *, minimized: bool,
         show: bool = False) -> int:
    import time

    from necktimer.core.service import StorageError, check_writable, storage_error
    from necktimer.instance import InstanceLock, Unreachable

    lock = InstanceLock(data_dir)
    deadline = time.monotonic() + LOCK_WAIT_S
    # `--minimized` (a login's autostart, say) leaves a running window where it is.
    asked = Request(Command.PING) if minimized and request.command is Command.SHOW else request
    # Who is told in a dialog: a menu's launch, where nobody reads the output. A `start`
    # typed in a terminal is answered there; a dialog it opened stood in front of the
    # desktop and kept the command from ending (outside tester).
    in_dialog = show or request.command is Command.SHOW
    unsafe: dict[str, None] = {}  # why the socket folder could not be used
    while True:
        try:
            reply = _ask_running(data_dir, asked, settings, unsafe)
        except Unreachable as error:
            return _unusable(_no_answer(data_dir, error, unsafe), in_dialog=in_dialog)
        if reply is not None and asked is not request:
            return _print(Reply(Exit.OK, translate("Cli", "necktimer is already running.")))
        if reply is not None:
            if show and request.command is not Command.SHOW:
                # The running window says it too (its message line), now in sight.
                with contextlib.suppress(Unreachable):
                    _ask_running(data_dir, Request(Command.SHOW), settings, unsafe)
            return _print(reply)
        try:
            check_writable(data_dir)
            if lock.acquire():
                break
        except StorageError as error:
            return _unusable_or_refused(data_dir, settings, request, str(error),
                                        in_dialog=in_dialog)
        except OSError as error:
            return _unusable_or_refused(data_dir, settings, request,
                                        str(storage_error(error, lock.path)),
                                        in_dialog=in_dialog)
        # Another process holds the folder: a window starting up (its socket comes in a
        # moment) or one that just died (the kernel lets its lock go in a moment).
        if time.monotonic() >= deadline:
            return _unusable(_no_answer(data_dir, TimeoutError("no reply"), unsafe),
                             in_dialog=in_dialog)
        time.sleep(0.05)
    # No instance is running: this process is now the only one that may act.
    missing = _no_desktop() if request.command in WINDOW_COMMANDS else None
    if missing and request.command is not Command.START:
        lock.release()
        output.say(f"{APP_NAME}: {missing}", to_error=True)
        return int(Exit.UNAVAILABLE)
    if request.command is Command.QUIT:
        # Nothing to quit, whatever state the history is in (another program holding it
        # made this wait 5 s and report that instead).
        lock.release()
        return _print(Reply(Exit.OK, translate("Cli", "necktimer is not running.")))
    service = _open_service(data_dir, settings, request.command, in_dialog=in_dialog)
    if isinstance(service, int):  # said why, and until when if the rules refuse anyway
        lock.release()
        return service
    if request.command not in WINDOW_COMMANDS:
        reply = execute(request, service)
        if request.command is Command.UNDO and reply.ok:
            _watch_the_pack(data_dir, service, settings)
        if service.copy_problem is not None:
            output.say(service.copy_problem, to_error=True)
        if (unsaved := service.unsaved()) is not None:
            # This process ends now: what it could not write is not kept for later.
            reply = Reply(Exit.UNAVAILABLE, arg(translate(
                "Cli", "%1 Nothing was kept: run the command again once it can be "
                       "saved."), unsaved.sentence()), reply.status)
        service.close()
        lock.release()
        return _print(reply)
    if request.command is Command.START:
        # The rules answer first: over SSH, "no desktop here" alone left out when the
        # next session is allowed.
        refusal = refused_start(service.status())
        # Asked to show it, a refusal opens the window, which says why and until when.
        told_here = refusal is not None and (not show or missing)
        if told_here or missing:
            service.close()
            lock.release()
        if told_here:
            return _print(refusal)
        if missing:
            output.say(f"{APP_NAME}: {missing}", to_error=True)
            return int(Exit.UNAVAILABLE)
    from necktimer.ui.app import run_gui

    return run_gui(service, settings, lock=lock, minimized=minimized,
                   initial=request if request.command is Command.START else None,
                   keep_open=show)


def _watch_the_pack(data_dir: Path, service, settings) -> None:
    """`undo` with no window put the pack back on: a backstop says when it comes off, as
    for a start in the window. Nothing did, and the pack's end passed unsaid (outside
    tester)."""
    from necktimer.core.resources import resource
    from necktimer.ui.backstop_launcher import arm_backstop

    status = service.status()
    if status.state is State.RUNNING and status.session is not None:
        arm_backstop(data_dir, status.session, sound=settings.current.sound,
                     sound_file=str(resource("sounds", "reminder.wav")))


def _no_desktop() -> str | None:
    """Why no window can be shown here, or None. Qt would abort the whole process
    (SIGABRT, a core dump) where it finds no display; this says so in a sentence."""
    from necktimer.display import wayland_answers, x_display_answers

    if os.environ.get("QT_QPA_PLATFORM"):
        return None  # a platform chosen by hand: let Qt try it
    wayland = os.environ.get("WAYLAND_DISPLAY", "")
    display = os.environ.get("DISPLAY", "")
    if (wayland and wayland_answers(wayland)) or (display and x_display_answers(display)):
        return None
    if display or wayland:
        return arg(translate("Cli", "the window cannot be shown: the display %1 is not "
                                    "running. Commands that need no window (status, stop, "
                                    "done, quit) still work."), display or wayland)
    return translate("Cli", "the window cannot be shown: there is no desktop here (neither "
                            "DISPLAY nor WAYLAND_DISPLAY is set). Commands that need no "
                            "window (status, stop, done, quit) still work.")


def _open_service(data_dir: Path, settings, command: Command, *, in_dialog: bool = False):
    """The service on the data folder, or an exit code after saying why it cannot be used
    (`in_dialog` too, for a launch from a menu)."""
    from necktimer.core.clock import SystemClock
    from necktimer.core.service import Problem, SessionService, StorageError, safety_record_path
    from necktimer.instance import await_restored_record

    await_restored_record(data_dir, safety_record_path(data_dir))
    try:
        service = SessionService.open(data_dir, SystemClock(), settings,
                                      looks_only=command is Command.STATUS,
                                      mirror_folder=xdg.records_folder())
        # What a window does first, a terminal does too: a session left open across a
        # reboot with the clock set back is closed as interrupted, so that `stop` cannot
        # call it a mis-start, nor `status` give it 15 more minutes. A window about to
        # open writes the rest (the time, sessions over while it was away) after its
        # first paint, as it does its own: a launch waited ~5 ms on two fsyncs for them.
        service.recover(write_now=command not in WINDOW_COMMANDS)
    except StorageError as error:
        message = str(error)
        if error.problem is Problem.FULL:  # "keeps what it has not saved" is a window's
            message = arg(translate("Cli", "%1 Free some space and run the command again: "
                                           "nothing was changed."), error.cause)
        return _unusable_or_refused(data_dir, settings, Request(command), message,
                                    in_dialog=in_dialog)
    for notice in service.notices:
        output.say(notice, to_error=True)
    for warning in settings.warnings:
        output.say(f"{warning} ({settings.path})", to_error=True)
    # Also with no warning (the file deleted, the gap lowered by hand): "4 h" in the
    # answer below would otherwise go unexplained.
    if kept := service.kept_gap_note():
        output.say(kept, to_error=True)
    return service


def _unusable_or_refused(data_dir: Path, settings, request: Request, message: str, *,
                         in_dialog: bool) -> int:
    """Why the folder or its history cannot be used; for a start the rules refuse anyway
    (read from the safety record), also until when, as the refusal's exit code 1, and in
    the dialog a menu's start shows: a read-only folder in the gap said only "cannot
    write", and a menu's start on a locked history showed only "busy"."""
    refusal = (_refusal_from_record(data_dir, settings) if request.command is Command.START
               else None)
    if refusal is None:
        return _unusable(message, in_dialog=in_dialog)
    _unusable(message, in_dialog=in_dialog, also_shown=refusal.message)
    return _print(refusal)


def _unusable(message: str, *, in_dialog: bool, also_shown: str = "") -> int:
    """Say why the folder cannot be used, and `in_dialog` too; `also_shown` goes only
    into the dialog (the terminal has it on stdout)."""
    # "necktimer: necktimer cannot write …" named the program twice.
    named = message.startswith(f"{APP_NAME} ")
    output.say(message if named else f"{APP_NAME}: {message}", to_error=True)
    # Started from a menu, nobody reads stderr. Only where there is a desktop, or Qt
    # would abort the process with a core dump.
    if in_dialog and _no_desktop() is None:
        from necktimer.ui.app import show_fatal

        show_fatal(f"{message} {also_shown}".strip())
    return Exit.UNAVAILABLE


if __name__ == "__main__":
    sys.exit(main())
