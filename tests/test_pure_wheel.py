"""A wheel built without a compiler (``CLEANER_PURE=1``) is a pure wheel, installs, reports the
pure engine, and passes the core of the suite from its install (not this checkout)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The tests run against the installed wheel: the contract, properties, seeds, the quality floor.
PROJECT_FILES = ("pyproject.toml", "setup.py", "README.md", "LICENSE")
BUILT = ("*.so", "*.pyd", "*.c", "__pycache__", "charclasses.bin")
SUITE = ["test_pipeline.py", "test_properties.py", "test_seeds.py", "test_native.py", "test_model.py"]


@pytest.mark.slow
def test_a_pure_wheel_installs_and_passes(tmp_path: Path) -> None:
    env = {**os.environ, "CLEANER_PURE": "1", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    # Built from a copy of the sources alone, as from an sdist (no build/ or extension of this checkout).
    source = tmp_path / "source"
    shutil.copytree(ROOT / "cleaner", source / "cleaner", ignore=shutil.ignore_patterns(*BUILT))
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        env=env,
    )
    (wheel,) = wheels.glob("*.whl")
    assert wheel.name.endswith("-py3-none-any.whl"), wheel.name
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    assert "cleaner/engine/segment.py" in names
    assert "cleaner/engine/charclasses.bin" in names  # the pure build reads the table too
    assert not [name for name in names if name.endswith((".so", ".pyd", ".c"))]

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    # The wheel's own dependencies come from this environment (already installed: no download),
    # after the wheel's site-packages, so the wheel's cleaner is the one imported.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(site, "outer-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True, env=env)
    # Neither the pure switch (the wheel must be pure by itself) nor make test's expectation of a
    # compiled build applies in there.
    clean_env = {key: value for key, value in env.items() if key not in ("CLEANER_PURE", "CLEANER_EXPECT_COMPILED")}
    where = subprocess.run(
        [python, "-c", "import cleaner, cleaner.cli as c; print(cleaner.__file__); c.main(['--version'])"],
        capture_output=True,
        text=True,
        env=clean_env,
        cwd=tmp_path,
    )
    assert where.stdout.startswith(site), where.stdout + where.stderr
    assert "pure-Python engine: built without a C compiler" in where.stdout

    tests = [str(ROOT / "tests" / name) for name in SUITE]
    done = subprocess.run(
        [python, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not slow", *tests],
        capture_output=True,
        text=True,
        env={**clean_env, "HYPOTHESIS_PROFILE": "ci"},
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
