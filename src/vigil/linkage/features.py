"""The table Splink compares: one row per record, every value already a key or a number.

Keys are made once (names at ingest, the rest here) so that the comparisons in SQL stay
simple enough to run the same on DuckDB and on Spark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import Any

import pyarrow as pa

from vigil.linkage.blocking import RULES, size_column
from vigil.names import skeleton

SCHEMA = pa.schema(
    [
        ("unique_id", pa.int64()),
        ("source_id", pa.int64()),
        ("surname_lemma", pa.string()),
        ("surname_key", pa.string()),
        ("surname_phonetic", pa.string()),
        ("given_key", pa.string()),
        ("given_initial", pa.string()),
        ("patronymic_key", pa.string()),
        ("patronymic_initial", pa.string()),
        ("sex", pa.string()),
        ("birth_year", pa.int32()),
        ("birth_lo", pa.int32()),
        ("birth_hi", pa.int32()),
        ("birth_day", pa.int32()),
        ("place_key", pa.string()),
        ("region_key", pa.string()),
        ("residence_key", pa.string()),
        ("residence_area", pa.string()),
        ("nationality_key", pa.string()),
        ("occupation_key", pa.string()),
        ("document_key", pa.string()),
        ("arrest_lo", pa.int32()),
        ("arrest_hi", pa.int32()),
        ("death_lo", pa.int32()),
        ("death_hi", pa.int32()),
    ]
)
COLUMNS = SCHEMA.names
NAME_KEYS = (
    "surname_lemma",
    "surname_key",
    "surname_phonetic",
    "given_key",
    "given_initial",
    "patronymic_key",
    "patronymic_initial",
)

# Settlement-type and administrative abbreviations carry no identity of their own.
_PLACE_NOISE = re.compile(
    r"\b(?:г|гор|д|дер|с|село|пос|п|ст|стан|губ|у|уезд|обл|р-н|район|волость|вол|край|асср|ссср"
    r"|ул|пер|кв|д|gub|guberniia|guberniya|uezd|uyezd|obl|oblast|raion|rayon|selo|der|gorod"
    r"|village|town|city|district|province|region|gouv|kreis|dorf)\b\.?",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*|\d+[a-zа-я]*", re.IGNORECASE)


def day(iso: str | None) -> int | None:
    """An ISO date as a day number, so date comparisons are integer arithmetic in any SQL."""
    return None if not iso else date.fromisoformat(iso).toordinal()


@lru_cache(maxsize=1 << 16)
def place_keys(text: str | None) -> tuple[str | None, str | None]:
    """(most specific part, broadest part) of a place as cross-script keys.

    Places are written broad to narrow ("Тверская губ., Кашинский у., д. Поповка") or as a
    single name ("Kiev"); the last comma part is the settlement, the first the region.
    """
    if not text:
        return None, None
    parts = [p for p in (_keys_of(part) for part in text.split(",")) if p]
    if not parts:
        return None, None
    return parts[-1], (parts[0] if len(parts) > 1 else None)


def _keys_of(part: str) -> str | None:
    words = _WORD.findall(_PLACE_NOISE.sub(" ", part))
    keyed = [skeleton(w) for w in words]
    return " ".join(k for k in keyed if k) or None


@lru_cache(maxsize=1 << 16)
def residence_keys(text: str | None) -> tuple[str | None, str | None]:
    """(whole address, its first part): the area alone still says something."""
    if not text:
        return None, None
    text = _PLACE_NOISE.sub(" ", text.casefold())
    whole = " ".join(_WORD.findall(text)) or None
    if whole is None:
        return None, None
    if "," in text:
        area = " ".join(_WORD.findall(text.split(",")[0]))
    else:  # "SK23 7AX", "Moscow Arbat 5": the first word is the widest part
        area = "".join(_WORD.findall(text.split()[0]))
    return whole, area or None


@lru_cache(maxsize=1 << 12)
def word_key(text: str | None) -> str | None:
    """Case, punctuation and script folded, for nationality and occupation."""
    if not text:
        return None
    keyed = [skeleton(w) for w in _WORD.findall(text)]
    return " ".join(k for k in keyed if k) or None


def document_key(text: str | None) -> str | None:
    """Letters and digits only: "№ 0123-45" and "012345" are one party card."""
    if not text:
        return None
    return "".join(ch for ch in text.casefold() if ch.isalnum()).lstrip("0") or None


def feature_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """One Splink row from a record's stored columns, its name keys and its event bounds."""
    birth_lo, birth_hi = day(rec.get("birth_lower")), day(rec.get("birth_upper"))
    year = None
    if birth_lo is not None and birth_hi is not None:
        lo, hi = date.fromordinal(birth_lo).year, date.fromordinal(birth_hi).year
        year = lo if lo == hi else None
    place, region = place_keys(rec.get("birth_place"))
    residence, area = residence_keys(rec.get("residence"))
    row = {
        "unique_id": rec["id"],
        "source_id": rec.get("source_id"),
        "sex": rec.get("sex") or rec.get("key_sex"),
        "birth_year": year,
        "birth_lo": birth_lo,
        "birth_hi": birth_hi,
        # Only a date known to the day is rare enough to block on with one other field.
        "birth_day": birth_lo if birth_lo is not None and birth_lo == birth_hi else None,
        "place_key": place,
        "region_key": region,
        "residence_key": residence,
        "residence_area": area,
        "nationality_key": word_key(rec.get("nationality")),
        "occupation_key": word_key(rec.get("occupation")),
        "document_key": document_key(rec.get("document")),
        "arrest_lo": day(rec.get("arrest_lower")),
        "arrest_hi": day(rec.get("arrest_upper")),
        "death_lo": day(rec.get("death_lower")),
        "death_hi": day(rec.get("death_upper")),
    }
    for key in NAME_KEYS:
        row[key] = rec.get(key) or None
    return row


def with_block_sizes(table: pa.Table) -> pa.Table:
    """Add, for each blocking rule, how many records share the record's values of its columns."""
    for cols in RULES:
        name = size_column(cols)
        counts = table.group_by(list(cols)).aggregate([("unique_id", "count")])
        counts = counts.rename_columns([*cols, name]).cast(
            pa.schema([*(table.schema.field(c) for c in cols), pa.field(name, pa.int32())])
        )
        table = table.join(counts, list(cols), join_type="left outer")
    return table.sort_by("unique_id")


def feature_table(records: Iterable[Mapping[str, Any]], batch: int = 100_000) -> pa.Table:
    """Build the Arrow table in batches: strings stay compact, not millions of Python dicts."""
    batches: list[pa.RecordBatch] = []
    rows: list[dict[str, Any]] = []
    for rec in records:
        rows.append(feature_row(rec))
        if len(rows) >= batch:
            batches.append(pa.RecordBatch.from_pylist(rows, schema=SCHEMA))
            rows = []
    if rows or not batches:
        batches.append(pa.RecordBatch.from_pylist(rows, schema=SCHEMA))
    return with_block_sizes(pa.Table.from_batches(batches, schema=SCHEMA))
