"""`vigil publish OUT/`: the static website and the open data."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from vigil import console
from vigil.cli import Db, Quiet, app, user_errors
from vigil.cli_privacy import Config


def report_lines(report: Any) -> list[str]:
    """What a publication did and where to open it (also printed by `vigil demo`)."""
    r = report
    rounds = ", ".join(f"{k} {v:.1f} s" for k, v in r.timings.items())
    return [
        f"Published {r.persons:,} persons ({r.records:,} records, {r.events:,} events) from "
        f"{r.sources:,} sources in {r.seconds:.1f} s ({rounds}): {r.pages:,} pages in Russian "
        "and English.",
        f"Withheld (may be alive or taken down): {r.withheld_groups:,} persons or unlinked "
        f"records, {r.withheld_records:,} records; they appear nowhere in the publication.",
        f"Open data: {r.data}/ (CSV, JSON Lines, JSON-LD, SQLite for Datasette; README.md).",
        f"Open the site: {r.index}",
        f"  or serve it: python -m http.server -d {r.out}  (then http://127.0.0.1:8000/)",
    ]


@app.command()
@user_errors
def publish(
    out: Annotated[Path, typer.Argument(help="Folder for the site; replaced if it holds one.")],
    base_url: Annotated[
        str, typer.Option(help="Where the site will be served, for absolute links in the data.")
    ] = "",
    workers: Annotated[int, typer.Option(help="Processes to render with; 1 for none.")] = 2,
    config: Config = None,
    db: Db = None,
    quiet: Quiet = False,
) -> None:
    """Publish the registry as a static website with an offline name search, and open data.

    The privacy policy (vigil.toml, `vigil config show`) applies: people who may be alive
    (by default born less than 100 years ago, no date of death) and people taken down are left
    out of every page, index, file and count; sensitive fields are in none.
    """
    from vigil.config import load
    from vigil.publish import publish as run
    from vigil.publish.run import check_target

    policy = load(config, db).policy  # a bad file is said before anything is written
    check_target(out)  # a bad folder is said before any progress is shown
    with console.stage_progress(quiet) as step:
        report = run(db, out, policy=policy, base_url=base_url, workers=workers, progress=step)
    for line in report_lines(report):
        console.out.print(line)
