"""The command line: a thin layer over the library; errors become one line and a non-zero exit."""

from __future__ import annotations

import functools
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.markup import escape
from sqlalchemy.exc import SQLAlchemyError

from vigil import console
from vigil.errors import InputError, VigilError
from vigil.ingest import ingest_path, parse_path
from vigil.readers import ReaderOptions
from vigil.readers.table import parse_mapping
from vigil.serialize import parsed_json
from vigil.store import IngestResult, Registry

app = typer.Typer(
    help="Vigil: a registry that documents political persecution from its sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
show_app = typer.Typer(help="Show one record or source in full.", no_args_is_help=True)
app.add_typer(show_app, name="show")

F = TypeVar("F", bound=Callable[..., Any])

Db = Annotated[
    str | None,
    typer.Option("--db", envvar="VIGIL_DB", help="Registry: a SQLite path or a database URL."),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")]
Limit = Annotated[int, typer.Option(help="At most this many; 0 for all.")]
Offset = Annotated[int, typer.Option(help="Skip this many first.")]


def user_errors(fn: F) -> F:
    """Turn Vigil's errors into one line on stderr and exit status 1, without a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except VigilError as exc:
            console.err.print(f"[red]error:[/red] {escape(str(exc))}", markup=True)
            raise typer.Exit(1) from None
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            console.err.print(f"[red]error:[/red] database: {escape(str(reason))}", markup=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _options(mapping: str | None, id_column: str | None) -> ReaderOptions:
    try:
        parsed = parse_mapping(mapping) if mapping else {}
    except ValueError as exc:
        raise InputError("--map", str(exc)) from None
    return ReaderOptions(mapping=parsed, id_column=id_column)


Format = Annotated[
    str | None, typer.Option("--format", "-f", help="Reader name; detected when not given.")
]
Map = Annotated[
    str | None,
    typer.Option(
        "--map", help="table: field=Column pairs, e.g. surname=Фамилия,birth=Год рождения"
    ),
]
IdColumn = Annotated[
    str | None, typer.Option("--id-column", help="table: the column that locates each row.")
]


@app.command()
@user_errors
def init(db: Db = None) -> None:
    """Create a registry, or upgrade an older one in place."""
    with Registry.open(db) as reg:
        before, after = reg.init()
        if before is None:
            console.out.print(f"Created registry {reg.location} (schema {after}).")
        elif before == after:
            console.out.print(f"Registry {reg.location} is up to date (schema {after}).")
        else:
            console.out.print(f"Upgraded registry {reg.location} from {before} to {after}.")


@app.command()
@user_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Source files to ingest.")],
    fmt: Format = None,
    mapping: Map = None,
    id_column: IdColumn = None,
    db: Db = None,
    quiet: Quiet = False,
    as_json: Json = False,
) -> None:
    """Ingest source files: one transaction per file; the same bytes twice is a no-op."""
    options = _options(mapping, id_column)
    results = []
    failed = 0
    with Registry.open(db) as reg, console.progress_bar(quiet) as bar:
        for path in paths:
            task = bar.add_task(path.name, total=None) if bar else None

            def step(done: int, total: int, task: Any = task) -> None:
                if bar is not None:
                    bar.update(task, completed=done, total=total)

            try:
                res = ingest_path(reg, path, fmt, options, step)
            except InputError as exc:
                console.err.print(f"[red]error:[/red] {escape(str(exc))}", markup=True)
                failed += 1
                continue
            finally:
                if bar is not None:
                    bar.remove_task(task)
            results.append((path, res))
            if not as_json:
                _report_ingest(path, res)
        location = reg.location
    if as_json:
        console.print_json(
            [
                {"file": str(p), "source": r.source_id, "created": r.created,
                 "records": r.records, "events": r.events, "claims": r.claims,
                 "quotes": r.quotes, "warnings": len(r.warnings)}
                for p, r in results
            ]
        )  # fmt: skip
    elif results:
        console.out.print(f"Registry: {location}")
    if failed:
        raise typer.Exit(1)


def _report_ingest(path: Path, res: IngestResult, shown: int = 10) -> None:
    if not res.created:
        console.out.print(f"{path}: already ingested as source {res.source_id}; nothing to do.")
        return
    console.out.print(
        f"{path}: source {res.source_id}: {res.records} records, {res.events} events, "
        f"{res.claims} claims, {res.quotes} quotes, {len(res.warnings)} warnings."
    )
    for line, msg in res.warnings[:shown]:
        where = f"{path}:{line}" if line is not None else str(path)
        console.err.print(f"  warning: {where}: {msg}")
    if len(res.warnings) > shown:
        console.err.print(
            f"  … and {len(res.warnings) - shown} more: `vigil parse {path} --json` lists them all."
        )


@app.command()
@user_errors
def parse(
    path: Annotated[Path, typer.Argument(help="File to parse.")],
    fmt: Format = None,
    mapping: Map = None,
    id_column: IdColumn = None,
    as_json: Json = False,
) -> None:
    """Parse a file without touching a registry."""
    _reader, parsed, _enc = parse_path(path, fmt, _options(mapping, id_column))
    objects = parsed_json(parsed)
    if as_json:
        console.print_json_lines(objects)
        return
    for obj in objects:
        if "claims" in obj:
            console.out.print(console.fields_table(str(path), obj["source"].items()))
            console.out.print(
                console.fields_table("claims", [(c["text"], c) for c in obj["claims"]])
            )
        else:
            console.out.print(console.fields_table(f"entry {obj['entry']}", obj.items()))


@app.command()
@user_errors
def sources(db: Db = None, as_json: Json = False) -> None:
    """List the sources in the registry."""
    with Registry.open(db) as reg:
        rows = reg.sources()
    console.print_json(rows) if as_json else console.out.print(console.sources_table(rows))


@app.command()
@user_errors
def records(
    name: Annotated[str | None, typer.Option(help="Words of the name, any order.")] = None,
    event: Annotated[str | None, typer.Option(help="Only with an event of this type.")] = None,
    year: Annotated[int | None, typer.Option(help="Only with an event in this year.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    db: Db = None,
    as_json: Json = False,
) -> None:
    """Find records by name, event type and year."""
    with Registry.open(db) as reg:
        rows = reg.records(name=name, event_type=event, year=year, limit=limit or None,
                           offset=offset)  # fmt: skip
    console.print_json(rows) if as_json else console.out.print(console.records_table(rows))


@show_app.command("record")
@user_errors
def show_record(record_id: int, db: Db = None, as_json: Json = False) -> None:
    """A record: its verbatim text, fields and events, with their source."""
    with Registry.open(db) as reg:
        rec = reg.record(record_id)
    if as_json:
        console.print_json(rec)
        return
    src = rec["source"]
    console.out.print(f"[bold]record {rec['id']}[/bold] — source {src['id']}: "
                      f"{escape(src['title'] or src['filename'])} "
                      f"({escape(src['filename'])}), entry {rec['entry']}, line {rec['line']}",
                      markup=True)  # fmt: skip
    console.out.print(rec["text"])
    skip = {"id", "text", "source", "events", "source_id", "name_search", "span_start", "span_end"}
    console.out.print(
        console.fields_table("fields", [(k, v) for k, v in rec.items() if k not in skip])
    )
    if rec["events"]:
        console.out.print(console.events_table(rec["events"]))


@show_app.command("source")
@user_errors
def show_source(source_id: int, db: Db = None, as_json: Json = False) -> None:
    """A source: its metadata and verbatim text with the extracted spans marked."""
    with Registry.open(db) as reg:
        src = reg.source(source_id)
    if as_json:
        console.print_json(src)
        return
    meta = [
        (k, v) for k, v in src.items() if k not in {"body", "records", "events", "claims", "quotes"}
    ]
    console.out.print(console.fields_table(f"source {source_id}", meta))
    console.out.print(console.marked_source(src))


@app.command()
@user_errors
def stats(db: Db = None, as_json: Json = False) -> None:
    """Records and events by type and year."""
    with Registry.open(db) as reg:
        st = reg.stats()
    if as_json:
        console.print_json(st)
        return
    for table in console.stats_tables(st):
        console.out.print(table)


@app.command()
@user_errors
def demo(
    out: Annotated[Path, typer.Option(help="Folder for the corpus and the demo registry.")] = Path(
        "demo"
    ),
) -> None:
    """Generate a corpus of fictional people, build a registry from it and summarise it."""
    from vigil.demo import build_demo

    result = build_demo(out)
    console.out.print(
        "[bold]Vigil demo[/bold]: every person in this corpus is fictional.", markup=True
    )
    for src, res in result.ingested:
        _report_ingest(src.path, res, shown=3)
    for table in console.stats_tables(result.stats)[:2]:  # by year: `vigil stats`
        console.out.print(table)
    if result.linked is not None:
        console.out.print(console.link_report(result.linked, str(result.db)))
    db = result.db
    prog = "vigil" if shutil.which("vigil") else sys.argv[0]
    console.out.print(
        f"Corpus: {result.corpus}/\nRegistry: {db}\nTry:\n"
        f"  {prog} records --db {db} --event execution --year 1937\n"
        f"  {prog} show source 1 --db {db}\n  {prog} stats --db {db}\n"
        f"  {prog} persons --db {db} --name Иванов\n  {prog} review --db {db}\n  {prog} --help"
    )
    if result.site is not None:  # the published site: where to open it
        from vigil.cli_publish import report_lines

        for line in report_lines(result.site):
            console.out.print(line)


def main() -> None:
    app()


from vigil import cli_linkage  # noqa: E402,F401  (registers the linkage commands)
from vigil import cli_web  # noqa: E402,F401  (registers serve)
from vigil import cli_analysis  # noqa: E402,F401  (registers measure)
from vigil import cli_publish  # noqa: E402,F401  (registers publish)
from vigil import cli_privacy  # noqa: E402,F401  (registers takedown, config)
from vigil import cli_audit  # noqa: E402,F401  (registers audit)
from vigil import cli_users  # noqa: E402,F401  (registers user)
from vigil import cli_copy  # noqa: E402,F401  (registers migrate)
from vigil import cli_backup  # noqa: E402,F401  (registers backup, restore)
