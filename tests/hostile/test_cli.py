"""The command line prints hostile data as it is written: Rich must not read a name, a text or
a file name as its markup ("[/x]" made it raise, "[bold]" vanished from a verbatim text).
The consoles have markup=False; styled prints pass markup=True and escape their data.
"""

from __future__ import annotations

from pathlib import Path

from vigil.demo import hostile

from .conftest import Hostile, run_cli


def test_show_record_prints_the_verbatim_text_with_its_brackets(built: Hostile) -> None:
    record = next(r for r in built.records if r["locator"] == "H-9")
    code, out, err = run_cli("show", "record", str(record["id"]), "--db", str(built.db))
    assert code == 0, err
    assert hostile.RICH in out


def test_a_file_name_with_brackets_is_named_in_the_error(tmp_path: Path) -> None:
    db = tmp_path / "vigil.db"
    assert run_cli("init", "--db", str(db))[0] == 0
    missing = tmp_path / "[/x] list.csv"
    code, _out, err = run_cli("ingest", str(missing), "--db", str(db))
    assert code == 1
    assert f"{missing}: no such file" in err
