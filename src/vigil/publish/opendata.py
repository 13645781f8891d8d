"""The open data files, written in parts by each batch of work and joined at the end.

A batch (a thousand persons, say) writes its rows as part files in every format: CSV without
header, JSON Lines, JSON-LD nodes and a small SQLite file. Joining appends the parts in batch
order under one header (CSV), one after another (JSON Lines), inside one `@graph` (JSON-LD),
or copies them into the final SQLite file with its keys (see `datasette.py`). So the workers
never share a file, and the result is the same whatever order they finish in.
"""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from vigil.publish import jsonld
from vigil.publish.rows import Row
from vigil.publish.tables import BY_NAME, TABLES

JSONLD = "vigil.jsonld"


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class Parts:
    """One batch's rows and JSON-LD nodes, kept until `write`."""

    def __init__(self, folder: Path, batch: int) -> None:
        self.folder = folder
        self.batch = batch
        self.rows: dict[str, list[Row]] = {t.name: [] for t in TABLES}
        self.nodes: list[dict[str, Any]] = []

    def add(self, table: str, row: Row, node: dict[str, Any] | None = None) -> None:
        self.rows[table].append(row)
        if node is not None:
            self.nodes.append(node)

    def path(self, name: str) -> Path:
        return self.folder / f"{self.batch:06d}.{name}"

    def write(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        for table, rows in self.rows.items():
            if not rows:
                continue
            names = BY_NAME[table].names
            with self.path(f"{table}.csv").open("w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
            with self.path(f"{table}.jsonl").open("w", encoding="utf-8") as f:
                f.writelines(_json(dict(zip(names, r, strict=True))) + "\n" for r in rows)
        if self.nodes:
            self.path("jsonld").write_text(",\n".join(map(_json, self.nodes)), encoding="utf-8")
        db = sqlite3.connect(self.path("db"))
        with db:
            for table, rows in self.rows.items():
                cols = BY_NAME[table].names
                db.execute(f"CREATE TABLE {table} ({', '.join(cols)})")
                marks = ", ".join("?" * len(cols))
                db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
        db.close()


def join(parts: Path, data: Path, order: Sequence[int]) -> dict[str, int]:
    """Join the parts of the batches in `order` into data/TABLE.csv, data/TABLE.jsonl and the
    JSON-LD; returns the rows of each table."""
    counts: dict[str, int] = {}
    for table in TABLES:
        csv_out = data / f"{table.name}.csv"
        with csv_out.open("w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerow(table.names)
        with csv_out.open("ab") as out_csv, (data / f"{table.name}.jsonl").open("wb") as out_jl:
            for batch in order:
                for suffix, out in (("csv", out_csv), ("jsonl", out_jl)):
                    part = parts / f"{batch:06d}.{table.name}.{suffix}"
                    if part.exists():
                        with part.open("rb") as f:
                            shutil.copyfileobj(f, out)
        with (data / f"{table.name}.jsonl").open("rb") as f:
            counts[table.name] = sum(1 for _ in f)
    with (data / JSONLD).open("w", encoding="utf-8") as out:
        out.write('{"@context":' + _json(jsonld.CONTEXT) + ',\n"@graph":[\n')
        first = True
        for batch in order:
            part = parts / f"{batch:06d}.jsonld"
            if not part.exists():
                continue
            if not first:
                out.write(",\n")
            with part.open(encoding="utf-8") as f:
                shutil.copyfileobj(f, out)
            first = False
        out.write("\n]}\n")
    return counts


def nodes_for(table: str, rows: Iterable[Row]) -> list[dict[str, Any]]:
    """JSON-LD nodes of the rows of a table written whole by the main process."""
    make = {"sources": jsonld.source, "claims": jsonld.claim}[table]
    return [make(r) for r in rows]
