"""A minimal freedesktop notification server for tests, run as its own process.

It owns ``org.freedesktop.Notifications`` on the bus at the address given as
the first argument, checks argument types as strict servers do (dbus-next
rejects a call whose signature differs), and prints every ``Notify`` and
``CloseNotification`` call as one JSON line on stdout. Lines read from stdin
drive it: ``invoke ID KEY`` emits ``ActionInvoked``, ``close ID REASON`` emits
``NotificationClosed``. As dunst and Plasma do, both go only to the connection that
showed (or last replaced) that notification, not to the whole bus: a click on a
bubble whose sender is gone reaches nobody. With ``--login1`` it also plays systemd-logind:
``sleep`` and ``resume`` emit ``PrepareForSleep(true/false)``.
"""

import asyncio
import json
import sys

from dbus_next import Message, MessageType
from dbus_next.aio import MessageBus
from dbus_next.service import ServiceInterface, method, signal

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"


def _plain(hints):
    return {key: variant.value for key, variant in hints.items()}


class Notifications(ServiceInterface):
    def __init__(self, bus):
        super().__init__(NAME)
        self._bus = bus
        self._last_id = 0
        self.caller = None  # the sender of the call being handled (see `note_caller`)
        self._owners = {}  # notification id: the connection that showed it

    def note_caller(self, message):
        """Every message, before it is dispatched: who is calling."""
        if message.message_type is MessageType.METHOD_CALL:
            self.caller = message.sender

    def tell_owner(self, member, signature, body):
        """A signal sent to the notification's owner only, as dunst and Plasma send it."""
        owner = self._owners.get(body[0])
        if owner is not None:
            self._bus.send(Message(message_type=MessageType.SIGNAL, destination=owner,
                                   path=PATH, interface=NAME, member=member,
                                   signature=signature, body=body))

    @method()
    def GetCapabilities(self) -> "as":
        return ["actions", "body", "sound", "persistence"]

    @method()
    def GetServerInformation(self) -> "ssss":
        return ["test-notifyd", "necktimer tests", "1.0", "1.2"]

    @method()
    def Notify(
        self,
        app_name: "s",
        replaces_id: "u",
        app_icon: "s",
        summary: "s",
        body: "s",
        actions: "as",
        hints: "a{sv}",
        expire_timeout: "i",
    ) -> "u":
        if replaces_id:
            notification_id = replaces_id
        else:
            self._last_id += 1
            notification_id = self._last_id
        self._owners[notification_id] = self.caller
        record = {
            "id": notification_id,
            "app_name": app_name,
            "replaces_id": replaces_id,
            "app_icon": app_icon,
            "summary": summary,
            "body": body,
            "actions": actions,
            "hints": _plain(hints),
            "expire_timeout": expire_timeout,
        }
        print(json.dumps(record, default=str), flush=True)
        return notification_id

    @method()
    def CloseNotification(self, notification_id: "u"):
        print(json.dumps({"closed": notification_id}), flush=True)
        self.tell_owner("NotificationClosed", "uu", [notification_id, 3])

    @signal()
    def ActionInvoked(self, notification_id: "u", action_key: "s") -> "us":
        return [notification_id, action_key]

    @signal()
    def NotificationClosed(self, notification_id: "u", reason: "u") -> "uu":
        return [notification_id, reason]


class Login1Manager(ServiceInterface):
    def __init__(self):
        super().__init__("org.freedesktop.login1.Manager")

    @signal()
    def PrepareForSleep(self, start: "b") -> "b":
        return start


async def main():
    bus = await MessageBus(bus_address=sys.argv[1]).connect()
    service = Notifications(bus)
    bus.add_message_handler(service.note_caller)
    bus.export(PATH, service)
    await bus.request_name(NAME)
    login1 = None
    if "--login1" in sys.argv:
        login1 = Login1Manager()
        bus.export("/org/freedesktop/login1", login1)
        await bus.request_name("org.freedesktop.login1")
    print(json.dumps({"ready": True}), flush=True)
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := await reader.readline():
        words = line.decode().split()
        if words[:1] == ["invoke"]:
            service.tell_owner("ActionInvoked", "us", [int(words[1]), words[2]])
        elif words[:1] == ["close"]:
            service.tell_owner("NotificationClosed", "uu", [int(words[1]), int(words[2])])
        elif words[:1] == ["sleep"] and login1:
            login1.PrepareForSleep(True)
        elif words[:1] == ["resume"] and login1:
            login1.PrepareForSleep(False)
        print(json.dumps({"done": words}), flush=True)
        await asyncio.sleep(0)


if __name__ == "__main__":
    asyncio.run(main())
