"""The ingest page (/ingest, for the editor role): upload, follow the job, see the source or
the error.

Files come from the demo corpus the project generates; each test ingests into its own registry,
logged in as its `admin` account (an editor who may also open /review).
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from typer.testing import CliRunner

from vigil.cli import app as cli
from vigil.demo import DemoSource as CorpusSource
from vigil.demo import write_corpus
from vigil.errors import InputError
from vigil.ingest import ingest_path, parse_path
from vigil.readers import ReaderOptions
from vigil.readers.table import parse_mapping
from vigil.store import Registry
from vigil.store.jobs import JobQueue
from vigil.web import create_app
from vigil.web.auth import CSRF_HEADER
from vigil.web.i18n import STRINGS

from .conftest import finished_job
from .test_auth import add_accounts, log_in

HOST = "http://127.0.0.1:8000"
SAME_SITE = {"Origin": HOST}
LIMIT = 1024 * 1024  # 1 MB: a refused upload is cheap to make


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[CorpusSource]:
    return write_corpus(tmp_path_factory.mktemp("upload") / "corpus", n_people=60)


@pytest.fixture
def db(tmp_path: Path, corpus: list[CorpusSource]) -> Path:
    """A registry holding the demo corpus's first source, so there is something to keep."""
    path = tmp_path / "vigil.db"
    with Registry.open(str(path)) as reg:
        reg.init()
        ingest_path(reg, corpus[1].path, corpus[1].format, corpus[1].options)
    add_accounts(path)
    return path


@pytest.fixture
def site(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    monkeypatch.setattr(tempfile, "tempdir", str(_scratch(tmp_path)))
    with TestClient(create_app(str(db), upload_limit=LIMIT), base_url=HOST) as c:
        c.headers[CSRF_HEADER] = log_in(c, "admin")  # every write carries the session's token
        yield c


@pytest.fixture
def roomy(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """The site with room for a list of thousands (its default limit)."""
    monkeypatch.setattr(tempfile, "tempdir", str(_scratch(tmp_path)))
    with TestClient(create_app(str(db)), base_url=HOST) as c:
        c.headers[CSRF_HEADER] = log_in(c, "admin")
        yield c


def _scratch(tmp_path: Path) -> Path:
    folder = tmp_path / "scratch"
    folder.mkdir(exist_ok=True)
    return folder


def _fields(src: CorpusSource) -> dict[str, str]:
    """The source's reader options as the form takes them (like --map and --id-column)."""
    mapping = ",".join(f"{k}={v}" for k, v in src.options.mapping.items())
    return {"format": src.format, "map": mapping, "id_column": src.options.id_column or ""}


def _upload(site: TestClient, name: str, data: bytes, fields: dict[str, str], **kw):  # type: ignore[no-untyped-def]
    return site.post("/ingest", files={"file": (name, data)}, data=fields, headers=SAME_SITE, **kw)


def _state(db: Path) -> tuple[list, dict]:
    with Registry.open(str(db)) as reg:
        return reg.sources(), reg.stats()


@pytest.mark.parametrize("which", [0, 3])  # a Book of Memory, and a cp1251 table with --map
def test_an_upload_runs_to_completion_and_the_source_appears(
    site: TestClient, corpus: list[CorpusSource], which: int, tmp_path: Path
) -> None:
    src = corpus[which]
    _reader, parsed, _enc = parse_path(src.path, src.format, src.options)
    records = list(parsed.records)  # parsed lazily; warnings of the whole file come with them
    sent = _upload(site, src.path.name, src.path.read_bytes(), _fields(src), follow_redirects=False)
    assert sent.status_code == 303
    job_id = sent.headers["location"].rsplit("/", 1)[-1]
    job = finished_job(site, job_id)
    assert job["state"] == "done", job["error"]
    assert job["created"] and job["filename"] == src.path.name
    assert job["records"] == len(records)
    assert job["events"] == sum(len(r.events) for r in records)
    expected_warnings = [w for r in records for w in r.warnings] + parsed.warnings
    assert job["warnings_total"] == len(expected_warnings)

    page = site.get(f"/ingest/jobs/{job_id}?lang=en").text
    assert f'href="/sources/{job["source"]}"' in page and 'http-equiv="refresh"' not in page
    for w in job["warnings"]:
        assert w["message"].startswith(f"{src.path.name}:")
        assert w["text"] in page
    listed = {s["id"]: s for s in site.get("/api/sources").json()}
    assert listed[job["source"]]["records"] == len(records)
    assert site.get(job["source_url"]).status_code == 200
    assert list(_scratch(tmp_path).iterdir()) == []  # the upload's temporary copy is gone

    again = site.post("/api/ingest", files={"file": (src.path.name, src.path.read_bytes())},
                      data=_fields(src))  # fmt: skip
    assert again.status_code == 202
    repeat = finished_job(site, again.json()["id"])
    assert (repeat["state"], repeat["created"], repeat["source"]) == ("done", False, job["source"])


def _broken(src: CorpusSource, line: int, folder: Path) -> Path:
    """The source with a byte that is neither UTF-8 nor cp1251 on `line`."""
    lines = src.path.read_bytes().split(b"\n")
    lines[line - 1] = lines[line - 1][:5] + b"\xff" + lines[line - 1][5:]
    path = folder / src.path.name
    path.write_bytes(b"\n".join(lines))
    return path


@pytest.mark.parametrize("case", ["bad byte", "missing column"])
def test_a_malformed_file_shows_its_error_and_leaves_the_registry_unchanged(
    site: TestClient,
    db: Path,
    corpus: list[CorpusSource],
    case: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    if case == "bad byte":
        src, fields = corpus[0], _fields(corpus[0])
        path = _broken(src, 7, folder)
    else:
        src = corpus[3]
        fields = {**_fields(src), "map": "birth=Год рождения"}  # the header says Г.р.
        path = folder / src.path.name
        path.write_bytes(src.path.read_bytes())
    with pytest.raises(InputError) as raised:
        parse_path(path, fields["format"], _options(fields))
    expected = raised.value
    before = _state(db)

    job_id = _upload(site, path.name, path.read_bytes(), fields).url.path.rsplit("/", 1)[-1]
    job = finished_job(site, job_id)
    assert job["state"] == "failed"
    assert (job["error_line"], job["error_reason"]) == (expected.line, expected.reason)
    assert job["error"] == f"{path.name}:{expected.line}: {expected.reason}"

    # Word for word what `vigil ingest` says of the same file.
    monkeypatch.chdir(folder)
    args = ["ingest", path.name, "--format", fields["format"], "--db", str(db), "--quiet"]
    args += ["--map", fields["map"]] if fields["map"] else []
    args += ["--id-column", fields["id_column"]] if fields["id_column"] else []
    said = CliRunner().invoke(cli, args)
    assert said.exit_code == 1
    assert said.stderr.split() == f"error: {job['error']}".split()  # the console may wrap it

    page = site.get(f"/ingest/jobs/{job_id}?lang=en").text
    assert escape(f"error: {job['error']}") in page
    assert f"<dd>{expected.line}</dd>" in page and STRINGS["en"]["job.nothing_left"] in page
    assert _state(db) == before


def _options(fields: dict[str, str]) -> ReaderOptions:
    mapping = parse_mapping(fields["map"]) if fields["map"] else {}
    return ReaderOptions(mapping, fields["id_column"] or None)


@pytest.mark.parametrize("extra", [1, 10 * LIMIT])  # just over; far over (refused unread)
def test_an_oversized_upload_is_refused(
    site: TestClient, db: Path, corpus: list[CorpusSource], extra: int, tmp_path: Path
) -> None:
    src = corpus[0]
    data = (src.path.read_bytes() * (LIMIT // src.path.stat().st_size + 1))[: LIMIT + extra]
    before = _state(db)
    page = _upload(site, src.path.name, data, _fields(src), params={"lang": "en"})
    assert page.status_code == 413
    assert STRINGS["en"]["ingest.refused.size"].format(limit="1") in page.text
    api = site.post("/api/ingest", files={"file": (src.path.name, data)}, data=_fields(src))
    assert api.status_code == 413 and "too large" in api.json()["detail"]
    assert _state(db) == before and site.get("/ingest").text.count("/ingest/jobs/") == 0
    assert list(_scratch(tmp_path).iterdir()) == []


def test_unknown_format_and_bad_map_are_refused_with_the_reason(
    site: TestClient, corpus: list[CorpusSource]
) -> None:
    src = corpus[3]
    data = src.path.read_bytes()
    unknown = _upload(site, src.path.name, data, {"format": "xlsx"}, params={"lang": "en"})
    assert unknown.status_code == 400 and "Unknown format &#39;xlsx&#39;" in unknown.text
    assert "memory-book" in unknown.text
    bad = _upload(site, src.path.name, data, {"format": "table", "map": "nonsense"})
    assert bad.status_code == 400 and "--map:" in bad.text
    nothing = site.post("/ingest", data={"format": "table"}, headers=SAME_SITE)
    assert nothing.status_code in (400, 415)


def test_a_cross_site_upload_is_refused(
    site: TestClient, db: Path, corpus: list[CorpusSource]
) -> None:
    src = corpus[0]
    before = _state(db)
    for headers in ({"Origin": "http://evil.example"}, {"Referer": "http://evil.example/x"}):
        sent = site.post("/ingest", files={"file": (src.path.name, src.path.read_bytes())},
                         data=_fields(src), headers=headers)  # fmt: skip
        assert sent.status_code == 403
        api = site.post("/api/ingest", files={"file": (src.path.name, src.path.read_bytes())},
                        headers=headers)  # fmt: skip
        assert api.status_code == 403
    assert _state(db) == before


def _big_list(tmp_path: Path, people: int = 20_000) -> Path:
    """A Book of Memory long enough that storing it takes seconds, not milliseconds."""
    from vigil.demo.corpus import memory_book
    from vigil.demo.people import generate_people

    path = tmp_path / "big-book.txt"
    path.write_text(memory_book(generate_people(people, seed=5)), encoding="utf-8")
    return path


def _ingesting(site: TestClient, db: Path, job_id: str) -> int:
    """The process ingesting the job, once it is inside its write transaction."""
    for _ in range(1200):
        job = site.get(f"/api/ingest/jobs/{job_id}").json()
        if job["state"] == "running" and job["total"] and 0 < job["done"] < job["total"]:
            row = JobQueue(Registry.open(str(db)).engine).get(job_id)
            assert row is not None and row["runner"]
            return int(row["runner"].rpartition(":")[2])
        assert job["state"] in ("queued", "running"), job
        time.sleep(0.025)
    raise AssertionError(f"job {job_id} never showed its progress: {job}")


def test_pages_read_while_an_ingest_writes(roomy: TestClient, db: Path, tmp_path: Path) -> None:
    """The job's own process is stopped while it holds its write transaction open; the server
    answers reads from the last committed state, then the process goes on and commits."""
    big = _big_list(tmp_path)
    before = [s["id"] for s in roomy.get("/api/sources").json()]
    sent = _upload(roomy, big.name, big.read_bytes(), {"format": "memory-book"},
                   follow_redirects=False)  # fmt: skip
    job_id = sent.headers["location"].rsplit("/", 1)[-1]
    pid = _ingesting(roomy, db, job_id)
    assert pid != os.getpid()  # a process of its own, not a thread of the server's
    os.kill(pid, signal.SIGSTOP)
    try:
        running = roomy.get(f"/api/ingest/jobs/{job_id}").json()
        assert running["state"] == "running" and 0 < running["done"] < running["total"]
        page = roomy.get(f"/ingest/jobs/{job_id}").text
        assert 'http-equiv="refresh"' in page
        assert (
            f'<progress id="progress" max="{running["total"]}" value="{running["done"]}">' in page
        )
        # Reads answer from the last committed state, not blocked by the open transaction.
        assert [s["id"] for s in roomy.get("/api/sources").json()] == before
        assert roomy.get("/sources").status_code == 200
        assert roomy.get("/api/search", params={"q": "Иванов"}).status_code == 200
        assert roomy.get("/review").status_code == 200
    finally:
        os.kill(pid, signal.SIGCONT)
    job = finished_job(roomy, job_id)
    assert job["state"] == "done" and job["records"] >= 20_000
    assert job["source"] in [s["id"] for s in roomy.get("/api/sources").json()]


def test_a_killed_ingest_is_run_again_and_then_completes(
    roomy: TestClient, db: Path, tmp_path: Path
) -> None:
    """SIGKILL inside the write transaction: nothing of it stays, and the queue runs the job
    again (one source in the end, with every record)."""
    big = _big_list(tmp_path)
    before = _state(db)
    sent = _upload(roomy, big.name, big.read_bytes(), {"format": "memory-book"},
                   follow_redirects=False)  # fmt: skip
    job_id = sent.headers["location"].rsplit("/", 1)[-1]
    os.kill(_ingesting(roomy, db, job_id), signal.SIGKILL)
    job = finished_job(roomy, job_id)
    assert job["state"] == "done", job["error"]
    sources, _ = _state(db)
    assert len(sources) == len(before[0]) + 1
    assert JobQueue(Registry.open(str(db)).engine).get(job_id)["attempts"] == 2


def test_a_job_stopped_with_the_server_goes_on_at_the_next_start(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(_scratch(tmp_path)))
    big = _big_list(tmp_path)
    before = _state(db)
    with TestClient(create_app(str(db)), base_url=HOST) as c:
        c.headers[CSRF_HEADER] = log_in(c, "admin")
        sent = _upload(c, big.name, big.read_bytes(), {"format": "memory-book"},
                       follow_redirects=False)  # fmt: skip
        job_id = sent.headers["location"].rsplit("/", 1)[-1]
        _ingesting(c, db, job_id)
    # The server stopped mid-write: nothing of the file is in, and the job waits again.
    assert _state(db) == before
    row = JobQueue(Registry.open(str(db)).engine).get(job_id)
    assert row is not None and (row["state"], row["attempts"]) == ("queued", 0)
    with TestClient(create_app(str(db)), base_url=HOST) as c:
        c.headers[CSRF_HEADER] = log_in(c, "admin")
        job = finished_job(c, job_id)
    assert job["state"] == "done" and job["records"] >= 20_000
    assert len(_state(db)[0]) == len(before[0]) + 1
