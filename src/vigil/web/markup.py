"""The smallest, most repeated pieces of the pages, in Python rather than Jinja macros.

A person page cites dozens of times; a Jinja macro call costs some fifteen microseconds and a
Python call one, which matters when a hundred thousand pages are published at once. This
module is the templates' global `markup` (`markup.cite(...)`), and macros.html binds each
function under its old macro name (`m.cite`); `t`, the page's translator, comes from the
calling template's context, or is passed where a template imported without context calls them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape


@pass_context
def cite(ctx: Context, c: Mapping[str, Any]) -> Markup:
    """A citation as a link to its span: "source title, locator" (or the entry's number)."""
    label = c.get("locator") or ctx["t"]("cite.entry", n=c["entry"])
    # escape() and f-strings: Markup.format runs a string.Formatter, ten times slower
    return Markup(
        f'<a class="cite" href="{escape(c["url"])}">{escape(c["source_title"])}, '
        f"{escape(label)}</a>"
    )


@pass_context
def cites(ctx: Context, found: Iterable[Mapping[str, Any]]) -> Markup:
    return Markup(f'<span class="cites">{"; ".join(cite(ctx, c) for c in found)}</span>')


@pass_context
def date(ctx: Context, edtf: str | None, t: Any = None) -> Markup:
    """A date as the reader's language writes it; `datetime` where the date is exact enough."""
    if not edtf:
        return Markup("")
    said = escape((t or ctx["t"]).date(edtf))
    if len(edtf) <= 10 and "/" not in edtf and "?" not in edtf:
        return Markup(f'<time datetime="{escape(edtf)}">{said}</time>')
    return Markup(f"<time>{said}</time>")


@pass_context
def field_value(ctx: Context, field: str, value: Any) -> Markup:
    """A record's field as shown: a birth as a date, sex in words, the rest as written."""
    if field == "birth":
        return date(ctx, value)
    if field == "sex":
        return escape(ctx["t"](f"sex.{value}"))
    return escape(value)


_DETAILS = ("place", "authority", "charge", "detail")


@pass_context
def event_details(ctx: Context, e: Mapping[str, Any]) -> Markup:
    """What an event's source says of it beyond type and date: "place: …; authority: …"."""
    t = ctx["t"]
    # each value isolated, so that a right-to-left override in one turns none after it
    bits = [
        f"{escape(t('field.' + key))}: <bdi>{escape(e[key])}</bdi>"
        for key in _DETAILS
        if e.get(key)
    ]
    if e.get("category"):
        bits.append(f"{escape(t('field.category'))}: {escape(t.term(e['category']))}")
    return Markup("; ".join(bits))


_CARD_FIELDS = ("birth", "birth_place", "sex", "nationality", "party", "occupation",
                "residence", "document")  # fmt: skip


@pass_context
def record_card(ctx: Context, r: Mapping[str, Any], heading: str = "h3") -> Markup:
    """A record as cited, verbatim, with its fields and events: every record on a person's
    page, a record's page, the review queue and the records behind a figure."""
    t = ctx["t"]
    rid = escape(r["id"])
    html = [
        f'<article class="record" id="record-{rid}" aria-labelledby="record-{rid}-h">\n'
        f'  <{heading} id="record-{rid}-h">{cite(ctx, r["citation"])}</{heading}>\n'
        f'  <blockquote class="verbatim" cite="{escape(r["citation"]["url"])}">'
        f"{escape(r['text'])}</blockquote>\n"
        '  <dl class="fields">\n'
    ]
    if r["name"]["written"]:
        html.append(f"<dt>{escape(t('col.name'))}</dt><dd>{escape(r['name']['written'])}</dd>")
    for f in _CARD_FIELDS:
        if r[f]:
            html.append(
                f"    <dt>{escape(t('field.' + f))}</dt><dd>{field_value(ctx, f, r[f])}</dd>\n"
            )
    html.append("  </dl>\n")
    if r["events"]:
        html.append('  <ul class="events">\n')
        for e in r["events"]:
            details = event_details(ctx, e)
            html.append(
                f'    <li><a href="{escape(e["citation"]["url"])}">{escape(t.term(e["type"]))}</a>'
                f" {date(ctx, e['date'])}{': ' + details if details.strip() else ''}</li>\n"
            )
        html.append("  </ul>\n")
    html.append("</article>")
    return Markup("".join(html))
