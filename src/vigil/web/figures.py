"""The statistics as the public may see them, computed once per state of the registry.

Counts follow search: a withheld person is absent from them. Every figure of `vigil.analysis`
is a sum over subjects, so the public figure is the whole registry's less that of the withheld
people alone, counted by the same functions in a scratch registry that holds only them (see
`vigil.store.statistics`). The lists of records behind a figure are the `*_records` lists less
the withheld records.

A million records take seconds to count (the outcomes most), so each figure is kept until the
registry changes: a new source, a new linkage run, or a new day (the privacy rule depends on
the date). The page says when its figures were computed.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import weakref
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any, Generic, TypeVar

from vigil.analysis import (
    ClaimComparison,
    Cohort,
    Detail,
    EventFilter,
    Outcome,
    Outcomes,
    Timeline,
    TimelineCell,
    Unplaced,
    cell_records,
    claim_records,
    claims,
    outcome_records,
    outcomes,
    timeline,
)
from vigil.store import Registry
from vigil.store import statistics as store
from vigil.store.analysis import Unit, open_analysis
from vigil.web.state import Public

T = TypeVar("T")
KEPT = 64  # figures and record lists kept per registry state; beyond, the oldest is dropped


@dataclass(frozen=True, slots=True)
class Computed(Generic[T]):
    value: T
    at: datetime  # when it was computed (UTC)
    seconds: float  # how long it took


@dataclass(frozen=True, slots=True)
class TimelineAsk:
    """A timeline as the page and the API ask for it."""

    by: str = "type"
    filter: EventFilter = field(default_factory=EventFilter)
    period: str = "year"
    subjects: bool = False


@dataclass(frozen=True, slots=True)
class CellRef:
    """Timeline cells: the groups `keys` (None: every group) in one period (None: all)."""

    ask: TimelineAsk
    keys: tuple[str | None, ...] | None
    bucket: str | None


@dataclass(frozen=True, slots=True)
class OutcomeRef:
    """An outcome figure: `outcome` None is "none recorded"; `detail` a sentence's term."""

    after: str
    category: str | None
    outcome: str | None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimRef:
    claim_id: int


FigureRef = CellRef | OutcomeRef | ClaimRef


@dataclass(frozen=True, slots=True)
class PublicClaim:
    """A claim the public may read, with the page of its source that shows it."""

    comparison: ClaimComparison
    source_page: int


@dataclass
class _Withheld:
    records: frozenset[int]
    scratch: Registry | None  # their records alone, for counting them apart
    folder: str | None


class Figures:
    """The public figures of one app's registry; every read passes its privacy screen."""

    def __init__(self, pub: Public) -> None:
        self.pub = pub
        self._lock = threading.RLock()  # one computation at a time; cached reads never wait
        self._local = threading.local()
        self._stamp: tuple[Any, ...] | None = None
        self._kept: OrderedDict[Any, Computed[Any]] = OrderedDict()
        self._withheld: _Withheld | None = None

    # -- the figures ------------------------------------------------------------------------

    def timeline(self, ask: TimelineAsk) -> Computed[Timeline]:
        def compute() -> Timeline:
            whole = timeline(self.reg, ask.by, ask.filter, ask.period, ask.subjects)
            part = self._part(
                lambda r: timeline(r, ask.by, ask.filter, ask.period, ask.subjects, whole.unit)
            )
            return timeline_less(whole, part) if part else whole

        return self._get(("timeline", ask), compute)

    def outcomes(self, after: str) -> Computed[Outcomes]:
        def compute() -> Outcomes:
            whole = outcomes(self.reg, after)
            part = self._part(lambda r: outcomes(r, after, whole.unit))
            return outcomes_less(whole, part) if part else whole

        return self._get(("outcomes", after), compute)

    def claims(self) -> Computed[list[PublicClaim]]:
        def compute() -> list[PublicClaim]:
            out = []
            for c in claims(self.reg):
                page = self._claim_page(c)
                if page is None:
                    continue  # inside a withheld record's entry: its source page cuts it out
                if c.filter is not None and c.registry_unit is not None:
                    part = self._part(partial(_period_counts, c.filter, c.registry_unit))
                    c = claim_less(c, part) if part else c
                out.append(PublicClaim(c, page))
            return out

        return self._get(("claims",), compute)

    def records(self, ref: FigureRef) -> Computed[array]:
        """Ids of the records behind a figure that the public may see, in order."""

        def compute() -> array:
            ids = self._records(ref)
            hidden = self._hidden().records
            return array("q", sorted(i for i in ids if i not in hidden))

        return self._get(("records", ref), compute)

    # -- how --------------------------------------------------------------------------------

    @property
    def reg(self) -> Registry:
        return self.pub.registry

    def _records(self, ref: FigureRef) -> set[int]:
        if isinstance(ref, CellRef):
            tl = self.timeline(ref.ask).value
            keys = tl.groups() if ref.keys is None else ref.keys
            return {i for k in keys for i in cell_records(self.reg, tl, k, ref.bucket, None)}
        if isinstance(ref, OutcomeRef):
            result = self.outcomes(ref.after).value
            return set(
                outcome_records(self.reg, result, ref.category, ref.outcome, ref.detail, None)
            )
        found = [p.comparison for p in self.claims().value if p.comparison.claim_id == ref.claim_id]
        return set(claim_records(self.reg, found[0], None)) if found else set()

    def _claim_page(self, c: ClaimComparison) -> int | None:
        """The source page that shows the claim; None when that page leaves it out."""
        if c.span_start is None:
            return 1
        page = store.span_page(self.reg, c.source_id, c.span_start)
        shown = self.pub.source(c.source_id, page)["claims"]
        return page if any(x["id"] == c.claim_id for x in shown) else None

    def _part(self, count: Callable[[Registry], T]) -> T | None:
        """The same count over the withheld people alone; None when there are none."""
        scratch = self._hidden().scratch
        return count(scratch) if scratch is not None else None

    def _hidden(self) -> _Withheld:
        if self._withheld is None:
            ids = store.withheld_records(self.reg, self.pub.withhold)
            scratch = folder = None
            if ids:
                folder = tempfile.mkdtemp(prefix="vigil-withheld-")
                weakref.finalize(self, shutil.rmtree, folder, True)
                scratch = Registry.open(str(Path(folder) / "withheld.db"))
                store.copy_records(self.reg, ids, scratch)
            self._withheld = _Withheld(frozenset(ids), scratch, folder)
        return self._withheld

    def _get(self, key: Any, compute: Callable[[], T]) -> Computed[T]:
        nested = getattr(self._local, "depth", 0) > 0  # a list asking for its figure
        stamp = self._stamp if nested else (*store.state(self.reg), date.today())
        hit = self._kept.get(key) if stamp == self._stamp else None
        if hit is not None:
            return hit
        with self._lock:
            if stamp != self._stamp:
                self._forget()
                self._stamp = stamp
            hit = self._kept.get(key)
            if hit is None:
                start = time.perf_counter()
                self._local.depth = getattr(self._local, "depth", 0) + 1
                try:
                    value = compute()
                finally:
                    self._local.depth -= 1
                hit = Computed(value, datetime.now(UTC), time.perf_counter() - start)
                self._kept[key] = hit
                while len(self._kept) > KEPT:
                    self._kept.popitem(last=False)
            return hit

    def _forget(self) -> None:
        self._kept.clear()
        if self._withheld is not None and self._withheld.scratch is not None:
            self._withheld.scratch.close()
            shutil.rmtree(self._withheld.folder or "", ignore_errors=True)
        self._withheld = None


# -- a figure less the withheld people's ------------------------------------------------------


def timeline_less(whole: Timeline, part: Timeline) -> Timeline:
    less = {(c.key, c.period): c for c in part.cells}
    cells = []
    for c in whole.cells:
        p = less.get((c.key, c.period))
        if p is not None:
            subjects = None if c.subjects is None else c.subjects - (p.subjects or 0)
            c = TimelineCell(c.key, c.period, c.events - p.events, subjects)
        if c.events:
            cells.append(c)
    gone = {u.key: u for u in part.unplaced}
    unplaced = []
    for u in whole.unplaced:
        p = gone.get(u.key)
        if p is not None:
            u = Unplaced(u.key, u.spanning - p.spanning, u.undated - p.undated)
        if u.spanning or u.undated:
            unplaced.append(u)
    return replace(whole, cells=tuple(cells), unplaced=tuple(unplaced))


def outcomes_less(whole: Outcomes, part: Outcomes) -> Outcomes:
    less = {c.category: c for c in part.cohorts}
    cohorts = []
    for c in whole.cohorts:
        p = less.get(c.category)
        if p is not None:
            c = Cohort(
                c.category,
                c.subjects - p.subjects,
                c.none_recorded - p.none_recorded,
                c.unlinked - p.unlinked,
                tuple(_outcome_less(o, p.outcome(o.type)) for o in c.outcomes),
            )
        if c.subjects:
            cohorts.append(replace(c, outcomes=tuple(o for o in c.outcomes if o.subjects)))
    # the order `outcomes` gives: named categories, the largest first; the unnamed last
    cohorts.sort(key=lambda c: (c.category is None, -c.subjects, c.category or ""))
    return replace(whole, cohorts=tuple(cohorts))


def _outcome_less(o: Outcome, p: Outcome | None) -> Outcome:
    if p is None:
        return o
    less = {d.text: d.subjects for d in p.details}
    details = [Detail(d.text, d.subjects - less.get(d.text, 0)) for d in o.details]
    details.sort(key=lambda d: (-d.subjects, d.text or ""))
    return Outcome(o.type, o.subjects - p.subjects, tuple(d for d in details if d.subjects))


def _period_counts(flt: EventFilter, unit: Unit, reg: Registry) -> dict[str, int]:
    return open_analysis(reg).period_counts(flt, unit)


def claim_less(c: ClaimComparison, part: dict[str, int]) -> ClaimComparison:
    return replace(
        c,
        events=(c.events or 0) - part["events"],
        subjects=(c.subjects or 0) - part["subjects"],
        spanning=(c.spanning or 0) - part["spanning"],
        undated=(c.undated or 0) - part["undated"],
    )
