"""Frozen dataclasses to and from JSON data, driven by their fields' types.

Handles nested dataclasses, ``tuple[X, ...]`` and fixed tuples, ``dict[str, X]``, ``X | None``,
enums (written as their value, read back through the field's type), ``Path``, and str, int,
float and bool. Data that does not fit the types raises TypeError, ValueError or KeyError, so
a damaged cache is noticed rather than half read.
"""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from pathlib import Path
from typing import TypeAlias, TypeVar

Json: TypeAlias = "dict[str, Json] | list[Json] | str | int | float | bool | None"

T = TypeVar("T")
_PRIMITIVES: tuple[type, ...] = (str, int, float, bool)
_hints: dict[type, dict[str, object]] = {}


def to_json(value: object) -> Json:
    """Plain JSON data for a dataclass instance (or anything it holds)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in _init_fields(type(value))}
    if isinstance(value, enum.Enum):
        return to_json(value.value)
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {_key(k): to_json(v) for k, v in value.items()}
    if value is None or isinstance(value, _PRIMITIVES):
        return typing.cast(Json, value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def from_json(cls: type[T], data: Json) -> T:
    """An instance of ``cls`` from what ``to_json`` wrote."""
    return typing.cast(T, _decode(cls, data))


def _decode(tp: object, data: object) -> object:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        return _decode_optional(args, data)
    if origin is tuple:
        return _decode_tuple(args, data)
    if origin is dict:
        items = _expect(data, dict).items()
        return {_key(k): _decode(args[1], v) for k, v in items}
    if isinstance(tp, type):
        return _decode_class(tp, data)
    raise TypeError(f"cannot read the type {tp!r}")


def _decode_class(tp: type, data: object) -> object:
    if dataclasses.is_dataclass(tp):
        fields = _expect(data, dict)
        hints = _hints_of(tp)
        return tp(**{f.name: _decode(hints[f.name], fields[f.name]) for f in _init_fields(tp)})
    if issubclass(tp, enum.Enum):
        return tp(data)
    if tp is Path:
        return Path(_expect(data, str))
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)
    if tp in _PRIMITIVES and type(data) is tp:
        return data
    raise TypeError(f"expected {tp.__name__}, found {type(data).__name__}")


def _decode_optional(args: tuple[object, ...], data: object) -> object:
    others = [a for a in args if a is not type(None)]
    if len(others) != 1:
        raise TypeError(f"only X | None unions can be read, not {args!r}")
    return None if data is None else _decode(others[0], data)


def _decode_tuple(args: tuple[object, ...], data: object) -> tuple[object, ...]:
    items = _expect(data, list)
    if len(args) == 2 and args[1] is Ellipsis:
        return tuple(_decode(args[0], item) for item in items)
    if len(args) != len(items):
        raise ValueError(f"expected {len(args)} items, found {len(items)}")
    return tuple(_decode(tp, item) for tp, item in zip(args, items, strict=True))


def _expect(data: object, tp: type[T]) -> T:
    if not isinstance(data, tp):
        raise TypeError(f"expected {tp.__name__}, found {type(data).__name__}")
    return data


def _key(key: object) -> str:
    return _expect(key, str)


def _init_fields(cls: type) -> list[dataclasses.Field[object]]:
    return [f for f in dataclasses.fields(cls) if f.init]


def _hints_of(cls: type) -> dict[str, object]:
    if cls not in _hints:
        _hints[cls] = typing.get_type_hints(cls)
    return _hints[cls]
