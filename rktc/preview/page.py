"""The served page: the document's own HTML, the findings beside it, a refreshing script.

The page reads without scripts: the document, the findings and the row marks are in
its HTML and CSS. The script only keeps it current: told of a new version (server-sent
events), it fetches the page again and swaps the document, the findings and the styles
in place, keeping the scroll position (the one from before an error, once the error is
fixed). Nothing is loaded from elsewhere: it works offline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from rktc.core.diagnostics import Diagnostic, Severity
from rktc.core.messages import text
from rktc.report.formats import diagnostic_record, summary

OK, BROKEN, FAILED = "ok", "broken", "failed"

_STYLE = re.compile(r"<style\b[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head>", re.DOTALL | re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.DOTALL | re.IGNORECASE)

PREVIEW_CSS = """\
#rktc-findings { font: 10pt/1.4 system-ui, Arial, sans-serif; background: #f6f6f3;
  border: 1px solid #ccc; padding: 0.5rem 0.8rem; margin: 0 0 1rem; color: #111; }
#rktc-findings h2 { text-align: left; font-size: 1rem; margin: 0.2rem 0 0.4rem; }
#rktc-findings ol { padding-left: 1.3rem; margin: 0.4rem 0; }
.rktc-finding { margin: 0 0 0.6rem; }
.rktc-finding[data-rows]:not([data-rows=""]) { cursor: pointer; }
.rktc-finding code { font-size: 9pt; }
.rktc-error .rktc-code { color: #a00; font-weight: bold; }
.rktc-warning .rktc-code { color: #7a4d00; font-weight: bold; }
.rktc-hint, .rktc-related { color: #444; }
#rktc-status { background: #fee; border: 1px solid #c66; padding: 0.3rem 0.5rem; }
.rktc-problem { border-left: 4px solid #b00; background: #fff6f6; padding: 0.5rem 1rem; }
.rktc-problem h1 { text-align: left; font-size: 1.15rem; }
.rktc-problem pre { white-space: pre-wrap; }
tr.rktc-flash > td { outline: 2px solid #06c; }
@media screen and (min-width: 64rem) {
  body.rktc-preview { margin-right: 24rem; }
  #rktc-findings { position: fixed; top: 0; right: 0; bottom: 0; width: 21rem;
    overflow: auto; margin: 0; border-width: 0 0 0 1px; }
}
@media print { #rktc-findings { display: none !important; } }
"""

# Row colours by severity; screen only: the printed document carries no review marks.
_MARK_RULES = {
    Severity.ERROR: "background: #fbdcdc; box-shadow: inset 0 0 0 1px #d88;",
    Severity.WARNING: "background: #fff1c2;",
}

SCRIPT = """\
(function () {
  "use strict";
  var body = document.body;
  var server = body.getAttribute("data-rktc-server");
  var version = Number(body.getAttribute("data-rktc-version"));
  var wanted = version, loading = false, kept = null;

  function swap(next) {
    var wasShown = body.getAttribute("data-rktc-state") === "ok";
    var nowShown = next.body.getAttribute("data-rktc-state") === "ok";
    if (wasShown) { kept = [window.scrollX, window.scrollY]; }
    var head = document.head;
    head.querySelectorAll("style").forEach(function (s) { s.remove(); });
    next.head.querySelectorAll("style").forEach(function (s) {
      head.appendChild(document.importNode(s, true));
    });
    document.title = next.title;
    ["rktc-findings", "rktc-main"].forEach(function (id) {
      var old = document.getElementById(id), fresh = next.getElementById(id);
      if (old && fresh) { old.replaceWith(document.importNode(fresh, true)); }
    });
    ["data-rktc-state", "data-rktc-version"].forEach(function (name) {
      body.setAttribute(name, next.body.getAttribute(name));
    });
    if (nowShown && kept) { window.scrollTo(kept[0], kept[1]); }
  }

  function load() {
    if (loading) { return; }
    loading = true;
    fetch("/", { cache: "no-store" })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html");
        if (next.body.getAttribute("data-rktc-server") !== server) { location.reload(); return; }
        var v = Number(next.body.getAttribute("data-rktc-version"));
        if (v > version) { version = v; swap(next); }
      })
      .catch(function () { connected(false); })
      .then(function () { loading = false; if (wanted > version) { setTimeout(load, 50); } });
  }

  function connected(yes) {
    var s = document.getElementById("rktc-status");
    if (s) { s.hidden = yes; }
  }

  function told(data) {
    connected(true);
    var news = JSON.parse(data);
    if (news.server !== server) { location.reload(); return; }
    wanted = Math.max(wanted, news.version);
    if (wanted > version) { load(); }
  }

  if (window.EventSource) {
    var events = new EventSource("/events");
    events.addEventListener("version", function (e) { told(e.data); });
    events.onerror = function () { connected(false); };
  } else {
    setInterval(function () {
      fetch("/version", { cache: "no-store" })
        .then(function (r) { return r.text(); }).then(told)
        .catch(function () { connected(false); });
    }, 1000);
  }

  document.addEventListener("click", function (e) {
    var item = e.target.closest ? e.target.closest(".rktc-finding") : null;
    var rows = item ? (item.getAttribute("data-rows") || "").split(" ") : [];
    if (!rows[0]) { return; }
    var row = document.querySelector('tr[data-source="' + CSS.escape(rows[0]) + '"]');
    if (!row) { return; }
    row.scrollIntoView({ block: "center" });
    row.classList.add("rktc-flash");
    setTimeout(function () { row.classList.remove("rktc-flash"); }, 1500);
  });
})();
"""


@dataclass(frozen=True)
class PageContext:
    """What every page names: its version, the server run it belongs to, the language."""

    version: int
    server: str
    lang: str
    nonce: str
    plan: str


@dataclass(frozen=True)
class DocumentParts:
    """The rendered document split for the page: its styles, title and body."""

    styles: str
    title: str
    body: str


def split_document(html: str) -> DocumentParts:
    """The styles and title of the rendered document's head, and its body's content."""
    head_match = _HEAD.search(html)
    head = head_match.group(1) if head_match else ""
    title = _TITLE.search(head)
    body = _BODY.search(html)
    return DocumentParts(
        "\n".join(_STYLE.findall(head)),
        title.group(1).strip() if title else "",
        body.group(1) if body else html,
    )


def css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def marks_css(rows: Mapping[str, Severity]) -> str:
    """Screen-only CSS that colours each concerned row by its gravest finding."""
    rules = []
    for severity, declarations in _MARK_RULES.items():
        keys = sorted(k for k, s in rows.items() if s is severity)
        if keys:
            selectors = ",\n".join(f"tr[data-source={css_string(k)}] > td" for k in keys)
            rules.append(f"{selectors} {{ {declarations} }}")
    if not rules:
        return ""
    return '<style id="rktc-marks">\n@media screen {\n' + "\n".join(rules) + "\n}\n</style>"


def _finding(record: Mapping[str, Any], rows: Sequence[str], lang: str) -> str:
    severity = record["severity"]
    where = f"{record['file']}:{record['line']}:{record['column']}"
    parts = [
        (
            f'<li class="rktc-finding rktc-{escape(severity)}"'
            f' data-code="{escape(record["code"])}" data-line="{record["line"]}"'
            f' data-rows="{escape(" ".join(rows))}">'
        ),
        f'<code class="rktc-loc">{escape(where)}</code> ',
        f'<span class="rktc-code">{escape(record["code"])}</span> ',
        f'<span class="rktc-severity">[{escape(text("severity." + severity, lang))}]</span><br>',
        f'<span class="rktc-message">{escape(record["message"])}</span>',
    ]
    if record["hint"]:
        label = escape(text("label.hint", lang))
        parts.append(f'<div class="rktc-hint">{label}: {escape(record["hint"])}</div>')
    for rel in record["related"]:
        rel_where = f"{rel['file']}:{rel['line']}:{rel['column']}"
        parts.append(
            f'<div class="rktc-related"><code>{escape(rel_where)}</code> '
            f"{escape(rel['message'])}</div>"
        )
    parts.append("</li>")
    return "".join(parts)


def findings_list(
    diagnostics: Sequence[Diagnostic],
    rows_of_finding: Sequence[Sequence[str]],
    lang: str,
    list_id: str = "",
) -> str:
    """The findings as an ordered list, each with its place, code, message and rows."""
    items = [
        _finding(
            diagnostic_record(diag, lang),
            rows_of_finding[i] if i < len(rows_of_finding) else (),
            lang,
        )
        for i, diag in enumerate(diagnostics)
    ]
    attribute = f' id="{list_id}"' if list_id else ""
    return f'<ol class="rktc-list"{attribute}>\n' + "\n".join(items) + "\n</ol>"


def _aside(
    context: PageContext,
    diagnostics: Sequence[Diagnostic],
    rows_of_finding: Sequence[Sequence[str]],
) -> str:
    lang = context.lang
    count = summary([context.plan], diagnostics, lang)
    listing = (
        findings_list(diagnostics, rows_of_finding, lang)
        if diagnostics
        else f'<p class="rktc-none">{escape(text("preview.no_findings", lang))}</p>'
    )
    return (
        f'<aside id="rktc-findings" lang="{context.lang}">\n'
        f'<p id="rktc-status" hidden>{escape(text("preview.disconnected", lang))}</p>\n'
        f"<h2>{escape(text('preview.findings', lang))}</h2>\n"
        f'<p class="rktc-summary">{escape(count)}</p>\n'
        f"{listing}\n</aside>"
    )


def page(
    context: PageContext,
    state: str,
    main: str,
    diagnostics: Sequence[Diagnostic],
    rows_of_finding: Sequence[Sequence[str]] = (),
    styles: str = "",
    title: str = "",
) -> str:
    """The whole page; `main` is the document's body, or the errors shown instead of it."""
    shown_title = title or escape(context.plan)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{context.lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{shown_title}</title>\n"
        f"{styles}\n"
        f'<style id="rktc-preview-style">\n{PREVIEW_CSS}</style>\n'
        "</head>\n"
        f'<body class="rktc-preview" data-rktc-state="{state}"'
        f' data-rktc-version="{context.version}" data-rktc-server="{context.server}">\n'
        f"{_aside(context, diagnostics, rows_of_finding)}\n"
        f'<main id="rktc-main" lang="{"id" if state == OK else context.lang}"'
        f' data-rktc-state="{state}">\n{main}\n</main>\n'
        f'<script nonce="{context.nonce}">\n{SCRIPT}</script>\n'
        "</body>\n</html>\n"
    )


def document_page(
    context: PageContext,
    html: str,
    diagnostics: Sequence[Diagnostic],
    rows_of_finding: Sequence[Sequence[str]],
    rows: Mapping[str, Severity],
) -> str:
    """The rendered document with its findings beside it and the rows they concern marked."""
    parts = split_document(html)
    styles = "\n".join(s for s in (parts.styles, marks_css(rows)) if s)
    return page(context, OK, parts.body, diagnostics, rows_of_finding, styles, parts.title)


def broken_page(
    context: PageContext, diagnostics: Sequence[Diagnostic], problem: str | None = None
) -> str:
    """Shown instead of the document while the plan cannot be built: its errors."""
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    body = [
        '<div class="rktc-problem" id="rktc-errors">',
        f"<h1>{escape(text('preview.broken', context.lang))}</h1>",
    ]
    if problem:
        body.append(f'<p class="rktc-render-error">{escape(problem)}</p>')
    if errors:
        body.append(findings_list(errors, [], context.lang))
    body.append("</div>")
    return page(context, BROKEN, "\n".join(body), diagnostics)


def failed_page(context: PageContext, detail: str) -> str:
    """Shown when the rebuild itself failed (a bug): the error, so it can be reported."""
    body = (
        '<div class="rktc-problem" id="rktc-errors">\n'
        f"<h1>{escape(text('preview.failed', context.lang))}</h1>\n"
        f'<pre class="rktc-internal">{escape(detail)}</pre>\n</div>'
    )
    return page(context, FAILED, body, [])
