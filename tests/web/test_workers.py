"""`vigil serve --workers N`: several processes serve the same registry, reading only."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

from typer.testing import CliRunner

from vigil.cli import app

from .conftest import Built


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_two_worker_processes_answer(built: Built) -> None:
    port = _port()
    cmd = [sys.executable, "-m", "vigil", "serve", "--db", str(built.db)]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        body, base = "", f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"{base}/?q={quote('Троцкий')}", timeout=5) as r:
                    body = r.read().decode()
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                time.sleep(0.5)
        assert "Троцкий" in body
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert len(set(re.findall(r"Started server process \[(\d+)\]", out))) == 2, out


def test_editing_stays_in_one_process(built: Built) -> None:
    result = CliRunner().invoke(
        app, ["serve", "--editing", "--workers", "2", "--db", str(built.db)]
    )
    assert result.exit_code == 1
    assert "--workers" in result.output
