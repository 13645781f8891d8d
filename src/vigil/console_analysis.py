"""Rich tables for `vigil measure`: counts only, never a name."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any

from rich.table import Table

from vigil.analysis import ClaimComparison, Outcomes, Timeline
from vigil.analysis.claims import COMPARED, RATE

NOT_RECORDED = "(none recorded)"


def _label(key: str | None) -> str:
    return NOT_RECORDED if key is None else key


def _n(value: int | None) -> str:
    return "" if not value else f"{value:,}"


def timeline_table(tl: Timeline, top: int = 8) -> Table:
    """Periods down, the `top` largest groups across (the rest summed as "other"); events not
    dated within one period are in the last rows, so every event the filter keeps is shown."""
    keys = tl.groups()
    shown, rest = keys[:top], keys[top:]
    grid = tl.grid()
    subjects = "persons" if tl.unit == "person" else "records"
    title = f"events by {tl.by} and {tl.period} (counted in a {tl.period} when dated wholly in it"
    if any(c.subjects is not None for c in tl.cells):
        title += f"; distinct {subjects} in brackets"
    title += ")"
    table = Table(title=title, title_justify="left")
    table.add_column(tl.period)
    for k in shown:
        table.add_column(_label(k), justify="right", overflow="fold")
    if rest:
        table.add_column(f"other ({len(rest)})", justify="right")
    table.add_column("all", justify="right")

    def cell(key: str | None, period: str) -> tuple[int, int | None]:
        c = grid.get((key, period))
        return (c.events, c.subjects) if c else (0, None)

    for period in tl.periods():
        row = []
        for k in shown:
            n, s = cell(k, period)
            row.append(_n(n) + (f" ({s:,})" if s is not None and n else ""))
        if rest:
            row.append(_n(sum(cell(k, period)[0] for k in rest)))
        row.append(_n(sum(cell(k, period)[0] for k in keys)))
        table.add_row(period, *row)
    spans = {u.key: u for u in tl.unplaced}
    for label, field in (("spanning", "spanning"), ("undated", "undated")):
        values = [getattr(spans[k], field) if k in spans else 0 for k in keys]
        if any(values):
            row = [_n(v) for v in values[: len(shown)]]
            if rest:
                row.append(_n(sum(values[len(shown) :])))
            table.add_row(label, *row, _n(sum(values)), style="dim")
    totals = [tl.total(k) for k in keys]
    row = [_n(v) for v in totals[: len(shown)]]
    if rest:
        row.append(_n(sum(totals[len(shown) :])))
    table.add_row("total", *row, _n(sum(totals)), style="bold")
    return table


def _share(n: int, of: int) -> str:
    return f"{n:,} ({100 * n / of:.0f}%)" if n and of else ""


def outcomes_tables(result: Outcomes, top: int = 8) -> list[Table]:
    """Cohorts down, what followed across; then the terms of the later sentences."""
    subjects = "persons" if result.unit == "person" else "records"
    types: list[str] = []
    for c in result.cohorts:
        types += [o.type for o in c.outcomes if o.type not in types]
    table = Table(
        title=f"what followed {result.cohort}, by category ({subjects}; share of the cohort)",
        title_justify="left",
    )
    table.add_column("category")
    table.add_column(subjects, justify="right")
    for t in types:
        table.add_column(t, justify="right")
    table.add_column("none recorded", justify="right")
    for c in result.cohorts:
        cells = []
        for t in types:
            o = c.outcome(t)
            cells.append(_share(o.subjects, c.subjects) if o else "")
        unlinked = f" ({c.unlinked:,} unlinked)" if c.unlinked else ""
        table.add_row(
            _label(c.category),
            f"{c.subjects:,}{unlinked}",
            *cells,
            _share(c.none_recorded, c.subjects),
        )
    out = [table]
    terms: dict[str, int] = {}
    for c in result.cohorts:
        o = c.outcome("sentence")
        for d in o.details if o else ():
            terms[d.text or "—"] = terms.get(d.text or "—", 0) + d.subjects
    if terms:
        ordered = sorted(terms, key=lambda t: -terms[t])[:top]
        sentences = Table(
            title=f"sentences after {result.cohort}, by term as written ({subjects})",
            title_justify="left",
        )
        sentences.add_column("category")
        for t in ordered:
            sentences.add_column(t, justify="right", overflow="fold")
        for c in result.cohorts:
            o = c.outcome("sentence")
            by_term = {d.text or "—": d.subjects for d in o.details} if o else {}
            sentences.add_row(
                _label(c.category), *(_share(by_term.get(t, 0), c.subjects) for t in ordered)
            )
        out.append(sentences)
    return out


def _bounds(c: ClaimComparison) -> str:
    unit = {"percent": "%", "persons": " persons"}.get(c.unit or "", "")
    if c.lower is not None and c.upper is not None and c.lower != c.upper:
        return f"{c.lower:,.6g}–{c.upper:,.6g}{unit}"
    if c.lower is not None and c.upper is None:
        return f"≥ {c.lower:,.6g}{unit}"
    if c.lower is None and c.upper is not None:
        return f"≤ {c.upper:,.6g}{unit}"
    return f"{c.lower:,.6g}{unit}" if c.lower is not None else ""


def _registry(c: ClaimComparison) -> str:
    if c.status == RATE:
        return "a rate: the registry holds no count of members to divide by"
    if c.status != COMPARED:
        return "not an act the registry records"
    subjects = "persons" if c.registry_unit == "person" else "records"
    text = f"{c.events:,} {c.event_type} events, {c.subjects:,} {subjects}"
    if c.spanning:
        text += f"; {c.spanning:,} more may fall in the period"
    if c.undated and c.period:
        text += f"; {c.undated:,} undated"
    return text


def claims_table(rows: list[ClaimComparison]) -> Table:
    table = Table(
        title=f"{len(rows)} claims made by the sources, beside what the registry holds",
        title_justify="left",
    )
    for col in ("claim", "source", "span", "the source says", "bounds", "period", "registry"):
        table.add_column(col, overflow="fold")
    for c in rows:
        span = f"{c.span_start}–{c.span_end}" if c.span_start is not None else ""
        table.add_row(
            str(c.claim_id),
            f"{c.source_id}: {c.source_title or c.source_file}",
            span,
            c.text,
            _bounds(c),
            c.period or "(none given: all dates)",
            _registry(c),
        )
    return table


def plain(value: Any) -> Any:
    """A dataclass tree as JSON-ready values (dates become ISO strings in print_json)."""
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
