"""Builds that run the rules in a forked child must behave exactly like serial builds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import PLANS

from rktc.check.engine import Selection
from rktc.pipeline import build as build_module
from rktc.pipeline import orchestrator
from rktc.pipeline.build import BuildOptions
from rktc.pipeline.forked import ForkedCall, ForkedWorker, ForkFailed, can_fork, map_in_two
from rktc.pipeline.orchestrator import Pipeline
from rktc.render import pdf as pdf_module

needs_fork = pytest.mark.skipif(not can_fork(), reason="forking needs Linux and two CPUs")

CLEAN = PLANS / "kpu-oku-2023.yaml"
PUBLISHED = PLANS / "published" / "kpu-oku-2023.yaml"  # has rule errors


@pytest.fixture
def always_parallel(monkeypatch):
    """Fork for every plan, however small (normally only large plans are worth it)."""
    monkeypatch.setattr(orchestrator, "PARALLEL_MIN_CHARS", 0)
    monkeypatch.delenv("RKTC_SERIAL", raising=False)


def _both_ways(tmp_path, plan, options):
    outcomes = []
    for parallel in (False, True):
        out = tmp_path / f"{parallel}.{options.fmt}"
        built = Pipeline().build(plan, options, output=out, parallel=parallel)
        data = built.output.read_bytes() if built.output else None
        outcomes.append((built.compiled.diagnostics, data))
    return outcomes


@needs_fork
@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_parallel_build_gives_the_same_findings_and_bytes(
    tmp_path, monkeypatch, always_parallel, fmt
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    serial, parallel = _both_ways(tmp_path, CLEAN, BuildOptions(fmt=fmt))
    assert parallel == serial
    assert serial[1]  # it was built


@needs_fork
def test_parallel_build_of_a_plan_with_errors_writes_nothing(tmp_path, always_parallel):
    serial, parallel = _both_ways(tmp_path, PUBLISHED, BuildOptions())
    assert parallel == serial
    assert parallel[1] is None
    assert any(d.severity.value == "error" for d in parallel[0])
    assert not list(tmp_path.iterdir())


@needs_fork
def test_a_child_that_dies_is_replaced_by_serial_checking(tmp_path, monkeypatch, always_parallel):
    parent = os.getpid()
    real = Pipeline.findings

    def dies_in_the_child(*args, **kwargs):
        if os.getpid() != parent:
            os._exit(9)
        return real(*args, **kwargs)

    monkeypatch.setattr(Pipeline, "findings", dies_in_the_child)
    built = Pipeline().build(PUBLISHED, BuildOptions(), output=tmp_path / "x.docx")
    expected = Pipeline().build(
        PUBLISHED, BuildOptions(), output=tmp_path / "y.docx", parallel=False
    )
    assert built.compiled.diagnostics == expected.compiled.diagnostics
    assert built.output is None


@needs_fork
def test_parallel_build_reports_missing_output_folder_only_when_the_plan_is_clean(
    tmp_path, always_parallel
):
    missing = tmp_path / "nowhere" / "x.docx"
    assert Pipeline().build(PUBLISHED, BuildOptions(), output=missing).output is None
    with pytest.raises(build_module.RktcError):
        Pipeline().build(CLEAN, BuildOptions(), output=missing)


@needs_fork
def test_parallel_build_keeps_render_errors_for_clean_plans(tmp_path, always_parallel):
    plan = tmp_path / "plan.yaml"
    shutil.copy(CLEAN, plan)
    text = plan.read_text(encoding="utf-8").replace("  kota:", "  logo: missing.png\n  kota:", 1)
    plan.write_text(text, encoding="utf-8")
    with pytest.raises(build_module.RktcError) as caught:
        Pipeline().build(plan, BuildOptions(), output=tmp_path / "x.docx")
    assert caught.value.message.key == "build.logo_missing"


@needs_fork
def test_forked_call_returns_the_childs_value():
    assert ForkedCall(lambda: {"pid": os.getpid(), "n": [1, 2, 3]}).result()["n"] == [1, 2, 3]
    assert ForkedCall(lambda: os.getpid()).result() != os.getpid()


@needs_fork
def test_forked_call_reports_a_failing_child():
    def boom():
        raise ValueError("x")

    with pytest.raises(ForkFailed):
        ForkedCall(boom).result()
    with pytest.raises(ForkFailed):
        ForkedCall(lambda: os._exit(0)).result()  # left without a result


@needs_fork
def test_abandoned_child_is_reaped():
    call = ForkedCall(lambda: b"x" * 1_000_000)  # more than a pipe holds
    call.abandon()
    with pytest.raises(ForkFailed):
        call.result()


def _remember_pid() -> None:
    os.environ["RKTC_TEST_PREPARED_IN"] = str(os.getpid())


def _answer(request):
    return {"prepared in": os.environ.get("RKTC_TEST_PREPARED_IN"), "doubled": request * 2}


@needs_fork
def test_a_forked_worker_prepares_then_answers_one_request():
    worker = ForkedWorker(_remember_pid, _answer)
    worker.ask([1, 2] * 40_000)  # more than a pipe holds
    answer = worker.result()
    assert answer["doubled"] == [1, 2] * 80_000
    assert answer["prepared in"] not in (None, str(os.getpid()))  # in the child, before


@needs_fork
def test_a_forked_worker_that_fails_leaves_the_work_to_the_caller():
    def broken_preparation():
        raise ImportError("no such library")

    worker = ForkedWorker(broken_preparation, _answer)

    def ask_and_wait():
        worker.ask(1)  # the child is gone, or the answer never comes
        return worker.result()

    with pytest.raises(ForkFailed):
        ask_and_wait()
    worker.abandon()
    failing = ForkedWorker(lambda: None, lambda request: 1 / 0)
    failing.ask(1)
    with pytest.raises(ForkFailed):
        failing.result()


@needs_fork
def test_a_forked_worker_never_asked_is_stopped():
    import time

    worker = ForkedWorker(lambda: time.sleep(30), _answer)
    started = time.monotonic()
    worker.abandon()
    assert time.monotonic() - started < 10
    with pytest.raises(ForkFailed):
        worker.result()


@needs_fork
def test_the_lkjip_chart_drawn_ahead_is_the_one_drawn_here(tmp_path, monkeypatch):
    """`rktc build --document lkjip` draws its chart in a worker started before the plan
    is read; the document is the same as when it is drawn in the process itself."""
    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    built = {}
    for serial in ("", "1"):
        monkeypatch.setenv("RKTC_SERIAL", serial)
        out = tmp_path / f"lkjip{serial}.html"
        options = BuildOptions(
            fmt="html",
            document="lkjip",
            realisasi=(PLANS / "kpu-oku-2023.realisasi.yaml",),
        )
        result = Pipeline().build(CLEAN, options, out)
        assert result.output == out
        built[serial] = out.read_bytes()
    assert b"<svg" in built[""]
    assert built[""] == built["1"]


def test_serial_switch(monkeypatch):
    monkeypatch.setenv("RKTC_SERIAL", "1")
    assert not can_fork()


@needs_fork
def test_pdf_is_converted_only_after_the_rules_allow_the_build(
    tmp_path, monkeypatch, always_parallel
):
    converted = []

    def fake_pdf(docx_bytes):
        converted.append(docx_bytes[:2])
        return b"%PDF-fake"

    monkeypatch.setattr(pdf_module, "docx_to_pdf", fake_pdf)
    blocked = Pipeline().build(PUBLISHED, BuildOptions(fmt="pdf"), output=tmp_path / "a.pdf")
    assert blocked.output is None
    assert converted == []  # a plan with errors never reaches LibreOffice
    built = Pipeline().build(CLEAN, BuildOptions(fmt="pdf"), output=tmp_path / "b.pdf")
    assert built.output.read_bytes() == b"%PDF-fake"
    assert converted == [b"PK"]  # the DOCX rendered while the rules ran


@needs_fork
def test_a_crash_while_rendering_ahead_does_not_hide_the_plans_errors(
    tmp_path, monkeypatch, always_parallel
):
    def crash(*args, **kwargs):
        raise RuntimeError("renderer bug")

    monkeypatch.setattr(build_module, "render", crash)
    blocked = Pipeline().build(PUBLISHED, BuildOptions(), output=tmp_path / "a.docx")
    assert blocked.output is None
    assert any(d.severity.value == "error" for d in blocked.compiled.diagnostics)
    with pytest.raises(RuntimeError):
        Pipeline().build(CLEAN, BuildOptions(), output=tmp_path / "b.docx")


@needs_fork
def test_rktc_build_command_checks_in_a_child_for_a_large_plan(
    tmp_path, monkeypatch, always_parallel
):
    from typer.testing import CliRunner

    from rktc.cli.app import app

    started = []
    real = orchestrator.ForkedCall

    def counting(function):
        started.append(function)
        return real(function)

    monkeypatch.setattr(orchestrator, "ForkedCall", counting)
    out = tmp_path / "rkt.docx"
    result = CliRunner().invoke(app, ["build", str(CLEAN), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(started) == 1
    assert out.read_bytes()[:2] == b"PK"
    monkeypatch.setenv("RKTC_SERIAL", "1")
    assert CliRunner().invoke(app, ["build", str(CLEAN), "-o", str(out)]).exit_code == 0
    assert len(started) == 1  # serial: no second child


def _validated(plan, split):
    from rktc.pipeline import compile as stages
    from rktc.plan.load import load_file

    compiled = stages.read(load_file(plan))
    return stages.check(compiled, Pipeline().selection, split=split)


@needs_fork
@pytest.mark.parametrize("plan", [CLEAN, PUBLISHED], ids=["clean", "published"])
def test_validating_in_two_processes_finds_exactly_what_one_finds(plan, tmp_path):
    # The published seed has findings of the expensive rules (RKT502) and of the others,
    # and a suppression comment added here must still silence one and flag none.
    lines = plan.read_text(encoding="utf-8").splitlines()
    first = _validated(plan, split=False)
    near = [d for d in first if d.code == "RKT502"]
    if near:  # silence one finding of an expensive rule, in the child's half
        lines[near[0].location.line - 1] += "  # rktc: ignore[RKT502]"
    copy = tmp_path / plan.name
    copy.write_text("\n".join(lines) + "\n", encoding="utf-8")
    serial = _validated(copy, split=False)
    split = _validated(copy, split=True)
    assert sorted(split, key=repr) == sorted(serial, key=repr)
    if plan == PUBLISHED:
        assert {d.code for d in serial} >= {"RKT502", "RKT201"}
        assert len([d for d in serial if d.code == "RKT502"]) == len(near) - 1
        assert not [d for d in serial if d.code == "RKT090"]  # the suppression was used


@needs_fork
def test_a_failing_child_leaves_the_expensive_rules_to_this_process(monkeypatch):
    from rktc.pipeline import compile as stages

    class Dead:
        def __init__(self, function):
            pass

        def result(self):
            raise ForkFailed

    serial = _validated(PUBLISHED, split=False)
    monkeypatch.setattr(stages, "ForkedCall", Dead)
    assert sorted(_validated(PUBLISHED, split=True), key=repr) == sorted(serial, key=repr)


def test_rktc_validate_splits_only_large_plans(monkeypatch, tmp_path):
    from rktc.pipeline import compile as stages

    calls = []
    real = stages.check

    def spying(compiled, selection, *, split=False, beside=None, prepared=None):
        calls.append(split)
        return real(compiled, selection, split=split, beside=beside, prepared=prepared)

    monkeypatch.setattr(stages, "check", spying)
    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    Pipeline().validate(CLEAN)
    monkeypatch.setattr(orchestrator, "PARALLEL_MIN_CHARS", 0)
    Pipeline().validate(CLEAN)
    assert calls == [False, can_fork()]


def test_the_validate_command_splits_large_plans_with_and_without_a_year(monkeypatch):
    """`rktc validate` reads through rktc.pipeline.year: a large plan's expensive rules
    run beside the others there too, and the year's rules beside them."""
    from rktc.pipeline import compile as stages
    from rktc.pipeline.year import check_year

    calls = []
    real = stages.check

    def spying(compiled, selection, *, split=False, beside=None, prepared=None):
        calls.append((split, beside is not None))
        return real(compiled, selection, split=split, beside=beside, prepared=prepared)

    monkeypatch.setattr(stages, "check", spying)
    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    monkeypatch.setattr(orchestrator, "PARALLEL_MIN_CHARS", 0)
    year = {
        "renstra": PLANS / "kpu-oku-2023.renstra.yaml",
        "realisasi": [PLANS / "kpu-oku-2023.realisasi.yaml"],
    }
    alone = check_year([CLEAN], Selection())
    with_year = check_year([CLEAN], Selection(), **year)
    assert calls == [(can_fork(), False), (can_fork(), True)]
    monkeypatch.setenv("RKTC_SERIAL", "1")
    assert [d.code for d in check_year([CLEAN], Selection()).diagnostics] == [
        d.code for d in alone.diagnostics
    ]
    assert [(d.code, d.location) for d in check_year([CLEAN], Selection(), **year).diagnostics] == [
        (d.code, d.location) for d in with_year.diagnostics
    ]


@needs_fork
def test_a_large_year_file_is_loaded_in_a_child_while_the_plan_is_read(monkeypatch):
    from rktc.pipeline import year as year_module
    from rktc.pipeline.year import check_year

    realisasi = PLANS / "kpu-oku-2023.realisasi.yaml"
    monkeypatch.setenv("RKTC_SERIAL", "1")
    alone = check_year([CLEAN], Selection(), realisasi=[realisasi])
    monkeypatch.delenv("RKTC_SERIAL")
    monkeypatch.setattr(year_module, "PARALLEL_MIN_CHARS", 0)
    started = []
    real = year_module.ForkedCall

    def spying(function):
        started.append(function.args)
        return real(function)

    monkeypatch.setattr(year_module, "ForkedCall", spying)
    beside = check_year([CLEAN], Selection(), realisasi=[realisasi])
    assert started == [(realisasi, str(realisasi))]
    assert [(d.code, d.location) for d in beside.diagnostics] == [
        (d.code, d.location) for d in alone.diagnostics
    ]
    assert beside.plans[0].year() == alone.plans[0].year()


@needs_fork
def test_a_year_file_met_under_two_names_keeps_its_findings(monkeypatch, tmp_path):
    """A realisasi file given as a path and again as --realisasi under another spelling is
    shown by the first; the copy a child loaded under the other one is not used, so none
    of the file's findings is lost."""
    from rktc.pipeline import year as year_module
    from rktc.pipeline.year import check_year

    folder = tmp_path / "year"
    folder.mkdir()
    shutil.copy(CLEAN, folder / "rkt.yaml")
    text = (PLANS / "kpu-oku-2023.realisasi.yaml").read_text(encoding="utf-8")
    bad = text.replace(
        "\nindikator:\n", "\nindikator:\n  - {nama: Tidak ada di rencana, tw1: 1}\n", 1
    )
    assert bad != text
    (folder / "r.yaml").write_text(bad, encoding="utf-8")
    monkeypatch.chdir(folder)
    plan, first, second = Path("rkt.yaml"), Path("../year/r.yaml"), Path("r.yaml")
    monkeypatch.setenv("RKTC_SERIAL", "1")
    alone = check_year([plan, first], Selection(), realisasi=[second])
    monkeypatch.delenv("RKTC_SERIAL")
    monkeypatch.setattr(year_module, "PARALLEL_MIN_CHARS", 0)
    beside = check_year([plan, first], Selection(), realisasi=[second])
    found = [(d.code, str(d.location)) for d in beside.diagnostics]
    assert found == [(d.code, str(d.location)) for d in alone.diagnostics]
    assert any(str(first) in where for _, where in found)
    assert beside.failed() == alone.failed()


def test_a_failure_while_the_year_files_load_in_children_is_raised_at_once(tmp_path):
    """The children loading year files are stopped when the check fails; none of them
    can keep another from finishing (each holds the others' pipes)."""
    import subprocess
    import sys

    code = (
        "from pathlib import Path\n"
        "from rktc.check.engine import Selection\n"
        "from rktc.pipeline import compile as stages, year\n"
        "year.PARALLEL_MIN_CHARS = 0\n"
        "def broken(loaded):\n"
        "    raise RuntimeError('reading failed')\n"
        "stages.read = broken\n"
        "big = Path(__import__('sys').argv[1])\n"
        "try:\n"
        f"    year.check_year([Path({str(CLEAN)!r})], Selection(), realisasi=[big, big.with_name('b.yaml')])\n"
        "except RuntimeError as exc:\n"
        "    print('raised', exc)\n"
    )
    text = (PLANS / "kpu-oku-2023.realisasi.yaml").read_text(encoding="utf-8")
    padding = "\n".join(f"# {'x' * 70}" for _ in range(2_000))  # more than a pipe holds
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(text + padding + "\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.yaml")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip() == "raised reading failed", done.stderr


def test_a_batch_worker_builds_a_laporan_kinerja_without_forking(monkeypatch, tmp_path):
    from rktc.pipeline import forked

    forks = []
    real_fork = os.fork

    def counting():
        forks.append(1)
        return real_fork()

    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    monkeypatch.setattr(forked.os, "fork", counting)
    monkeypatch.setattr(orchestrator, "PARALLEL_MIN_CHARS", 0)
    options = BuildOptions(
        fmt="md", document="lkjip", realisasi=(PLANS / "kpu-oku-2023.realisasi.yaml",)
    )
    built = Pipeline().build(CLEAN, options, tmp_path / "lkjip.md", parallel=False)
    assert built.output is not None
    assert forks == []


# --- map_in_two: the importer reads a large document's tables in two processes ----------------


@needs_fork
def test_map_in_two_gives_the_serial_answer_with_the_later_items_from_a_child(monkeypatch):
    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    parent = os.getpid()
    items = list(range(7))
    found = map_in_two(lambda n: (n * n, os.getpid() == parent), items, [1] * 7, least=0)
    assert [value for value, _ in found] == [n * n for n in items]
    here = [mine for _, mine in found]
    assert here == [True] * 4 + [False] * 3  # the cut where the larger part is least


@needs_fork
def test_map_in_two_cuts_where_the_larger_part_weighs_least(monkeypatch):
    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    parent = os.getpid()
    found = map_in_two(lambda n: os.getpid() == parent, [0, 1, 2, 3], [5, 1, 1, 6], least=0)
    assert found == [True, True, True, False]


def test_map_in_two_works_alone_below_its_least_weight_or_when_told(monkeypatch):
    parent = os.getpid()
    assert map_in_two(lambda n: os.getpid() == parent, [0, 1], [1, 1], least=3) == [True, True]
    monkeypatch.setenv("RKTC_SERIAL", "1")
    assert map_in_two(lambda n: os.getpid() == parent, [0, 1], [9, 9], least=0) == [True, True]


@needs_fork
def test_map_in_two_does_here_what_a_failing_child_left(monkeypatch):
    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    parent = os.getpid()

    def only_here(n: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return n + 1

    assert map_in_two(only_here, [1, 2, 3, 4], [1, 1, 1, 1], least=0) == [2, 3, 4, 5]


def test_the_second_process_takes_rkt108_only_on_a_plan_of_published_tables():
    # RKT108 groups the published tables' names as RKT107 does, and is cheap on a single
    # source: the halves stay even on either kind of plan
    from rktc.check.rules import find_rule

    duplicate, names, matrix = find_rule("RKT108"), find_rule("RKT502"), find_rule("RKT101")
    assert duplicate is not None
    assert names is not None
    assert matrix is not None
    assert duplicate.in_second_process(published=True)
    assert not duplicate.in_second_process(published=False)
    assert names.in_second_process(published=False)
    assert not matrix.in_second_process(published=True)


@needs_fork
def test_map_in_two_gives_the_child_less_when_its_part_costs_more(monkeypatch):
    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    parent = os.getpid()
    found = map_in_two(lambda n: os.getpid() == parent, list(range(10)), [1] * 10, 0, 1.5)
    assert found == [True] * 6 + [False] * 4  # 6 here against 4 x 1.5 there


def test_name_groups_made_ahead_are_used_only_when_they_are_the_tables(monkeypatch):
    # validate_written makes the indicator names' groups of a published plan in a child
    # while the schema is read; the rules use them only if they group the same texts
    from rktc.check.rules import common
    from rktc.pipeline import compile as stages
    from rktc.plan import names
    from rktc.plan.load import load_file

    compiled = stages.read(load_file(PUBLISHED))
    plain = Pipeline().findings(compiled, split=False)
    used: list[bool] = []
    recounted = names.Clusters.recounted

    def spied(self, counts):
        found = recounted(self, counts)
        used.append(found is not None)
        return found

    monkeypatch.setattr(names.Clusters, "recounted", spied)
    ahead = common.prepared_names(compiled.loaded.data)
    assert set(ahead) == {"indikator"}
    assert Pipeline().findings(compiled, split=False, prepared=ahead) == plain
    assert used[0]  # the groups made ahead were the tables'
    used.clear()
    other = {"indikator": names.Clusters(["Persentase lain", "Jumlah lain"])}
    assert Pipeline().findings(compiled, split=False, prepared=other) == plain
    assert not used[0]  # other texts: grouped again


@needs_fork
def test_an_imported_plan_is_checked_alike_with_its_names_grouped_ahead(monkeypatch, tmp_path):
    from rktc.importer.recognize import Imported
    from rktc.importer.writer import write_plan
    from rktc.plan.load import load_file

    monkeypatch.delenv("RKTC_SERIAL", raising=False)
    data = load_file(PUBLISHED).data
    data.pop("rktc")
    written = write_plan(Imported(data=data), "rkt.docx", display="plan.yaml")
    monkeypatch.setattr(orchestrator, "PARALLEL_MIN_CHARS", 0)  # fork, however small
    ahead = Pipeline().validate_written(written).diagnostics
    monkeypatch.setenv("RKTC_SERIAL", "1")
    assert ahead == Pipeline().validate_written(written).diagnostics
    assert {d.code for d in ahead} >= {"RKT502", "RKT201"}
