"""`vigil takedown` and `vigil config show`: the privacy policy's commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from vigil import config as settings
from vigil import console
from vigil.cli import Db, Json, app, user_errors
from vigil.errors import VigilError
from vigil.store import Registry, takedowns

Config = Annotated[
    Path | None,
    typer.Option(
        "--config",
        help="The configuration file (vigil.toml); else $VIGIL_CONFIG, else vigil.toml beside "
        "the registry, else the built-in defaults.",
    ),
]
Reason = Annotated[str | None, typer.Option("--reason", help="Why: kept in the audit log.")]

config_app = typer.Typer(help="The configuration in force (vigil.toml).", no_args_is_help=True)
app.add_typer(config_app, name="config")


@config_app.command("show")
@user_errors
def show(config: Config = None, db: Db = None) -> None:
    """Print the privacy policy in force and the file it came from."""
    for line in settings.describe(settings.load(config, db)):
        console.out.print(line, markup=False, highlight=False)


def _int(value: str | None, what: str) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise VigilError(f"{what} must be a number, not {value!r}") from None


@app.command()
@user_errors
def takedown(
    what: Annotated[
        str,
        typer.Argument(
            metavar="PERSON | record N | lift ID | list",
            help="A person's id to take down; `record N` for one record (whoever holds it); "
            "`lift ID` to lift takedown ID; `list` for every takedown.",
        ),
    ],
    ident: Annotated[str | None, typer.Argument(metavar="[N|ID]", show_default=False)] = None,
    reason: Reason = None,
    db: Db = None,
    as_json: Json = False,
) -> None:
    """Take a person out of everything public (pages, API, search, counts, every export), lift
    a takedown, or list them. Reversible, and each is written to the audit log.

    The takedown names the records the person holds now, so a new link run keeps it.
    """
    with Registry.open(db) as reg:
        if what == "list":
            _list(reg, as_json)
            return
        if what == "lift":
            done = takedowns.lift(reg, _int(ident, "the takedown's ID"), reason or "")
            console.out.print(
                f"Lifted takedown {done['id']} ({len(done['records'])} records are public "
                "again unless another takedown names them)."
            )
            return
        if what == "record":
            made = takedowns.take_down(reg, reason or "", record_id=_int(ident, "N"))
            whom = f"record {ident}"
        else:
            if ident is not None:
                raise VigilError(f"unexpected {ident!r} after the person's id")
            made = takedowns.take_down(reg, reason or "", person_id=_int(what, "PERSON"))
            whom = f"person {what}"
    if as_json:
        console.print_json(made)
        return
    console.out.print(
        f"Took down {whom}: takedown {made['id']}, records "
        f"{', '.join(map(str, made['records']))}; withheld from everything public until "
        f"`vigil takedown lift {made['id']}`."
    )


def _list(reg: Registry, as_json: bool) -> None:
    rows = takedowns.listing(reg)
    if as_json:
        console.print_json(rows)
        return
    if not rows:
        console.out.print("No takedowns.")
        return
    table = Table("id", "in force", "made (UTC)", "by", "reason", "records", "persons now",
                  "lifted")  # fmt: skip
    for r in rows:
        lifted = "" if r["active"] else f"{str(r['lifted_at'])[:19]} {r['lifted_by']}: "
        table.add_row(
            str(r["id"]),
            "yes" if r["active"] else "no",
            str(r["made_at"])[:19],
            r["actor"],
            r["reason"],
            ", ".join(map(str, r["records"])),
            ", ".join(map(str, r["persons_now"])),
            lifted + (r["lift_reason"] or ""),
        )
    console.out.print(table)
