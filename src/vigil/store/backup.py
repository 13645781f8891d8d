"""Backups of a registry and their restoring, each checked against a manifest.

A backup is one file plus a manifest beside it (`<file>.manifest.json`): the schema revision,
each table's row count and checksum, the backup file's own SHA-256, the time and the Vigil
version. The checksums are taken from the same snapshot the file holds, so a restore can prove
that it put back exactly what was saved, and a file changed after the backup is refused before
anything is touched.

SQLite: sqlite3's online backup API copies the registry page by page while readers and writers
carry on; the copy reads from one snapshot (a read transaction held open for the whole copy),
so it holds the registry as it was at one moment, never half of a concurrent ingest. The copy
is made beside the target under a temporary name, checked with `PRAGMA integrity_check`, and
renamed into place. A name ending in `.gz` is gzip-compressed.

PostgreSQL: `pg_dump --format=custom` from a snapshot exported by a transaction that then reads
the checksums from the same snapshot; `pg_restore --clean --if-exists --single-transaction`
puts it back.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import secrets
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, create_engine, inspect
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from vigil import __version__
from vigil.errors import RegistryError
from vigil.store import audit, checksum, migrate
from vigil.store.engine import make_engine, sqlite_path
from vigil.store.schema import metadata

MANIFEST_SUFFIX = ".manifest.json"
FORMAT = 1  # of the manifest; a later Vigil reads older ones
PAGES = 4096  # pages copied per step of the SQLite backup API, between progress reports
CHUNK = 1 << 20
PG_LIB = Path("/usr/lib/postgresql")  # Debian keeps every version's tools here

# progress(what, done, total): what is being done ("copy", "check", a table's name), and how far
Progress = Callable[[str, int, int | None], None]


@dataclass(frozen=True)
class Manifest:
    engine: str  # sqlite | postgresql: which restore applies
    revision: str | None
    tables: dict[str, dict[str, Any]]  # name -> {"rows": n, "sha256": hex}
    created_at: str
    vigil: str
    file: str  # the backup file's name, beside the manifest
    file_bytes: int
    file_sha256: str
    compressed: bool = False
    format: int = FORMAT

    def to_json(self) -> str:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=2, sort_keys=True) + "\n"

    @property
    def rows(self) -> int:
        return sum(t["rows"] for t in self.tables.values())


@dataclass
class BackupResult:
    path: Path
    manifest_path: Path
    manifest: Manifest
    source: str  # the registry's location, for the report
    seconds: float


@dataclass
class RestoreResult:
    target: str
    manifest: Manifest
    replaced: bool  # an existing registry was overwritten (--force)
    audit_seq: int | None  # the "restore" entry appended to the restored registry's log
    audit_problems: list[str] = field(default_factory=list)  # the restored log's own state
    seconds: float = 0.0


def manifest_path(backup: Path) -> Path:
    return backup.with_name(backup.name + MANIFEST_SUFFIX)


# -- the manifest's content -----------------------------------------------------------------


def table_sums(conn: Connection, progress: Progress | None = None) -> dict[str, dict[str, Any]]:
    """Rows and checksum of every registry table present, read in `conn`'s transaction.

    A registry at an older revision lacks columns of today's schema: its tables are read as
    they are in the database, so that it can be backed up before `vigil init` upgrades it.
    """
    present = set(inspect(conn).get_table_names())
    current = _revision(conn) == migrate.head()
    reflected = MetaData()
    tables = [
        t if current else Table(t.name, reflected, autoload_with=conn)
        for t in metadata.sorted_tables
        if t.name in present
    ]
    out: dict[str, dict[str, Any]] = {}
    for i, table in enumerate(tables):
        if progress:
            progress(f"checksum {table.name}", i, len(tables))
        s = checksum.table_checksum(conn, table)
        out[table.name] = {"rows": s.rows, "sha256": s.sha256}
    if progress:
        progress("checksum", len(tables), len(tables))
    return out


def _revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def differences(expected: Manifest, revision: str | None, sums: dict[str, Any]) -> list[str]:
    """How a registry's content differs from a manifest, one line per difference."""
    problems = []
    if revision != expected.revision:
        problems.append(f"schema revision {revision}, the manifest says {expected.revision}")
    for name in sorted(set(expected.tables) | set(sums)):
        want, got = expected.tables.get(name), sums.get(name)
        if want is None:
            problems.append(f"table {name} is not in the manifest")
        elif got is None:
            problems.append(f"table {name} ({want['rows']} rows in the manifest) is missing")
        elif got["rows"] != want["rows"]:
            problems.append(f"table {name}: {got['rows']} rows, the manifest says {want['rows']}")
        elif got["sha256"] != want["sha256"]:
            problems.append(f"table {name}: same row count, different content (checksum)")
    return problems


def read_manifest(backup: Path) -> Manifest:
    """The manifest beside a backup, with a clear error when it is missing or unreadable."""
    path = manifest_path(backup)
    if not backup.exists():
        raise RegistryError(f"{backup}: no such backup file")
    if not path.exists():
        raise RegistryError(
            f"{backup}: its manifest {path.name} is missing; without it the backup cannot be "
            "checked, so it is not restored"
        )
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format", 0) > FORMAT:
            raise RegistryError(
                f"{path}: manifest format {data['format']} is newer than this Vigil reads "
                f"({FORMAT}); upgrade Vigil"
            )
        return Manifest(**data)
    except (ValueError, TypeError, AttributeError) as exc:
        raise RegistryError(f"{path}: not a Vigil backup manifest ({exc})") from None


def _sha256(path: Path, progress: Progress | None = None, what: str = "verify") -> str:
    h = hashlib.sha256()
    total, done = path.stat().st_size, 0
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            done += len(chunk)
            if progress:
                progress(what, done, total)
    return h.hexdigest()


def check_file(backup: Path, manifest: Manifest, progress: Progress | None = None) -> None:
    """The backup file is byte for byte the one the manifest describes."""
    size = backup.stat().st_size
    if size != manifest.file_bytes:
        raise RegistryError(
            f"{backup} does not match its manifest: {size} bytes, the manifest says "
            f"{manifest.file_bytes} (truncated or replaced after the backup); not restored"
        )
    digest = _sha256(backup, progress)
    if digest != manifest.file_sha256:
        raise RegistryError(
            f"{backup} does not match its manifest: its SHA-256 is {digest[:16]}…, the manifest "
            f"says {manifest.file_sha256[:16]}… (changed or damaged after the backup); "
            "not restored"
        )


# -- files ------------------------------------------------------------------------------------


def _temp_beside(target: Path, tag: str) -> Path:
    """A name in the target's folder (so a rename is atomic) that nothing else uses."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".{tag}", dir=target.parent)
    os.close(fd)
    return Path(name)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _place(tmp: Path, target: Path) -> None:
    """Rename a finished file into place, durably."""
    _fsync(tmp)
    os.replace(tmp, target)
    with contextlib.suppress(OSError):  # not every filesystem lets a folder be fsynced
        _fsync(target.parent)


def _unlink(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def _check_out(out: Path) -> None:
    if out.is_dir():
        raise RegistryError(f"{out} is a folder; give the backup a file name")
    if not out.parent.is_dir():
        raise RegistryError(f"{out.parent}: no such folder for the backup")


def _plain_engine(path: Path) -> Engine:
    """A SQLite engine on a copy that leaves its journal mode alone (no WAL files beside it)."""
    return create_engine(f"sqlite:///{path}", poolclass=NullPool)


def _integrity(con: sqlite3.Connection, what: str) -> None:
    rows = [r[0] for r in con.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        raise RegistryError(f"{what} failed SQLite's integrity check: {'; '.join(rows[:5])}")


# -- backup -----------------------------------------------------------------------------------


def backup(url: str, out: Path, progress: Progress | None = None) -> BackupResult:
    """Write a consistent backup of the registry at `url` to `out`, and its manifest beside."""
    started = time.monotonic()
    _check_out(out)
    engine = make_url(url).get_backend_name()
    if engine == "sqlite":
        path = sqlite_path(url)
        if path is None:
            raise RegistryError("an in-memory registry cannot be backed up")
        manifest, source = _backup_sqlite(Path(path), out, progress), path
    elif engine == "postgresql":
        manifest, source = _backup_postgres(url, out, progress)
    else:
        raise RegistryError(f"backup of a {engine} registry is not supported")
    mpath = manifest_path(out)
    tmp = _temp_beside(mpath, "tmp")
    tmp.write_text(manifest.to_json(), encoding="utf-8")
    _place(tmp, mpath)
    return BackupResult(out, mpath, manifest, source, time.monotonic() - started)


def _backup_sqlite(source: Path, out: Path, progress: Progress | None) -> Manifest:
    if not source.exists():
        raise RegistryError(f"no registry at {source}")
    copy = _temp_beside(out, "db")
    try:
        src = sqlite3.connect(source, isolation_level=None, timeout=30)
        try:
            # one read transaction for the whole copy: every page comes from one snapshot, and
            # writers (WAL) go on without restarting the copy
            src.execute("BEGIN")
            try:
                src.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.DatabaseError as exc:
                raise RegistryError(f"{source}: not a SQLite registry ({exc})") from None
            dst = sqlite3.connect(copy)
            try:

                def step(_status: int, remaining: int, total: int) -> None:
                    if progress:
                        progress("copy", total - remaining, total)

                src.backup(dst, pages=PAGES, progress=step)
                dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
                _integrity(dst, f"the copy of {source}")
            finally:
                dst.close()
            src.execute("COMMIT")
        finally:
            src.close()
        if progress:
            progress("check", 0, None)
        eng = _plain_engine(copy)
        try:
            with eng.connect() as conn:
                revision = _revision(conn)
                if revision is None:
                    raise RegistryError(f"{source} is not a Vigil registry: nothing to back up")
                sums = table_sums(conn, progress)
        finally:
            eng.dispose()
        compressed = out.name.endswith(".gz")
        if compressed:
            packed = _temp_beside(out, "gz")
            try:
                _gzip(copy, packed, progress)
            except BaseException:
                _unlink(packed)
                raise
            _unlink(copy)
            copy = packed
        manifest = _manifest("sqlite", revision, sums, out, copy, compressed, progress)
        _place(copy, out)
        return manifest
    except BaseException:
        _unlink(copy)
        raise


def _manifest(
    engine: str,
    revision: str | None,
    sums: dict[str, Any],
    out: Path,
    written: Path,
    compressed: bool,
    progress: Progress | None,
) -> Manifest:
    return Manifest(
        engine=engine,
        revision=revision,
        tables=sums,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
        vigil=__version__,
        file=out.name,
        file_bytes=written.stat().st_size,
        file_sha256=_sha256(written, progress, "hash"),
        compressed=compressed,
    )


def _gzip(src: Path, dst: Path, progress: Progress | None) -> None:
    total, done = src.stat().st_size, 0
    # level 6: most of the gain of 9 at a third of the time
    with src.open("rb") as f, gzip.open(dst, "wb", compresslevel=6) as g:
        while chunk := f.read(CHUNK):
            g.write(chunk)
            done += len(chunk)
            if progress:
                progress("compress", done, total)


def _gunzip(src: Path, dst: Path, progress: Progress | None) -> None:
    total = src.stat().st_size
    with src.open("rb") as raw, gzip.open(raw, "rb") as g, dst.open("wb") as f:
        try:
            while chunk := g.read(CHUNK):
                f.write(chunk)
                if progress:
                    progress("decompress", raw.tell(), total)
        except (OSError, EOFError) as exc:
            raise RegistryError(f"{src}: not a readable gzip file ({exc})") from None


# -- restore ----------------------------------------------------------------------------------


def restore(
    backup_file: Path,
    url: str,
    *,
    force: bool = False,
    actor: str | None = None,
    progress: Progress | None = None,
) -> RestoreResult:
    """Put a backup back as the registry at `url`, checked against its manifest before and after.

    Refuses a backup that does not match its manifest, and an existing registry unless `force`.
    """
    started = time.monotonic()
    manifest = read_manifest(backup_file)
    engine = make_url(url).get_backend_name()
    if manifest.engine != engine:
        raise RegistryError(
            f"{backup_file} is a {manifest.engine} backup and cannot be restored into a {engine} "
            f"registry: restore it into {manifest.engine}, then `vigil migrate --to` copies it"
        )
    path = sqlite_path(url) if engine == "sqlite" else None
    if engine == "sqlite" and path is None:
        raise RegistryError("cannot restore into an in-memory registry")
    if path is not None and not Path(path).parent.is_dir():
        raise RegistryError(f"{Path(path).parent}: no such folder for the registry")
    exists = _holds_registry(url, path)
    if exists and not force:  # said before the file is read through
        where = path or make_url(url).render_as_string(hide_password=True)
        raise RegistryError(
            f"{where} already holds a registry; pass --force to replace it with the backup "
            "(nothing was changed)"
        )
    check_file(backup_file, manifest, progress)
    actor = actor or audit.cli_actor()
    if path is not None:
        result = _restore_sqlite(backup_file, Path(path), manifest, exists, actor, progress)
    else:
        result = _restore_postgres(backup_file, url, manifest, exists, actor, progress)
    result.seconds = time.monotonic() - started
    return result


def _holds_registry(url: str, path: str | None) -> bool:
    """Anything is there to be replaced: a file (whatever it holds), or tables in a database."""
    if path is not None:
        return Path(path).exists()
    engine = make_engine(url)
    try:
        return bool(inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _audit_detail(backup_file: Path, manifest: Manifest, replaced: bool) -> dict[str, Any]:
    return {
        "backup": backup_file.name,
        "sha256": manifest.file_sha256,
        "taken_at": manifest.created_at,
        "revision": manifest.revision,
        "rows": manifest.rows,
        "replaced": replaced,
    }


def _verify_and_log(
    eng: Engine, backup_file: Path, manifest: Manifest, replaced: bool, actor: str, what: str,
    progress: Progress | None,
) -> tuple[int | None, list[str]]:  # fmt: skip
    """Compare a restored registry with the manifest, then log the restore in it."""
    with eng.connect() as conn:
        problems = differences(manifest, _revision(conn), table_sums(conn, progress))
        if problems:
            raise RegistryError(
                f"{backup_file} does not match its manifest ({what}): " + "; ".join(problems[:5])
            )
        has_log = "audit_head" in manifest.tables
        verdict = audit.verify(conn) if has_log else None
    if not has_log:  # a registry older than the audit log (revision 0006)
        return None, []
    with eng.begin() as conn:
        seq = audit.append(
            conn, actor, "restore", str(backup_file.name),
            _audit_detail(backup_file, manifest, replaced),
        )  # fmt: skip
    return seq, [str(p) for p in verdict.problems] if verdict else []


def _restore_sqlite(
    backup_file: Path,
    target: Path,
    manifest: Manifest,
    exists: bool,
    actor: str,
    progress: Progress | None,
) -> RestoreResult:
    tmp = _temp_beside(target, "restore")
    try:
        if manifest.compressed:
            _gunzip(backup_file, tmp, progress)
        else:
            _copy(backup_file, tmp, progress)
        con = sqlite3.connect(tmp)
        try:
            _integrity(con, f"the database in {backup_file}")
        except sqlite3.DatabaseError as exc:
            raise RegistryError(
                f"{backup_file}: the SQLite database in it is damaged or is none ({exc}); "
                "not restored"
            ) from None
        finally:
            con.close()
        eng = _plain_engine(tmp)
        try:
            seq, problems = _verify_and_log(
                eng, backup_file, manifest, exists, actor, "before restoring", progress
            )
        finally:
            eng.dispose()
        if exists:
            _replace_live(tmp, target, progress)
        else:
            _unlink(Path(f"{target}-wal"), Path(f"{target}-shm"))  # strays of a deleted file
            umask = os.umask(0)
            os.umask(umask)
            tmp.chmod(0o666 & ~umask)  # as a registry `vigil init` made (mkstemp gives 0600)
            _place(tmp, target)
    finally:
        _unlink(tmp)
    _check_restored(target, manifest, seq)
    return RestoreResult(str(target), manifest, exists, seq, problems)


def _copy(src: Path, dst: Path, progress: Progress | None) -> None:
    total, done = src.stat().st_size, 0
    with src.open("rb") as f, dst.open("wb") as g:
        while chunk := f.read(CHUNK):
            g.write(chunk)
            done += len(chunk)
            if progress:
                progress("copy", done, total)


def _replace_live(tmp: Path, target: Path, progress: Progress | None) -> None:
    """Overwrite an existing registry with the checked copy, in one transaction on the target.

    Renaming over a registry in WAL mode would pair the new file with the old one's `-wal`
    file, and processes that have it open (a web server) would keep reading the unlinked old
    file. SQLite's backup API writes into the live file under its write lock instead: readers
    see the old registry or the new one, and a crash half-way leaves the old one.
    """
    src = sqlite3.connect(tmp)
    try:
        dst = sqlite3.connect(target, timeout=30)
        try:
            dst.execute("PRAGMA journal_mode").fetchone()  # fails here on a non-database
        except sqlite3.DatabaseError:
            dst.close()
            _unlink(Path(f"{target}-wal"), Path(f"{target}-shm"))
            src.close()
            _place(tmp, target)  # not a database at all: nothing can have it open as one
            return
        try:

            def step(_status: int, remaining: int, total: int) -> None:
                if progress:
                    progress("restore", total - remaining, total)

            src.backup(dst, pages=PAGES, progress=step)
        except sqlite3.Error as exc:
            raise RegistryError(f"{target}: could not write the restored registry: {exc}") from None
        finally:
            dst.close()
    finally:
        src.close()


def _check_restored(target: Path, manifest: Manifest, seq: int | None) -> None:
    """The registry now in place holds the manifest's counts (and the one new log entry)."""
    expected = {name: t["rows"] for name, t in manifest.tables.items()}
    if seq is not None:
        expected["audit"] += 1
    eng = _plain_engine(target)
    try:
        with eng.connect() as conn:
            got = {t.name: checksum.count_rows(conn, t) for t in metadata.sorted_tables
                   if t.name in expected}  # fmt: skip
    finally:
        eng.dispose()
    if got != expected:
        wrong = [f"{n}: {got.get(n)} rows, {expected[n]} expected" for n in expected
                 if got.get(n) != expected[n]]  # fmt: skip
        raise RegistryError(
            f"{target}: the restored registry differs from the backup: {'; '.join(wrong)}"
        )


# -- PostgreSQL -------------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    """pg_dump or pg_restore: on PATH, else the newest under /usr/lib/postgresql (Debian)."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        PG_LIB.glob(f"*/bin/{name}"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if candidates:
        return str(candidates[-1])
    raise RegistryError(
        f"{name} is not installed: a PostgreSQL registry is backed up and restored with "
        "PostgreSQL's own tools (Debian: apt-get install postgresql-client)"
    )


def _pg_args(url: str) -> tuple[list[str], dict[str, str]]:
    """libpq connection arguments for a SQLAlchemy URL; the password goes in the environment."""
    u = make_url(url)
    env = dict(os.environ)
    if u.password is not None:
        env["PGPASSWORD"] = str(u.password)
    plain = u.set(drivername="postgresql", password=None)
    return [f"--dbname={plain.render_as_string(hide_password=False)}"], env


def _run(cmd: list[str], env: dict[str, str], what: str) -> None:
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        lines = [ln for ln in done.stderr.strip().splitlines() if ln.strip()]
        raise RegistryError(f"{what} failed: {' / '.join(lines[-3:]) or done.returncode}")


@contextlib.contextmanager
def _snapshot(engine: Engine) -> Iterator[tuple[Connection, str]]:
    """A repeatable-read transaction and the id of its snapshot, which pg_dump can share."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            snap = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
            yield conn, str(snap)


def _backup_postgres(url: str, out: Path, progress: Progress | None) -> tuple[Manifest, str]:
    tool = _pg_tool("pg_dump")
    args, env = _pg_args(url)
    engine = make_engine(url)
    location = engine.url.render_as_string(hide_password=True)
    dump = _temp_beside(out, "dump")
    try:
        with _snapshot(engine) as (conn, snap):
            if _revision(conn) is None:
                raise RegistryError(f"{location} is not a Vigil registry: nothing to back up")
            if progress:
                progress("pg_dump", 0, None)
            cmd = [tool, "--format=custom", f"--snapshot={snap}", f"--file={dump}", *args]
            _run(cmd, env, f"pg_dump of {location}")
            revision, sums = _revision(conn), table_sums(conn, progress)
        manifest = _manifest("postgresql", revision, sums, out, dump, False, progress)
        _place(dump, out)
        return manifest, location
    except BaseException:
        _unlink(dump)
        raise
    finally:
        engine.dispose()


def _restore_postgres(
    backup_file: Path,
    url: str,
    manifest: Manifest,
    exists: bool,
    actor: str,
    progress: Progress | None,
) -> RestoreResult:
    """Check the dump in a scratch database first, then restore it into the target.

    pg_restore commits on its own, so a dump that differs from its manifest would be found only
    once it had replaced the registry. Restoring it first into a scratch database (dropped
    after) lets a mismatch be refused with the registry untouched, at the price of restoring
    twice. A role that may not create databases gets the check after the restore instead.
    """
    tool = _pg_tool("pg_restore")
    engine = make_engine(url)
    location = engine.url.render_as_string(hide_password=True)
    try:
        checked = _check_in_scratch(tool, backup_file, url, manifest, progress)
        if progress:
            progress("pg_restore", 0, None)
        # one transaction: a failure half-way leaves the database as it was
        _pg_restore(tool, backup_file, url, f"pg_restore into {location}", clean=True)
        when = "after restoring" if not checked else "after restoring, though it matched before"
        seq, problems = _verify_and_log(
            engine, backup_file, manifest, exists, actor, when, progress
        )
        return RestoreResult(location, manifest, exists, seq, problems)
    finally:
        engine.dispose()


def _pg_restore(tool: str, backup_file: Path, url: str, what: str, *, clean: bool) -> None:
    args, env = _pg_args(url)
    cmd = [tool, "--single-transaction", "--exit-on-error", "--no-owner", "--no-privileges"]
    if clean:
        cmd += ["--clean", "--if-exists"]
    _run([*cmd, *args, str(backup_file)], env, what)


def _check_in_scratch(
    tool: str, backup_file: Path, url: str, manifest: Manifest, progress: Progress | None
) -> bool:
    """Restore into a new database and compare it with the manifest; False if none may be made."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    scratch = f"vigil_restore_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        with admin.connect() as conn:
            try:
                conn.exec_driver_sql(f'CREATE DATABASE "{scratch}"')
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) == "42501":  # insufficient privilege
                    return False
                raise
        try:
            if progress:
                progress("pg_restore (check)", 0, None)
            scratch_url = make_url(url).set(database=scratch).render_as_string(hide_password=False)
            _pg_restore(tool, backup_file, scratch_url, f"pg_restore of {backup_file}", clean=False)
            check = create_engine(scratch_url, poolclass=NullPool)
            try:
                with check.connect() as conn:
                    problems = differences(manifest, _revision(conn), table_sums(conn, progress))
            finally:
                check.dispose()
            if problems:
                raise RegistryError(
                    f"{backup_file} does not match its manifest: "
                    + "; ".join(problems[:5])
                    + "; not restored"
                )
            return True
        finally:
            # no WITH (FORCE): this process's connections are closed, and the server stops an
            # autovacuum worker by itself, where FORCE would need the right to signal it
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{scratch}"')
    finally:
        admin.dispose()
