"""`klachtenbot serve` with each Teams SDK: start-up time and memory (RSS).

    .venv/bin/python bench/teams_serve.py [--runs 5] [--activities 50]

For each SDK (KLACHTENBOT_TEAMS_SDK=botbuilder, then agents), alternating, N times:
a fresh SQLite database, `serve` started as a new process with Teams in local mode
(so the SDK is loaded and answers), and timed from the start of the process until
`GET /healthz` answers 200. Then its RSS (VmRSS) is read, once at rest and once after
`--activities` Teams messages ("klacht help" from an unknown person, on this machine)
have been answered, to a connector on this machine that accepts every reply and
knows no member (a thread of this script). Printed: the medians per SDK, and the peak RSS
(VmHWM). Linux only (/proc).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

ROOT = Path(__file__).resolve().parents[1]
SDKS = ("botbuilder", "agents")
# Straight to this machine, whatever proxy the environment names.
_open = urllib.request.build_opener(urllib.request.ProxyHandler({})).open


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _memory(pid: int) -> tuple[float, float]:
    """(RSS, peak RSS) of a process, in MB."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _healthy(port: int) -> bool:
    try:
        with _open(f"http://127.0.0.1:{port}/healthz", timeout=1) as answer:
            return answer.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _activity(n: int, connector: int) -> bytes:
    return json.dumps(
        {
            "type": "message",
            "id": f"bench-{n}",
            "serviceUrl": f"http://127.0.0.1:{connector}/",
            "channelId": "msteams",
            "from": {"id": "29:bench", "name": "Bench", "aadObjectId": "aad-bench"},
            "conversation": {"id": "a:bench", "conversationType": "personal"},
            "recipient": {"id": "28:klachtenbot", "name": "Klachtenbot"},
            "text": "klacht help",
            "locale": "nl-NL",
        }
    ).encode()


class _Connector(BaseHTTPRequestHandler):
    """Accepts every message; knows no member (404), as for a person not in Teams."""

    def _answer(self, status: int, body: bytes) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self._answer(200, b'{"id": "1"}')

    def do_GET(self) -> None:
        self._answer(404, b"{}")

    def log_message(self, *args: object) -> None:
        pass


def run_once(sdk: str, activities: int, closed: int) -> dict[str, float]:
    port = _free_port()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "KLACHTENBOT_DATABASE_URL": f"sqlite:///{folder}/bench.db",
            "KLACHTENBOT_TEAMS_SDK": sdk,
            "KLACHTENBOT_TEAMS_LOCAL": "1",
            "KLACHTENBOT_SCHEDULER": "false",
        }
        for name in ("MICROSOFT_APP_ID", "SLACK_BOT_TOKEN", "ORTHOMATIC_URL"):
            env.pop(name, None)
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "bot.entry.cli", "serve", "--port", str(port)],
            cwd=folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            while not _healthy(port):
                if process.poll() is not None:
                    sys.exit(f"serve ({sdk}) stopped: exit {process.returncode}")
                time.sleep(0.01)
            startup = time.perf_counter() - started
            rest, _ = _memory(process.pid)
            for n in range(activities):
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/api/messages",
                    data=_activity(n, closed),
                    headers={"Content-Type": "application/json"},
                )
                with _open(request, timeout=30) as answer:
                    assert answer.status < 300, answer.status
            busy, peak = _memory(process.pid)
        finally:
            process.terminate()
            out, _ = process.communicate(timeout=30)
    said = [line for line in out.splitlines() if line.startswith("Teams")]
    assert any(("Agents SDK" if sdk == "agents" else "botbuilder") in line for line in said), said
    return {"startup": startup, "rest": rest, "busy": busy, "peak": peak}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--activities", type=int, default=50)
    args = parser.parse_args()
    connector = ThreadingHTTPServer(("127.0.0.1", 0), _Connector)
    Thread(target=connector.serve_forever, daemon=True).start()
    at = connector.server_address[1]
    results: dict[str, list[dict[str, float]]] = {sdk: [] for sdk in SDKS}
    run_once(SDKS[0], 1, at)  # warm-up: the file cache, compiled bytecode
    for _ in range(args.runs):
        for sdk in SDKS:
            results[sdk].append(run_once(sdk, args.activities, at))
    connector.shutdown()
    print(
        f"serve with Teams in local mode, median of {args.runs} (python {sys.version.split()[0]})"
    )
    print("sdk         start-up   RSS at rest   RSS after answers   peak RSS")
    for sdk, runs in results.items():
        median = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        print(
            f"{sdk:<11} {median['startup']:6.2f} s   {median['rest']:8.1f} MB"
            f"   {median['busy']:10.1f} MB      {max(r['peak'] for r in runs):6.1f} MB"
        )


if __name__ == "__main__":
    main()
