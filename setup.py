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
    extensions: list[object] = []
    # The plain modules keep Python's semantics whole: indices checked, and annotations read as
    # hints for mypy only (Cython would otherwise type ``x: float`` as a C double).
    for modules, plain in ((native.KERNEL_MODULES, False), (native.PLAIN_MODULES, True)):
        directives = {"language_level": 3, "boundscheck": plain, "wraparound": plain}
        extensions += cythonize(
            [str(Path(*name.split(".")).with_suffix(".py")) for name in modules],
            compiler_directives=directives | ({"annotation_typing": False} if plain else {}),
            build_dir="build/cython",  # the generated C stays out of the package
            quiet=True,
        )
    return [extension for extension in extensions if _compiles_soundly(extension)]


def _compiles_soundly(extension) -> bool:  # type: ignore[no-untyped-def]
    """Whether Cython's C for a module is free of the casts it miscompiles (``native.miscompiled_casts``)."""
    found = native.miscompiled_casts(Path(extension.sources[0]).read_text(encoding="utf-8"))
    if found:
        _warn(f"Cython miscompiled {extension.name} ({found[0]}); it runs as Python: same output, slower.")
    return not found


os.chdir(ROOT)
setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
