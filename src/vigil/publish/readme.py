"""data/README.md: every file of the open data and every column, written from `tables.py`."""

from __future__ import annotations

from datetime import date

from vigil.privacy import Policy
from vigil.publish.datasette import DATABASE, LICENCE, METADATA
from vigil.publish.opendata import JSONLD
from vigil.publish.tables import TABLES

TITLE = "Vigil: open data"


def readme(counts: dict[str, int], published: date, policy: Policy, base_url: str) -> str:
    """The README of the data folder, with the row counts of this publication."""
    where = f"absolute, under {base_url}" if base_url else "relative to the site's root folder"
    lines = [
        f"# {TITLE}",
        "",
        "The published part of a Vigil registry: people persecuted for political reasons, as "
        "the sources name them, each fact with its citation (source, locator, span of text).",
        "",
        f"Published {published.isoformat()}. Licence: {LICENCE}.",
        "",
        "**Privacy.** People who may be alive are left out of every file, page and count: "
        f"everyone born less than {policy.years} years before the day of publication for whom "
        "no source gives a date of death (with no birth date, the earliest dated event minus "
        f"{policy.adult_age} years counts; with neither, the person is left out), and everyone "
        "a takedown request names. A source's record of such a person is not published, and "
        "its text is cut out of the source's pages. "
        + (
            "These fields are never published, and their values are blanked (…) in the "
            f"records' verbatim text: {', '.join(policy.sensitive_fields)}."
            if policy.sensitive_fields
            else ""
        ),
        "",
        f"Page addresses (`url` columns) are {where}; the same pages exist in Russian (`ru/`) "
        "and English (`en/`), and the data links the Russian ones.",
        "",
        "## Files",
        "",
        "| file | what it holds |",
        "|---|---|",
    ]
    for t in TABLES:
        lines.append(
            f"| `{t.name}.csv` | {t.description} {counts.get(t.name, 0):,} rows; UTF-8, "
            "comma-separated, a header line, empty for none |"
        )
        lines.append(f"| `{t.name}.jsonl` | the same rows, one JSON object a line, null for none |")
    lines += [
        f"| `{JSONLD}` | everything above as JSON-LD (schema.org `Person`, `Event`, "
        "`CreativeWork`; citations as W3C Web Annotation `TextPositionSelector`s): one "
        "document with an inline context and one `@graph` |",
        f"| `{DATABASE}` | everything above in one SQLite database with primary and foreign "
        "keys, indexes and a full-text index on names (`persons_fts`); open it with Datasette: "
        f"`datasette {DATABASE} --metadata {METADATA}` |",
        f"| `{METADATA}` | Datasette's metadata: title, licence, source, every column described |",
        "| `README.md` | this file |",
        "",
        "## How a fact is cited in JSON-LD",
        "",
        "A record is a `CreativeWork` that `isPartOf` its source, at `position` (the locator), "
        "with its verbatim `text`, the `url` of the marked span, and a `hasSelector` "
        "(`TextPositionSelector`: `start`, `end` in characters). What the record says of the "
        "person is the `Person` it is `about`, which is `sameAs` the registry's person. Each "
        "`Event` is `about` the person and `subjectOf` its own citation, which `isPartOf` the "
        "record and selects the event's span.",
        "",
        "## Columns",
    ]
    for t in TABLES:
        lines += ["", f"### {t.name}", "", t.description, "", "| column | type | meaning |"]
        lines.append("|---|---|---|")
        for c in t.columns:
            ref = f" (an id in `{c.references}`)" if c.references else ""
            lines.append(f"| `{c.name}` | {c.type.lower()} | {c.description}{ref} |")
    return "\n".join(lines) + "\n"
