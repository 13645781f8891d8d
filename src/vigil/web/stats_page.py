"""The statistics page's own pieces: its tables and charts, and numbers and labels in the
reader's language."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup

from vigil.errors import VigilError
from vigil.web import charts, i18n
from vigil.web.figures import CellRef, FigureRef, Figures, OutcomeRef, TimelineAsk
from vigil.web.stats_views import (
    TYPE_ORDER,
    ask_params,
    claims_view,
    outcomes_view,
    records_url,
    timeline_view,
)

TOP = 8  # groups drawn and tabled one by one; the rest are summed as "other"
TERMS_SHOWN = 12  # sentence terms tabled per cohort (the API gives all)
_NONE_COLOR = "#DDDDDD"


@dataclass(frozen=True, slots=True)
class Words:
    """Numbers, labels and figures in the reader's language, for the templates and charts."""

    t: i18n.Translator

    def label(self, by: str, key: str | None) -> str:
        """A group's name: a thesaurus label, or an authority as the source writes it."""
        if key is None:
            return self.t("stats.not_recorded")
        return key if by == "authority" else self.t.term(key)

    def num(self, n: float | None) -> str:
        """A count as the language writes it: 300,000 or 300 000."""
        if n is None:
            return ""
        text = f"{n:,.0f}"
        return text.replace(",", "\u202f") if self.t.lang == "ru" else text

    def pct(self, share: float) -> str:
        return f"{100 * share:.0f}" + ("\u00a0%" if self.t.lang == "ru" else "%")

    def bounds(self, claim: dict[str, Any]) -> str:
        """A claim's figure: 190–360, ≥ 25%, 5%."""
        lo, hi = claim["lower"], claim["upper"]

        def v(x: float) -> str:
            return self.pct(x / 100) if claim["unit"] == "percent" else self.num(x)

        if lo is not None and hi is not None and lo != hi:
            return f"{v(lo)}–{v(hi)}"
        if lo is not None and hi is None:
            return f"≥ {v(lo)}"
        if lo is None and hi is not None:
            return f"≤ {v(hi)}"
        return v(lo) if lo is not None else ""

    def describe(self, ref: FigureRef) -> str:
        """The figure in words, for the heading of its list of records."""
        t = self.t
        if isinstance(ref, CellRef):
            f = ref.ask.filter
            if ref.keys is None:
                what = t("stats.all_events")
            else:
                what = ", ".join(self.label(ref.ask.by, k) for k in ref.keys)
            bits = [f"{what} — {ref.bucket or t('stats.all_periods')}"]
            if f.since or f.until:
                bits.append(
                    f"{f.since.year if f.since else '…'}–{f.until.year if f.until else '…'}"
                )
            bits += [t.term(x) for x in (*f.types, *f.categories)]
            bits += [x for x in (f.authority, f.place) if x]
            return "; ".join(bits)
        if isinstance(ref, OutcomeRef):
            cohort = self.label("category", ref.category)
            then = t("stats.none_recorded") if ref.outcome is None else t.term(ref.outcome)
            if ref.detail is not None:
                then += f": {ref.detail}"
            return t("stats.records.outcome", after=t.term(ref.after), cohort=cohort, then=then)
        return t("stats.records.claim", id=ref.claim_id)


def _color(by: str, key: str | None, rank: int) -> str:
    if key is None:
        return _NONE_COLOR
    return charts.color(TYPE_ORDER[key] if by == "type" and key in TYPE_ORDER else rank)


def _columns(view: dict[str, Any]) -> list[str]:
    """The periods the chart draws: every year between the first and the last (an empty year
    is a gap, not left out); months as found."""
    periods = view["periods"]
    if view["period"] != "year" or not periods:
        return periods
    first, last = int(periods[0]), int(periods[-1])
    return [f"{y:04d}" for y in range(first, last + 1)] if last - first < 400 else periods


def timeline_table(view: dict[str, Any], ask: TimelineAsk) -> dict[str, Any]:
    """The timeline as the page tables and draws it: the TOP largest groups, the rest summed."""
    groups = [g["key"] for g in view["groups"]]
    shown, rest = groups[:TOP], groups[TOP:]
    grid = {(x["key"], x["period"]): x for x in view["cells"]}
    unplaced = {u["key"]: u for u in view["unplaced"]}
    totals = {g["key"]: g for g in view["groups"]}
    ranged = view["all_records"] is None

    def url(keys: tuple[str | None, ...] | None, bucket: str | None) -> str | None:
        if bucket is None and ranged:
            return None
        return records_url(CellRef(ask, keys, bucket))

    columns: list[tuple[tuple[str | None, ...] | None, list[str | None]]] = [
        ((k,), [k]) for k in shown
    ]
    if rest:
        columns.append((tuple(rest), rest))
    columns.append((None, groups))

    def row(bucket: str) -> list[dict[str, Any]]:
        out = []
        for keys, members in columns:
            cells = [grid[(k, bucket)] for k in members if (k, bucket) in grid]
            n = sum(x["events"] for x in cells)
            subjects = [x["subjects"] for x in cells if x["subjects"] is not None]
            one = len(members) == 1 and subjects
            out.append(
                {
                    "n": n,
                    "subjects": subjects[0] if one else None,
                    "url": url(keys, bucket) if n else None,
                }
            )
        return out

    def plain(field: str) -> list[dict[str, Any]]:
        return [
            {
                "n": sum(unplaced[k][field] for k in members if k in unplaced),
                "subjects": None,
                "url": None,
            }
            for _keys, members in columns
        ]

    total = [
        {"n": sum(totals[k]["total"] for k in members), "subjects": None, "url": url(keys, None)}
        for keys, members in columns
    ]
    return {
        "shown": shown,
        "rest": len(rest),
        "rows": [{"period": p, "cells": row(p)} for p in view["periods"]],
        "spanning": plain("spanning"),
        "undated": plain("undated"),
        "total": total,
    }


def timeline_chart(view: dict[str, Any], table: dict[str, Any], w: Words) -> Markup:
    t, by = w.t, view["by"]
    columns = _columns(view)
    grid = {(x["key"], x["period"]): x["events"] for x in view["cells"]}
    series = [
        charts.Series(w.label(by, k), [grid.get((k, p), 0) for p in columns], _color(by, k, i))
        for i, k in enumerate(table["shown"])
    ]
    if table["rest"]:
        others = [g["key"] for g in view["groups"]][TOP:]
        values = [sum(grid.get((k, p), 0) for k in others) for p in columns]
        series.append(charts.Series(t("stats.other", n=table["rest"]), values, charts.GREY))
    return charts.stacked_bars(
        columns,
        series,
        ident="timeline-chart",
        title=t(f"stats.timeline.chart.{by}", period=t(f"stats.per.{view['period']}")),
        desc=t("stats.chart.desc"),
    )


def outcomes_chart(view: dict[str, Any], w: Words) -> Markup:
    t = w.t
    legend = [(t.term(k), charts.color(TYPE_ORDER.get(k, i))) for i, k in enumerate(view["types"])]
    legend.append((t("stats.none_recorded"), charts.GREY))
    none = len(legend) - 1
    groups = []
    for h in view["cohorts"]:
        label = f"{w.label('category', h['category'])} ({w.num(h['subjects'])})"
        bars = [
            charts.Bar(view["types"].index(o["type"]), o["share"], w.pct(o["share"]))
            for o in h["outcomes"]
        ]
        bars.append(charts.Bar(none, h["none_recorded_share"], w.pct(h["none_recorded_share"])))
        groups.append(charts.BarGroup(label, bars))
    return charts.grouped_hbars(
        groups,
        legend,
        ident="outcomes-chart",
        title=t("stats.outcomes.chart", after=t.term(view["cohort"])),
        desc=t("stats.chart.desc"),
    )


def page_context(
    w: Words, figs: Figures, ask: TimelineAsk, after: str
) -> tuple[dict[str, Any], list[str]]:
    """The three sections' figures, tables and charts; what cannot be computed, as errors."""
    errors: list[str] = []
    ctx: dict[str, Any] = {"timeline": None, "outcomes": None, "claims": None}
    try:
        ctx["timeline"] = timeline_view(figs.timeline(ask), ask)
        ctx["table"] = timeline_table(ctx["timeline"], ask)
        ctx["timeline_chart"] = timeline_chart(ctx["timeline"], ctx["table"], w)
    except VigilError as exc:
        errors.append(str(exc))
    try:
        ctx["outcomes"] = outcomes_view(figs.outcomes(after))
        ctx["outcomes_chart"] = outcomes_chart(ctx["outcomes"], w)
    except VigilError as exc:
        errors.append(str(exc))
    ctx["claims"] = claims_view(figs.claims())
    return ctx, errors


def back(ref: FigureRef) -> str:
    """The statistics the list came from."""
    if isinstance(ref, CellRef):
        return "/statistics?" + urlencode(ask_params(ref.ask)) + "#timeline"
    if isinstance(ref, OutcomeRef):
        return "/statistics?" + urlencode({"after": ref.after}) + "#outcomes"
    return "/statistics#claims"
