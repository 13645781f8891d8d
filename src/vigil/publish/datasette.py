"""The open data as one SQLite file ready for Datasette, with a `metadata.json` beside it.

Tables have primary keys, foreign keys (records to persons and sources, events to records,
persons and sources, claims to sources) and indexes on them; `persons_fts` is a full-text
index (FTS5) over each person's names and every spelling the offline search knows, so that
Datasette's search box finds Троцкий as Trotzki too. `datasette vigil-open-data.db --metadata
metadata.json` serves it with the title, licence, source and the description of every column.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from vigil.publish.tables import TABLES, Table

DATABASE = "vigil-open-data.db"
METADATA = "metadata.json"
LICENCE = "LICENCE TO BE CHOSEN BY THE PUBLISHER (placeholder)"
INDEXES = {
    "records": (("person_id",), ("source_id", "entry"), ("surname",)),
    "events": (("record_id",), ("person_id",), ("type", "date_lower"), ("category",)),
    "claims": (("source_id",),),
    "persons": (("name",),),
}


def _schema(table: Table) -> str:
    cols = []
    for c in table.columns:
        key = " PRIMARY KEY" if c.name == "id" else ""
        ref = f" REFERENCES {c.references}(id)" if c.references else ""
        cols.append(f"{c.name} {c.type}{key}{ref}")
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(cols) + "\n)"


def build(path: Path, parts: Sequence[Path]) -> None:
    """Create the database at `path` from the batches' SQLite parts, in order."""
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        for table in TABLES:
            db.execute(_schema(table))
        for part in parts:
            db.execute("ATTACH DATABASE ? AS part", (str(part),))
            with db:
                for table in TABLES:
                    names = ", ".join(table.names)
                    db.execute(
                        f"INSERT INTO {table.name} ({names}) SELECT {names} FROM part.{table.name}"
                    )
            db.execute("DETACH DATABASE part")
        with db:
            for table, indexes in INDEXES.items():
                for cols in indexes:
                    name = f"ix_{table}_{'_'.join(cols)}"
                    db.execute(f"CREATE INDEX {name} ON {table} ({', '.join(cols)})")
            db.execute(
                "CREATE VIRTUAL TABLE persons_fts USING fts5("
                "name, names, spellings, content='persons', content_rowid='id')"
            )
            db.execute("INSERT INTO persons_fts(persons_fts) VALUES ('rebuild')")
    finally:
        db.close()


def metadata(title: str, description: str, source: str) -> dict[str, Any]:
    """Datasette's metadata: the publication, and each table's and column's description."""
    return {
        "title": title,
        "description": description,
        "license": LICENCE,
        "source": source,
        "databases": {
            Path(DATABASE).stem: {
                "tables": {
                    t.name: {
                        "description": t.description,
                        "columns": {c.name: c.description for c in t.columns},
                        **(
                            {"fts_table": "persons_fts", "fts_pk": "id"}
                            if t.name == "persons"
                            else {}
                        ),
                    }
                    for t in TABLES
                }
            }
        },
    }


def write_metadata(folder: Path, title: str, description: str, source: str) -> None:
    text = json.dumps(metadata(title, description, source), ensure_ascii=False, indent=2)
    (folder / METADATA).write_text(text + "\n", encoding="utf-8")
