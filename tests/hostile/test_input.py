"""Hostile files through `vigil ingest`: kept verbatim, or refused with the file, line and
reason; never half-stored, never mojibake, never a row cut in two by an odd line break."""

from __future__ import annotations

from pathlib import Path

import pytest

from vigil.demo import hostile
from vigil.ingest import parse_path
from vigil.readers import ReaderOptions
from vigil.readers.decode import decode
from vigil.store import Registry

from .conftest import Hostile, run_cli


def test_stored_bodies_are_the_files_verbatim(registry: Registry, built: Hostile) -> None:
    for src in built.sources:
        raw = src.path.read_bytes()
        stored = registry.source(built.source_ids[src.path.name])
        assert stored["body"] == raw.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        for r in stored["records"]:
            text = registry.record(r["id"])["text"]
            assert text == stored["body"][r["span_start"] : r["span_end"]]


@pytest.mark.parametrize("name", ["hostile-list.csv", "hostile-list-bom-mixed.tsv"])
def test_fields_are_stored_as_the_source_writes_them(
    registry: Registry, built: Hostile, name: str
) -> None:
    rows = {p[0][2:]: p for p in hostile.PEOPLE}
    stored = registry.source(built.source_ids[name])["records"]
    assert [r["locator"][2:] for r in stored] == [p[0][2:] for p in hostile.PEOPLE]
    for r in stored:
        full = registry.record(r["id"])
        want = rows[r["locator"][2:]]
        assert (full["surname"], full["given"], full["patronymic"]) == tuple(
            v or None for v in want[1:4]
        )
        assert full["birth_place"] == (want[5] or None)
        assert full["occupation"] == (want[11] or None)


def test_bom_and_mixed_line_endings_read_as_the_plain_file(
    registry: Registry, built: Hostile
) -> None:
    """\\r\\n, \\n and a lone \\r in one file: the same rows, on the same lines, as the CSV."""
    a = registry.source(built.source_ids["hostile-list.csv"])["records"]
    b = registry.source(built.source_ids["hostile-list-bom-mixed.tsv"])["records"]
    lines = [registry.record(r["id"])["line"] for r in b]
    assert lines == [registry.record(r["id"])["line"] for r in a] == list(range(2, 11))
    assert [r["surname"] for r in a] == [r["surname"] for r in b]


@pytest.mark.parametrize(
    "name",
    ["nul.csv", "nul-late.csv", "invalid-utf8.csv", "invalid-utf8-mojibake.csv", "huge-cell.csv"],
)
def test_refused_files_name_file_line_and_reason_and_leave_nothing(
    tmp_path: Path, name: str
) -> None:
    path, line, reason = hostile.write_refused(tmp_path / "bad")[name]
    db = tmp_path / "vigil.db"
    assert run_cli("init", "--db", str(db))[0] == 0
    code, _out, err = run_cli("ingest", str(path), "--db", str(db), "--format", "table")
    assert code == 1
    assert f"{path}:{line}:" in err
    assert reason in err
    with Registry.open(str(db)) as reg:
        assert reg.sources() == []


def test_a_stray_byte_in_utf8_is_an_error_not_cp1251_mojibake() -> None:
    """Russian UTF-8 without a capital И decodes as cp1251 ("Петров" as "РџРµС‚СЂРѕРІ"):
    one damaged byte must not turn the whole file into that."""
    data = "Фамилия;Год рождения\nПетров;1890\nСидоров;1891\n".encode()
    with pytest.raises(Exception) as exc:
        decode(data.replace(b"1891", b"18\xff91"), "list.csv")
    assert exc.value.line == 3  # type: ignore[attr-defined]
    assert "invalid UTF-8: byte 0xff at column 11" in exc.value.reason  # type: ignore[attr-defined]
    # a real cp1251 file is still read as one
    assert decode(data.decode().encode("cp1251"), "list.csv")[1] == "cp1251"


def test_a_nul_is_refused_with_its_line_not_called_binary() -> None:
    with pytest.raises(Exception) as exc:
        decode("Фамилия\nПетров\nСид\x00оров\n".encode(), "list.csv")
    assert (exc.value.line, exc.value.reason) == (  # type: ignore[attr-defined]
        3,
        "NUL byte (0x00) at column 4: not text, or damaged",
    )


@pytest.mark.parametrize("brk", ["\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"])
def test_characters_python_counts_as_line_breaks_do_not_cut_a_row(tmp_path: Path, brk: str) -> None:
    """str.splitlines breaks at form feeds, U+0085 and U+2028; a table's rows end only at
    \\r, \\n or \\r\\n, as an editor shows them, so a cell keeps the character and every
    later row keeps its line number."""
    rows = "".join(f"П{i};Иванов{i};1890\n" for i in range(200))
    text = f"№;Фамилия;Год рождения\nА-1;Пет{brk}ров;1891\n{rows}Б-1;Сидоров;1892\n"
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    _, parsed, _ = parse_path(path, "table", ReaderOptions(id_column="№"))
    recs = list(parsed.records)
    assert len(recs) == 202
    assert recs[0].name.surname == f"Пет{brk}ров"
    assert (recs[-1].locator, recs[-1].line, recs[-1].name.surname) == ("Б-1", 203, "Сидоров")
    assert not recs[0].warnings


def test_a_header_with_a_second_bom_or_zero_width_space_is_still_known(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes("\ufeff\ufeffФамилия;\u200bГод рождения\nПетров;1890\n".encode())
    _, parsed, _ = parse_path(path, "table")
    (rec,) = parsed.records
    assert (rec.name.surname, rec.birth_date.edtf) == ("Петров", "1890")


def test_a_name_line_with_invisible_characters_is_still_a_name(tmp_path: Path) -> None:
    """A zero-width space or a direction mark inside a name must not hide it: the note still
    has its name (as written), which search then finds (test_names)."""
    path = tmp_path / "notes.txt"
    path.write_text(
        f"Пет{hostile.RLO}рова Мария Семёновна\nРодилась в 1890 г.\n\n"
        f"Сид{hostile.ZWSP}оров Ни{hostile.ZWJ}кита Ильич\nРодился в 1891 г.\n\n"
        f"Семе{hostile.COMBINING_DIAERESIS}нов Олег Олегович\nРодился в 1892 г.\n",
        encoding="utf-8",
    )
    _, parsed, _ = parse_path(path, "memory-book")
    names = [(r.name.surname, r.name.given) for r in parsed.records]
    assert names == [
        (f"Пет{hostile.RLO}рова", "Мария"),
        (f"Сид{hostile.ZWSP}оров", f"Ни{hostile.ZWJ}кита"),
        (f"Семе{hostile.COMBINING_DIAERESIS}нов", "Олег"),
    ]
