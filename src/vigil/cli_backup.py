"""`vigil backup OUT` and `vigil restore BACKUP`: a registry to a checked file and back."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from vigil import console
from vigil.cli import Db, Json, Quiet, app, user_errors
from vigil.store import backup as store_backup
from vigil.store import migrate
from vigil.store.engine import resolve_url

# the tables a person reading the report cares about, in the order they are told
SHOWN = (
    ("source", "sources"),
    ("record", "records"),
    ("event", "events"),
    ("person", "persons"),
    ("decision", "decisions"),
    ("audit", "audit entries"),
)


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000  # type: ignore[assignment]
    return str(n)


def counts_line(manifest: store_backup.Manifest) -> str:
    tables = manifest.tables
    shown = [f"{tables[t]['rows']:,} {label}" for t, label in SHOWN if t in tables]
    return (
        f"{', '.join(shown)}; {manifest.rows:,} rows in {len(tables)} tables "
        f"(schema {manifest.revision})"
    )


@app.command("backup")
@user_errors
def backup_command(
    out: Annotated[
        Path, typer.Argument(help="The backup file; a name ending in .gz is compressed (SQLite).")
    ],
    db: Db = None,
    quiet: Quiet = False,
    as_json: Json = False,
) -> None:
    """Back up the registry, with a manifest beside it that restore checks it against.

    SQLite: a consistent copy taken while the registry is in use. PostgreSQL: pg_dump's custom
    format (needs Debian's postgresql-client).
    """
    with console.stage_progress(quiet or as_json) as step:
        res = store_backup.backup(resolve_url(db), out, progress=step)
    m = res.manifest
    if as_json:
        console.print_json(
            {"backup": str(res.path), "manifest": str(res.manifest_path), "source": res.source,
             "bytes": m.file_bytes, "sha256": m.file_sha256, "revision": m.revision,
             "tables": m.tables, "seconds": round(res.seconds, 2)}
        )  # fmt: skip
        return
    packed = ", compressed" if m.compressed else ""
    console.out.print(
        f"Backed up {res.source} to {res.path} ({_size(m.file_bytes)}{packed}) "
        f"in {res.seconds:.1f} s: {counts_line(m)}."
    )
    console.out.print(f"Manifest: {res.manifest_path} (row count and SHA-256 of every table).")
    console.out.print(f"Restore with: vigil restore {res.path} --db REGISTRY")


@app.command("restore")
@user_errors
def restore_command(
    backup_file: Annotated[
        Path, typer.Argument(metavar="BACKUP", help="A file `vigil backup` wrote.")
    ],
    db: Db = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the registry if there is one already.")
    ] = False,
    quiet: Quiet = False,
    as_json: Json = False,
) -> None:
    """Restore a backup as the registry, after checking it against its manifest.

    Refuses a backup whose content differs from its manifest, and an existing registry unless
    --force. The restore is logged in the restored registry's audit log.
    """
    with console.stage_progress(quiet or as_json) as step:
        res = store_backup.restore(backup_file, resolve_url(db), force=force, progress=step)
    m = res.manifest
    if as_json:
        console.print_json(
            {"backup": str(backup_file), "registry": res.target, "replaced": res.replaced,
             "revision": m.revision, "taken_at": m.created_at, "tables": m.tables,
             "audit_entry": res.audit_seq, "audit_problems": res.audit_problems,
             "seconds": round(res.seconds, 2)}
        )  # fmt: skip
        return
    how = "replacing the registry that was there" if res.replaced else "a new registry"
    console.out.print(
        f"Restored {backup_file} (taken {m.created_at}) into {res.target}, {how}, "
        f"in {res.seconds:.1f} s: {counts_line(m)}; every table matches the manifest."
    )
    if res.audit_seq is not None:
        console.out.print(f"Logged as audit entry {res.audit_seq} (restore).")
    for problem in res.audit_problems:
        console.err.print(f"  warning: the restored audit log: {problem}")
    if m.revision != migrate.head():
        console.out.print(
            f"The backup is at schema {m.revision}; `vigil init` upgrades it to {migrate.head()}."
        )
