"""Hostile sources: files whose names, places and texts carry markup, script, SQL, wildcards
and invisible characters, and files that are huge, malformed or not text at all.

A registry reads what archives and strangers send it, so every page, API answer, search and
published file must treat such text as data. These writers produce the inputs the tests in
tests/hostile/ ingest through the real path (`vigil ingest`), reproducibly. The people in them
are fictional and long dead (born before 1900, shot in 1938), so no privacy rule hides them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vigil.readers import ReaderOptions

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
SQL = "'; DROP TABLE record; --"
SVG = "<svg onload=alert(1)>"
RICH = "[/x][link=https://example.invalid]Rich markup[/link]"  # for the terminal's renderer
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE
ZWSP = "\u200b"  # ZERO WIDTH SPACE
ZWJ = "\u200d"  # ZERO WIDTH JOINER
COMBINING_DIAERESIS = "\u0308"

# Every payload that must come back out as text, never as markup or as SQL.
PAYLOADS = (SCRIPT, IMG, JS_URL, SQL, SVG, RICH)

# One row per person: (locator, surname, given, patronymic, born, birthplace, arrested,
# authority, charge, shot, place shot, occupation). Surnames carry the payloads inside an
# ordinary name, so that a search for the ordinary name finds them.
PEOPLE: tuple[tuple[str, ...], ...] = (
    ("H-1", f"Скриптов{SCRIPT}", "Иван", "Иванович", "1890", IMG, "12.03.1937",
     JS_URL, "<b>58-10</b>", "20.01.1938", f"<iframe src={JS_URL}>", SVG),
    ("H-2", f"Дропов{SQL}", "Пётр", "Петрович", "1891", f"{SQL} Тверь", "13.03.1937",
     "'; DROP TABLE event; --", '" OR 1=1 --', "21.01.1938", "Бутово", "Москва"),
    ("H-3", "Процентов", "Павел", "Павлович", "1892", "100% Калинин", "14.03.1937",
     "тройка_УНКВД", "ст. 58\\10", "22.01.1938", "100%_Левашово\\1", "%_\\"),
    ("H-4", f"Пет{RLO}ров", "Семён", "Семёнович", "1893", "Ржев", "15.03.1937",
     "тройка УНКВД", "58-10", "23.01.1938", f"Бутово{RLO}", "Калинин"),
    ("H-5", f"Сид{ZWSP}оров", f"Ни{ZWJ}кита", "Ильич", "1894", "Торжок", "16.03.1937",
     "ОСО", "58-11", "24.01.1938", "Бутово", "Торжок"),
    ("H-6", f"Семе{COMBINING_DIAERESIS}нов", "Олег", "Олегович", "1895", "Бежецк",
     "17.03.1937", "ВКВС", "58-8", "25.01.1938", "Коммунарка", "Бежецк"),
    ("H-7", "Иванов", "Андрей", "Андреевич", "1896", "Москва", "18.03.1937", "тройка УНКВД",
     "58-10", "26.01.1938", "Бутово", "Москва"),
    ("H-8", "", "", "", "", "", "", "", "", "", "", ""),  # a row of empty fields
    ("H-9", "Пустов", "", "", "1897", "", "", "", "", "28.01.1938", "", RICH),
)  # fmt: skip

HEADER = (
    "№", "Фамилия", "Имя", "Отчество", "Год рождения", "Место рождения", "Дата ареста",
    "Кем осужден", "Статья", "Дата расстрела", "Место расстрела", "Профессия",
)  # fmt: skip
OPTIONS = ReaderOptions(mapping={"execution.place": "Место расстрела"}, id_column="№")


@dataclass(slots=True)
class HostileSource:
    """A written file, the format and options to ingest it with, and what it is for."""

    path: Path
    format: str
    options: ReaderOptions = field(default_factory=ReaderOptions)
    why: str = ""


def _quote(cell: str, delimiter: str) -> str:
    """CSV quoting by hand, so the file's bytes are exactly what the test expects."""
    if any(c in cell for c in (delimiter, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def table_text(delimiter: str = ";", newlines: tuple[str, ...] = ("\n",)) -> str:
    """The people as a table; `newlines` are used in turn, to mix line endings."""
    lines = [HEADER, *PEOPLE]
    out = []
    for i, row in enumerate(lines):
        out.append(delimiter.join(_quote(c, delimiter) for c in row) + newlines[i % len(newlines)])
    return "".join(out)


def memory_book_text() -> str:
    """Book-of-Memory notes whose names, places, bodies and charges are payloads."""
    return (
        f"Скриптова{SCRIPT} Анна Ивановна\n"
        f"Родилась в 1889 г., {IMG}; русская; б/п.\n"
        f"Проживала: {SVG}.\n"
        "Арестована 12 марта 1937 г.\n"
        f"Приговорена: {JS_URL} 10 января 1938 г., обв.: {SQL}\n"
        "Расстреляна 20 января 1938 г.\n"
        "\n"
        f"Пет{RLO}рова Мария Семёновна\n"
        "Родилась в 1890 г., Ржев; русская.\n"
        "Арестована 15 марта 1937 г.\n"
        f"Расстреляна 23 января 1938 г. Место захоронения - 100%_Бутово\\{ZWSP}.\n"
    )


def write_sources(folder: Path) -> list[HostileSource]:
    """The hostile sources that must go in: a CSV, a TSV with a BOM and mixed line endings
    (\\r\\n, \\n and a lone \\r), and Book-of-Memory notes."""
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / "hostile-list.csv"
    csv_path.write_bytes(table_text(";").encode("utf-8"))
    tsv_path = folder / "hostile-list-bom-mixed.tsv"
    tsv = table_text("\t", ("\r\n", "\n", "\r\n", "\r")).replace("H-", "T-")
    tsv_path.write_bytes(b"\xef\xbb\xbf" + tsv.encode("utf-8"))
    book = folder / "hostile-notes.txt"
    book.write_bytes(memory_book_text().encode("utf-8"))
    return [
        HostileSource(csv_path, "table", OPTIONS, "payloads in every field"),
        HostileSource(tsv_path, "table", OPTIONS, "BOM, mixed line endings"),
        HostileSource(book, "memory-book", ReaderOptions(), "payloads in notes"),
    ]


# -- files that must be refused, each with the line the error must name ------------------


def write_refused(folder: Path) -> dict[str, tuple[Path, int | None, str]]:
    """Files to refuse: name -> (path, the line the error names, a word of its reason)."""
    folder.mkdir(parents=True, exist_ok=True)
    good = table_text(";").encode("utf-8")
    lines = good.split(b"\n")
    out: dict[str, tuple[Path, int | None, str]] = {}

    def put(name: str, data: bytes, line: int | None, reason: str) -> None:
        path = folder / name
        path.write_bytes(data)
        out[name] = (path, line, reason)

    # a NUL in the fourth line, past the first 64 KiB so no sniffing of the head finds it
    padding = b"".join(b"P-%d;\xd0\x9f\xd0\xb0\xd0\xb4;;;;;;;;;;\n" % i for i in range(3000))
    nul = b"\n".join([*lines[:3], lines[3].replace(b"1892", b"18\x0092"), *lines[4:]])
    put("nul.csv", nul, 4, "NUL")
    put("nul-late.csv", good + padding + b"X-1;\xd0\x98\x00;\n", 11 + 3000, "NUL")
    # invalid UTF-8 in a Russian file: one stray byte on line 5
    bad = b"\n".join([*lines[:4], lines[4] + b"\xff", *lines[5:]])
    put("invalid-utf8.csv", bad, 5, "UTF-8")
    # the same without a capital И, whose UTF-8 (d0 98) cp1251 cannot decode: it would
    # otherwise read as cp1251 mojibake
    no_i = "Фамилия;Год рождения\nПетров;1890\nСидоров;1891\nКузнецов;1892\n".encode()
    put("invalid-utf8-mojibake.csv", no_i.replace(b"1891", b"1891\xff"), 3, "UTF-8")
    # a cell longer than the CSV reader's field limit
    put("huge-cell.csv", "Фамилия;Место рождения\nДлинов;".encode() + b"x" * 2_000_000, 2, "")
    return out


# -- big files ----------------------------------------------------------------------------


def huge_line_notes(path: Path, length: int = 1_200_000) -> Path:
    """Book-of-Memory notes with one line of more than a megabyte between ordinary notes."""
    note = "Петров Пётр Петрович\nРодился в 1890 г.; русский.\nРасстрелян 20 января 1938 г.\n"
    filler = ("Проживал: " + "<b>длинная строка</b> " * (length // 22 + 1))[:length]
    path.write_text(note + "\n" + filler + "\n\n" + note.replace("Пётр", "Павел"), "utf-8")
    return path


def big_table_rows(n: int) -> Iterator[str]:
    """Rows of a big table, each a payload-carrying person."""
    for i in range(n):
        cells = (
            f"B-{i}", f"Большов{i % 97}{SCRIPT if i % 5 == 0 else ''}", "Иван", "Иванович",
            str(1880 + i % 20), IMG if i % 7 == 0 else "Калинин", "12.03.1937", f"тройка_{i % 3}",
            "58-10", "20.01.1938", "Бутово", SVG if i % 11 == 0 else "слесарь",
        )  # fmt: skip
        yield ";".join(_quote(c, ";") for c in cells) + "\n"


def big_table(path: Path, megabytes: float = 20) -> Path:
    """A table of at least `megabytes` MB, written row by row."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(";".join(HEADER) + "\n")
        written = 0
        target = int(megabytes * 1_000_000)
        for row in big_table_rows(10**9):
            f.write(row)
            written += len(row.encode())
            if written >= target:
                break
    return path
