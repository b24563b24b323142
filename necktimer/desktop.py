"""The Linux desktop citizen: menu entry and icon for this user, and the autostart entry.

Everything goes under the user's own XDG folders, so no root is needed:
$XDG_DATA_HOME/applications, .../icons/hicolor, .../metainfo, and
$XDG_CONFIG_HOME/autostart for starting at login.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

from necktimer import APP_ID, APP_NAME, DISPLAY_NAME
from necktimer.core.i18n import arg, translate
from necktimer.core.resources import app_icon_path, resource
from necktimer.xdg import config_home, data_home

log = logging.getLogger("necktimer.desktop")

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"


def command_path() -> str:
    """The absolute path of the `necktimer` command this copy was started as."""
    script = Path(sys.argv[0])
    if script.name == APP_NAME and script.exists():
        return exec_quote(str(script.resolve()))
    found = shutil.which(APP_NAME)
    if found:
        return exec_quote(str(Path(found).resolve()))
    # Started as `python -m necktimer`: run it the same way from the menu.
    return f"{exec_quote(sys.executable)} -m necktimer"


RESERVED = set(' \t\n\r"\'\\><~|&;$*?#()`')


def exec_quote(argument: str) -> str:
    """One argument as an Exec= key needs it (the Desktop Entry spec, not a shell's rules).

    Reserved characters call for double quotes, inside which `"`, `` ` ``, `$` and `\\`
    take a backslash; the file format then doubles every backslash; `%` becomes `%%`.
    """
    argument = argument.replace("%", "%%")
    if not RESERVED & set(argument):
        return argument
    quoted = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    # Line breaks as the file format's escapes: written as they are, a folder named
    # "x\nHidden=true" added a line to the entry (outside tester).
    escaped = quoted.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return '"' + escaped + '"'


def _with_command(text: str, command: str, extra: str = "") -> str:
    """Point every Exec= line at `command`, keeping its arguments."""
    lines = []
    for line in text.splitlines():
        if line.startswith("Exec="):
            arguments = line.removeprefix("Exec=").split()[1:]
            line = "Exec=" + " ".join([command, *arguments, *([extra] if extra else [])])
        lines.append(line)
    return "\n".join(lines) + "\n"


def installed_paths() -> dict[str, Path]:
    base = data_home()
    return {
        "desktop": base / "applications" / DESKTOP_FILE,
        "icon": base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        "metainfo": base / "metainfo" / METAINFO_FILE,
    }


def install(command: str | None = None, data_dir: Path | None = None) -> list[Path]:
    """The menu entry, its icon and its metadata. With `data_dir` (a profile chosen with
    --data-dir), the entry and its Start ice / Start heat actions use that folder: the menu
    had opened the default one, whose history knows nothing of this one's gap."""
    paths = installed_paths()
    for path in paths.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    template = resource("desktop", DESKTOP_FILE).read_text(encoding="utf-8")
    extra = f"--data-dir {exec_quote(str(data_dir))}" if data_dir is not None else ""
    paths["desktop"].write_text(_with_command(template, command or command_path(), extra),
                                encoding="utf-8")
    paths["desktop"].chmod(0o644)
    shutil.copyfile(app_icon_path(), paths["icon"])
    shutil.copyfile(resource("desktop", METAINFO_FILE), paths["metainfo"])
    for path in (paths["icon"], paths["metainfo"]):
        path.chmod(0o644)
    _refresh_caches()
    return list(paths.values())


def uninstall() -> list[Path]:
    removed = []
    for path in installed_paths().values():
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh_caches()
    return removed


def _refresh_caches() -> None:
    # Optional helpers; menus pick the files up without them, only later.
    for tool, argument in (("update-desktop-database", data_home() / "applications"),
                           ("gtk-update-icon-cache", data_home() / "icons" / "hicolor")):
        if shutil.which(tool) and argument.exists():
            subprocess.run([tool, "-q", str(argument)], check=False, capture_output=True)


def autostart_path(data_dir: Path | None = None) -> Path:
    """The login entry of a profile: each has its own, where ticking "Start at login" in
    one profile replaced another's entry, whose settings still said it started at login
    (outside tester). The default profile keeps the plain name."""
    name = DESKTOP_FILE
    if data_dir is not None and data_dir != (data_home() / APP_NAME).resolve():
        # 64 bits of the path: two folders had one name under crc32 alone (outside tester).
        path = str(data_dir).encode()
        name = f"{APP_ID}.profile-{zlib.crc32(path):08x}{zlib.adler32(path):08x}.desktop"
    return config_home() / "autostart" / name


def set_autostart(enabled: bool, data_dir: Path | None = None,
                  command: str | None = None) -> Path | None:
    """Write or remove the profile's login entry that runs `necktimer --minimized`."""
    path = autostart_path(data_dir)
    if not enabled:
        if path.exists():
            path.unlink()
            log.info("removed %s", path)
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    extra = f"--data-dir {exec_quote(str(data_dir))}" if data_dir is not None else ""
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        f"Name={DISPLAY_NAME}",
        "Comment=Starts in the system tray to remind you when to remove a pack",
        f"Exec={command or command_path()} --minimized {extra}".rstrip(),
        f"Icon={APP_ID}",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(0o644)
    log.info("wrote %s", path)
    return path


def main(command: str, data_dir: Path | None = None) -> int:
    if command == "install-desktop":
        for path in install(data_dir=data_dir):
            print(arg(translate("Desktop", "installed %1"), str(path)))
        if data_dir is not None:
            print(arg(translate("Desktop", "The menu entry uses the data folder %1."),
                      str(data_dir)))
        print(arg(translate("Desktop", "%1 is now in your application menu (remove it with: "
                                       "%2 uninstall-desktop)."), DISPLAY_NAME, APP_NAME))
        return 0
    removed = uninstall()
    for path in removed:
        print(arg(translate("Desktop", "removed %1"), str(path)))
    if not removed:
        print(translate("Desktop", "Nothing to remove."))
    return 0
