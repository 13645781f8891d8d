"""Linkage commands: link, explain, review, decide, persons, show person, export links."""

from __future__ import annotations

import csv
import getpass
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from vigil import console
from vigil.cli import Db, Json, Limit, Offset, Quiet, app, show_app, user_errors
from vigil.errors import VigilError
from vigil.store import Registry

export_app = typer.Typer(help="Export from the registry.", no_args_is_help=True)
app.add_typer(export_app, name="export")

Threshold = Annotated[
    float | None,
    typer.Option(help="Link pairs at or above this match probability (default: the last run's)."),
]


def _reviewer(name: str | None) -> str:
    return name or os.environ.get("VIGIL_USER") or getpass.getuser()


@app.command()
@user_errors
def link(
    engine: Annotated[str, typer.Option(help="duckdb (in-process) or spark.")] = "duckdb",
    spark_master: Annotated[
        str | None, typer.Option(help="Spark master URL; local[*] when not given.")
    ] = None,
    threshold: Threshold = None,
    full: Annotated[
        bool, typer.Option("--full", help="Retrain and rescore every pair, not only new records.")
    ] = False,
    db: Db = None,
    quiet: Quiet = False,
    as_json: Json = False,
) -> None:
    """Link records into persons across sources, spellings and scripts."""
    from vigil.linkage.run import DEFAULT_THRESHOLD
    from vigil.linkage.run import link as run_link

    with Registry.open(db) as reg, console.progress_bar(quiet or as_json) as bar:
        task = bar.add_task("linking", total=None) if bar else None

        def step(msg: str) -> None:
            if bar is not None and task is not None:
                bar.update(task, description=f"linking: {msg}")

        if threshold is None:
            last = reg.last_run() if reg.exists() else None
            threshold = last["threshold"] if last else DEFAULT_THRESHOLD
        report = run_link(
            reg, engine=engine, spark_master=spark_master, threshold=threshold, full=full,
            step=step,
        )  # fmt: skip
        location = reg.location
    if as_json:
        console.print_json(asdict(report))
        return
    console.out.print(console.link_report(report, location))


@app.command()
@user_errors
def explain(a: int, b: int, db: Db = None, as_json: Json = False) -> None:
    """Why records A and B are, or are not, one person: each comparison's match weight."""
    from vigil.linkage.explain import explain as run_explain

    with Registry.open(db) as reg:
        reg.check()
        exp = run_explain(reg, a, b)
        pair = reg.pair(a, b)
    if as_json:
        console.print_json(
            vars(exp) | {"steps": [vars(s) for s in exp.steps], "decisions": pair["decisions"]}
        )
        return
    console.out.print(console.pair_table(pair))
    console.out.print(console.waterfall(exp))
    console.out.print(console.decisions_text(pair))


@app.command()
@user_errors
def decide(
    a: int,
    b: int,
    verdict: Annotated[str, typer.Argument(help="same or different")],
    reason: Annotated[str | None, typer.Option(help="Why, in a few words.")] = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Who decides (default: $VIGIL_USER).")
    ] = None,
    db: Db = None,
) -> None:
    """Record that records A and B are the same person or different people."""
    with Registry.open(db) as reg:
        row = reg.decide(a, b, verdict, _reviewer(reviewer), reason)
    console.out.print(
        f"decision {row['id']}: records {row['record_a']} and {row['record_b']} are "
        f"{row['verdict']} ({row['actor']}). `vigil link` applies it."
    )


@app.command()
@user_errors
def review(
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 20,
    threshold: Threshold = None,
    reviewer: Annotated[
        str | None, typer.Option(help="Who decides (default: $VIGIL_USER).")
    ] = None,
    db: Db = None,
) -> None:
    """Walk the uncertain pairs, nearest the threshold first: same, different or skip."""
    who = _reviewer(reviewer)
    answers = {"s": "same", "same": "same", "d": "different", "different": "different"}
    decided = skipped = 0
    with Registry.open(db) as reg:
        last = reg.last_run()
        if last is None:
            raise VigilError("nothing to review yet: run `vigil link` first")
        queue = reg.review_queue(threshold if threshold is not None else last["threshold"], limit)
        if not queue:
            console.out.print("No undecided pairs: nothing to review.")
            return
        for i, scored in enumerate(queue, 1):
            pair = reg.pair(scored["record_a"], scored["record_b"])
            console.out.print(f"\n[bold]pair {i} of {len(queue)}[/bold]", markup=True)
            console.out.print(console.pair_table(pair))
            answer = typer.prompt("same / different / skip / quit", default="skip").strip()
            answer = answer.casefold()
            if answer in {"q", "quit"}:
                break
            verdict = answers.get(answer)
            if verdict is None:
                skipped += 1
                continue
            reason = typer.prompt("reason (optional)", default="", show_default=False) or None
            reg.decide(scored["record_a"], scored["record_b"], verdict, who, reason)
            decided += 1
    console.out.print(
        f"{decided} decision(s) recorded, {skipped} skipped. Run `vigil link` to apply them."
    )


@app.command()
@user_errors
def persons(
    name: Annotated[str | None, typer.Option(help="Words of a name any record carries.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    db: Db = None,
    as_json: Json = False,
) -> None:
    """List persons with how many records and sources attest each."""
    with Registry.open(db) as reg:
        rows = reg.persons(name=name, limit=limit or None, offset=offset)
    console.print_json(rows) if as_json else console.out.print(console.persons_table(rows))


@show_app.command("person")
@user_errors
def show_person(person_id: int, db: Db = None, as_json: Json = False) -> None:
    """A person: every record of theirs with its source, and their events in order."""
    with Registry.open(db) as reg:
        p = reg.person(person_id)
    if as_json:
        console.print_json(p)
        return
    console.out.print(
        f"[bold]person {person_id}[/bold]: {len(p['records'])} record(s)", markup=True
    )
    console.out.print(console.person_records_table(p["records"]))
    if p["events"]:
        console.out.print(console.events_table(p["events"], cite="record"))


@export_app.command("links")
@user_errors
def export_links(
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV (the only format so far).")] = True,
    out: Annotated[Path | None, typer.Option(help="Write here instead of stdout.")] = None,
    db: Db = None,
) -> None:
    """source,locator,person for every record: the whole linkage, for other tools."""
    with Registry.open(db) as reg:
        rows = reg.export_links()
    handle = out.open("w", newline="", encoding="utf-8") if out else sys.stdout
    try:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["source", "locator", "person"])
        writer.writerows(rows)
    finally:
        if out:
            handle.close()
    if out:
        console.err.print(f"{len(rows)} records written to {out}")
