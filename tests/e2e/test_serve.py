"""`klachtenbot serve` as an operator starts it: no configuration, a real port, /healthz."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from storage.migrate import head


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def clean_env(**extra: str) -> dict[str, str]:
    prefixes = ("KLACHTENBOT_", "SLACK_", "MICROSOFT_", "ORTHOMATIC_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    return {**env, **extra}


def test_serve_with_no_configuration_answers_healthz(tmp_path: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.entry.cli", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=clean_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 15
        body = None
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
                    body = json.loads(r.read())
                    assert r.status == 200
            except OSError:
                assert process.poll() is None, process.communicate()
                time.sleep(0.2)
        assert body is not None, "no answer from /healthz within 15 seconds"
        assert body["status"] == "ok"
        assert body["database"]["reachable"] is True
        assert body["database"]["migration"] == body["database"]["head"] == head()
        assert (tmp_path / "klachtenbot.db").exists()
    finally:
        process.terminate()
        _, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert "Traceback" not in err


def test_serve_says_so_when_the_database_is_unreachable(tmp_path: Path) -> None:
    env = clean_env(KLACHTENBOT_DATABASE_URL=f"postgresql://nobody@127.0.0.1:{free_port()}/none")
    done = subprocess.run(
        [sys.executable, "-m", "bot.entry.cli", "serve", "--port", str(free_port())],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 1
    assert "database is niet bereikbaar" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_serve_says_so_when_the_port_is_taken(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "bot.entry.cli", "serve", "--port", str(port)],
            cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert done.returncode == 1
    assert f"Poort {port}" in done.stderr and "Traceback" not in done.stderr
