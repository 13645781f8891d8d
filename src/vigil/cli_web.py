"""`vigil serve`: the registry's pages and JSON API over HTTP."""

from __future__ import annotations

from typing import Annotated

import typer

from vigil import console
from vigil.cli import Db, app, user_errors


@app.command()
@user_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    db: Db = None,
) -> None:
    """Serve the registry: search, persons and sources in Russian and English, and a JSON API.

    People who may be alive (born less than 100 years ago, no date of death) are withheld.
    """
    import uvicorn

    from vigil.web import create_app

    web = create_app(db)
    shown = f"[{host}]" if ":" in host else host
    console.out.print(
        f"Serving {web.state.location} at http://{shown}:{port}/ "
        f"(API: http://{shown}:{port}/api/docs); Ctrl+C stops."
    )
    uvicorn.run(web, host=host, port=port, log_level="info")
