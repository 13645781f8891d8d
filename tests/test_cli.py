"""The command line end to end, in-process, on a real SQLite registry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vigil.cli import app

RU = (
    "№;Фамилия;Имя;Отчество;Год рождения;Дата ареста;Кем осужден;Статья;Приговор\n"
    "17;Петров;Пётр;Ильич;1901;12.03.1937;тройка УНКВД;58-10;ВМН\n"
    "18;Сидорова;Анна;Петровна;1899;5.11.1937;ОСО НКВД;как ЧСИР;8 лет ИТЛ\n"
)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VIGIL_DB", raising=False)
    (tmp_path / "list.csv").write_bytes(RU.encode("cp1251"))
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_then_ingest_then_reingest(env: Path) -> None:
    code, out, _ = run("init")
    assert code == 0 and "Created registry vigil.db" in out
    assert (env / "vigil.db").exists()
    code, out, _ = run("ingest", "list.csv", "--id-column", "№", "--quiet")
    assert code == 0
    assert "list.csv: source 1: 2 records, 4 events" in out
    assert "Registry: vigil.db" in out
    code, out, _ = run("ingest", "list.csv", "--id-column", "№", "--quiet")
    assert code == 0 and "already ingested as source 1; nothing to do" in out
    code, out, _ = run("sources", "--json")
    assert [s["records"] for s in json.loads(out)] == [2]


def test_db_option_and_environment(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("ingest", "list.csv", "--db", "other.db", "-q")[0] == 0
    assert (env / "other.db").exists() and not (env / "vigil.db").exists()
    monkeypatch.setenv("VIGIL_DB", str(env / "other.db"))
    code, out, _ = run("records", "--json")
    assert code == 0 and len(json.loads(out)) == 2


def test_records_show_and_stats(env: Path) -> None:
    run("ingest", "list.csv", "--id-column", "№", "-q")
    code, out, _ = run("records", "--name", "сидорова", "--json")
    (rec,) = json.loads(out)
    assert rec["locator"] == "18" and rec["events"][0] == {"type": "arrest", "date": "1937-11-05"}
    code, out, _ = run("records", "--event", "arrest", "--year", "1937")
    assert code == 0 and "Петров" in out and "Сидорова" in out
    code, out, _ = run("show", "record", str(rec["id"]))
    assert code == 0 and "18;Сидорова;Анна" in out and "ОСО НКВД" in out
    code, out, _ = run("show", "record", str(rec["id"]), "--json")
    shown = json.loads(out)
    assert shown["text"] == RU.splitlines()[2]
    assert [e["category"] for e in shown["events"]] == [None, "family-member"]
    code, out, _ = run("show", "source", "1")
    assert code == 0 and "⟨arrest⟩" in out and "⟦record 1⟧" in out
    code, out, _ = run("stats", "--json")
    st = json.loads(out)
    assert st["events_by_type"] == {"arrest": 2, "sentence": 2}


def test_parse_prints_one_json_object_per_entry_without_a_registry(env: Path) -> None:
    code, out, _ = run("parse", "list.csv", "--format", "table", "--json")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [o["entry"] for o in lines] == [1, 2]
    assert lines[0]["name"] == {
        "surname": "Петров", "given": "Пётр", "patronymic": "Ильич", "variants": [],
    }  # fmt: skip
    assert lines[0]["birth"] == {"date": "1901", "place": None}
    assert lines[1]["events"][1]["category"] == "family-member"
    assert not (env / "vigil.db").exists()


@pytest.mark.parametrize(
    ("setup", "args", "message"),
    [
        (lambda d: (d / "e.txt").write_bytes(b""), ["e.txt"], "e.txt: empty file"),
        (lambda d: (d / "b.bin").write_bytes(b"\x00\x01\x02" * 50), ["b.bin"], "b.bin: binary"),
        (lambda d: None, ["nope.txt"], "nope.txt: no such file"),
        (lambda d: None, ["list.csv", "--format", "pdf"], "unknown format 'pdf'"),
        (lambda d: None, ["list.csv", "--map", "surname=Surname"], "list.csv:1: mapping names"),
        (lambda d: None, ["list.csv", "--map", "colour=Цвет"], "--map: unknown field 'colour'"),
        (
            lambda d: (d / "l1.txt").write_bytes("Café Müller\n".encode("latin-1")),
            ["l1.txt"],
            "l1.txt:1: not UTF-8 or cp1251",
        ),
    ],
)
def test_bad_input_is_one_line_and_non_zero(env: Path, setup, args, message) -> None:  # type: ignore[no-untyped-def]
    setup(env)
    code, out, err = run("ingest", "-q", *args)
    assert code == 1
    assert message in err
    assert not (env / "vigil.db").exists(), "a failed first ingest leaves no registry behind"
    assert "Traceback" not in err + out
    assert len([ln for ln in err.splitlines() if ln.strip()]) == 1


def test_a_failed_file_does_not_stop_the_others(env: Path) -> None:
    (env / "e.txt").write_bytes(b"")
    code, out, err = run("ingest", "-q", "e.txt", "list.csv")
    assert code == 1 and "empty file" in err
    assert "list.csv: source 1: 2 records" in out


def test_a_database_without_its_driver_is_a_one_line_error(env: Path) -> None:
    code, out, err = run("records", "--db", "mysql://u@localhost/vigil")
    assert code == 1 and "no database driver for mysql" in err
    assert "Traceback" not in out + err


def test_reading_commands_need_a_registry(env: Path) -> None:
    code, _, err = run("records")
    assert code == 1 and "no registry at vigil.db" in err
    code, _, err = run("show", "record", "5")
    assert code == 1 and "vigil init" in err
