"""Which pairs are compared: records that share something exact about the name, capped.

Each rule is one way a true pair can still agree exactly (surname and given name, given name
and birth date, a party card number, ...); the union of the rules is what gets scored, and
null keys never block together. A block bigger than BLOCK_CAP records (every "Иванов Иван" of
a million-record registry) is skipped by its rule and left to the narrower rules, which add a
birth year, a patronymic or a birthplace: that keeps the comparisons per record bounded as
the registry grows, where uncapped blocks grow with its square.
"""

from __future__ import annotations

BLOCK_CAP = 100

RULES: tuple[tuple[str, ...], ...] = (
    ("surname_key", "given_key"),
    ("surname_key", "given_key", "birth_year"),
    ("surname_key", "given_key", "patronymic_initial"),
    ("surname_key", "given_key", "place_key"),
    ("surname_key", "given_initial", "birth_year"),
    ("surname_phonetic", "given_initial", "birth_year"),
    ("given_key", "patronymic_key", "birth_year"),
    ("given_key", "place_key"),
    ("given_key", "place_key", "birth_year"),
    ("surname_key", "place_key"),
    ("surname_key", "residence_area"),
    ("surname_key", "birth_lo", "birth_hi"),
    ("given_key", "birth_lo", "birth_hi"),
    ("birth_lo", "birth_hi", "place_key"),
    ("birth_day", "residence_area"),
    ("document_key",),
    ("residence_key", "birth_year"),
    ("residence_key", "given_initial"),
)
# Rules across columns, which the block counts cannot cap; their blocks are small by nature.
CROSSED = (
    # Surname and given name swapped, as lists and parsers sometimes do.
    "l.surname_key = r.given_key AND l.birth_year = r.birth_year",
    "l.given_key = r.surname_key AND l.birth_year = r.birth_year",
    # One name word only, which a list may put in either column.
    "l.surname_key = r.given_key AND r.surname_key IS NULL",
    "l.given_key = r.surname_key AND l.surname_key IS NULL",
)


def size_column(cols: tuple[str, ...]) -> str:
    """The feature column counting the records that share `cols` (see features)."""
    return "n__" + "__".join(cols)


def rules_sql() -> list[str]:
    capped = [
        " AND ".join(f"l.{c} = r.{c}" for c in cols) + f" AND l.{size_column(cols)} <= {BLOCK_CAP}"
        for cols in RULES
    ]
    return [*capped, *CROSSED]
