"""Install Debian's chromium for the report browser test, only when it is missing.

Idempotent and quick: when ``/usr/bin/chromium`` exists it does nothing. ``make test`` calls it.
It needs root (apt-get); without it, it prints what to run and exits 0 so the test just skips.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")


def main() -> int:
    """Install chromium with apt-get when absent; return the process exit status."""
    if CHROMIUM.exists():
        return 0
    if shutil.which("apt-get") is None:
        print("setup_browser: apt-get not found; install chromium by hand to run the browser test", file=sys.stderr)
        return 0
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        print("setup_browser: not root; run `apt-get update && apt-get install -y chromium`", file=sys.stderr)
        return 0
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "chromium"], check=True, env=env)
    return 0 if CHROMIUM.exists() else 1


if __name__ == "__main__":
    raise SystemExit(main())
