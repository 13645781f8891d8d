"""`vigil serve --workers N`: several processes serve the same registry, reading only."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import quote

import pytest
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


def test_editing_is_replaced_by_accounts(built: Built) -> None:
    result = CliRunner().invoke(
        app, ["serve", "--editing", "--workers", "2", "--db", str(built.db)]
    )
    assert result.exit_code == 1
    assert "vigil user add" in result.output


def test_several_processes_take_no_uploads_and_keep_login_required(
    built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What each worker of `vigil serve --workers N --login-required` builds from its
    environment: every page needs a login, and ingest says it needs one process."""
    from fastapi.testclient import TestClient

    from vigil.web.app import from_environment

    monkeypatch.setenv("VIGIL_DB", str(built.db))
    monkeypatch.setenv("VIGIL_LOGIN_REQUIRED", "1")
    with TestClient(from_environment()) as c:
        assert c.get("/api/sources").status_code == 401
        assert c.app.state.editor.ingest is False
