"""`rktc preview`: rebuilds, the watcher, the server, the command, and a real browser.

The browser tests drive Debian's chromium (/usr/bin/chromium) with Playwright. Locally they
skip when either is missing; in CI (CI set) they fail instead: .ci/run installs both.
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import PLANS, ROOT

from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.errors import RktcError
from rktc.core.messages import msg, text
from rktc.pipeline.build import BuildOptions, document_view
from rktc.pipeline.compile import Compiled
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.document import APBN, INDIKATOR, PROGRAM, RKT, SASARAN, Document
from rktc.preview import page as preview_page
from rktc.preview.marks import key_path, mark_rows, printed_rows, row_lines, source_key
from rktc.preview.rebuild import Rebuilder
from rktc.preview.server import Published, start_server, stop_server
from rktc.preview.watch import FileWatcher, Saved
from rktc.render.markup import render_markup
from rktc.render.outline import RKT_OUTLINE, TABLE, Block, Outline, Part, Section
from rktc.report.formats import as_json

SEED = PLANS / "kpu-oku-2023.yaml"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The indicator of "Koordinasi Penyusunan Peraturan Pemilu" (target 97%) in the seed plan.
HUKUM = "program.0.kegiatan.2.indikator.0"
BROKEN_YAML = b"rktc: 1\ntahun: [2023\n"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    copy = tmp_path / "rencana.yaml"
    shutil.copyfile(SEED, copy)
    return copy


def seed_with(old: str, new: str) -> bytes:
    source = SEED.read_text(encoding="utf-8")
    assert source.count(old) == 1
    return source.replace(old, new).encode("utf-8")


def state_of(page_bytes: bytes) -> str:
    found = re.search(rb'<main id="rktc-main"[^>]* data-rktc-state="(\w+)"', page_bytes)
    assert found is not None
    return found.group(1).decode()


def main_of(page_bytes: bytes) -> str:
    """The page's main element: the document, or the errors shown instead of it."""
    html = page_bytes.decode()
    return html[html.index('<main id="rktc-main"') : html.index("</main>")]


def finding_codes(page_bytes: bytes) -> list[str]:
    return re.findall(r'class="rktc-finding [^"]*" data-code="(RKT\d+)"', page_bytes.decode())


# --- rebuild ----------------------------------------------------------------------------------


def test_a_good_plan_gives_the_document_with_its_findings_beside_it(plan):
    rebuilder = Rebuilder(plan, "en")
    snapshot = rebuilder.build(plan.read_bytes())
    html = snapshot.page.decode()
    assert (snapshot.version, snapshot.state) == (1, preview_page.OK)
    assert state_of(snapshot.page) == "ok"
    # the document itself: its sections and data rows, in the page's HTML (no script needed)
    document = Pipeline().validate(plan).document
    assert document is not None
    rkt = document.table(RKT)
    assert rkt is not None
    main = main_of(snapshot.page)
    assert main.count('<tr data-source="') >= len(rkt.rows)
    assert "<section" in main
    # the findings of `rktc validate`, with file:line:col
    assert finding_codes(snapshot.page) == ["RKT501", "RKT501"]
    assert f'<code class="rktc-loc">{plan}:80:11</code>' in html
    assert json.loads(snapshot.findings_json) == json.loads(
        as_json([str(plan)], list(snapshot.diagnostics), "en")
    )


def test_findings_are_written_in_the_chosen_language(plan):
    pages = {lang: Rebuilder(plan, lang).build(plan.read_bytes()).page for lang in ("id", "en")}
    diag = Pipeline().validate(plan).diagnostics[0]
    for lang, page_bytes in pages.items():
        html = page_bytes.decode()
        other = "en" if lang == "id" else "id"
        for shown in ("[{}]", "<h2>{}</h2>"):
            key = "severity.warning" if shown.startswith("[") else "preview.findings"
            assert shown.format(text(key, lang)) in html
            assert shown.format(text(key, other)) not in html
        assert diag.message.render(lang).replace("'", "&#x27;") in html


def test_a_yaml_syntax_error_shows_the_errors_instead_of_the_document(plan):
    snapshot = Rebuilder(plan, "id").build(BROKEN_YAML)
    assert snapshot.state == preview_page.BROKEN
    main = main_of(snapshot.page)
    assert 'id="rktc-errors"' in main
    assert 'data-code="RKT001" data-line="3"' in main
    assert "<section" not in main
    assert "data-source" not in main


def test_a_schema_error_shows_the_errors_instead_of_the_document(plan):
    raw = seed_with("tahun: 2023", "tahun: dua ribu")
    snapshot = Rebuilder(plan, "id").build(raw)
    assert snapshot.state == preview_page.BROKEN
    main = main_of(snapshot.page)
    assert 'data-code="RKT013"' in main
    assert "<section" not in main


def test_the_next_good_save_brings_the_document_back(plan):
    rebuilder = Rebuilder(plan, "id")
    states = [
        (s.version, s.state)
        for s in map(rebuilder.build, [plan.read_bytes(), BROKEN_YAML, plan.read_bytes()])
    ]
    assert states == [(1, "ok"), (2, "broken"), (3, "ok")]


def test_an_internal_error_shows_in_the_page_and_the_next_save_recovers(plan, monkeypatch):
    rebuilder = Rebuilder(plan, "en")

    def broken_renderer(*args, **kwargs):
        raise RuntimeError("renderer exploded")

    monkeypatch.setattr(Pipeline, "render", broken_renderer)
    failed = rebuilder.build(plan.read_bytes())
    assert failed.state == preview_page.FAILED
    assert failed.internal_error is not None
    assert "RuntimeError" in failed.internal_error
    assert "RuntimeError: renderer exploded" in failed.page.decode()
    monkeypatch.undo()
    assert rebuilder.build(plan.read_bytes()).state == preview_page.OK


def test_a_template_problem_is_shown_as_the_users_to_fix(plan, monkeypatch):
    def template_error(*args, **kwargs):
        raise RktcError("template.error", template="rkt.html.j2:3", detail="unexpected '}'")

    monkeypatch.setattr(Pipeline, "render", template_error)
    snapshot = Rebuilder(plan, "en").build(plan.read_bytes())
    assert snapshot.state == preview_page.BROKEN
    expected = msg("template.error", template="rkt.html.j2:3", detail="unexpected '}'")
    assert expected.render("en").replace("'", "&#x27;") in snapshot.page.decode()


def test_a_rebuild_renders_through_the_pipeline(plan, monkeypatch):
    """The page is the HTML edition `Pipeline.render` gives, as `rktc build` writes it."""
    rendered = []
    render = Pipeline.render

    def spy(pipeline, compiled, plan_path, options):
        rendered.append((plan_path, options.fmt))
        return render(pipeline, compiled, plan_path, options)

    monkeypatch.setattr(Pipeline, "render", spy)
    assert Rebuilder(plan, "id").build(plan.read_bytes()).state == preview_page.OK
    assert rendered == [(plan, "html")]


def test_an_unreadable_file_is_reported_not_raised(tmp_path):
    snapshot = Rebuilder(tmp_path / "gone.yaml", "id").build(None)
    assert snapshot.state == preview_page.BROKEN
    assert [d.code for d in snapshot.diagnostics] == ["RKT005"]


CORPUS = sorted(p for p in (ROOT / "tests" / "corpus").iterdir() if p.is_file())


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_hostile_file_of_the_corpus_gives_a_page_not_an_internal_error(path):
    snapshot = Rebuilder(path, "en").build(path.read_bytes())
    assert snapshot.internal_error is None
    assert snapshot.state in (preview_page.OK, preview_page.BROKEN)
    assert state_of(snapshot.page) == snapshot.state


def test_the_rebuild_of_the_seed_plan_is_well_under_300_ms(plan):
    rebuilder = Rebuilder(plan, "id")
    rebuilder.build(plan.read_bytes())  # warm: imports
    times = sorted(rebuilder.build(plan.read_bytes()).seconds for _ in range(5))
    assert times[2] < 0.3, times


# --- marks ------------------------------------------------------------------------------------


def test_a_finding_on_an_indicator_marks_its_rows_in_every_table(plan):
    raw = seed_with("target: 97%", "target: 130%")
    snapshot = Rebuilder(plan, "en").build(raw)
    assert snapshot.state == preview_page.OK  # rule findings do not hide the document
    html = snapshot.page.decode()
    marks = html[html.index('<style id="rktc-marks">') :]
    marks = marks[: marks.index("</style>")]
    error_rule = marks[marks.index("@media screen") : marks.index("background: #fbdcdc")]
    assert re.findall(r'data-source="([^"]+)"', error_rule) == [HUKUM]
    # the marked indicator is printed in the indikator table, section C and both matrices
    assert html.count(f'<tr data-source="{HUKUM}">') == 4
    finding = re.search(r'<li class="rktc-finding rktc-error" data-code="RKT210"[^>]*>', html)
    assert finding is not None
    assert f'data-rows="{HUKUM}"' in finding.group(0)


def printed(compiled: Compiled, outline: Outline = RKT_OUTLINE) -> list[str]:
    """The `data-source`s of the rows `outline`'s tables print for the compiled plan."""
    assert compiled.plan is not None
    assert compiled.document is not None
    return printed_rows(document_view(compiled.plan, compiled.document, BuildOptions()), outline)


def test_a_sasaran_finding_marks_the_rows_of_that_sasaran_only(plan):
    compiled = Pipeline().validate(plan)
    assert compiled.document is not None
    loaded = compiled.loaded
    rows = printed(compiled)
    marks = mark_rows(compiled.diagnostics, compiled.document, loaded.source, loaded.text, rows)
    # RKT501 on S5 (line 80) and S7 (line 84): those sasaran and the indicators serving them
    rkt = compiled.document.table(RKT)
    assert rkt is not None
    serving = {
        source_key(row.paths["row"])
        for row in rkt.rows
        if compiled.loaded.source.value(row.paths["sasaran"]).line in (80, 84)
    }
    assert len(serving) == 2
    assert set(marks.rows) == serving  # BAB II A lists the sasaran: it is no table
    assert set(marks.rows.values()) == {Severity.WARNING}


def test_a_row_ends_where_the_next_item_begins(plan):
    """A finding on a kegiatan's first line marks that kegiatan's rows, not the row above."""
    compiled = Pipeline().validate(plan)
    assert compiled.document is not None
    source = compiled.loaded.source
    line = source.value(("program", 0, "kegiatan", 3, "nama")).line
    diag = Diagnostic("RKT999", Location(str(plan), line, 9), msg("preview.findings"))
    rows = printed(compiled)
    marks = mark_rows([diag], compiled.document, source, compiled.loaded.text, rows)
    assert marks.of_finding == [["program.0.kegiatan.3.indikator.0"]]
    spans = row_lines(compiled.document, source, compiled.loaded.text, rows)[HUKUM]
    assert max(last for _, last in spans) < line


@pytest.mark.parametrize("shown", [("rkt",), ("indikator", "apbn")])
def test_the_marks_follow_the_tables_of_another_outline(plan, shown):
    """Another office's layout: its own outline, and its document's tables under other
    names. The rows its tables print get the marks, and no others."""
    plan.write_bytes(seed_with("target: 97%", "target: 130%"))
    compiled = Pipeline().validate(plan)
    assert compiled.plan is not None
    assert compiled.document is not None
    view = document_view(compiled.plan, compiled.document, BuildOptions())
    blocks = tuple(Block(TABLE, name) for name in shown)
    outline = Outline("lain", (Part("isi", (Section("kinerja", ("KINERJA",), blocks=blocks),)),))
    rows = printed_rows(view, outline)
    html = render_markup(view, "html", outline=outline)
    assert rows == list(dict.fromkeys(re.findall(r'<tr data-source="([^"]+)"', html)))
    tables = {
        kind: compiled.document.table(kind) for kind in (SASARAN, INDIKATOR, PROGRAM, RKT, APBN)
    }
    document = Document(
        compiled.document.literal,
        {f"lain_{kind}": table for kind, table in tables.items() if table is not None},
    )
    loaded = compiled.loaded
    marks = mark_rows(compiled.diagnostics, document, loaded.source, loaded.text, rows)
    target = next(d for d in compiled.diagnostics if d.code == "RKT210")
    assert marks.of_finding[compiled.diagnostics.index(target)] == [HUKUM]
    assert marks.rows[HUKUM] is Severity.ERROR
    assert marks.rows.keys() - {HUKUM}  # the sasaran findings mark rows too
    assert marks.rows.keys() <= set(rows)


# --- watcher ----------------------------------------------------------------------------------


def test_the_watcher_reports_each_new_content_once(plan):
    watcher = FileWatcher(plan, verify_every=60)
    assert watcher.poll(0.0) == Saved(plan.read_bytes())
    assert watcher.poll(0.1) is None
    plan.write_bytes(b"rktc: 1\n")
    assert watcher.poll(0.2) == Saved(b"rktc: 1\n")
    os.utime(plan)  # touched, same content
    assert watcher.poll(0.3) is None


def test_a_save_by_rename_is_seen_even_with_the_same_size_and_time(plan):
    watcher = FileWatcher(plan, verify_every=60)
    watcher.poll(0.0)
    before = plan.stat()
    saved = plan.with_name("rencana.yaml~")
    saved.write_bytes(plan.read_bytes().replace(b"97%", b"96%"))
    os.utime(saved, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(saved, plan)
    assert plan.stat().st_size == before.st_size
    found = watcher.poll(0.1)
    assert found is not None
    assert found.raw is not None
    assert b"96%" in found.raw


def test_an_in_place_save_within_one_timestamp_is_seen_at_the_next_verification(plan):
    watcher = FileWatcher(plan, verify_every=1.0)
    watcher.poll(0.0)
    before = plan.stat()
    first = plan.read_bytes()[:1]
    with plan.open("r+b") as file:  # same inode, same size
        file.write(b"X" if first != b"X" else b"Y")
    os.utime(plan, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert watcher.poll(0.5) is None  # the signature is unchanged
    found = watcher.poll(1.1)
    assert found is not None
    assert found.raw is not None
    assert found.raw[:1] != first


def test_a_file_gone_for_a_moment_is_not_reported(plan):
    watcher = FileWatcher(plan, grace=0.5)
    content = plan.read_bytes()
    watcher.poll(0.0)
    plan.unlink()
    assert watcher.poll(0.1) is None
    plan.write_bytes(content)
    assert watcher.poll(0.3) is None  # back with the same content: nothing to rebuild
    plan.unlink()
    assert watcher.poll(1.0) is None
    assert watcher.poll(1.6) == Saved(None)  # gone for good: say so
    assert watcher.poll(1.7) is None
    plan.write_bytes(content)
    assert watcher.poll(1.8) == Saved(content)


# --- server -----------------------------------------------------------------------------------


@pytest.fixture
def served(plan: Path) -> Iterator[tuple[int, Published, Rebuilder]]:
    rebuilder = Rebuilder(plan, "id")
    published = Published(rebuilder.build(plan.read_bytes()))
    server = start_server(0, published, rebuilder)
    yield server.port, published, rebuilder
    stop_server(server, published)


def get(port: int, path: str, host: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers={"Host": host or f"127.0.0.1:{port}"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_the_server_serves_the_page_its_version_and_findings(served):
    port, published, rebuilder = served
    status, headers, body = get(port, "/")
    assert status == 200
    assert body == published.snapshot.page
    assert headers["Cache-Control"] == "no-store"
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp
    assert f"'nonce-{rebuilder.nonce}'" in csp
    assert f'<script nonce="{rebuilder.nonce}">' in body.decode()
    status, _, body = get(port, "/version")
    assert json.loads(body) == {"server": rebuilder.server, "version": 1}
    status, _, body = get(port, "/findings.json")
    assert [d["code"] for d in json.loads(body)["diagnostics"]] == ["RKT501", "RKT501"]
    assert get(port, "/elsewhere")[0] == 404
    assert get(port, "/", host=f"localhost:{port}")[0] == 200


def test_a_request_for_another_host_is_refused(served):
    port = served[0]
    status, _, body = get(port, "/", host=f"attacker.example:{port}")
    assert status == 421
    assert body == b""


def next_event(stream) -> dict[str, object]:
    """The data of the next `version` event on a server-sent event stream."""
    while True:
        line = stream.readline()
        assert line, "the event stream ended"
        if line.startswith(b"data: "):
            return json.loads(line[len(b"data: ") :])


def test_events_announce_each_new_version(served, plan):
    port, published, rebuilder = served
    connection = socket.create_connection(("127.0.0.1", port), timeout=10)
    connection.sendall(f"GET /events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    stream = connection.makefile("rb")
    assert stream.readline().startswith(b"HTTP/1.1 200")
    while stream.readline() not in (b"\r\n", b""):
        pass  # the headers
    assert next_event(stream) == {"server": rebuilder.server, "version": 1}
    published.publish(rebuilder.build(BROKEN_YAML))
    assert next_event(stream) == {"server": rebuilder.server, "version": 2}
    connection.close()


# --- the command ------------------------------------------------------------------------------


class Preview:
    """`rktc preview` as a real process on a free port."""

    def __init__(self, plan: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if k != "RKTC_LANG"}
        env["PYTHONPATH"] = str(ROOT)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rktc", "preview", str(plan), "--port", "0", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=env,
        )
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], 30)
        assert ready, "rktc preview printed no address"
        line = self.process.stdout.readline().decode()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert found is not None, line
        self.url = found.group(0)
        self.port = int(found.group(1))

    def stop(self) -> tuple[int, str, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=20)
        return self.process.returncode, out.decode(), err.decode()


def test_ctrl_c_stops_the_preview_cleanly(plan):
    preview = Preview(plan, "--lang", "en")
    assert get(preview.port, "/")[0] == 200
    code, out, err = preview.stop()
    assert code == 0
    assert "Traceback" not in err
    assert out.strip().endswith(text("preview.stopped", "en"))


def test_a_busy_port_is_a_clear_usage_error(plan):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "rktc", "preview", str(plan), "--port", str(port)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert f"{port}" in done.stderr


@pytest.mark.parametrize("which", ["missing", "folder"])
def test_preview_needs_one_existing_file(tmp_path, which):
    from typer.testing import CliRunner

    from rktc.cli.app import app

    target = tmp_path / "nothing.yaml" if which == "missing" else tmp_path
    result = CliRunner().invoke(app, ["preview", str(target), "--lang", "en"])
    assert result.exit_code == 2
    key = "cli.not_found" if which == "missing" else "preview.not_a_file"
    assert text(key, "en", path=target) in result.output


# --- in a real browser ------------------------------------------------------------------------


def require_browser() -> None:
    missing = []
    if importlib.util.find_spec("playwright") is None:
        missing.append("the pip package playwright")
    if not Path(CHROMIUM).exists():
        missing.append("the Debian package chromium")
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must install {' and '.join(missing)} (see .ci/run)")
        pytest.skip(f"needs {' and '.join(missing)}")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def running(plan: Path) -> Iterator[Preview]:
    preview = Preview(plan)
    yield preview
    code, _, err = preview.stop()
    assert code == 0, err
    assert "Traceback" not in err


WAIT_MS = 10_000  # a rebuild takes well under a second; this only bounds a failing test


def save(path: Path, content: bytes) -> None:
    """As editors do: write a new file beside it, then rename it over the old one."""
    fresh = path.with_name(path.name + ".tmp")
    fresh.write_bytes(content)
    os.replace(fresh, path)


def wait_version(tab, version: int) -> None:
    tab.wait_for_function(
        f"() => Number(document.body.dataset.rktcVersion) >= {version}", timeout=WAIT_MS
    )


def test_the_tab_follows_saves_breaks_and_fixes_and_keeps_its_place(browser, running, plan):
    tab = browser.new_page(viewport={"width": 1400, "height": 800})
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(running.url)
    assert tab.locator("#rktc-main[data-rktc-state=ok] section").count() > 3
    assert tab.locator(f'tr[data-source="{HUKUM}"]').count() == 4
    assert tab.locator("#rktc-findings .rktc-finding").count() == 2
    tab.wait_for_function("() => document.documentElement.scrollHeight > 3000", timeout=WAIT_MS)
    tab.evaluate("() => window.scrollTo(0, 1500)")
    tab.wait_for_function("() => window.scrollY === 1500", timeout=WAIT_MS)

    # a good save: the new content, in place, at the same scroll position
    save(plan, seed_with("target: 97%", "target: 96%"))
    wait_version(tab, 2)
    row = tab.locator(f'tr[data-source="{HUKUM}"]').first
    assert "96%" in row.inner_text()
    assert tab.evaluate("() => window.scrollY") == 1500

    # a save that breaks the plan: its errors instead of the document
    save(plan, BROKEN_YAML)
    tab.locator("#rktc-errors").wait_for(state="visible", timeout=WAIT_MS)
    assert tab.locator('#rktc-errors [data-code="RKT001"]').count() == 1
    assert tab.locator("tr[data-source]").count() == 0

    # the fix: the document comes back, where the reader was
    save(plan, seed_with("target: 97%", "target: 95%"))
    tab.locator("#rktc-main[data-rktc-state=ok]").wait_for(timeout=WAIT_MS)
    assert tab.locator("#rktc-errors").count() == 0
    assert "95%" in tab.locator(f'tr[data-source="{HUKUM}"]').first.inner_text()
    assert tab.evaluate("() => window.scrollY") == 1500

    # a finding marks its rows; the page loaded nothing from elsewhere
    save(plan, seed_with("target: 97%", "target: 130%"))
    tab.locator('.rktc-finding[data-code="RKT210"]').wait_for(timeout=WAIT_MS)
    background = tab.locator(f'tr[data-source="{HUKUM}"] > td').first.evaluate(
        "cell => getComputedStyle(cell).backgroundColor"
    )
    unmarked = tab.locator('tr[data-source="program.0.kegiatan.0.indikator.0"] > td').first
    assert background != unmarked.evaluate("cell => getComputedStyle(cell).backgroundColor")
    assert requests
    assert all(url.startswith(running.url) for url in requests), requests
    tab.close()


def test_the_page_reads_without_scripts(browser, running):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(running.url)
    assert tab.locator(f'tr[data-source="{HUKUM}"]').count() == 4
    assert tab.locator("#rktc-findings .rktc-finding").count() == 2
    context.close()


def test_the_page_prints_as_the_document_on_a4_with_landscape_matrices(browser, running, tmp_path):
    if shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install poppler-utils (see .ci/run)")
        pytest.skip("needs pdfinfo and pdftotext: apt-get install poppler-utils")
    tab = browser.new_page()
    tab.goto(running.url)
    tab.emulate_media(media="print")
    pdf = tmp_path / "preview.pdf"
    tab.pdf(path=str(pdf), prefer_css_page_size=True)
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = [
        (round(float(w)), round(float(h)))
        for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]
    assert sizes[0] == (595, 842)  # A4 portrait: cover and chapters
    assert (842, 595) in sizes  # A4 landscape: the matrices
    assert set(sizes) == {(595, 842), (842, 595)}
    printed = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert text("preview.findings", "id") not in printed  # the findings stay on screen
    assert "Koordinasi Penyusunan" in printed  # the matrices are printed
    tab.close()


# --- a Pemda plan: the matrices' rows are the plan's nodes ------------------------------------

PEMDA = PLANS / "pemda-dinkes-2025.yaml"
NODE_PROGRAM = "program.0"  # 1.02.01, which states its pagu (60.969.800.000)
NODE_KEGIATAN = "program.0.kegiatan.0"  # 1.02.01.2.01
NODE_SUB_KEGIATAN = "program.0.kegiatan.0.sub_kegiatan.1"  # 1.02.01.2.01.0006
PAGU = ("    pagu: 60.969.800.000\n", "    pagu: 61.000.000.000\n")  # RKT304 at the program
KODE = ('          - kode: "1.02.01.2.01.0006"\n', '          - kode: "1.02.02.2.01.0006"\n')


def pemda_with(*changes: tuple[str, str]) -> bytes:
    source = PEMDA.read_text(encoding="utf-8")
    for old, new in changes:
        assert source.count(old) == 1, old
        source = source.replace(old, new)
    return source.encode("utf-8")


@pytest.fixture
def pemda(tmp_path: Path) -> Path:
    copy = tmp_path / "dinkes-2025.yaml"
    shutil.copyfile(PEMDA, copy)
    return copy


def error_rows(page_bytes: bytes) -> list[str]:
    """The `data-source`s the page's marks colour as errors."""
    html = page_bytes.decode()
    marks = html[html.index('<style id="rktc-marks">') :]
    marks = marks[: marks.index("</style>")]
    rule = marks[marks.index("@media screen") : marks.index("background: #fbdcdc")]
    return re.findall(r'data-source="([^"]+)"', rule)


def finding_rows(page_bytes: bytes, code: str) -> list[str]:
    found = re.search(
        rf'<li class="rktc-finding [^"]*" data-code="{code}"[^>]*data-rows="([^"]*)"',
        page_bytes.decode(),
    )
    assert found is not None, code
    return found.group(1).split()


def pemda_marks(plan: Path, lines: dict[str, tuple[str | int, ...]]) -> dict[str, list[list[str]]]:
    """The rows a finding at each of the given places of the plan marks (by name)."""
    compiled = Pipeline().validate(plan)
    assert compiled.plan is not None
    assert compiled.document is not None
    view = document_view(compiled.plan, compiled.document, BuildOptions())
    rows = printed_rows(view, view.outline)
    source = compiled.loaded.source
    found = {}
    for name, path in lines.items():
        where = source.value(path)
        diag = Diagnostic(
            "RKT999", Location(str(plan), where.line, where.column), msg("preview.findings")
        )
        found[name] = mark_rows(
            [diag], compiled.document, source, compiled.loaded.text, rows
        ).of_finding
    return found


def test_matrix_rows_name_their_nodes_and_the_page_prints_them(pemda):
    snapshot = Rebuilder(pemda, "en").build(pemda.read_bytes())
    html = snapshot.page.decode()
    assert snapshot.state == preview_page.OK
    # the RKT matrix, the Renja lampiran and table C print the program; the sub kegiatan
    # are in the two matrices
    assert html.count(f'<tr data-source="{NODE_PROGRAM}"') == 3
    assert html.count(f'<tr data-source="{NODE_SUB_KEGIATAN}"') == 2
    assert '<style id="rktc-marks">' not in html  # a clean plan: nothing marked


def test_a_finding_on_a_node_marks_its_row_and_not_its_parents(pemda):
    sub = ("program", 0, "kegiatan", 0, "sub_kegiatan", 1)
    found = pemda_marks(
        pemda,
        {
            "pagu": ("program", 0, "pagu"),
            "kegiatan nama": ("program", 0, "kegiatan", 0, "nama"),
            "kegiatan indicator": ("program", 0, "kegiatan", 0, "indikator", 0, "target"),
            "anggaran": (*sub, "anggaran"),
            "lokasi": (*sub, "lokasi"),
            "indicator": (*sub, "indikator", 0, "satuan"),
            "iku": ("sasaran", 0, "indikator", 1, "target"),
        },
    )
    assert found == {
        "pagu": [[NODE_PROGRAM]],
        "kegiatan nama": [[NODE_KEGIATAN]],
        "kegiatan indicator": [[NODE_KEGIATAN]],
        "anggaran": [[NODE_SUB_KEGIATAN]],
        "lokasi": [[NODE_SUB_KEGIATAN]],
        "indicator": [[NODE_SUB_KEGIATAN]],
        "iku": [["sasaran.0.indikator.1"]],
    }


def test_the_last_line_of_a_node_is_not_its_next_siblings(pemda):
    compiled = Pipeline().validate(pemda)
    assert compiled.plan is not None
    assert compiled.document is not None
    view = document_view(compiled.plan, compiled.document, BuildOptions())
    rows = printed_rows(view, view.outline)
    spans = row_lines(compiled.document, compiled.loaded.source, compiled.loaded.text, rows)
    following = compiled.loaded.source.value(key_path("program.0.kegiatan.0.sub_kegiatan.2"))
    assert max(last for _, last in spans[NODE_SUB_KEGIATAN]) < following.line
    # the kegiatan's own lines stop where its sub kegiatan begin
    first_sub = compiled.loaded.source.value(key_path("program.0.kegiatan.0.sub_kegiatan.0"))
    own = [span for span in spans[NODE_KEGIATAN] if span[1] < first_sub.line]
    assert own == spans[NODE_KEGIATAN]


def test_stated_pagu_and_code_findings_mark_the_matrix_rows(pemda):
    """RKT304 at the program's pagu (related: its first kegiatan's) and RKT110 at a sub
    kegiatan's kode (related: its kegiatan's kode) mark those rows, as errors."""
    snapshot = Rebuilder(pemda, "en").build(pemda_with(PAGU, KODE))
    assert snapshot.state == preview_page.OK
    assert finding_codes(snapshot.page) == ["RKT304", "RKT110"]
    assert finding_rows(snapshot.page, "RKT304") == [NODE_PROGRAM, NODE_KEGIATAN]
    assert finding_rows(snapshot.page, "RKT110") == [NODE_KEGIATAN, NODE_SUB_KEGIATAN]
    assert sorted(error_rows(snapshot.page)) == sorted(
        [NODE_PROGRAM, NODE_KEGIATAN, NODE_SUB_KEGIATAN]
    )


def test_the_running_preview_of_a_pemda_plan_marks_its_rows(pemda):
    pemda.write_bytes(pemda_with(KODE))
    preview = Preview(pemda, "--lang", "en")
    try:
        status, _, body = get(preview.port, "/")
        assert status == 200
        assert finding_rows(body, "RKT110") == [NODE_KEGIATAN, NODE_SUB_KEGIATAN]
        assert error_rows(body) == [NODE_KEGIATAN, NODE_SUB_KEGIATAN]
        _, _, findings = get(preview.port, "/findings.json")
        assert [d["code"] for d in json.loads(findings)["diagnostics"]] == ["RKT110"]
    finally:
        code, _, err = preview.stop()
    assert code == 0, err


def test_a_browser_shows_a_pemda_finding_on_its_matrix_rows(browser, pemda):
    preview = Preview(pemda)
    try:
        tab = browser.new_page(viewport={"width": 1400, "height": 800})
        tab.goto(preview.url)
        assert tab.locator(f'tr[data-source="{NODE_SUB_KEGIATAN}"]').count() == 2
        assert tab.locator("#rktc-findings .rktc-finding").count() == 0
        save(pemda, pemda_with(PAGU))
        tab.locator('.rktc-finding[data-code="RKT304"]').wait_for(timeout=WAIT_MS)

        def background(key: str) -> str:
            cell = tab.locator(f'tr[data-source="{key}"] > td').first
            return str(cell.evaluate("cell => getComputedStyle(cell).backgroundColor"))

        marked, unmarked = background(NODE_PROGRAM), background(NODE_SUB_KEGIATAN)
        assert marked != unmarked
        assert background(NODE_KEGIATAN) == marked  # the related place: its first kegiatan
        assert background("program.1") == unmarked
        # clicking the finding brings its first row into view
        tab.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        tab.locator('.rktc-finding[data-code="RKT304"]').click()
        tab.wait_for_function(
            f"""() => {{
                const row = document.querySelector('tr[data-source="{NODE_PROGRAM}"]');
                const box = row.getBoundingClientRect();
                return box.top >= 0 && box.bottom <= window.innerHeight;
            }}""",
            timeout=WAIT_MS,
        )
        tab.close()
    finally:
        code, _, err = preview.stop()
    assert code == 0, err
