"""Human output for the command line: Rich tables, progress, and sources with their spans marked."""

from __future__ import annotations

import itertools
import json
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

# No markup by default: names, texts and file names are data, and "[/x]" in one must be shown
# as written, not read as a closing tag. Styled lines say markup=True and escape their data.
out = Console(highlight=False, soft_wrap=True, markup=False)
err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, default=str) + "\n")


def print_json_lines(values: Iterable[Any]) -> None:
    write = sys.stdout.write
    for v in values:
        write(json.dumps(v, ensure_ascii=False, default=str) + "\n")


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Progress | None]:
    """A progress display on stderr, or None when --quiet or not a terminal."""
    if quiet:
        yield None
        return
    bar = Progress(
        TextColumn("{task.description}", markup=False),  # a file name is data
        BarColumn(),
        TaskProgressColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    )
    with bar:
        yield bar


def full_name(row: dict[str, Any]) -> str:
    return " ".join(p for p in (row.get("surname"), row.get("given"), row.get("patronymic")) if p)


def _events_cell(events: list[dict[str, Any]]) -> str:
    return "; ".join(f"{e['type']} {e['date'] or '?'}" for e in events)


def records_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title=f"{len(rows)} records", title_justify="left")
    for col in ("id", "name", "born", "source", "entry", "events"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(
            str(r["id"]),
            full_name(r) or "—",
            r["birth"] or "",
            f"{r['source_id']}: {r['source_title'] or r['source_file']}",
            r["locator"] or str(r["entry"]),
            _events_cell(r["events"]),
        )
    return t


def sources_table(rows: list[dict[str, Any]]) -> Table:
    t = Table(title=f"{len(rows)} sources", title_justify="left")
    for col in ("id", "kind", "title", "author", "published", "file", "records"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(
            str(r["id"]), r["kind"], r["title"] or "", r["author"] or "",
            r["published"] or "", r["filename"], str(r["records"]),
        )  # fmt: skip
    return t


def fields_table(title: str, fields: Iterable[tuple[str, Any]]) -> Table:
    t = Table(title=title, title_justify="left", show_header=False)
    t.add_column("field", style="bold")
    t.add_column("value", overflow="fold")
    for k, v in fields:
        if v not in (None, "", []):
            t.add_row(k, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False))
    return t


def events_table(events: list[dict[str, Any]], cite: str = "span") -> Table:
    """Events cited by their span in one record's source, or (`cite="record"`) by record."""
    t = Table(title="events", title_justify="left")
    for col in ("type", "date", "authority", "category", "charge", "detail", "place", cite):
        t.add_column(col, overflow="fold")
    for e in events:
        if cite == "record":
            where = str(e["record_id"])
        else:
            where = f"{e['span_start']}–{e['span_end']}" if e["span_start"] is not None else ""
        t.add_row(
            e["type"], e["date"] or "", e["authority"] or "", e["category"] or "",
            e["charge"] or "", e["detail"] or "", e["place"] or "", where,
        )  # fmt: skip
    return t


def stats_tables(stats: dict[str, Any]) -> list[Table]:
    totals = fields_table(
        "registry", [(k, str(stats[k])) for k in ("sources", "records", "events", "claims")]
    )
    by_type = Table(title="events by type", title_justify="left")
    by_type.add_column("type")
    by_type.add_column("events", justify="right")
    for k, n in stats["events_by_type"].items():
        by_type.add_row(k, str(n))
    years = sorted({r["year"] for r in stats["events_by_type_and_year"]})
    types = list(stats["events_by_type"])
    grid: dict[tuple[str, int], int] = {
        (r["type"], r["year"]): r["events"] for r in stats["events_by_type_and_year"]
    }
    by_year = Table(title="events by year (dated to a single year)", title_justify="left")
    by_year.add_column("year")
    for ty in types:
        by_year.add_column(ty, justify="right")
    for y in years:
        by_year.add_row(str(y), *(str(grid.get((ty, y), "")) for ty in types))
    return [totals, by_type, by_year]


_STYLE = {"record": "", "event": "bold cyan", "claim": "bold yellow", "quote": "italic green"}


def marked_source(src: dict[str, Any]) -> Text:
    """The verbatim body with each extracted span styled and labelled where it ends."""
    body: str = src["body"]
    marks: list[tuple[int, int, str, str]] = []  # start, end, kind, label
    for r in src["records"]:
        marks.append((r["span_start"], r["span_end"], "record", f"record {r['id']}"))
    for e in src["events"]:
        if e["span_start"] is not None:
            marks.append((e["span_start"], e["span_end"], "event", e["type"]))
    for c in src["claims"]:
        if c["span_start"] is not None:
            marks.append((c["span_start"], c["span_end"], "claim", f"claim {c['id']}"))
    for q in src["quotes"]:
        if q["span_start"] is not None:
            marks.append((q["span_start"], q["span_end"], "quote", f"quote {q['id']}"))
    starts: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    ends: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for s, e, kind, label in marks:
        if e <= s and kind != "record":
            continue
        starts[s].append((e, kind, label))
        ends[e].append((kind, label))
    cuts = sorted({0, len(body)} | starts.keys() | ends.keys())
    active: Counter[str] = Counter()
    text = Text()
    for a, b in itertools.pairwise(cuts):
        for _e, kind, label in starts.get(a, ()):
            if kind == "record":
                text.append(f"⟦{label}⟧ ", style="dim")
            else:
                active[kind] += 1
        style = " ".join(_STYLE[k] for k, n in active.items() if n > 0)
        text.append(body[a:b], style=style or None)
        for kind, label in ends.get(b, ()):
            if kind != "record":
                active[kind] -= 1
                text.append(f"⟨{label}⟩", style="dim " + _STYLE[kind])
    return text


# -- linkage --------------------------------------------------------------------------------


def link_report(report: Any, location: str) -> Text:
    r = report
    lines = [
        f"Linked {r.records:,} records ({r.new_records:,} new) into {r.persons:,} persons "
        f"in {r.seconds:.1f} s: {r.mode} run on {r.engine}, threshold {r.threshold}.",
        f"  pairs scored this run: {r.pairs_scored:,}; stored pairs: {r.pairs:,}",
        f"  persons: {r.persons_new:,} new, {r.persons_retired:,} retired; "
        f"records that changed person: {r.records_moved:,}",
    ]
    if r.keys_computed:
        lines.append(f"  name keys computed: {r.keys_computed:,}")
    if r.training is not None:
        t = r.training
        prior = f"{t.prior:.2e}" if t.prior else "default"
        lines.append(
            f"  model trained: {t.em_passes} EM pass(es), prior {prior}, "
            f"{t.labels} reviewer label(s) used"
        )
    if r.blocked_by_decisions:
        lines.append(f"  merges refused by 'different' decisions: {r.blocked_by_decisions}")
    for a, b in r.conflicts:
        lines.append(
            f"  [yellow]conflict:[/yellow] records {a} and {b} were decided 'same', but that "
            "joins records decided 'different'"
        )
    lines.append(f"Registry: {escape(location)}. Next: `vigil persons`, `vigil review`.")
    return Text.from_markup("\n".join(lines))


_SIDE_BY_SIDE = (
    ("name as written", "name_written"),
    ("surname", "surname"),
    ("given", "given"),
    ("patronymic", "patronymic"),
    ("sex", "sex"),
    ("born", "birth"),
    ("birthplace", "birth_place"),
    ("nationality", "nationality"),
    ("occupation", "occupation"),
    ("residence", "residence"),
)


def _source_cell(rec: dict[str, Any]) -> str:
    where = rec.get("locator") or f"entry {rec.get('entry')}"
    return f"{rec.get('source_title') or rec.get('filename')} ({rec.get('filename')}), {where}"


def pair_table(pair: dict[str, Any]) -> Table:
    a, b = pair["a"], pair["b"]
    score = pair.get("score")
    title = (
        f"match probability {score['probability']:.3f} (weight {score['match_weight']:.2f})"
        if score
        else "not a scored pair"
    )
    table = Table(title=title)
    table.add_column("")
    table.add_column(f"record {a['id']}")
    table.add_column(f"record {b['id']}")
    table.add_row("source", _source_cell(a), _source_cell(b))
    persons = pair.get("persons", {})
    table.add_row("person", str(persons.get(a["id"], "—")), str(persons.get(b["id"], "—")))
    for label, key in _SIDE_BY_SIDE:
        if a.get(key) or b.get(key):
            table.add_row(label, str(a.get(key) or ""), str(b.get(key) or ""))
    return table


def waterfall(exp: Any) -> Table:
    prior_weight = math.log2(exp.prior / (1 - exp.prior))
    table = Table(title=f"records {exp.a} and {exp.b}: match weight by comparison")
    table.add_column("comparison")
    table.add_column("level")
    table.add_column("weight", justify="right")
    table.add_column("running", justify="right")
    running = prior_weight
    table.add_row("prior", "two records taken at random", f"{prior_weight:+.2f}", f"{running:.2f}")
    for step in exp.steps:
        running += step.weight
        tf = f" (of which term frequency {step.tf_weight:+.2f})" if step.tf_weight else ""
        table.add_row(step.comparison, step.level + tf, f"{step.weight:+.2f}", f"{running:.2f}")
    table.add_row("total", f"probability {exp.probability:.4f}", f"{exp.match_weight:+.2f}", "")
    return table


def decisions_text(pair: dict[str, Any]) -> Text:
    if not pair["decisions"]:
        return Text("No reviewer decision on this pair.")
    lines = [
        f"{d['decided_at']}: {d['actor']} decided {d['verdict']}"
        + (f" ({d['reason']})" if d.get("reason") else "")
        for d in pair["decisions"]
    ]
    lines[-1] += "  <- in force"
    return Text("\n".join(lines))


def persons_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title=f"{len(rows)} person(s)")
    for col in ("person", "name", "born", "records", "sources"):
        table.add_column(col)
    for r in rows:
        name = full_name(r) or r.get("name_written") or ""
        table.add_row(
            str(r["id"]), name, r.get("birth") or "", str(r["records"]), str(r["sources"])
        )
    return table


def person_records_table(rows: list[dict[str, Any]]) -> Table:
    table = Table()
    for col in ("record", "name as written", "born", "birthplace", "source"):
        table.add_column(col)
    for r in rows:
        table.add_row(
            str(r["id"]),
            r.get("name_written") or full_name(r),
            r.get("birth") or "",
            r.get("birth_place") or "",
            _source_cell(r),
        )
    return table


@contextmanager
def stage_progress(quiet: bool) -> Iterator[Callable[[str, int, int | None], None]]:
    """A progress callback `step(what, done, total)` showing one bar per stage, the stage
    being the first word of `what` (a table, "copy", "pages"); None when quiet."""
    with progress_bar(quiet) as bar:
        tasks: dict[str, Any] = {}

        def step(what: str, done: int, total: int | None) -> None:
            if bar is None:
                return
            stage = what.split()[0]
            if stage not in tasks:
                tasks[stage] = bar.add_task(what, total=total)
            bar.update(tasks[stage], description=what, completed=done, total=total)

        yield step
