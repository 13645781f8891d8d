"""Huge lines and big files: read in time and memory that grow with the file, not faster.

A megabyte line of "Арестован …" took the memory-book reader minutes (each verb compared with
every verb before it), and a megabyte paragraph of dates took the article reader some ten
minutes (each number compared with every date of its sentence); both are linear now, and an
article paragraph too long to be prose is kept, with a warning naming its line, unsearched.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from vigil.demo import hostile
from vigil.ingest import parse_path
from vigil.readers.article import MAX_PARAGRAPH

from .conftest import run_cli

MB = 1_100_000
HEAD = "Петров Пётр Петрович\nРодился в 1890 г.\nРасстрелян 20 января 1938 г.\n\n"


def _line_of(unit: str, length: int = MB) -> str:
    return (unit * (length // len(unit) + 1))[:length]


@pytest.mark.parametrize(
    ("fmt", "unit"),
    [
        ("memory-book", "Арестован "),
        ("memory-book", "Приговорен: "),
        ("memory-book", "12.03.1937 "),
        ("memory-book", "Иванов Иван Иванович, 1890 г. р., уроженец д. Горки; "),
        ("memory-book", "("),
        ("article", "12.03.1937 "),
        ("article", "more than 300,000 "),
        ("article", '"'),
        ("article", "«"),
    ],
)
def test_a_megabyte_line_is_read_in_linear_time(tmp_path: Path, fmt: str, unit: str) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(HEAD + _line_of(unit) + "\n\n" + HEAD, encoding="utf-8")
    start = time.perf_counter()
    _, parsed, _ = parse_path(path, fmt)
    records = list(parsed.records or [])
    assert time.perf_counter() - start < 20  # minutes before; about a second now
    assert parsed.body == path.read_text(encoding="utf-8")
    if fmt == "memory-book":
        span = records[1].span
        assert len(records) == 3 and parsed.body[span.start : span.end] == _line_of(unit).strip()
    else:
        assert f"line 5: a paragraph of {MB:,} characters" in parsed.warnings[0]


def test_an_article_paragraph_at_the_limit_is_still_searched(tmp_path: Path) -> None:
    text = "more than 300,000 people were expelled. " + _line_of("word ", MAX_PARAGRAPH - 60)
    path = tmp_path / "article.txt"
    path.write_text(text + "\n", encoding="utf-8")
    _, parsed, _ = parse_path(path, "article")
    assert parsed.warnings == []
    assert parsed.claims[0].lower == 300_000


def test_a_megabyte_line_goes_in_through_the_command(tmp_path: Path) -> None:
    db = tmp_path / "vigil.db"
    path = hostile.huge_line_notes(tmp_path / "notes.txt")
    code, out, err = run_cli("ingest", str(path), "--db", str(db), "--format", "memory-book")
    assert code == 0, err
    assert "3 records" in out


_MEASURE = """
import resource, sys
from vigil.cli import main
sys.argv = ["vigil", *sys.argv[1:]]
try:
    main()
except SystemExit as exc:
    code = exc.code
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def _peak_kb(*args: str) -> tuple[int, str]:
    """`vigil ARGS` in a process of its own; (its peak memory in KiB, its stdout)."""
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return int(done.stderr.strip().splitlines()[-1]), done.stdout


@pytest.mark.slow
def test_a_file_of_many_megabytes_goes_in_in_memory_linear_in_its_size(tmp_path: Path) -> None:
    """12 MB of payload-laden rows: every row in, and the peak memory a small multiple of
    the file's size (the text, its lines and a batch of rows) above an idle `vigil`."""
    db = tmp_path / "vigil.db"
    idle, _ = _peak_kb("init", "--db", str(db))
    path = hostile.big_table(tmp_path / "big.csv", megabytes=12)
    rows = path.read_bytes().count(b"\n") - 1
    peak, out = _peak_kb(
        "ingest", str(path), "--db", str(db), "--quiet", "--id-column", "№",
        "--map", "execution.place=Место расстрела",
    )  # fmt: skip
    assert f"{rows} records" in out and "0 warnings" in out
    size_kb = path.stat().st_size // 1024
    assert peak - idle < 25 * size_kb, f"{(peak - idle) / size_kb:.1f} × the file's size"
