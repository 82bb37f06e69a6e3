"""`tradeleads serve --workers N`: several server processes on one port, each writing the JSON access log."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.core.config import Settings

STARTUP_SECONDS = 30
TRADELEADS = Path(sys.executable).with_name("tradeleads")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _workers(pid: int) -> int:
    """The server processes the supervisor started (not multiprocessing's resource tracker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sum(b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes() for child in children)


def _wait_until_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{url}/healthz").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError(f"the server did not answer within {STARTUP_SECONDS} s")


def test_two_workers_share_the_port_and_each_writes_the_access_log(settings: Settings, tmp_path: Path) -> None:
    port, log = _free_port(), tmp_path / "serve.log"
    with log.open("wb") as stderr:
        server = subprocess.Popen([str(TRADELEADS), "serve", "--workers", "2", "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=stderr, env=os.environ.copy())
    try:
        _wait_until_ready(f"http://127.0.0.1:{port}", server)
        assert _workers(server.pid) == 2
        answers = [httpx.get(f"http://127.0.0.1:{port}/plans").status_code for _ in range(6)]
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=STARTUP_SECONDS)
    assert answers == [200] * 6
    lines = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
    assert [line["route"] for line in lines if line["route"] == "/plans"] == ["/plans"] * 6
