"""`vigil user`: accounts made, changed and listed from the command line, with clear errors and
every change in the audit log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner

from vigil.cli import app
from vigil.store import Registry
from vigil.store.accounts import Accounts

GOOD = "correct horse battery staple"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "vigil.db"
    with Registry.open(str(path)) as reg:
        reg.init()
    return str(path)


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def add(db: str, name: str, role: str, password: str = GOOD) -> tuple[int, str, str]:
    return run("user", "add", name, "--role", role, "--password-stdin", "--db", db,
               stdin=password + "\n")  # fmt: skip


def test_add_stores_an_argon2_hash_and_logs_the_change(db: str) -> None:
    code, out, _ = add(db, "rita", "reviewer")
    assert code == 0 and "Added account rita (reviewer)" in out
    with Registry.open(db) as reg:
        accounts = Accounts(reg.engine)
        assert accounts.authenticate("rita", GOOD) is not None
        with reg.engine.connect() as conn:
            hashed = conn.exec_driver_sql("SELECT password_hash FROM account").scalar_one()
        [entry] = reg.audit_log(5, "account.add")
    assert GOOD not in hashed and PasswordHasher().verify(hashed, GOOD)
    assert entry["subject"] == "account rita" and entry["detail"] == {"role": "reviewer"}
    assert entry["actor"].startswith("cli:")


def test_the_password_is_asked_twice_at_a_prompt(db: str) -> None:
    code, _, err = run("user", "add", "ann", "--role", "reader", "--db", db,
                       stdin=f"{GOOD}\n{GOOD}\n")  # fmt: skip
    assert code == 0, err
    code, out, _ = run("user", "add", "bob", "--role", "reader", "--db", db,
                       stdin=f"{GOOD}\nsomething else entirely\n{GOOD}\n{GOOD}\n")  # fmt: skip
    assert code == 0 and "do not match" in out.lower()
    with Registry.open(db) as reg:
        assert Accounts(reg.engine).authenticate("bob", GOOD) is not None


def test_passwd_role_disable_and_list(db: str) -> None:
    add(db, "ed", "editor")
    with Registry.open(db) as reg:
        token = Accounts(reg.engine).login("ed", GOOD, "127.0.0.1")
    new = "a wholly different passphrase"
    code, out, _ = run("user", "passwd", "ed", "--password-stdin", "--db", db, stdin=new + "\n")
    assert code == 0 and "1 session(s) ended" in out
    code, out, _ = run("user", "role", "ed", "admin", "--db", db)
    assert code == 0 and "ed is now admin (was editor)" in out
    code, out, _ = run("user", "list", "--json", "--db", db)
    assert [(a["name"], a["role"], a["disabled"]) for a in json.loads(out)] == [
        ("ed", "admin", False)
    ]
    code, out, _ = run("user", "disable", "ed", "--db", db)
    assert code == 0 and "Disabled account ed" in out
    code, out, _ = run("user", "list", "--db", db)
    assert "ed" in out and "admin" in out and "disabled" in out
    with Registry.open(db) as reg:
        accounts = Accounts(reg.engine)
        assert accounts.session(token) is None
        assert accounts.authenticate("ed", new) is None  # disabled
        actions = [(e["action"], e["detail"]) for e in reversed(reg.audit_log(10))]
    assert actions == [
        ("account.add", {"role": "editor"}),
        ("account.passwd", {"sessions": 1}),
        ("account.role", {"from": "editor", "to": "admin"}),
        ("account.disable", {"sessions": 0}),
    ]


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["add", "x", "--role", "boss"], GOOD,
         "unknown role 'boss'; the roles are: reader, researcher, editor, reviewer, admin"),
        (["add", "rita", "--role", "reader"], GOOD, "an account named 'rita' already exists"),
        (["add", "new", "--role", "reader"], "", "the password is empty"),
        (["add", "new", "--role", "reader"], "short", "the password is too short: at least 10"),
        (["add", "has space", "--role", "reader"], GOOD, "account name 'has space' is not"),
        (["passwd", "nobody"], GOOD, "no account named 'nobody'"),
        (["role", "nobody", "admin"], None, "no account named 'nobody'"),
        (["role", "rita", "owner"], None, "unknown role 'owner'; the roles are: reader,"),
        (["disable", "nobody"], None, "no account named 'nobody'"),
    ],
)  # fmt: skip
def test_errors_are_one_clear_line(
    db: str, args: list[str], stdin: str | None, message: str
) -> None:
    add(db, "rita", "reviewer")
    with Registry.open(db) as reg:
        before = len(reg.audit_log(None))
    if stdin is not None:
        args = [*args, "--password-stdin"]
    code, _, err = run("user", *args, "--db", db, stdin=None if stdin is None else stdin + "\n")
    assert code == 1
    assert err.startswith("error: ") and message in " ".join(err.split())
    with Registry.open(db) as reg:
        assert len(reg.audit_log(None)) == before  # nothing changed, nothing logged


def test_list_on_an_empty_registry_says_how_to_add(db: str) -> None:
    code, out, _ = run("user", "list", "--db", db)
    assert code == 0 and "vigil user add NAME --role ROLE" in out
