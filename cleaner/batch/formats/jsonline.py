"""One JSON line for an output, always encodable as UTF-8, and the error of a record that cannot be rendered.

Records read from JSON may hold lone surrogates (``"\\udc80"`` is valid JSON); such a line is
written with ``\\uXXXX`` escapes (as valid as the input was) instead of failing the file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

#: A UTF-16 surrogate code point, which UTF-8 cannot encode.
_SURROGATE = re.compile("[\ud800-\udfff]")


class RenderError(ValueError):
    """One document's output line could not be built (nesting too deep, an unserialisable value)."""


def json_line(value: Any, default: Callable[[Any], Any] | None = None) -> str:
    """``value`` as one JSON line: UTF-8 text, or ASCII escapes when it holds a lone surrogate."""
    try:
        line = json.dumps(value, ensure_ascii=False, default=default)
        if _SURROGATE.search(line):
            line = json.dumps(value, ensure_ascii=True, default=default)
    except (ValueError, TypeError, RecursionError) as exc:
        raise RenderError(f"cannot write the record as JSON: {type(exc).__name__}: {exc}") from exc
    return line + "\n"
