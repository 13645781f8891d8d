"""`vigil audit`: read the log of every write, and prove it whole."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from vigil import console
from vigil.cli import Db, Json, Limit, app, user_errors
from vigil.store import Registry, audit

audit_app = typer.Typer(
    help="The audit log: every ingest, link run, decision, takedown and account change, "
    "hash-chained so that an edited, deleted or reordered entry is found.",
    no_args_is_help=True,
)
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
@user_errors
def verify(
    expect: Annotated[
        str | None,
        typer.Option(help="The last hash you kept (`vigil audit head`): it must still be so."),
    ] = None,
    db: Db = None,
) -> None:
    """Recompute the chain from the first entry; exit 1 and name each entry that is wrong."""
    with Registry.open(db) as reg:
        verdict = reg.verify_audit(expect)
    if verdict.ok:
        console.out.print(
            f"Audit log intact: {verdict.entries:,} entries, last hash {verdict.head}."
        )
        return
    for problem in verdict.problems:
        console.err.print(f"audit: {problem}")
    console.err.print(
        f"Audit log NOT intact: {len(verdict.problems)} problem(s) in {verdict.entries:,} entries."
    )
    raise typer.Exit(1)


@audit_app.command("head")
@user_errors
def head(db: Db = None) -> None:
    """The number of entries and the last hash: keep it elsewhere, and check it with
    `vigil audit verify --expect HASH`, so that a rewritten chain is found too."""
    with Registry.open(db) as reg:
        verdict = reg.verify_audit()
    console.out.print(f"{verdict.entries} {verdict.head}")


@audit_app.command("log")
@user_errors
def log(
    action: Annotated[
        str | None, typer.Option(help=f"Only this action: {', '.join(audit.ACTIONS)}.")
    ] = None,
    limit: Limit = 50,
    db: Db = None,
    as_json: Json = False,
) -> None:
    """The newest entries first: when, who, what, on what."""
    with Registry.open(db) as reg:
        rows = reg.audit_log(limit or None, action)
    if as_json:
        console.print_json(rows)
        return
    table = Table("#", "at (UTC)", "actor", "action", "subject", "detail")
    for r in rows:
        detail = ", ".join(f"{k}={v}" for k, v in r["detail"].items())
        table.add_row(str(r["seq"]), r["at"][:19], r["actor"], r["action"], r["subject"] or "",
                      detail)  # fmt: skip
    console.out.print(table)
