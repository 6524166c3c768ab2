"""Batch builds: the progress bar (on a terminal only) and memory that stays flat."""

from __future__ import annotations

import gc
import io
import os
import re
import select
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path

import pytest
from helpers import PLANS

from rktc.check.engine import Selection
from rktc.core.errors import RktcError
from rktc.core.messages import msg, text
from rktc.pipeline import batch
from rktc.pipeline.batch import (
    AHEAD_PER_WORKER,
    BatchProgress,
    build_in_worker,
    build_many,
)
from rktc.pipeline.build import BuildOptions

CLEAN = PLANS / "kpu-oku-2023.yaml"
PUBLISHED = PLANS / "published" / "kpu-oku-2023.yaml"  # has errors: checked, never rendered
CLOCK = re.compile(r"\d+:\d\d:\d\d")  # rich's elapsed and remaining times
# What the old progress line printed: escapes written out as text.
LITERAL_ESCAPES = ("\\r", "\\033", "\\x1b", "\\n")
ENV = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM", "COLUMNS")}


def plans_folder(folder: Path, count: int, source: Path = CLEAN) -> Path:
    folder.mkdir(parents=True)
    text = source.read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"plan-{number:03}.yaml").write_text(text, encoding="utf-8")
    return folder


def rktc(*args: object) -> list[str]:
    return [sys.executable, "-m", "rktc", *map(str, args)]


# --- the progress bar -------------------------------------------------------------------------


def test_batch_is_silent_when_stderr_is_not_a_terminal(tmp_path):
    """A CI log gets the outcomes and nothing else: no bar, no escape codes, even with
    FORCE_COLOR (set by many CI setups), which rich alone would take for a terminal."""
    plans = plans_folder(tmp_path / "plans", 3)
    (plans / "broken.yaml").write_text("rktc: 1\n", encoding="utf-8")
    done = subprocess.run(
        rktc("build", plans, "-o", tmp_path / "out", "-f", "md"),
        capture_output=True,
        text=True,
        env={**ENV, "FORCE_COLOR": "1", "TERM": "xterm-256color"},
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert len(list((tmp_path / "out").iterdir())) == 3
    for stream in (done.stdout, done.stderr):
        assert "\x1b" not in stream
        assert "\r" not in stream
        assert not any(escape in stream for escape in LITERAL_ESCAPES)
        assert not CLOCK.search(stream)
        assert not re.search(r"\b\d/4\b", stream)  # no count
    # stderr says only that the broken plan was not built
    said = [line for line in done.stderr.splitlines() if line.strip()]
    assert said
    assert all("broken.yaml" in line for line in said), said


def read_terminal(command: list[str], timeout: float = 120) -> tuple[int, str]:
    """Run `command` with stdout and stderr on a pseudo-terminal; what it drew, as text."""
    pty = pytest.importorskip("pty")
    master, slave = pty.openpty()
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env={**ENV, "TERM": "xterm", "COLUMNS": "150"},
    )
    os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 1.0)
        if not ready:
            if process.poll() is not None:
                break
            continue
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal (EIO on Linux)
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    code = process.wait(timeout=10)
    return code, b"".join(chunks).decode("utf-8", "replace")


def test_batch_on_a_terminal_draws_a_bar_with_count_plan_and_times(tmp_path):
    plans = plans_folder(tmp_path / "plans", 3)
    out = tmp_path / "out"
    code, drawn = read_terminal(rktc("build", plans, "-o", out, "-f", "md", "--lang", "en"))
    assert code == 0, drawn
    assert not any(escape in drawn for escape in LITERAL_ESCAPES)
    assert "\x1b[" in drawn  # real control sequences
    frames = [f for f in re.split(r"\r|\n", drawn) if "3/3" in f]
    assert frames, drawn  # the count, complete
    final = frames[-1]
    assert len(CLOCK.findall(final)) == 2  # elapsed and remaining
    assert re.search(r"plan-00\d\.yaml", final)  # the plan just built
    # What the command prints about each plan is never written onto the bar's line: it
    # starts on a fresh line, or right after the bar was erased.
    for number in range(3):
        written = str(out / f"plan-{number:03}.md")
        at = drawn.index(written)
        line_start = drawn.rindex("\n", 0, at) + 1 if "\n" in drawn[:at] else 0
        before = drawn[line_start:at]
        assert not re.search(r"\d/3|━", before), repr(before)
        assert not CLOCK.search(before), repr(before)


def render_progress(lang: str, names: list[str]) -> str:
    from rich.console import Console

    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=120, color_system=None)
    with BatchProgress(len(names), lang, console) as progress:
        for name in names:
            progress.advance(name)
            with progress.hidden():
                console.file.write(f"report of {name}\n")
    return screen.getvalue()


def test_progress_shows_count_plan_and_both_times_in_the_users_language():
    english = render_progress("en", ["a.yaml", "b.yaml"])
    indonesian = render_progress("id", ["a.yaml", "b.yaml"])
    for drawn in (english, indonesian):
        frame = [f for f in re.split(r"\r|\n", drawn) if "2/2" in f][-1]
        assert "b.yaml" in frame
        assert len(CLOCK.findall(frame)) == 2
        assert not any(escape in drawn for escape in LITERAL_ESCAPES)
    for lang, drawn in (("en", english), ("id", indonesian)):  # the catalog's labels
        assert text("batch.elapsed", lang) in drawn
        assert text("batch.remaining", lang) in drawn
    assert text("batch.elapsed", "en") not in indonesian
    # each report line comes after the bar was erased, never after a frame of it
    for drawn in (english, indonesian):
        for name in ("a.yaml", "b.yaml"):
            at = drawn.index(f"report of {name}")
            assert drawn[:at].endswith("\x1b[2K"), repr(drawn[at - 40 : at])


def test_a_plan_path_is_never_read_as_markup():
    drawn = render_progress("en", ["[bold]x[/bold].yaml"])
    assert "[bold]x[/bold].yaml" in drawn


def test_no_console_no_output_and_no_rich(tmp_path, monkeypatch):
    """Without a terminal the batch does not even import rich (it stays a CLI's light path)."""
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    assert batch.terminal_console() is None
    with BatchProgress(3, "en", None) as progress:
        progress.advance("a.yaml")
        with progress.hidden():
            pass
    assert sys.stderr.getvalue() == ""
    code = (
        "import sys\n"
        "from rktc.pipeline.batch import BatchProgress, terminal_console\n"
        "assert terminal_console() is None\n"
        "with BatchProgress(2, 'en', terminal_console()) as p:\n"
        "    p.advance('a.yaml')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'rich'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=ENV
    )
    assert done.stdout.strip() == "[]"


# --- memory -----------------------------------------------------------------------------------


def test_a_worker_leaves_no_cycles_behind_with_the_collector_off(tmp_path):
    """The CLI turns the cyclic collector off; each plan of a batch leaves cycles (python-docx's
    package with its XML trees, jinja2's environment) that only the collector frees."""
    options = BuildOptions("docx", tmp_path)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        build_in_worker(CLEAN, tmp_path / "warm.docx", options, Selection())
        gc.collect()  # what the first plan's imports left
        for number in range(2):
            build_in_worker(CLEAN, tmp_path / f"{number}.docx", options, Selection())
            assert gc.collect() == 0  # the worker already freed what this plan left
    finally:
        if was_enabled:
            gc.enable()


def test_one_after_another_collects_between_plans_only(tmp_path, monkeypatch):
    """Without a pool (one core), between plans; never after the last, which would only cost a
    single `rktc build` the first collection of everything imported (about 20 ms)."""
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    calls: list[int] = []
    monkeypatch.setattr(batch, "collect_plan_garbage", lambda: calls.append(1))
    options = BuildOptions("md", tmp_path)
    for count in (1, 3):
        calls.clear()
        jobs = [(CLEAN, tmp_path / f"{count}-{n}.md") for n in range(count)]
        outcomes = list(build_many(jobs, options, Selection(), "en"))
        assert [o.output for o in outcomes] == [output for _, output in jobs]
        assert len(calls) == count - 1


def peak_mb(command: list[str]) -> float:
    """Largest resident memory of the command or any process it waited for (its workers)."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0
    return usage.ru_maxrss / 1024


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="needs wait4 (POSIX)")
def test_batch_memory_does_not_grow_with_the_number_of_plans(tmp_path):
    """Without the collection after each plan, every worker grew by about 5 MB a plan."""
    small = plans_folder(tmp_path / "small", 6)
    large = plans_folder(tmp_path / "large", 60)
    few = peak_mb(rktc("build", small, "-o", tmp_path / "out-small"))
    many = peak_mb(rktc("build", large, "-o", tmp_path / "out-large"))
    assert many - few < 25, (few, many)


def test_the_parent_keeps_only_a_few_outcomes_at_a_time(tmp_path, monkeypatch):
    """Outcomes (with their findings) are dropped once reported, not kept to the end."""
    monkeypatch.setattr(os, "cpu_count", lambda: 2)  # a pool of two workers on any machine
    plans = plans_folder(tmp_path / "plans", 30, PUBLISHED)
    jobs = [(plan, tmp_path / "out" / f"{plan.stem}.docx") for plan in sorted(plans.iterdir())]
    seen: list[weakref.ref[batch.Outcome]] = []
    most_alive = 0
    for outcome in build_many(jobs, BuildOptions(), Selection(), "en"):
        assert outcome.diagnostics  # every one brings its findings
        seen.append(weakref.ref(outcome))
        del outcome
        gc.collect()
        most_alive = max(most_alive, sum(ref() is not None for ref in seen))
    assert len(seen) == 30
    assert most_alive <= 2 * AHEAD_PER_WORKER + 1


# --- which plans, written where -------------------------------------------------------------


def repository(root: Path) -> Path:
    """A planning office's repository: two plans, and YAML files that are not plans."""
    for name in ("2024", "2025"):
        (root / "plans" / name).mkdir(parents=True)
        (root / "plans" / name / "rkt.yaml").write_bytes(CLEAN.read_bytes())
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "rktc.yml").write_text("on: [push]\n", encoding="utf-8")
    (root / "plans" / ".pre-commit-config.yaml").write_text("repos: []\n", encoding="utf-8")
    return root


def test_folder_walks_skip_hidden_folders_and_files(tmp_path):
    """`.github/workflows/rktc.yml` is no plan: validate and build both leave it out."""
    from rktc.pipeline.compile import expand_paths, plan_files

    root = repository(tmp_path / "repo")
    plans = [root / "plans" / "2024" / "rkt.yaml", root / "plans" / "2025" / "rkt.yaml"]
    assert plan_files(root) == plans
    assert list(expand_paths([root])) == plans
    jobs = batch.plan_outputs([root], BuildOptions("md", tmp_path / "out"))
    assert [plan for plan, _ in jobs] == plans
    # a hidden folder given on purpose is walked: only what lies below it is judged
    hidden = plans_folder(tmp_path / ".plans", 1)
    assert plan_files(hidden) == [hidden / "plan-000.yaml"]
    done = subprocess.run(
        rktc("build", root, "-o", tmp_path / "out", "-f", "md"),
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*.md"))
    assert built == [Path("plans/2024/rkt.md"), Path("plans/2025/rkt.md")]


def test_several_plans_into_an_existing_file_is_a_usage_error(tmp_path):
    """`-o existing.docx` with several plans (or a folder) cannot be honoured: say so, build
    nothing, and leave the file as it was."""
    plans = plans_folder(tmp_path / "plans", 2)
    target = tmp_path / "existing.docx"
    target.write_bytes(b"keep me")
    for given in ([plans / "plan-000.yaml", plans / "plan-001.yaml"], [plans]):
        for lang in ("en", "id"):
            done = subprocess.run(
                rktc("build", *given, "-o", target, "--lang", lang),
                capture_output=True,
                text=True,
                env=ENV,
                check=False,
            )
            assert done.returncode == 2, done.stderr
            said = done.stderr.strip()
            assert said == "rktc: " + text("batch.output_is_file", lang, path=target), said
            assert done.stdout == ""
    assert target.read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["existing.docx", "plans"]


def test_a_file_where_a_mirrored_folder_goes_fails_that_plan_only(tmp_path):
    plans = tmp_path / "plans"
    for name in ("a", "b"):
        plans_folder(plans / name, 1)
    out = tmp_path / "out"
    out.mkdir()
    (out / "a").write_bytes(b"")  # a file named like the folder plans/a is mirrored to
    jobs = batch.plan_outputs([plans], BuildOptions("md", out))
    outcomes = {o.path: o for o in build_many(jobs, BuildOptions("md", out), Selection(), "en")}
    broken = outcomes[str(plans / "a" / "plan-000.yaml")]
    assert broken.output is None
    assert broken.error is not None
    assert broken.error.key == "build.cannot_write"
    assert outcomes[str(plans / "b" / "plan-000.yaml")].output == out / "b" / "plan-000.md"


def test_plans_given_one_by_one_mirror_the_folders_they_share(tmp_path):
    """`col/d1/rkt.yaml col/d2/rkt.yaml -o out` wrote one out/rkt.docx and said 2 built."""
    for name in ("d1", "d2"):
        plans_folder(tmp_path / "col" / name, 1)
    (tmp_path / "top.yaml").write_bytes(CLEAN.read_bytes())
    first, second = (tmp_path / "col" / d / "plan-000.yaml" for d in ("d1", "d2"))
    out = tmp_path / "out"
    jobs = batch.plan_outputs([first, second], BuildOptions("md", out))
    assert jobs == [(first, out / "d1" / "plan-000.md"), (second, out / "d2" / "plan-000.md")]
    jobs = batch.plan_outputs([tmp_path / "top.yaml", second], BuildOptions("md", out))
    assert [target for _, target in jobs] == [out / "top.md", out / "col/d2/plan-000.md"]
    # plans of one folder keep their names; a plan given twice is built once
    flat = plans_folder(tmp_path / "flat", 2)
    given = [flat / "plan-000.yaml", flat / "plan-001.yaml", flat / "plan-000.yaml"]
    jobs = batch.plan_outputs(given, BuildOptions("md", out))
    assert jobs == [(given[0], out / "plan-000.md"), (given[1], out / "plan-001.md")]
    done = subprocess.run(
        rktc("build", first, second, "-o", out, "-f", "md", "--lang", "en"),
        capture_output=True,
        text=True,
        env=ENV,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert sorted(p.relative_to(out) for p in out.rglob("*.md")) == [
        Path("d1/plan-000.md"),
        Path("d2/plan-000.md"),
    ]


@pytest.mark.parametrize("to_folder", [True, False])
def test_two_plans_for_one_output_are_refused_before_anything_is_built(tmp_path, to_folder):
    """`x.yaml` beside `x.yml` both make x.docx: a usage error naming both, nothing written."""
    plans = tmp_path / "plans"
    plans.mkdir()
    for name in ("x.yaml", "x.yml", "a.yaml"):
        (plans / name).write_bytes(CLEAN.read_bytes())
    out = tmp_path / "out"
    options = BuildOptions("md", out if to_folder else None)
    target = (out if to_folder else plans) / "x.md"
    with pytest.raises(RktcError) as refused:
        batch.plan_outputs([plans], options)
    assert refused.value.message == msg(
        "batch.same_output", first=str(plans / "x.yaml"), second=str(plans / "x.yml"), output=target
    )
    command = rktc("build", plans, "-f", "md", "--lang", "id", *(("-o", out) if to_folder else ()))
    done = subprocess.run(command, capture_output=True, text=True, env=ENV, check=False)
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == "rktc: " + refused.value.message.render("id")
    assert not out.exists()
    assert sorted(p.name for p in plans.iterdir()) == ["a.yaml", "x.yaml", "x.yml"]


# --- the format of -o FILE --------------------------------------------------------------------


def cli_build(*args: object) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from rktc.cli.app import app

    result = CliRunner().invoke(app, ["build", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "fmt"), [("seed.md", "md"), ("seed.HTML", "html")])
def test_without_format_the_output_file_names_it(tmp_path, name, fmt):
    """`-o seed.md` wrote DOCX bytes into seed.md; now it writes Markdown, as `-f md` does."""
    assert cli_build(CLEAN, "-f", fmt, "-o", tmp_path / f"given.{fmt}")[0] == 0
    code, _, said = cli_build(CLEAN, "-o", tmp_path / name)
    assert code == 0, said
    assert (tmp_path / name).read_bytes() == (tmp_path / f"given.{fmt}").read_bytes()
    # an extension that names no format keeps the default
    assert cli_build(CLEAN, "-o", tmp_path / "seed.out")[0] == 0
    assert (tmp_path / "seed.out").read_bytes()[:2] == b"PK"  # a DOCX package


def test_a_format_the_output_file_contradicts_is_a_usage_error(tmp_path):
    for lang in ("en", "id"):
        code, out, said = cli_build(CLEAN, "-f", "docx", "-o", tmp_path / "seed.md", "--lang", lang)
        assert code == 2
        expected = text(
            "build.format_mismatch", lang, path=tmp_path / "seed.md", suffix=".md", fmt="docx"
        )
        assert said.strip() == "rktc: " + expected
        assert out == ""
    assert not (tmp_path / "seed.md").exists()
    assert cli_build(CLEAN, "-f", "md", "-o", tmp_path / "seed.md")[0] == 0  # they agree


# --- Ctrl-C -----------------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups (POSIX)")
def test_ctrl_c_stops_the_batch_and_says_how_many_were_built(tmp_path):
    """Ctrl-C (SIGINT to every process of the batch, as a terminal sends it) ended the batch
    with 130 and not a word; now one line says it was interrupted and how many plans were
    built, and no worker prints a traceback."""
    import signal

    plans = plans_folder(tmp_path / "plans", 80)
    out = tmp_path / "out"
    process = subprocess.Popen(
        rktc("build", plans, "-o", out, "-f", "md", "--lang", "en"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        start_new_session=True,  # its own process group, as a shell's foreground job
    )
    prefix = text("build.written", "en", path="")
    try:
        assert process.stdout is not None
        printed = [process.stdout.readline()]
        while not printed[-1].startswith(prefix) and printed[-1]:  # the first plan is built:
            printed.append(process.stdout.readline())
        os.killpg(process.pid, signal.SIGINT)  # interrupt
        # Not communicate(): it reads the pipe itself and would miss what readline() above
        # has already buffered. A timer bounds the wait instead.
        guard = threading.Timer(60, os.killpg, (process.pid, signal.SIGKILL))
        guard.start()
        try:
            rest = process.stdout.read()
            said = process.stderr.read() if process.stderr is not None else ""
            process.wait()
        finally:
            guard.cancel()
            process.stdout.close()
            if process.stderr is not None:
                process.stderr.close()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    printed += rest.splitlines()
    assert process.returncode == 130, said
    built = len([line for line in printed if line.startswith(prefix)])
    assert built >= 1
    assert built < 80  # it stopped early
    # The count names the documents that exist: every one reported as written, and at most
    # those on disk (Ctrl-C may come between a plan's build and its line).
    documents = len(list(out.rglob("*.md")))  # plans begun before Ctrl-C are written whole
    counts = range(built, documents + 1)
    assert said.splitlines() in [
        ["rktc: " + text("batch.interrupted", "en", built=n, total=80)] for n in counts
    ]
    assert not list(out.rglob("*.tmp*"))
