"""The registry's configuration file, `vigil.toml`: today, its privacy policy.

Found by `--config PATH`, else `$VIGIL_CONFIG`, else `vigil.toml` beside the registry's SQLite
file, else the built-in defaults. A file named by the option or the variable must exist; one
beside the registry is read only when it is there. Anything the file says wrongly (bad TOML, an
unknown section, key or field, a value of the wrong kind) is an error naming the file, the line
and the reason, never a silent fallback: a mistyped privacy setting must not publish anyone.

    [privacy]
    alive_years = 100          # born less than this many years ago, no death: withheld
    assume_adult_at = 14       # with no birth date, an event means born this many years before
    sensitive_fields = ["residence", "document"]   # never public
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vigil.errors import InputError
from vigil.privacy import DEFAULT, SENSITIVE_CHOICES, Policy
from vigil.store.engine import resolve_url, sqlite_path

FILENAME = "vigil.toml"
ENV = "VIGIL_CONFIG"
# Sections the file may hold, each with its keys; a new setting is added here and in README.
SECTIONS: dict[str, tuple[str, ...]] = {
    "privacy": ("alive_years", "assume_adult_at", "sensitive_fields"),
}


@dataclass(frozen=True, slots=True)
class Config:
    """The settings in force and where they came from (`path` None: the built-in defaults)."""

    policy: Policy
    path: Path | None
    origin: str  # "--config", "$VIGIL_CONFIG", "beside the registry" or "built-in defaults"


def locate(config: str | Path | None = None, db: str | None = None) -> tuple[Path | None, str]:
    """Which file is in force, and by which rule; (None, "built-in defaults") for none."""
    if config:
        return _must_exist(Path(config), "--config"), "--config"
    env = os.environ.get(ENV)
    if env:
        return _must_exist(Path(env), f"${ENV}"), f"${ENV}"
    registry = sqlite_path(resolve_url(db))
    if registry is not None:
        beside = Path(registry).resolve().parent / FILENAME
        if beside.is_file():
            return beside, "beside the registry"
    return None, "built-in defaults"


def _must_exist(path: Path, named_by: str) -> Path:
    if not path.is_file():
        raise InputError(str(path), f"no such configuration file (named by {named_by})")
    return path


def load(config: str | Path | None = None, db: str | None = None) -> Config:
    """The configuration for a registry at `db` (as `--db` takes it), read and checked."""
    path, origin = locate(config, db)
    if path is None:
        return Config(DEFAULT, None, origin)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the configuration: {exc}") from None
    return Config(parse(text, str(path)), path, origin)


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse(text: str, path: str = FILENAME) -> Policy:
    """The policy a configuration file's text sets; `path` names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _AT.search(message)
        line = int(found.group(1)) if found else None
        reason = _AT.sub("", message) if found else message
        raise InputError(path, f"not valid TOML: {reason}", line) from None
    where = _Where(text, path)
    for section, value in data.items():
        if section not in SECTIONS:
            known = ", ".join(f"[{s}]" for s in SECTIONS)
            raise where.error(section, f"unknown section [{section}]; known: {known}")
        if not isinstance(value, dict):
            raise where.error(section, f"{section} must be a section ([{section}])")
        for key in value:
            if key not in SECTIONS[section]:
                known = ", ".join(SECTIONS[section])
                raise where.error(key, f"unknown key {key!r} in [{section}]; known: {known}")
    privacy = data.get("privacy", {})
    years = _count(privacy, "alive_years", DEFAULT.years, 1, where)
    adult = _count(privacy, "assume_adult_at", DEFAULT.adult_age, 0, where)
    fields = privacy.get("sensitive_fields", list(DEFAULT.sensitive_fields))
    if not isinstance(fields, list) or not all(isinstance(f, str) for f in fields):
        raise where.error("sensitive_fields", "sensitive_fields must be a list of field names")
    for f in fields:
        if f not in SENSITIVE_CHOICES:
            raise where.error(
                f,
                f"unknown sensitive field {f!r}; a record's fields that may be held back: "
                + ", ".join(SENSITIVE_CHOICES),
            )
    return Policy(years=years, adult_age=adult, sensitive_fields=tuple(dict.fromkeys(fields)))


def _count(section: dict[str, Any], key: str, default: int, least: int, where: _Where) -> int:
    value = section.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise where.error(key, f"{key} must be a whole number of years, at least {least}")
    return value


class _Where:
    """Errors about a parsed value, at the first line of the file that names it (tomllib
    keeps no positions)."""

    def __init__(self, text: str, path: str) -> None:
        self.lines = text.splitlines()
        self.path = path

    def error(self, word: str, reason: str) -> InputError:
        pattern = re.compile(rf"(^|[\s\[\"'.,]){re.escape(word)}($|[\s\]\"'.,=])")
        line = next(
            (i for i, s in enumerate(self.lines, 1) if pattern.search(s.split("#")[0])), None
        )
        return InputError(self.path, reason, line)


def describe(cfg: Config) -> list[str]:
    """The policy in force as `vigil config show` prints it."""
    p = cfg.policy
    where = f"{cfg.path} ({cfg.origin})" if cfg.path else cfg.origin
    return [
        f"Configuration: {where}",
        "[privacy]",
        f"alive_years = {p.years}",
        f"assume_adult_at = {p.adult_age}",
        "sensitive_fields = [" + ", ".join(f'"{f}"' for f in p.sensitive_fields) + "]",
    ]
