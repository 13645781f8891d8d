"""`vigil serve --workers N`: several processes serve the same registry, reading only."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

from vigil.cli import app
from vigil.store import Registry
from vigil.store.accounts import Accounts

from ..conftest import registry_location
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


def test_each_process_keeps_login_required_and_the_upload_limit(
    built: Built, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What each worker of `vigil serve --workers N --login-required --max-upload 3` builds
    from its environment: every page needs a login, and uploads have the same limit."""
    from fastapi.testclient import TestClient

    from vigil.web.app import from_environment

    monkeypatch.setenv("VIGIL_DB", str(built.db))
    monkeypatch.setenv("VIGIL_LOGIN_REQUIRED", "1")
    monkeypatch.setenv("VIGIL_MAX_UPLOAD", str(3 * 1024 * 1024))
    with TestClient(from_environment()) as c:
        assert c.get("/api/sources").status_code == 401
        assert c.app.state.editor.upload_limit == 3 * 1024 * 1024


def _call(base: str, method: str, path: str, body: bytes | None = None,
          headers: dict[str, str] | None = None) -> tuple[int, dict]:  # fmt: skip
    """One request on a new connection, so that either process may take it."""
    req = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read() or b"{}")


def test_any_process_takes_an_upload_and_any_shows_its_job(tmp_path: Path) -> None:
    db = registry_location(tmp_path / "workers.db")
    with Registry.open(str(db)) as reg:
        reg.init()
        Accounts(reg.engine).add("ed", "an editor's passphrase", "editor", "test")
    port = _port()
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "vigil", "serve", "--db", str(db), "--port", str(port),
         "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        for _ in range(120):
            try:
                status, login = _call(base, "POST", "/api/login",
                                      json.dumps({"name": "ed", "password": "an editor's "
                                                  "passphrase"}).encode(),
                                      {"Content-Type": "application/json"})  # fmt: skip
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                time.sleep(0.5)
        assert status == 200, login
        auth = {"Authorization": f"Bearer {login['token']}"}
        jobs = []
        for n in range(4):  # on new connections: the kernel hands them to either process
            data = f"№;Фамилия;Имя\n1;Воркеров{n};Иван\n2;Процессов{n};Пётр\n".encode()
            boundary = "vigil-test-boundary"
            body = (
                (
                    f'--{boundary}\r\nContent-Disposition: form-data; name="id_column"\r\n\r\n'
                    f'№\r\n--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                    f'filename="list-{n}.csv"\r\n\r\n'
                ).encode()
                + data
                + f"\r\n--{boundary}--\r\n".encode()
            )
            kind = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
            status, job = _call(base, "POST", "/api/ingest", body, {**auth, **kind})
            assert status == 202, job
            jobs.append(job["id"])
        states: dict[str, dict] = {}
        for _ in range(600):
            states = {j: _call(base, "GET", f"/api/ingest/jobs/{j}", None, auth)[1] for j in jobs}
            if all(s.get("state") in ("done", "failed") for s in states.values()):
                break
            time.sleep(0.1)
        assert [s["state"] for s in states.values()] == ["done"] * 4, states
        assert [s["records"] for s in states.values()] == [2] * 4
    finally:
        proc.terminate()
        out = proc.communicate(timeout=30)[0]
    assert len(set(re.findall(r"Started server process \[(\d+)\]", out))) == 2, out
    with Registry.open(str(db)) as reg:
        assert len(reg.sources()) == 4
        assert [e["action"] for e in reg.audit_log(None, "ingest")] == ["ingest"] * 4
