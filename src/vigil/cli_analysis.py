"""`vigil measure`: the system of persecution as a whole, in counts. One library call each."""

from __future__ import annotations

from typing import Annotated

import typer

from vigil import console, console_analysis
from vigil.analysis import EventFilter, claims, outcomes, timeline
from vigil.cli import Db, Json, app, user_errors
from vigil.store import Registry

measure_app = typer.Typer(
    help="Measure the registry as a whole: events over time, what followed a category, and the "
    "sources' claims beside the registry's counts. Counts only: no names.",
    no_args_is_help=True,
)
app.add_typer(measure_app, name="measure")

Unit = Annotated[
    str,
    typer.Option(
        help="Count persons (linked records count once), records, or auto: persons once linked."
    ),
]
Top = Annotated[int, typer.Option(help="Columns for the largest groups; the rest are summed.")]


@measure_app.command("timeline")
@user_errors
def measure_timeline(
    by: Annotated[str, typer.Option(help="Group by type, authority or category.")] = "type",
    first: Annotated[int | None, typer.Option("--from", help="First year.")] = None,
    last: Annotated[int | None, typer.Option("--to", help="Last year.")] = None,
    event: Annotated[
        list[str] | None, typer.Option(help="Only events of this type (repeatable).")
    ] = None,
    category: Annotated[
        list[str] | None,
        typer.Option(help="Only this category and those under it (repeatable)."),
    ] = None,
    authority: Annotated[
        str | None, typer.Option(help="Only events whose deciding body contains this.")
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Only events whose place contains this.")
    ] = None,
    month: Annotated[bool, typer.Option("--month", help="Per month, not per year.")] = False,
    persons: Annotated[
        bool,
        typer.Option("--persons", help="Also count distinct persons per cell (a full pass)."),
    ] = False,
    unit: Unit = "auto",
    top: Top = 8,
    db: Db = None,
    as_json: Json = False,
) -> None:
    """Events per year (or month) by type, deciding body or category."""
    flt = EventFilter.years(
        first, last, types=tuple(event or ()), categories=tuple(category or ()),
        authority=authority, place=place,
    )  # fmt: skip
    with Registry.open(db) as reg:
        tl = timeline(reg, by, flt, "month" if month else "year", subjects=persons, unit=unit)
    if as_json:
        console.print_json(console_analysis.plain(tl))
        return
    console.out.print(console_analysis.timeline_table(tl, top))


@measure_app.command("outcomes")
@user_errors
def measure_outcomes(
    after: Annotated[
        str,
        typer.Option(help="The event that sorts people by category: party.expulsion or sentence."),
    ] = "party.expulsion",
    unit: Unit = "auto",
    top: Top = 8,
    db: Db = None,
    as_json: Json = False,
) -> None:
    """What happened next to people, by the category they were expelled (or sentenced) under."""
    with Registry.open(db) as reg:
        result = outcomes(reg, after, unit)
    if as_json:
        console.print_json(console_analysis.plain(result))
        return
    for table in console_analysis.outcomes_tables(result, top):
        console.out.print(table)


@measure_app.command("claims")
@user_errors
def measure_claims(unit: Unit = "auto", db: Db = None, as_json: Json = False) -> None:
    """Every figure a source states, with its citation, beside the registry's count."""
    with Registry.open(db) as reg:
        rows = claims(reg, unit)
    if as_json:
        console.print_json(console_analysis.plain(rows))
        return
    console.out.print(console_analysis.claims_table(rows))
