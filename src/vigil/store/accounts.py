"""Accounts of the web application and the API: passwords, roles, login sessions, failed logins.

Passwords are kept only as argon2 hashes. A session's token lives in the browser's cookie (or
a script's `Authorization: Bearer` header) and only its SHA-256 in the database, so a copy of
the database logs no one in. Failed logins are rows, not process memory, so the rate limit
holds across `vigil serve --workers N` and restarts. Every change to an account is appended to
the audit log in the transaction that makes it; a password or its hash never is.

What each role may do is the web's business: `vigil.web.auth.MAY`.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine

from vigil.errors import VigilError
from vigil.store import audit
from vigil.store.engine import as_utc
from vigil.store.schema import account, login_failure, login_session

ROLES = ("reader", "researcher", "editor", "reviewer", "admin")
MIN_PASSWORD = 10  # characters; a passphrase of a few words passes, "secret" does not
MAX_PASSWORD = 1024  # hashing is slow on purpose: no megabyte passwords
SESSION_LIFE = timedelta(hours=12)  # a working day, then log in again
FAILURES_ALLOWED = 5  # failed logins for one name, or from one address, within WINDOW
WINDOW = timedelta(minutes=15)
_NAME = re.compile(r"^[\w.@+-]{1,64}$")


class AccountError(VigilError):
    """An account change or login that cannot be made: the message says which and why."""


class LoginRefused(AccountError):
    """Too many failed logins for this name or from this address: try again after a while."""

    def __init__(self, retry_after: int) -> None:
        self.retry_after = retry_after
        super().__init__(f"too many failed logins: try again in {retry_after} s")


class BadLogin(AccountError):
    """A wrong name or password (which of the two is not said), or a disabled account."""

    def __init__(self) -> None:
        super().__init__("wrong name or password")


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str
    role: str
    created_at: datetime
    disabled: bool


@dataclass(frozen=True, slots=True)
class Session:
    """A live login: whose it is, its form token (CSRF) and when it ends."""

    account: Account
    csrf: str
    expires_at: datetime
    token_hash: str


def now() -> datetime:
    return datetime.now(UTC)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; the roles are: {', '.join(ROLES)}")
    return role


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise AccountError(
            f"account name {name!r} is not allowed: 1 to 64 letters, digits or . _ @ + -"
        )
    return name


def check_password(password: str) -> str:
    if not password:
        raise AccountError("the password is empty")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password is too short: at least {MIN_PASSWORD} characters")
    if len(password) > MAX_PASSWORD:
        raise AccountError(f"the password is too long: at most {MAX_PASSWORD} characters")
    return password


def _account(row: Any) -> Account:
    return Account(row.id, row.name, row.role, as_utc(row.created_at), bool(row.disabled))


class Accounts:
    """The account tables of one registry; each method is one transaction."""

    def __init__(self, engine: Engine, hasher: PasswordHasher | None = None) -> None:
        self.engine = engine
        self.hasher = hasher or PasswordHasher()
        self._dummy: str | None = None  # verified against for unknown names: same time taken

    # -- accounts ---------------------------------------------------------------------------

    def add(self, name: str, password: str, role: str, actor: str) -> Account:
        check_name(name)
        check_role(role)
        hashed = self.hasher.hash(check_password(password))
        with self.engine.begin() as conn:
            if self._row(conn, name) is not None:
                raise AccountError(f"an account named {name!r} already exists")
            at = now()
            new_id = conn.execute(
                insert(account).values(
                    name=name, password_hash=hashed, role=role, created_at=at, disabled=False
                )
            ).inserted_primary_key[0]
            audit.append(conn, actor, "account.add", f"account {name}", {"role": role})
        return Account(int(new_id), name, role, at, False)

    def passwd(self, name: str, password: str, actor: str) -> int:
        """Set a new password; every session of the account ends. Returns how many did."""
        hashed = self.hasher.hash(check_password(password))
        with self.engine.begin() as conn:
            row = self._existing(conn, name)
            conn.execute(update(account).where(account.c.id == row.id).values(password_hash=hashed))
            ended = self._end_all(conn, row.id)
            audit.append(conn, actor, "account.passwd", f"account {name}", {"sessions": ended})
        return ended

    def set_role(self, name: str, role: str, actor: str) -> Account:
        """A new role, in force from the account's next request (sessions read it afresh)."""
        check_role(role)
        with self.engine.begin() as conn:
            row = self._existing(conn, name)
            conn.execute(update(account).where(account.c.id == row.id).values(role=role))
            detail = {"from": row.role, "to": role}
            audit.append(conn, actor, "account.role", f"account {name}", detail)
        return Account(row.id, name, role, as_utc(row.created_at), bool(row.disabled))

    def disable(self, name: str, actor: str) -> int:
        """No more logins, and every session ends now; the account stays, as history."""
        with self.engine.begin() as conn:
            row = self._existing(conn, name)
            if row.disabled:
                raise AccountError(f"account {name!r} is already disabled")
            conn.execute(update(account).where(account.c.id == row.id).values(disabled=True))
            ended = self._end_all(conn, row.id)
            audit.append(conn, actor, "account.disable", f"account {name}", {"sessions": ended})
        return ended

    def get(self, name: str) -> Account | None:
        with self.engine.connect() as conn:
            row = self._row(conn, name)
        return _account(row) if row is not None else None

    def anyone(self, *roles: str) -> bool:
        """Some account that is not disabled has one of these roles."""
        q = select(account.c.id).where(account.c.role.in_(roles), account.c.disabled.is_(False))
        with self.engine.connect() as conn:
            return conn.execute(q.limit(1)).first() is not None

    def list(self) -> list[Account]:
        with self.engine.connect() as conn:
            return [_account(r) for r in conn.execute(select(account).order_by(account.c.name))]

    def _row(self, conn: Connection, name: str) -> Any:
        return conn.execute(select(account).where(account.c.name == name)).one_or_none()

    def _existing(self, conn: Connection, name: str) -> Any:
        row = self._row(conn, name)
        if row is None:
            raise AccountError(f"no account named {name!r} (`vigil user list` shows them)")
        return row

    # -- logging in -------------------------------------------------------------------------

    def authenticate(self, name: str, password: str) -> Account | None:
        """The account, if the password is its own and it is not disabled."""
        with self.engine.connect() as conn:
            row = self._row(conn, name)
        if row is None:
            self._verify(self._dummy_hash(), password)  # an unknown name takes as long
            return None
        if not self._verify(row.password_hash, password) or row.disabled:
            return None
        if self.hasher.check_needs_rehash(row.password_hash):  # stronger parameters since
            with self.engine.begin() as conn:
                conn.execute(
                    update(account)
                    .where(account.c.id == row.id)
                    .values(password_hash=self.hasher.hash(password))
                )
        return _account(row)

    def _verify(self, hashed: str, password: str) -> bool:
        try:
            return self.hasher.verify(hashed, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = self.hasher.hash(secrets.token_urlsafe(16))
        return self._dummy

    def login(self, name: str, password: str, address: str, at: datetime | None = None) -> str:
        """A new session's token for the right name and password, unless the name or the
        address has failed too often lately (`LoginRefused`, even with the right password).
        A wrong password is recorded and raises `BadLogin`."""
        at = at or now()
        if not _NAME.match(name):  # no account has such a name (and PostgreSQL takes no NUL):
            name = "?"  # the failure still counts against the address
        wait = self.retry_after(name, address, at)
        if wait is not None:
            raise LoginRefused(wait)
        found = self.authenticate(name, password)
        if found is None:
            self.record_failure(name, address, at)
            raise BadLogin()
        self.clear_failures(name)
        return self.start_session(found, at)

    def record_failure(self, name: str, address: str, at: datetime | None = None) -> None:
        at = at or now()
        with self.engine.begin() as conn:
            conn.execute(delete(login_failure).where(login_failure.c.at < at - WINDOW))
            conn.execute(insert(login_failure).values(name=name[:64], address=address[:64], at=at))

    def clear_failures(self, name: str) -> None:
        """After a good login the name starts afresh; its address's count stays."""
        with self.engine.begin() as conn:
            conn.execute(delete(login_failure).where(login_failure.c.name == name[:64]))

    def failures(self, name: str, address: str, at: datetime | None = None) -> tuple[int, int]:
        """Failed logins within the window: (for this name, from this address)."""
        at = at or now()
        since = at - WINDOW
        with self.engine.connect() as conn:
            counts = [
                conn.scalar(
                    select(func.count()).where(column == value[:64], login_failure.c.at > since)
                )
                or 0
                for column, value in (
                    (login_failure.c.name, name),
                    (login_failure.c.address, address),
                )
            ]
        return counts[0], counts[1]

    def retry_after(self, name: str, address: str, at: datetime | None = None) -> int | None:
        """Seconds until a login may be tried again, or None when it may be tried now."""
        at = at or now()
        waits = []
        with self.engine.connect() as conn:
            for column, value in ((login_failure.c.name, name), (login_failure.c.address, address)):
                recent = conn.scalars(
                    select(login_failure.c.at)
                    .where(column == value[:64], login_failure.c.at > at - WINDOW)
                    .order_by(login_failure.c.at.desc())
                    .limit(FAILURES_ALLOWED)
                ).all()
                if len(recent) >= FAILURES_ALLOWED:  # free again when the oldest of these ages out
                    left = as_utc(recent[-1]) + WINDOW - at
                    waits.append(max(1, int(left.total_seconds() + 0.999)))
        return max(waits) if waits else None

    # -- sessions ---------------------------------------------------------------------------

    def start_session(self, found: Account, at: datetime | None = None) -> str:
        """A new session for the account; returns its token, which is stored only hashed."""
        at = at or now()
        token = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(delete(login_session).where(login_session.c.expires_at <= at))
            conn.execute(
                insert(login_session).values(
                    token_hash=token_hash(token),
                    account_id=found.id,
                    csrf=secrets.token_urlsafe(32),
                    created_at=at,
                    expires_at=at + SESSION_LIFE,
                )
            )
        return token

    def session(self, token: str, at: datetime | None = None) -> Session | None:
        """The live session this token opens, with its account as it is now; None for an
        unknown, expired or ended token, or a disabled account."""
        if not token:
            return None
        at = at or now()
        q = (
            select(
                login_session.c.csrf,
                login_session.c.expires_at,
                login_session.c.token_hash,
                account,
            )
            .join(account, account.c.id == login_session.c.account_id)
            .where(login_session.c.token_hash == token_hash(token))
        )
        with self.engine.connect() as conn:
            row = conn.execute(q).one_or_none()
        if row is None or row.disabled or as_utc(row.expires_at) <= at:
            return None
        return Session(_account(row), row.csrf, as_utc(row.expires_at), row.token_hash)

    def end_session(self, token: str) -> bool:
        """Log out: the token opens nothing any more."""
        with self.engine.begin() as conn:
            gone = conn.execute(
                delete(login_session).where(login_session.c.token_hash == token_hash(token))
            )
        return bool(gone.rowcount)

    def expire(self, at: datetime | None = None) -> int:
        """Delete the sessions that have ended; returns how many."""
        with self.engine.begin() as conn:
            gone = conn.execute(
                delete(login_session).where(login_session.c.expires_at <= (at or now()))
            )
        return int(gone.rowcount or 0)

    def _end_all(self, conn: Connection, account_id: int) -> int:
        gone = conn.execute(delete(login_session).where(login_session.c.account_id == account_id))
        return int(gone.rowcount or 0)
