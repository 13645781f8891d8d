from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime
from pathlib import Path

import pytest

from vigil.store import Registry, texts
from vigil.store.schema import source

TEXT = "".join(f"строка {i}: Иванов Иван 𐌰\n" for i in range(200)) + "хвост без перевода строки"


def test_pieces_cover_the_text_and_cut_at_line_ends() -> None:
    cuts = list(texts.pieces(TEXT, size=100))
    assert cuts[0][0] == 0 and cuts[-1][1] == len(TEXT)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(TEXT[stop - 1] == "\n" for _, stop in cuts[:-1])
    assert list(texts.pieces("x" * 250, size=100)) == [(0, 100), (100, 200), (200, 250)]


@pytest.mark.parametrize(
    ("start", "end"), [(0, 5), (95, 130), (63, 65), (128, 128), (150, 2000), (4990, 5500)]
)
def test_spans_read_across_pieces(tmp_path: Path, start: int, end: int) -> None:
    reg = _registry(tmp_path, {1: TEXT})
    with reg.engine.connect() as conn:
        assert texts.read_text(conn, 1) == TEXT
        assert texts.read_span(conn, 1, start, end) == TEXT[start:end]
    reg.close()


def test_many_spans_of_two_sources_read_at_once(tmp_path: Path) -> None:
    other = TEXT[::-1]
    reg = _registry(tmp_path, {1: TEXT, 2: other})
    rng = random.Random(3)
    spans = []
    for _ in range(2 * texts.SPANS_AT_ONCE + 50):  # more than one query's worth
        a = rng.randrange(len(TEXT))
        spans.append((rng.choice([1, 2]), a, a + rng.choice([0, 3, 64, 200])))
    with reg.engine.connect() as conn:
        got = texts.read_spans(conn, spans)
        assert texts.read_spans(conn, []) == []
    assert got == [(TEXT if s == 1 else other)[a:b] for s, a, b in spans]
    reg.close()


def _registry(tmp_path: Path, sources: dict[int, str]) -> Registry:
    """A registry holding only these texts, in pieces of 64 characters."""
    reg = Registry.open(str(tmp_path / "t.db"))
    reg.init()
    with reg.engine.begin() as conn:
        for sid, text in sources.items():
            conn.execute(
                source.insert().values(
                    id=sid, kind="list", format="t", filename=f"f{sid}", encoding="utf-8",
                    sha256=f"{sid}" * 64, length=len(text), warnings=[],
                    ingested_at=datetime.now(UTC),
                )
            )  # fmt: skip
            texts.write_text(conn, sid, text, size=64)
    return reg


@pytest.mark.parametrize(("before", "after"), [(100, 64), (64, 100), (1000, 37), (37, 37)])
def test_recut_gives_the_pieces_write_text_would(tmp_path: Path, before: int, after: int) -> None:
    from sqlalchemy import select

    from vigil.store.schema import source_text

    reg = Registry.open(str(tmp_path / "t.db"))
    reg.init()
    rows = {}
    for sid, size in ((1, before), (2, after)):
        with reg.engine.begin() as conn:
            conn.execute(
                source.insert().values(
                    id=sid, kind="list", format="t", filename="f", encoding="utf-8",
                    sha256=str(sid) * 64, length=len(TEXT), warnings=[],
                    ingested_at=datetime.now(UTC),
                )
            )  # fmt: skip
            texts.write_text(conn, sid, TEXT, size=size)
    with reg.engine.begin() as conn:
        written = texts.recut(conn, 1, after)
    with reg.engine.connect() as conn:
        for sid in (1, 2):
            q = select(source_text.c.start, source_text.c.stop, source_text.c.text)
            rows[sid] = conn.execute(q.where(source_text.c.source_id == sid)
                                     .order_by(source_text.c.start)).all()  # fmt: skip
        assert texts.read_text(conn, 1) == TEXT
    assert rows[1] == rows[2] and written == len(rows[2])
    reg.close()
