"""The self-contained HTML report, rendered in headless Chromium.

Chromium is the Debian ``chromium`` package (scripts/test.sh installs it). Without it the
browser tests are skipped on a developer machine and FAIL under CI. The screenshot is kept in
the test's ``tmp_path`` (printed, and recorded as the ``screenshot`` property in pytest's JUnit
output) so a person can look at it.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import png
import pytest
from _ci import unavailable
from test_formats_data import QUOTES, SCRIPT, empty_report, evaluated_report, hostile_report, synthetic_report

from dockerbench.report import render

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def chromium() -> str:
    path = os.environ.get("DOCKERBENCH_CHROMIUM") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    if not path:
        unavailable("headless Chromium", "chromium is not installed (apt-get install -y chromium; scripts/test.sh does)")
    return path


def _browser(chromium: str, tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess:
    proc = subprocess.run(
        [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}", *extra, page.as_uri()],
        capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert proc.returncode == 0, f"chromium exited {proc.returncode}:\n{proc.stderr[-3000:]}"
    return proc


def screenshot(chromium: str, tmp_path: Path, page: Path, png: Path, size: str = "1280,2000") -> Path:
    _browser(chromium, tmp_path, page, f"--screenshot={png}", f"--window-size={size}")
    assert png.is_file() and png.stat().st_size > 0, "chromium wrote no screenshot"
    return png


def dump_dom(chromium: str, tmp_path: Path, page: Path) -> str:
    return _browser(chromium, tmp_path, page, "--dump-dom", "--window-size=1280,2000").stdout


def driven(html: str, driver: str) -> str:
    """The page with ``driver`` run after its own script, as a person's clicks and typing would
    (the page's Content-Security-Policy recomputed for the longer script by the page's own code)."""
    from dockerbench.report.html import _csp

    css = html[html.index("<style>") + len("<style>"):html.index("</style>")]
    start, end = html.index("<script>") + len("<script>"), html.index("</script>")
    js = html[start:end] + "\n" + driver
    page = html[:start] + js + html[end:]
    old = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', page)
    assert old is not None
    return page.replace(old.group(1), _csp(css, js))


def seen_by(dom: str) -> dict[str, str]:
    """What a driver script noted in the page's ``data-seen`` attribute (a JSON object)."""
    seen = re.search(r'data-seen="([^"]*)"', dom)
    assert seen is not None, "the driver script did not run to its end"
    return json.loads(html_lib.unescape(seen.group(1)))


def visible(dom: str, tag: str) -> set[str]:
    """The ids of the control rows the filter left shown."""
    return {a["id"].removeprefix("control-") for t, a in parse(dom).attrs
            if t == tag and a.get("class") == "control" and "hidden" not in a}


# ----------------------------------------------------------------------------- reading the screenshot


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGBA bytes) of a PNG of any colour type, bit depth or interlacing (pypng)."""
    width, height, rows, _ = png.Reader(filename=str(path)).asRGBA8()
    return width, height, [bytes(row) for row in rows]


def ink(path: Path) -> tuple[int, float]:
    """(distinct colours, share of pixels not of the dominant colour), sampled every 2nd pixel."""
    width, _, rows = read_png(path)
    colours: Counter = Counter()
    for row in rows[::2]:
        for x in range(0, width, 2):
            colours[row[x * 4:x * 4 + 3]] += 1  # RGB; alpha left out
    total = sum(colours.values())
    return len(colours), 1 - colours.most_common(1)[0][1] / total


def test_ink_tells_a_blank_screenshot_from_a_drawn_one(tmp_path):
    """What the browser tests' "not blank" rests on: one colour is no ink; half a page drawn in
    a second colour is 2 colours and half the pixels; a grey PNG reads as well as an RGBA one."""
    white, black = (255, 255, 255, 255), (0, 0, 0, 255)
    for name, rows in (("blank", [white * 64] * 64), ("half", [white * 32 + black * 32] * 64)):
        png.from_array(rows, "RGBA").save(tmp_path / f"{name}.png")
    png.from_array([[0] * 8 + [255] * 24] * 16, "L").save(tmp_path / "grey.png")
    assert read_png(tmp_path / "blank.png")[:2] == (64, 64)
    assert ink(tmp_path / "blank.png") == (1, 0.0)
    assert ink(tmp_path / "half.png") == (2, 0.5)
    assert ink(tmp_path / "grey.png") == (2, 0.25)


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: Counter = Counter()
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        self.attrs.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Dom:
    dom = _Dom()
    dom.feed(html)
    return dom


# ----------------------------------------------------------------------------- in the browser


def test_report_renders_in_chromium_and_is_not_blank(chromium, tmp_path, record_property):
    page = tmp_path / "report.html"
    page.write_text(render(synthetic_report(), "html"), encoding="utf-8")
    png = screenshot(chromium, tmp_path, page, tmp_path / "report.png")
    record_property("screenshot", str(png))
    print(f"\nHTML report screenshot: {png}")
    width, height, _ = read_png(png)
    assert (width, height) == (1280, 2000)
    colours, share = ink(png)
    assert colours >= 16 and share >= 0.05, f"screenshot looks blank: {colours} colours, {share:.1%} ink"


def test_rendered_page_shows_every_control_and_runs_its_script(chromium, tmp_path):
    report = synthetic_report()
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    dom = dump_dom(chromium, tmp_path, page)
    assert 'data-js="ready"' in dom, "the inline script did not run (CSP hash or a script error)"
    parsed = parse(dom)
    ids = {a.get("id") for tag, a in parsed.attrs if tag == "tbody" and a.get("class") == "control"}
    assert ids == {f"control-{r.id}" for r in report.results}
    text = " ".join(parsed.text)
    for r in report.results:
        assert r.id in text
    assert parsed.tags["script"] == 1, "an untrusted string became a <script> element"
    assert SCRIPT in text and QUOTES in text  # shown as text, not markup


FILTER_STEPS = """(function () {
  var q = document.getElementById("q"), status = document.getElementById("status"), seen = {};
  function note(step) { seen[step] = document.getElementById("shown").textContent; }
  q.value = "PRIVILEGED"; q.dispatchEvent(new Event("input")); note("text");
  q.value = ""; status.value = "notpass"; status.dispatchEvent(new Event("change")); note("notpass");
  status.value = ""; document.querySelector('[data-filter="pass"]').click(); note("tile");
  document.documentElement.setAttribute("data-seen", JSON.stringify(seen));
})();"""


def test_the_filter_shows_what_the_search_status_and_tiles_select(chromium, tmp_path):
    """In Chromium: typed text matches case-blind; "not passing" is fail, error and warn; a status
    tile shows that status only (the last step's rows stay shown; each step's count is kept)."""
    report = synthetic_report()
    page = tmp_path / "driven.html"
    page.write_text(driven(render(report, "html"), FILTER_STEPS), encoding="utf-8")
    dom = dump_dom(chromium, tmp_path, page)
    assert 'data-js="ready"' in dom, "the page's own script did not run"
    seen = seen_by(dom)
    searchable = [a["data-search"] for t, a in parse(dom).attrs if t == "tbody" and a.get("class") == "control"]
    privileged = [text for text in searchable if "privileged" in text]  # the page's own search text, lower-case
    assert len(searchable) == len(report.results) and privileged and int(seen["text"]) == len(privileged)
    assert int(seen["notpass"]) == sum(r.status in ("fail", "error", "warn") for r in report.results)
    passing = {r.id for r in report.results if r.status == "pass"}
    assert passing and visible(dom, "tbody") == passing and int(seen["tile"]) == len(passing)


def test_evaluated_report_renders_every_control_in_chromium(chromium, tmp_path):
    report = evaluated_report()
    page = tmp_path / "evaluated.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    text = " ".join(parse(dump_dom(chromium, tmp_path, page)).text)
    assert all(r.id in text for r in report.results)


def test_empty_report_renders_in_chromium(chromium, tmp_path):
    page = tmp_path / "empty.html"
    page.write_text(render(empty_report(), "html"), encoding="utf-8")
    png = screenshot(chromium, tmp_path, page, tmp_path / "empty.png", size="1280,900")
    assert ink(png)[0] >= 8
    assert "No controls in this report" in dump_dom(chromium, tmp_path, page)


# ----------------------------------------------------------------------------- the file itself


def test_html_is_self_contained():
    html = render(synthetic_report(), "html")
    dom = parse(html)
    assert not dom.tags["link"] and not dom.tags["img"] and not dom.tags["iframe"]
    for tag, attrs in dom.attrs:
        assert "src" not in attrs, f"<{tag} src=...> loads something"
        if tag == "a":
            href = attrs.get("href") or ""
            assert href.startswith(("#", "https://", "http://")), href
    assert "url(" not in html and "@import" not in html
    csp = next(a["content"] for t, a in dom.attrs if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp


def test_untrusted_strings_are_escaped():
    html = render(synthetic_report(), "html")
    assert SCRIPT not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert parse(html).tags["script"] == 1


def test_details_carry_findings_evidence_and_remediation():
    report = synthetic_report()
    html = render(report, "html")
    start = html.index('id="control-5.4"')
    block = html[start:html.index('<tbody class="control"', start)]
    assert block.count("<details") == 1
    assert "Findings (9)" in block and "Remediation" in block and "Evidence" in block
    assert "&#34;note&#34;: &#34;&lt;script&gt;" in block  # pretty JSON evidence, escaped


# ----------------------------------------------------------------------------- bidi isolation

#: Appended to the page (and allowed by adding its hash to the page's CSP): opens every
#: <details>, then records, for each text node holding a probe word, the position (top, left)
#: of the word's first and last letter as the browser laid them out.
_PROBE = """(function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  var words = ["ltr-probe", "generated"], out = {};
  var walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (var node = walk.nextNode(); node; node = walk.nextNode()) {
    if (node.parentNode.nodeName === "SCRIPT") { continue; }
    words.forEach(function (w) {
      var i = node.data.indexOf(w);
      if (i < 0) { return; }
      var x = [i, i + w.length - 1].map(function (k) {
        var r = document.createRange(); r.setStart(node, k); r.setEnd(node, k + 1);
        var box = r.getBoundingClientRect();
        return [Math.round(box.top), box.left];
      });
      (out[w] = out[w] || []).push(x);
    });
  }
  document.body.setAttribute("data-probe", JSON.stringify(out));
})();"""


def _with_probe(html: str) -> str:
    import base64
    import hashlib

    digest = base64.b64encode(hashlib.sha256(_PROBE.encode()).digest()).decode()
    assert html.count("script-src ") == 1 and html.count("</body>") == 1
    return (html.replace("script-src ", f"script-src 'sha256-{digest}' ", 1)
            .replace("</body>", f"<script>{_PROBE}</script></body>", 1))


def test_a_right_to_left_override_does_not_reverse_the_text_after_it(chromium, tmp_path):
    """The host name ends with U+202E and so does a container name; a finding message starts with
    one. The words after them (the header's "generated", the message's "ltr-probe") are laid
    out left to right: the first letter is left of the last on its line (or on a line above,
    where the word wraps)."""
    import json

    page = tmp_path / "bidi.html"
    page.write_text(_with_probe(render(hostile_report(), "html")), encoding="utf-8")
    dom = dump_dom(chromium, tmp_path, page)
    body = next(a for t, a in parse(dom).attrs if t == "body")
    probe = json.loads(body["data-probe"])
    assert len(probe["generated"]) >= 1 and len(probe["ltr-probe"]) >= 1, probe
    for word, spans in probe.items():
        for (first_top, first_left), (last_top, last_left) in spans:
            assert first_top < last_top or (first_top == last_top and first_left < last_left), (
                f"{word!r} is laid out right to left: {probe}")
