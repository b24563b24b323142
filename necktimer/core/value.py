"""`@value`: a frozen dataclass that is quicker to define.

Python 3.11's `@dataclass(frozen=True)` compiles six methods from source for every class
as its module is imported: about 0.5 ms a class, 16 ms of each launch for necktimer's
value classes (Python 3.13 compiles a class's methods together, which saves most of it).
`@value` lets `dataclasses` find the fields but compile nothing, then compiles only
`__init__`, whose speed matters (an instance is made for every row read), and gives the
class shared methods for the rest: a repr, equality and hash over the compared fields,
and no changes once made. To `dataclasses` it is a dataclass like any other: `replace`,
`fields`, `asdict` and `field(default_factory=..., compare=False)` work as usual.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar, dataclass_transform

T = TypeVar("T", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def value(cls: T) -> T:
    """Make `cls` a frozen dataclass, as `@dataclass(frozen=True)` would."""
    own = dict(cls.__dict__)  # what the class defines itself stays, as with dataclasses
    if "__setattr__" in own or "__delattr__" in own:
        raise TypeError(f"{cls.__name__}: a value cannot define __setattr__ or __delattr__")
    undocumented = not cls.__doc__
    if undocumented:  # dataclasses would write one with inspect.signature: 0.2 ms a class
        cls.__doc__ = "-"
    cls = dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    if undocumented:
        cls.__doc__ = f"{cls.__name__}({', '.join(field.name for field in fields if field.init)})"
    cls.__value_repr__ = tuple(field.name for field in fields if field.repr)
    cls.__value_compared__ = tuple(field.name for field in fields if field.compare)
    methods = {"__init__": lambda: _init(cls, [field for field in fields if field.init]),
               "__repr__": lambda: _repr, "__eq__": lambda: _eq}
    for name, make in methods.items():
        if name not in own:
            setattr(cls, name, make())
    if own.get("__hash__") is None:  # none of its own (an __eq__ alone leaves it None)
        cls.__hash__ = _hash
    cls.__setattr__ = _refuse_change
    cls.__delattr__ = _refuse_change
    return cls


def _init(cls: type, fields: list[dataclasses.Field]):
    """An `__init__` taking the fields in order, their defaults and factories applied."""
    names = {"_set": object.__setattr__, "_MISSING": dataclasses.MISSING}
    parameters, lines = [], []
    for field in fields:
        if field.default is not dataclasses.MISSING:
            names[f"_default_{field.name}"] = field.default
            parameters.append(f"{field.name}=_default_{field.name}")
        elif field.default_factory is not dataclasses.MISSING:
            names[f"_factory_{field.name}"] = field.default_factory
            parameters.append(f"{field.name}=_MISSING")
            lines.append(f"if {field.name} is _MISSING: {field.name} = _factory_{field.name}()")
        else:
            parameters.append(field.name)
        lines.append(f"_set(self, {field.name!r}, {field.name})")
    if hasattr(cls, "__post_init__"):
        lines.append("self.__post_init__()")
    source = "def __init__(self, {}):\n    {}\n".format(", ".join(parameters),
                                                      "\n    ".join(lines or ["pass"]))
    exec(compile(source, f"<value {cls.__qualname__}>", "exec"), names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _compared(item) -> tuple:
    return tuple(getattr(item, name) for name in item.__value_compared__)


def _repr(self) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__value_repr__)
    return f"{type(self).__qualname__}({shown})"


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _compared(self) == _compared(other)


def _hash(self) -> int:
    return hash(_compared(self))


def _refuse_change(self, name: str, *_value) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
