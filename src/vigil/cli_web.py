"""`vigil serve`: the registry's pages and JSON API over HTTP."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from vigil import console
from vigil.cli import Db, app, user_errors
from vigil.cli_privacy import Config
from vigil.config import load as load_config
from vigil.errors import VigilError
from vigil.store.engine import resolve_url


@app.command()
@user_errors
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 opens it to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    login_required: Annotated[
        bool,
        typer.Option(
            "--login-required",
            help="Every page and API route needs a login (reader or above); only /login is open.",
        ),
    ] = False,
    secure_cookies: Annotated[
        bool,
        typer.Option(
            "--secure-cookies",
            help="Mark the login cookie Secure even when requests arrive over http (behind a "
            "proxy that serves https and does not send X-Forwarded-Proto).",
        ),
    ] = False,
    editing: Annotated[
        bool, typer.Option("--editing", hidden=True, help="Replaced by accounts.")
    ] = False,
    max_upload: Annotated[
        int, typer.Option(help="Largest file the ingest page accepts, in MB.", min=1)
    ] = 200,
    workers: Annotated[
        int,
        typer.Option(
            help="Server processes: one per core serves the most readers. Any of them takes "
            "uploads; ingest jobs run one at a time, each in a process of its own.",
            min=1,
        ),
    ] = 1,
    config: Config = None,
    db: Db = None,
) -> None:
    """Serve the registry: search, persons and sources in Russian and English, and a JSON API.

    People who may be alive (born less than 100 years ago, no date of death) are withheld
    from anonymous readers. Accounts (`vigil user add NAME --role ROLE`) log in at /login:
    reader (their account page), researcher (also reads withheld persons), editor (also
    ingests at /ingest), reviewer (also decides pairs at /review; parallel to editor, not
    above it), admin (everything). The API takes the same cookie, or `Authorization: Bearer`
    with a token from POST /api/login.
    """
    import uvicorn

    from vigil.web import create_app

    if editing:
        raise VigilError(
            "--editing is gone: the review and ingest pages need a login now. Make an account "
            "(`vigil user add NAME --role admin`), run `vigil serve`, and log in at /login"
        )
    cfg = load_config(config, db)  # the privacy policy (vigil.toml); `vigil config show`
    limit = max_upload * 1024 * 1024
    web = create_app(db, cfg.policy, login_required=login_required,
                     secure_cookies=secure_cookies, upload_limit=limit)  # fmt: skip
    if workers == 1:
        from vigil.web.stats import warm

        warm(web)  # each of several workers computes on its first statistics view instead
    shown = f"[{host}]" if ":" in host else host
    console.out.print(
        f"Serving {web.state.location} at http://{shown}:{port}/ "
        f"(API: http://{shown}:{port}/api/docs); Ctrl+C stops."
    )
    if not web.state.accounts.list():
        console.out.print(
            "No accounts yet: the review and ingest pages open to none until "
            "`vigil user add NAME --role admin` makes one."
        )
    else:
        console.out.print(
            f"Log in at http://{shown}:{port}/login for review (/review) and ingest (/ingest, "
            f"files up to {max_upload} MB)."
        )
    if login_required:
        console.out.print("Every page needs a login (--login-required).")
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="info")
        return
    # Each worker process imports the app anew, so it finds the registry in the environment.
    os.environ["VIGIL_DB"] = resolve_url(db)
    os.environ["VIGIL_LOGIN_REQUIRED"] = "1" if login_required else ""
    os.environ["VIGIL_SECURE_COOKIES"] = "1" if secure_cookies else ""
    os.environ["VIGIL_MAX_UPLOAD"] = str(limit)
    if cfg.path is not None:  # and the same configuration
        os.environ["VIGIL_CONFIG"] = str(cfg.path.resolve())
    uvicorn.run(
        "vigil.web.app:from_environment",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="info",
    )
