"""Make docs/explain-report.png: the explain report of a seed article, rendered by headless chromium.

Run: ``.venv/bin/python benchmarks/make_report_screenshot.py`` (needs /usr/bin/chromium; see
tests/setup_browser.py). The page itself is written to benchmarks/_work/explain-report.html.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seeds" / "000_a3828fbc3c638a09.txt"
PAGE = ROOT / "benchmarks" / "_work" / "explain-report.html"
SHOT = ROOT / "docs" / "explain-report.png"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> int:
    """Write the report page, then screenshot it at 1200x2000."""
    from cleaner.cli import main as cleaner_main

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        print("chromium missing: run python tests/setup_browser.py", file=sys.stderr)
        return 1
    PAGE.parent.mkdir(parents=True, exist_ok=True)
    SHOT.parent.mkdir(parents=True, exist_ok=True)
    if cleaner_main(["explain", str(SEED), "--report", str(PAGE), "-q"]) != 0:
        return 1
    with tempfile.TemporaryDirectory() as profile:
        command = [chromium, *FLAGS, f"--user-data-dir={profile}", f"--screenshot={SHOT}", "--window-size=1200,2000"]
        subprocess.run([*command, PAGE.as_uri()], check=True, capture_output=True, timeout=120)
    print(f"wrote {SHOT.relative_to(ROOT)} ({SHOT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
