"""Build: compile the engine's hot modules with Cython when a C compiler is there, else ship them
as Python (identical output, slower) with a warning. ``CLEANER_PURE=1`` builds the pure package
on purpose. Everything else about the package is in ``pyproject.toml``."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def _load(name: str, path: Path):  # type: ignore[no-untyped-def]
    """A module of the package loaded from its file alone (importing ``cleaner`` needs its dependencies)."""
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


native = _load("_cleaner_native", ROOT / "cleaner" / "engine" / "native.py")


def _warn(message: str) -> None:
    bar = "*" * 78
    print(f"\n{bar}\nWARNING (cleaner): {message}\n{bar}\n", file=sys.stderr)


class OptionalBuildExt(build_ext):
    """Build the compiled modules if possible; a failure leaves the Python modules in charge."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # no compiler at all (distutils' platform errors)
            _warn(f"no C compiler ({exc}); installing the pure-Python engine: same output, several times slower.")

    def build_extension(self, ext) -> None:  # type: ignore[no-untyped-def]
        try:
            super().build_extension(ext)
        except Exception as exc:  # the compiler failed on this module
            _warn(f"could not compile {ext.name} ({exc}); it runs as Python: same output, slower.")


def _extensions() -> list[object]:
    # The character table is written for every build: the pure one reads it too (rules.literals).
    _load("_cleaner_charclasses", ROOT / "cleaner" / "engine" / "charclasses.py").write()
    if native.pure_requested():
        _warn(f"{native.PURE_VARIABLE} is set: building the pure-Python engine (no compiled modules).")
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        _warn("Cython is not installed; installing the pure-Python engine: same output, several times slower.")
        return []
    sources = [str(Path(*name.split(".")).with_suffix(".py")) for name in native.COMPILED_MODULES]
    return list(
        cythonize(
            sources,
            compiler_directives={"language_level": 3, "boundscheck": False, "wraparound": False},
            build_dir="build/cython",  # the generated C stays out of the package
            quiet=True,
        )
    )


os.chdir(ROOT)
setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
