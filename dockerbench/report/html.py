"""One self-contained HTML page: summary, status-by-section chart, filterable control table.

Everything is inline: the CSS, a few lines of vanilla JavaScript, and the chart as SVG; no
fonts, images or scripts are fetched. A Content-Security-Policy ``<meta>`` allows only the
page's own ``<style>`` and ``<script>`` (by their SHA-256) and denies every fetch, so even a
mistake in escaping could not run injected script or leak the report over the network.
Jinja2 autoescaping is on: every string from the snapshot is untrusted. Every value the template
prints first goes through :func:`~dockerbench._text.printable` (the environment's ``finalize``),
so no control or bidi character reaches the page: an ESC or a U+202E is shown as ``\\x1b`` or
``\\u202e``. Untrusted text in running text and table cells is also wrapped in ``<bdi>`` (the
``bdi`` filter), so right-to-left letters in a name cannot reorder the text around it.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup, escape

from .._report import ControlResult, Report
from .._text import printable
from ._common import (
    COLORS,
    LABELS,
    SUMMARY_ORDER,
    affected_resources,
    counts,
    docker_engine_text,
    group_by_resource,
    host_name,
    iso_time,
    pretty_json,
    resource_label,
    score_text,
    sections,
    short_id,
    value_text,
    waiver_summary,
)
from .interface import Format

#: Status order in the stacked bars, worst first from the left.
CHART_ORDER = ("fail", "error", "warn", "manual", "waived", "not_applicable", "pass")


class HtmlFormat(Format):
    name = "html"
    extension = "html"
    media_type = "text/html"

    def render(self, report: Report) -> str:
        return render_html(report)


def render_html(report: Report) -> str:
    css, js = _asset("report.css"), _asset("filter.js") + _asset("report.js")
    c = counts(report)
    return _template().render(
        report=report,
        meta=report.snapshot_meta,
        host=host_name(report),
        docker_engine=docker_engine_text(report),
        generated=iso_time(report),
        collected=report.snapshot_meta.collected_at.strftime("%Y-%m-%d %H:%M:%S %Z").strip(),
        counts=c,
        order=SUMMARY_ORDER,
        labels=LABELS,
        colors=COLORS,
        score=_score(report),
        chart=_chart(report),
        controls=[_control(r) for r in report.results],
        waivers=report.waivers,
        waiver_summary=waiver_summary(report) or "",
        css=Markup(css),
        js=Markup(js),
        csp=Markup(_csp(css, js)),
    )


def _csp(css: str, js: str) -> str:
    def digest(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"

    return (f"default-src 'none'; style-src {digest(css)}; script-src {digest(js)}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


@cache
def _asset(name: str) -> str:
    return (resources.files(__package__) / "templates" / name).read_text(encoding="utf-8")


def _finalize(value: Any) -> Any:
    """Every printed value: markup the code built (the CSS, the script, ``bdi``) as it is,
    anything else as printable text (escaped by autoescaping afterwards)."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return printable(value, multiline=True)


def _bdi(value: Any) -> Markup:
    """Untrusted text, printable and escaped, isolated in ``<bdi>`` (its direction stays inside)."""
    return Markup("<bdi>%s</bdi>") % escape(printable("" if value is None else value, multiline=True))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader(__package__, "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             finalize=_finalize)
    env.filters["bdi"] = _bdi
    return env


def _template() -> jinja2.Template:
    return _environment().get_template("report.html.j2")


def section_chart(report: Report) -> str:
    """The status-by-section chart alone, as inline SVG (used by the page and in Jupyter)."""
    return _environment().get_template("chart.svg.j2").render(chart=_chart(report))


def _score(report: Report) -> dict[str, Any]:
    pct = report.score.percent if report.score.percent is not None else 0.0
    decided = report.score.percent is not None and report.score.considered > 0
    circumference = 2 * 3.14159265 * 52
    color = (COLORS["not_applicable"] if not decided else COLORS["pass"] if pct >= 80
             else COLORS["warn"] if pct >= 50 else COLORS["fail"])
    return {"percent": pct, "decided": decided, "passed": report.score.passed,
            "considered": report.score.considered, "text": score_text(report),
            "dash": f"{circumference * pct / 100 if decided else 0:.2f} {circumference:.2f}", "color": color}


@dataclass
class _Segment:
    status: str
    count: int
    x: float
    width: float
    color: str
    label: str


def _chart(report: Report) -> dict[str, Any]:
    """Stacked horizontal bars: one row per section, segment width proportional to the count."""
    label_w, bar_w, row_h, top = 250, 640, 34, 8
    rows: list[dict[str, Any]] = []
    secs = sections(report)
    largest = max((len(s.results) for s in secs), default=1)
    for i, s in enumerate(secs):
        x = float(label_w)
        segs: list[_Segment] = []
        for status in CHART_ORDER:
            n = s.count(status)
            if not n:
                continue
            w = bar_w * n / largest
            segs.append(_Segment(status, n, round(x, 2), round(w, 2), COLORS[status], LABELS[status]))
            x += w
        rows.append({"number": s.number, "title": s.title, "total": len(s.results), "y": top + i * row_h,
                     "segments": segs, "end": round(x, 2)})
    height = top * 2 + max(1, len(rows)) * row_h
    present = [s for s in CHART_ORDER if any(seg.status == s for r in rows for seg in r["segments"])]
    return {"rows": rows, "width": label_w + bar_w + 60, "height": height, "label_w": label_w,
            "row_h": row_h, "legend": present}


def _control(r: ControlResult) -> dict[str, Any]:
    groups = group_by_resource(r.findings)
    search = " ".join([r.id, r.title, r.status, LABELS[r.status], r.reason, r.section_title,
                       *(f"{g.resource.kind} {g.resource.name or ''} {g.resource.id}" for g in groups),
                       *(w.id for w in r.waivers)])
    refs = [{"href": ref if ref.startswith(("https://", "http://")) else None, "text": ref} for ref in r.references]
    return {
        "r": r,
        "label": LABELS[r.status],
        "resources": affected_resources(r),
        "findings": [{"f": f, "label": resource_label(f.resource), "short_id": short_id(f.resource),
                      "actual": value_text(f.actual),
                      "expected": value_text(f.expected), "status_label": LABELS[f.status]} for f in r.findings],
        "evidence": pretty_json(r.evidence) if r.evidence else "",
        "refs": refs,
        "search": search.lower(),
    }
