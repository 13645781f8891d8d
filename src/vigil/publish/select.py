"""What is published: every group the privacy policy lets the public see, decided in bulk.

A group is a person, or a record no person holds yet, as the server counts them. Each is judged
by `vigil.privacy` on the same life facts the server's pages use (`vigil.store.browse.
group_facts`), read for all groups in a few queries rather than one per person. Whatever is
not selected here appears nowhere in the publication: no page, no index entry, no row, no count.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Connection

from vigil.privacy import Life
from vigil.store.browse import Group, group_facts, is_withheld
from vigil.store.publication import groups

BATCH = 20_000  # groups whose facts are read at a time


@dataclass(slots=True)
class Selection:
    """The published groups and their facts (life, first record, counts of records, sources)."""

    persons: list[int] = field(default_factory=list)
    lone: list[int] = field(default_factory=list)
    facts: dict[Group, dict[str, Any]] = field(default_factory=dict)
    withheld_groups: int = 0
    withheld_records: int = 0


def select(conn: Connection, withhold: Callable[[Life], bool]) -> Selection:
    """Judge every group once; a group with no facts (no records) is withheld, as on the server."""
    sel = Selection()
    every = list(groups(conn))
    for i in range(0, len(every), BATCH):
        batch = every[i : i + BATCH]
        facts = group_facts(conn, batch)
        for group in batch:
            f = facts.get(group)
            if is_withheld(f, withhold):
                sel.withheld_groups += 1
                sel.withheld_records += f["records"] if f else 0
                continue
            sel.facts[group] = f
            (sel.persons if group[0] == "p" else sel.lone).append(group[1])
    return sel
