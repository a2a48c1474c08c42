"""Which engine modules run compiled (a Cython build) and the switch that runs them as Python.

The compiled modules are ordinary ``.py`` files that Cython compiles when the package is built
with a C compiler (``setup.py``); without one they run as they are, with identical output (the
equivalence suite, ``tests/test_equivalence.py``, holds both builds to that). ``CLEANER_PURE=1``
in the environment when ``cleaner`` is first imported runs the Python sources even where a
compiled build is installed, e.g. to compare the two or to debug.
"""

from __future__ import annotations

import importlib.machinery
import importlib.util
import itertools
import os
import re
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

#: Modules written for C (``setup.py`` compiles them without bounds checks or negative indices):
#: the per-character and per-block loops.
KERNEL_MODULES: tuple[str, ...] = (
    "cleaner.engine.segment",
    "cleaner.engine.scan",
    "cleaner.engine.rules.prefilter",
    "cleaner.engine.decode",
)
#: Ordinary Python modules of the per-page path, compiled as they are (Python's indexing kept):
#: compiled, their calls, loops and attribute reads skip the interpreter.
PLAIN_MODULES: tuple[str, ...] = (
    "cleaner.engine.decide",
    "cleaner.engine.context",
    "cleaner.engine.scores",
    "cleaner.engine.regions",
    "cleaner.engine.features",
    "cleaner.engine.rules.engine",
    "cleaner.engine.page",
    "cleaner.engine.title",
    "cleaner.engine.anchor",
    "cleaner.engine.assemble",
    "cleaner.engine.heuristics.cards",
)
#: The modules ``setup.py`` compiles (dotted names), in one place.
COMPILED_MODULES: tuple[str, ...] = KERNEL_MODULES + PLAIN_MODULES
#: Set to 1 (or true/yes) to run the Python sources of a compiled build.
PURE_VARIABLE = "CLEANER_PURE"


def pure_requested(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether the environment asks for the Python sources (``CLEANER_PURE=1``)."""
    return environ.get(PURE_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}


class _SourceFinder:
    """Finds the compiled modules' ``.py`` files before the import system finds their extension."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in COMPILED_MODULES or not path:
            return None
        name = fullname.rpartition(".")[2]
        for entry in path:
            source = os.path.join(entry, name + ".py")
            if os.path.isfile(source):
                loader = importlib.machinery.SourceFileLoader(fullname, source)
                return importlib.util.spec_from_file_location(fullname, source, loader=loader)
        return None


def install_switch() -> None:
    """Honour ``CLEANER_PURE``: called by ``cleaner.engine`` before it imports any compiled module."""
    if pure_requested() and not any(isinstance(finder, _SourceFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _SourceFinder())


def is_compiled(module: ModuleType) -> bool:
    """Whether a module was loaded from a compiled extension rather than its Python source."""
    return isinstance(getattr(module, "__loader__", None), importlib.machinery.ExtensionFileLoader)


def status() -> dict[str, bool]:
    """Each compiled module (imported now if it was not) and whether it runs compiled."""
    return {name: is_compiled(importlib.import_module(name)) for name in COMPILED_MODULES}


#: A C truth value (an ``int`` temporary) cast to a Python object: what Cython generates for an
#: ``and``/``or`` chain that mixes Python and C truth values (Cython issue 7472); the object is
#: then appended or decref'd, and the process crashes.
_C_INT_TEMPORARY = re.compile(r"^\s+int (__pyx_t_\d+);$", re.M)
_CAST_TO_OBJECT = re.compile(r"\(\(PyObject \*\)(__pyx_t_\d+)\)")
_FUNCTION_START = re.compile(r"^static [^;]*\)\s*\{$", re.M)


def miscompiled_casts(c_source: str) -> list[str]:
    """The lines of Cython's generated C that cast a C integer temporary of their function to
    ``PyObject *`` (``setup.py`` leaves such a module uncompiled; ``tests/test_native.py``)."""
    found: list[str] = []
    starts = [match.start() for match in _FUNCTION_START.finditer(c_source)] + [len(c_source)]
    for start, end in itertools.pairwise(starts):
        body = c_source[start:end]
        ints = set(_C_INT_TEMPORARY.findall(body))
        found += [line.strip() for line in body.splitlines() if any(v in ints for v in _CAST_TO_OBJECT.findall(line))]
    return found
