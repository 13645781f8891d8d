"""`vigil user`: the accounts that log in to `vigil serve` (web pages and API), and their roles.

Account management is on the command line only: whoever can run it can read the database
anyway. Each change is in the audit log, naming who ran the command.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.table import Table

from vigil import console
from vigil.cli import Db, Json, app, user_errors
from vigil.store import Registry, audit
from vigil.store.accounts import MIN_PASSWORD, ROLES, AccountError, Accounts, check_role

user_app = typer.Typer(
    help=f"Accounts of the web application and API, each with one role: {', '.join(ROLES)}.",
    no_args_is_help=True,
)
app.add_typer(user_app, name="user")

Name = Annotated[str, typer.Argument(help="The account's name, as it logs in.")]
PasswordStdin = Annotated[
    bool,
    typer.Option(
        "--password-stdin", help="Read the password from the first line of stdin (for scripts)."
    ),
]
ROLE_HELP = f"One of: {', '.join(ROLES)} (what each may do: `vigil serve --help`)."


def _password(from_stdin: bool) -> str:
    """From stdin's first line, or typed twice at a hidden prompt."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt(
        f"Password (at least {MIN_PASSWORD} characters)",
        hide_input=True,
        confirmation_prompt=True,
    )


def _accounts(reg: Registry) -> Accounts:
    return Accounts(reg.engine)


@user_app.command("add")
@user_errors
def add(
    name: Name,
    role: Annotated[str, typer.Option("--role", help=ROLE_HELP)],
    password_stdin: PasswordStdin = False,
    db: Db = None,
) -> None:
    """Create an account with a role; the password is asked for twice (or read from stdin)."""
    check_role(role)  # before asking for a password that would be thrown away
    with Registry.open(db) as reg:
        reg.ensure()
        accounts = _accounts(reg)
        if accounts.get(name) is not None:
            raise AccountError(f"an account named {name!r} already exists")
        made = accounts.add(name, _password(password_stdin), role, audit.cli_actor())
        console.out.print(f"Added account {made.name} ({made.role}) to {reg.location}.")


@user_app.command("passwd")
@user_errors
def passwd(name: Name, password_stdin: PasswordStdin = False, db: Db = None) -> None:
    """Set an account's password; it is logged out everywhere."""
    with Registry.open(db) as reg:
        reg.check()
        accounts = _accounts(reg)
        if accounts.get(name) is None:
            raise AccountError(f"no account named {name!r} (`vigil user list` shows them)")
        ended = accounts.passwd(name, _password(password_stdin), audit.cli_actor())
    console.out.print(f"Changed the password of {name}; {ended} session(s) ended.")


@user_app.command("role")
@user_errors
def role(
    name: Name,
    new_role: Annotated[str, typer.Argument(metavar="ROLE", help=ROLE_HELP)],
    db: Db = None,
) -> None:
    """Give an account another role, in force from its next request."""
    with Registry.open(db) as reg:
        reg.check()
        before = _accounts(reg).get(name)
        changed = _accounts(reg).set_role(name, new_role, audit.cli_actor())
    was = before.role if before else "?"
    console.out.print(f"Account {name} is now {changed.role} (was {was}).")


@user_app.command("disable")
@user_errors
def disable(name: Name, db: Db = None) -> None:
    """Stop an account from logging in and end its sessions; it stays listed, as history."""
    with Registry.open(db) as reg:
        reg.check()
        ended = _accounts(reg).disable(name, audit.cli_actor())
    console.out.print(f"Disabled account {name}; {ended} session(s) ended.")


@user_app.command("list")
@user_errors
def list_users(db: Db = None, as_json: Json = False) -> None:
    """The accounts, with their roles."""
    with Registry.open(db) as reg:
        reg.check()
        accounts = _accounts(reg).list()
    if as_json:
        console.print_json(
            [
                {"name": a.name, "role": a.role, "created_at": a.created_at.isoformat(),
                 "disabled": a.disabled}
                for a in accounts
            ]
        )  # fmt: skip
        return
    if not accounts:
        console.out.print("No accounts: `vigil user add NAME --role ROLE` makes one.")
        return
    table = Table("name", "role", "created", "state")
    for a in accounts:
        state = "disabled" if a.disabled else "active"
        table.add_row(a.name, a.role, a.created_at.strftime("%Y-%m-%d %H:%M UTC"), state)
    console.out.print(table)
