"""Whether a window can be shown: the display is connected to, not only named."""

import socket

import pytest

from necktimer.display import wayland_answers, x_display_answers


def test_a_socket_left_by_a_dead_compositor_is_no_display(tmp_path):
    """Bound but not listening: what a crashed server leaves behind."""
    path = tmp_path / "wayland-9"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as dead:
        dead.bind(str(path))
        assert not wayland_answers(str(path))
        dead.listen(1)
        assert wayland_answers(str(path))
    assert not wayland_answers(str(tmp_path / "never-there"))


def test_a_wayland_name_is_looked_for_in_the_runtime_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as compositor:
        compositor.bind(str(tmp_path / "wayland-1"))
        compositor.listen(1)
        assert wayland_answers("wayland-1")
    monkeypatch.setenv("XDG_RUNTIME_DIR", "")
    assert not wayland_answers("wayland-1")


def free_display_number() -> tuple[socket.socket, int]:
    for number in range(90, 200):
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            server.bind(("127.0.0.1", 6000 + number))
        except OSError:
            server.close()
            continue
        return server, number
    pytest.fail("no free port between 6090 and 6199")


def test_a_forwarded_display_whose_connection_is_gone_is_no_display():
    """`DISPLAY=localhost:10.0` from an SSH login that has since ended."""
    server, number = free_display_number()
    with server:
        assert not x_display_answers(f"127.0.0.1:{number}.0")  # bound, not listening
        server.listen(1)
        assert x_display_answers(f"127.0.0.1:{number}.0")
        assert x_display_answers(f"127.0.0.1:{number}")


@pytest.mark.parametrize("name", ["", ":", ":abc", "localhost", "::", ":1x"])
def test_a_display_name_that_names_no_display_is_no_display(name):
    assert not x_display_answers(name)
