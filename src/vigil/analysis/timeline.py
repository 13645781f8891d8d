"""Events over time, grouped by type, deciding body or the persecutors' category.

An event is counted in a year (or month) only when its date lies wholly inside it; the rest are
reported beside the grid as spanning or undated, never spread over periods nor left out (see
`vigil.store.analysis` for the rule, the one `vigil records --year` follows).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from vigil.analysis import checks
from vigil.errors import VigilError
from vigil.store import Registry
from vigil.store.analysis import (
    BY,
    PLACED,
    SPANNING,
    Cell,
    EventFilter,
    Unit,
    open_analysis,
)


@dataclass(frozen=True, slots=True)
class TimelineCell:
    """Events of one group dated wholly inside one period."""

    key: str | None  # event type, authority as written, or category code; None: not recorded
    period: str  # "1937" or "1937-03"
    events: int
    subjects: int | None = None  # distinct persons (or records), when asked for


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Events of one group the grid does not hold."""

    key: str | None
    spanning: int  # dated, but not within one period (or not wholly inside the range)
    undated: int


@dataclass(frozen=True, slots=True)
class Timeline:
    by: str  # "type", "authority" or "category"
    period: str  # "year" or "month"
    unit: Unit  # what `subjects` counts
    filter: EventFilter
    cells: tuple[TimelineCell, ...]
    unplaced: tuple[Unplaced, ...]

    def groups(self) -> list[str | None]:
        """Groups, the most events first (placed or not); None (not recorded) last."""
        totals: Counter[str | None] = Counter()
        for c in self.cells:
            totals[c.key] += c.events
        for u in self.unplaced:
            totals[u.key] += u.spanning + u.undated
        return sorted(totals, key=lambda k: (k is None, -totals[k], k or ""))

    def periods(self) -> list[str]:
        return sorted({c.period for c in self.cells})

    def grid(self) -> dict[tuple[str | None, str], TimelineCell]:
        return {(c.key, c.period): c for c in self.cells}

    def total(self, key: str | None) -> int:
        """Every event of the group the filter keeps, placed or not."""
        placed = sum(c.events for c in self.cells if c.key == key)
        return placed + sum(u.spanning + u.undated for u in self.unplaced if u.key == key)


def timeline(
    reg: Registry,
    by: str = "type",
    flt: EventFilter | None = None,
    period: str = "year",
    subjects: bool = False,
    unit: str = "auto",
) -> Timeline:
    """Events per period and group. `subjects` also counts distinct persons (records before
    linking) per cell: the same execution attested by three sources is one person; it costs a
    pass over every event, so it is asked for."""
    if by not in BY:
        raise VigilError(f"cannot group events by {by!r}: {', '.join(BY)}")
    checks.choice("period", period)
    checks.choice("unit", unit)
    flt = flt or EventFilter()
    reader = open_analysis(reg)
    checks.event_filter(reader, flt)
    resolved = reader.unit(unit)
    cells: list[TimelineCell] = []
    spanning: Counter[str | None] = Counter()
    undated: Counter[str | None] = Counter()
    for key, placement, bucket, events, distinct in reader.timeline(
        by, flt, period, resolved, subjects
    ):
        if placement == PLACED:
            cells.append(TimelineCell(key, bucket, events, distinct))
        elif placement == SPANNING:
            spanning[key] += events
        else:
            undated[key] += events
    cells.sort(key=lambda c: (c.period, c.key is None, c.key or ""))
    unplaced = tuple(
        Unplaced(k, spanning[k], undated[k])
        for k in sorted(spanning.keys() | undated.keys(), key=lambda k: (k is None, k or ""))
    )
    return Timeline(by, period, resolved, flt, tuple(cells), unplaced)


def cell_records(
    reg: Registry, tl: Timeline, key: str | None, period: str | None = None, limit: int | None = 100
) -> list[int]:
    """Ids of the records behind one cell, for `vigil show record`; without `period`, behind
    the group's events (those wholly inside the filter's range, when it has one)."""
    return open_analysis(reg).records(tl.filter, Cell(tl.by, key, period), limit)
