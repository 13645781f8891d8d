"""The statistics page of the static site: the server's public figures, drawn and tabled.

The figures are `vigil.analysis`'s as the public may see them (`vigil.web.figures`: people
who may be alive are not counted), shaped and drawn by the server's statistics modules
(`vigil.web.stats_views`, `stats_page`; SVG charts from `vigil.web.charts`, each beside its
table). The server's page has forms to filter and links to the records behind each number,
which need a server; the static page shows fixed figures instead: events per year by type and
by category, what followed an expulsion and a sentence by category, and the sources' claims
beside the registry's counts.
"""

from __future__ import annotations

from typing import Any

from vigil import privacy
from vigil.errors import VigilError
from vigil.publish.site import Site
from vigil.publish.urls import SiteUrls
from vigil.store import Registry
from vigil.web import i18n
from vigil.web.figures import Figures, TimelineAsk
from vigil.web.state import Public
from vigil.web.stats_page import Words, outcomes_chart, timeline_chart, timeline_table
from vigil.web.stats_views import claims_view, outcomes_view, timeline_view

PATH = "statistics.html"
TIMELINES = ("type", "category")
AFTER = ("party.expulsion", "sentence")


def _figures(job: Any) -> tuple[Figures, Registry]:
    registry = Registry.open(job.url)
    return Figures(Public(registry, privacy.screen(job.policy, job.today))), registry


def write(job: Any) -> int:
    """The statistics page in every language; returns the pages written."""
    figs, registry = _figures(job)
    try:
        timelines = {by: figs.timeline(TimelineAsk(by=by)) for by in TIMELINES}
        outcomes = {after: figs.outcomes(after) for after in AFTER}
        claims = figs.claims()
    except VigilError:
        timelines, outcomes, claims = {}, {}, None
    finally:
        registry.close()
    site = Site(job.build, job.langs)
    urls = SiteUrls.at(job.langs[0], PATH)

    def data(t: i18n.Translator) -> dict[str, Any]:
        w = Words(t)
        shown = []
        for by, computed in timelines.items():
            ask = TimelineAsk(by=by)
            view = timeline_view(computed, ask)
            table = timeline_table(view, ask)
            chart = timeline_chart(view, table, w)
            chart = chart.replace("timeline-chart", f"timeline-{by}-chart")  # ids unique
            shown.append({"view": view, "table": table, "chart": chart})
        after = []
        for i, computed in enumerate(outcomes.values()):
            view = outcomes_view(computed)
            chart = outcomes_chart(view, w).replace("outcomes-chart", f"outcomes-{i}-chart")
            after.append({"view": view, "chart": chart})
        cited = []
        if claims is not None:
            pages = {p.comparison.claim_id: p.source_page for p in claims.value}
            for c in claims_view(claims)["claims"]:
                anchor = f"claim-{c['id']}" if c["citation"]["span_start"] is not None else None
                url = urls.source(c["citation"]["source"], pages[c["id"]], anchor)
                cited.append({**c, "citation": {**c["citation"], "url": url}})
        return {"timelines": shown, "outcomes": after, "claims": cited, "w": w,
                "published": job.today}  # fmt: skip

    # plain: the numbers' format follows the language (Words asks t.lang), not only the words
    site.page(PATH, "statistics.html", data, plain=True)
    return len(job.langs)
