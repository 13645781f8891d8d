"""`vigil serve`: the registry's pages and JSON API over HTTP."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from vigil import console
from vigil.cli import Db, app, user_errors
from vigil.errors import VigilError
from vigil.store.engine import resolve_url


@app.command()
@user_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    editing: Annotated[
        bool,
        typer.Option(
            "--editing",
            help="Add the review and ingest pages, which show every record unscreened and "
            "write to the registry; loopback addresses only.",
        ),
    ] = False,
    max_upload: Annotated[
        int, typer.Option(help="Largest file the ingest page accepts, in MB.", min=1)
    ] = 200,
    workers: Annotated[
        int,
        typer.Option(
            help="Server processes: one per core serves the most readers (not with --editing, "
            "whose jobs live in one process).",
            min=1,
        ),
    ] = 1,
    db: Db = None,
) -> None:
    """Serve the registry: search, persons and sources in Russian and English, and a JSON API.

    People who may be alive (born less than 100 years ago, no date of death) are withheld.
    `--editing` adds the review and ingest pages, unscreened, on a loopback address only.
    """
    import uvicorn

    from vigil.web import create_app
    from vigil.web.editing import is_loopback

    if editing and not is_loopback(host):
        raise VigilError(
            f"--editing serves a loopback address only (127.0.0.1, ::1 or localhost), not "
            f"{host}: until accounts arrive, anyone who reaches the server could edit"
        )
    if editing and workers > 1:
        raise VigilError("--editing runs in one process: leave out --workers")
    web = create_app(db, editing=editing, upload_limit=max_upload * 1024 * 1024)
    if workers == 1:
        from vigil.web.stats import warm

        warm(web)  # each of several workers computes on its first statistics view instead
    shown = f"[{host}]" if ":" in host else host
    console.out.print(
        f"Serving {web.state.location} at http://{shown}:{port}/ "
        f"(API: http://{shown}:{port}/api/docs); Ctrl+C stops."
    )
    if editing:
        console.out.print(
            f"Editing is on: review at http://{shown}:{port}/review, ingest at "
            f"http://{shown}:{port}/ingest (files up to {max_upload} MB)."
        )
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="info")
        return
    # Each worker process imports the app anew, so it finds the registry in the environment.
    os.environ["VIGIL_DB"] = resolve_url(db)
    uvicorn.run(
        "vigil.web.app:from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
    )
