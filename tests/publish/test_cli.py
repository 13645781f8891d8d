"""`vigil publish` and `vigil demo`: what they print, replacing a site, and bad folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.web.conftest import Built
from vigil.cli import app
from vigil.publish import Report, publish
from vigil.publish.run import MARKER, PublishError

runner = CliRunner()


def test_publish_says_what_it_did_and_where_to_open_it(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = runner.invoke(app, ["publish", str(out), "--db", str(built.db), "--workers", "1"])
    assert done.exit_code == 0, done.output
    assert f"Open the site: {out / 'index.html'}" in done.output
    assert f"python -m http.server -d {out}" in done.output
    assert (
        "Published 384 persons" in done.output
        and "Withheld (may be alive or taken down): 3" in done.output
    )
    assert (out / "index.html").is_file() and (out / MARKER).is_file()


def test_republishing_replaces_the_site_and_leaves_nothing_stale(
    site: Report, built: Built, tmp_path: Path
) -> None:
    out = tmp_path / "site"
    shutil.copytree(site.out, out)
    (out / "ru" / "persons" / "999999.html").write_text("stale")
    (out / "left-over.txt").write_text("stale")
    again = publish(str(built.db), out, workers=1)
    assert not (out / "ru" / "persons" / "999999.html").exists()
    assert not (out / "left-over.txt").exists()
    before = sorted(p.relative_to(site.out) for p in site.out.rglob("*"))
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before
    assert again.persons == site.persons
    assert not list(tmp_path.glob(".site.*"))  # no building or old folder left beside it


@pytest.mark.parametrize("kind", ["file", "foreign folder", "under a file", "read-only"])
def test_a_bad_out_is_refused_with_the_reason(built: Built, tmp_path: Path, kind: str) -> None:
    if kind == "file":
        out = tmp_path / "site.html"
        out.write_text("not a folder")
        reason = "is a file"
    elif kind == "foreign folder":
        out = tmp_path / "photos"
        out.mkdir()
        (out / "holiday.jpg").write_bytes(b"\xff\xd8")
        reason = "holds no earlier publication"
    elif kind == "under a file":
        (tmp_path / "plain").write_text("x")
        out = tmp_path / "plain" / "site"
        reason = "no such folder"
    else:
        out = Path("/proc/vigil-site")  # a file system no one may create folders in
        reason = "/proc"
    done = runner.invoke(app, ["publish", str(out), "--db", str(built.db), "--workers", "1"])
    assert done.exit_code == 1
    assert done.output.startswith("error: ") and reason in done.output, done.output
    assert "Traceback" not in done.output
    if kind == "foreign folder":
        assert (out / "holiday.jpg").exists()
    with pytest.raises(PublishError):
        publish(str(built.db), out, workers=1)


def test_quiet_publishing_prints_no_progress(built: Built, tmp_path: Path) -> None:
    quiet = CliRunner()
    done = quiet.invoke(
        app, ["publish", str(tmp_path / "s"), "--db", str(built.db), "--workers", "1", "-q"]
    )
    assert done.exit_code == 0 and done.stderr == ""


def test_demo_publishes_its_corpus(tmp_path: Path) -> None:
    done = runner.invoke(app, ["demo", "--out", str(tmp_path / "demo")])
    assert done.exit_code == 0, done.output
    index = tmp_path / "demo" / "site" / "index.html"
    assert index.is_file() and f"Open the site: {index}" in done.output
    assert f"python -m http.server -d {tmp_path / 'demo' / 'site'}" in done.output
