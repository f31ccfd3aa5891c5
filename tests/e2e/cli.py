"""Running the real `klachtenbot` command in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass

# The installed console script runs `bot.entry.cli:main`; the module form works in any venv.
COMMAND = [sys.executable, "-m", "bot.entry.cli"]


@dataclass
class Result:
    code: int
    out: str
    err: str


def klachtenbot(*args: str, url: str, cwd: str | None = None, **env: str) -> Result:
    environment = {**os.environ, "KLACHTENBOT_DATABASE_URL": url, **env}
    done = subprocess.run(
        [*COMMAND, *args], capture_output=True, text=True, env=environment, cwd=cwd, timeout=120
    )
    return Result(done.returncode, done.stdout, done.stderr)
