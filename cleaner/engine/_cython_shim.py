"""What the compiled modules use of the ``cython`` module, for an install without Cython: there
they run as plain Python (``compiled`` is False, the decorators change nothing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])

compiled = False


def _same(function: _F) -> _F:
    return function


cfunc = ccall = inline = final = _same


def _directive(*_args: object, **_kwargs: object) -> Callable[[_F], _F]:
    return _same


boundscheck = wraparound = cdivision = exceptval = locals = returns = _directive


def declare(_type: object, value: Any = None, **_kwargs: object) -> Any:
    return value


def cast(_type: object, value: Any, *_args: object, **_kwargs: object) -> Any:
    return value
