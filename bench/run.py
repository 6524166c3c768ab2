"""Time whole rktc processes against pandoc, the peer, and print a table.

    python bench/run.py                 # sizes 30, 1000, 10000; 5 runs each
    python bench/run.py --sizes 30 1000 --runs 3
    python bench/run.py --rows single --kinds pemda kl --sizes 1000 10000   # format 2 plans
    python bench/run.py --peer-runs-10k 5   # pandoc at 10,000 as often as rktc (~15 min)
    python bench/run.py --rows batch --batch-plans 100 550 2000   # only the batch rows
    python bench/run.py --rows import                  # only `rktc import` of 10,000 indicators
    python bench/run.py --rows year                    # the PK and the LKjIP of 10,000

Each case runs as a fresh process (what a user waits for), repeated and interleaved with
the peer so that a noisy neighbour slows both alike; the table shows medians and the
largest peak resident memory (maxrss) of the runs. The peer is pandoc converting the
same tables, written as Markdown by `rktc build --format md`, into DOCX. At 10,000
indicators pandoc takes minutes a run, so by default it runs once there (interleaved with
the first round). `cpu s` is user + system time of the process and its children: above
the wall time when rktc uses a second core.

The batch rows build a folder of N different seed-size plans (`rktc build DIR -o OUT`, which
runs them in a pool of worker processes) and report the peak memory of the parent and of the
largest worker, read from /proc while it runs (see tree_memory.py): ru_maxrss would give only
the largest single process.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import preview_rebuild
from make_import_docs import make_import_docs
from make_plan import MAKERS, make_plan
from make_year import make_year
from tree_memory import measure

RKTC = [sys.executable, "-m", "rktc"]
# Children run as a user's shell runs them: with Python's bytecode cache (some CI images set
# PYTHONDONTWRITEBYTECODE, which makes every start recompile rktc and its libraries).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Case:
    name: str
    size: int
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)  # user + system, children included
    peak_kb: int = 0


def run_once(case: Case) -> None:
    """Run the command; record wall time and this child's own peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        case.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV
    )
    _, status, usage = os.wait4(process.pid, 0)
    case.seconds.append(time.perf_counter() - started)
    case.cpu_seconds.append(usage.ru_utime + usage.ru_stime)
    case.peak_kb = max(case.peak_kb, usage.ru_maxrss)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(case.command)} failed with {process.returncode}")


def cases_for(
    size: int, folder: Path, pandoc: str | None, peer_max: int, kind: str = "kpu"
) -> list[Case]:
    """The single-plan rows of one size and kind of office (make_plan.py --kind); the
    peer converts the KPU plan's Markdown only."""
    plan = folder / f"plan-{kind}-{size}.yaml"
    plan.write_text(MAKERS[kind](size), encoding="utf-8")
    markdown = folder / f"plan-{kind}-{size}.md"
    subprocess.run(
        [*RKTC, "build", str(plan), "-f", "md", "-o", str(markdown)],
        check=True,
        capture_output=True,
    )
    tag = "" if kind == "kpu" else f" ({kind})"
    cases = [
        Case(f"validate{tag}", size, [*RKTC, "validate", str(plan)]),
        Case(f"build docx{tag}", size, [*RKTC, "build", str(plan), "-o", str(folder / "o.docx")]),
        Case(
            f"build md{tag}",
            size,
            [*RKTC, "build", str(plan), "-f", "md", "-o", str(folder / "o.md")],
        ),
        Case(
            f"build xlsx{tag}",
            size,
            [*RKTC, "build", str(plan), "-f", "xlsx", "-o", str(folder / "o.xlsx")],
        ),
    ]
    if pandoc and size <= peer_max and kind == "kpu":
        cases.append(
            Case("pandoc md->docx", size, [pandoc, str(markdown), "-o", str(folder / "p.docx")])
        )
    return cases


def median(case: Case) -> float:
    return statistics.median(case.seconds)


def report(cases: list[Case], baselines: list[Case]) -> str:
    lines = [
        "| case | indicators | median s | cpu s | peak MB | vs pandoc |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for case in baselines:
        lines.append(
            f"| {case.name} | - | {median(case):.3f} | {statistics.median(case.cpu_seconds):.3f} "
            f"| {case.peak_kb / 1024:.0f} | |"
        )
    peers = {c.size: c for c in cases if c.name.startswith("pandoc")}
    for case in cases:
        peer = peers.get(case.size)
        ratio = ""
        if peer is not None and case is not peer and case.name == "build docx":
            factor = median(peer) / median(case)
            ratio = f"{factor:.1f}x faster" if factor >= 1 else f"{1 / factor:.1f}x slower"
        runs = "" if len(case.seconds) > 1 else " (1 run)"
        lines.append(
            f"| {case.name} | {case.size:,} | {median(case):.3f}{runs} | "
            f"{statistics.median(case.cpu_seconds):.3f} | {case.peak_kb / 1024:.0f} | {ratio} |"
        )
    growth = []
    for name in dict.fromkeys(c.name for c in cases):
        by_size = {c.size: c for c in cases if c.name == name}
        if 1000 in by_size and 10000 in by_size:
            growth.append(f"{name}: {median(by_size[10000]) / median(by_size[1000]):.1f}x")
    if growth:
        lines.append("")
        lines.append("Growth 10,000 / 1,000 indicators: " + "; ".join(growth))
    return "\n".join(lines)


@dataclass
class BatchCase:
    plans: int
    command: list[str]
    seconds: list[float] = field(default_factory=list)
    cpu_seconds: list[float] = field(default_factory=list)
    parent_kb: int = 0  # the command's own peak
    worker_kb: int = 0  # the largest peak of one worker
    tree_kb: int = 0  # the largest sum over the tree at one poll
    workers: int = 0


# Plans of a batch: seed-size (as the single-plan rows' smallest), each from its own seed, so
# that every office's plan is different as in a national batch.
BATCH_PLAN_SIZE = 30


def batch_case(plans: int, folder: Path) -> BatchCase:
    source = folder / f"batch-{plans}"
    source.mkdir(exist_ok=True)  # the warm-up batch may also be a row
    for number in range(plans):
        text = make_plan(BATCH_PLAN_SIZE, seed=number)
        (source / f"rkt-{number:05}.yaml").write_text(text, encoding="utf-8")
    output = folder / f"batch-{plans}-out"
    return BatchCase(plans, [*RKTC, "build", str(source), "-o", str(output)])


def run_batch(case: BatchCase) -> None:
    found = measure(case.command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    if found.returncode != 0:
        raise SystemExit(f"{' '.join(case.command)} failed with {found.returncode}")
    case.seconds.append(found.seconds)
    case.cpu_seconds.append(found.cpu_seconds)
    case.parent_kb = max(case.parent_kb, found.root_peak_kb)
    case.worker_kb = max(case.worker_kb, found.largest_child_kb)
    case.tree_kb = max(case.tree_kb, found.tree_peak_kb)
    case.workers = max(case.workers, len(found.child_peaks_kb))


def batch_report(cases: list[BatchCase]) -> str:
    lines = [
        "| case | plans | median s | plans/s | cpu s | peak MB parent | peak MB largest worker"
        + " | peak MB tree (sampled sum) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for case in cases:
        seconds = statistics.median(case.seconds)
        runs = "" if len(case.seconds) > 1 else " (1 run)"
        lines.append(
            f"| batch docx ({case.workers} workers) | {case.plans:,} | {seconds:.2f}{runs} | "
            f"{case.plans / seconds:.0f} | {statistics.median(case.cpu_seconds):.2f} | "
            f"{case.parent_kb / 1024:.0f} | {case.worker_kb / 1024:.0f} | "
            f"{case.tree_kb / 1024:.0f} |"
        )
    return "\n".join(lines)


# What `rktc import` does before it checks the plan it wrote: read, recognise, write; run
# as the command runs (no cyclic collector, no pydantic plugin scan, no teardown).
IMPORT_ONLY = (
    "import gc, os, sys; gc.disable(); os.environ['PYDANTIC_DISABLE_PLUGINS'] = '__all__'; "
    "from pathlib import Path; from rktc.importer.run import import_document; "
    "text, _ = import_document(Path(sys.argv[1]), False); "
    "Path(sys.argv[2]).write_text(text, encoding='utf-8'); os._exit(0)"
)


def import_cases(sizes: list[int], folder: Path) -> list[Case]:
    cases = []
    for size in sizes:
        for fmt, document in make_import_docs(size, folder / "import").items():
            out = folder / f"imported-{size}-{fmt}.yaml"
            command = [*RKTC, "import", str(document), "-o", str(out), "--force"]
            cases.append(Case(f"import {fmt}", size, command))
            alone = [sys.executable, "-c", IMPORT_ONLY, str(document), str(out) + ".alone"]
            cases.append(Case(f"import {fmt}, without the check", size, alone))
    return cases


def imported(case: Case) -> str:
    """The plan an import case writes (its -o)."""
    return case.command[case.command.index("-o") + 1]


def import_rows(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="rktc-bench-") as tmp:
        cases = import_cases(args.import_sizes, Path(tmp))
        for case in cases:  # warm-up: bytecode cache and page cache
            run_once(case)
        # the check `rktc import` ends with, alone: what of an import row is not the importer
        cases += [
            Case("validate the imported plan", case.size, [*RKTC, "validate", imported(case)])
            for case in cases
            if case.name == "import docx"
        ]
        for case in cases:
            if case.name.startswith("validate"):
                run_once(case)
            case.seconds.clear()
            case.cpu_seconds.clear()
            case.peak_kb = 0
        for _ in range(args.runs):  # interleaved, as the single-plan rows
            for case in cases:
                run_once(case)
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; rktc import of the DOCX and XLSX rktc builds; "
        f"{args.runs} runs"
    )
    print(report(cases, []))


def year_cases(sizes: list[int], folder: Path) -> list[Case]:
    """The PK and the LKjIP of a plan of each size, with a year of realisasi (make_year)."""
    cases = []
    for size in sizes:
        place = folder / f"year-{size}"
        place.mkdir()
        plan_text, realisasi_text = make_year(size)
        plan, realisasi = place / "rkt.yaml", place / "realisasi.yaml"
        plan.write_text(plan_text, encoding="utf-8")
        realisasi.write_text(realisasi_text, encoding="utf-8")
        cases.append(
            Case(
                "validate with realisasi",
                size,
                [*RKTC, "validate", str(plan), "--realisasi", str(realisasi)],
            )
        )
        for fmt in ("docx", "md", "html"):
            out = place / f"out.pk.{fmt}"
            cases.append(
                Case(
                    f"build pk {fmt}",
                    size,
                    [*RKTC, "build", str(plan), "--document", "pk", "-f", fmt, "-o", str(out)],
                )
            )
        for fmt in ("docx", "md", "html"):
            out = place / f"out.lkjip.{fmt}"
            command = [
                *RKTC,
                "build",
                str(plan),
                "--document",
                "lkjip",
                "--realisasi",
                str(realisasi),
            ]
            cases.append(Case(f"build lkjip {fmt}", size, [*command, "-f", fmt, "-o", str(out)]))
    return cases


def year_rows(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="rktc-bench-") as tmp:
        cases = year_cases(args.year_sizes, Path(tmp))
        for case in cases:  # warm-up: bytecode cache (matplotlib's too) and page cache
            run_once(case)
            case.seconds.clear()
            case.cpu_seconds.clear()
            case.peak_kb = 0
        for _ in range(args.runs):  # interleaved, as the single-plan rows
            for case in cases:
                run_once(case)
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; the PK and the LKjIP (make_year.py); {args.runs} runs"
    )
    print(report(cases, []))


ROWS = ("single", "batch", "import", "year")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows",
        nargs="+",
        choices=ROWS,
        default=list(ROWS),
        help="which tables to run: single plans (with the baselines and pandoc), batches, "
        "imports, the year's documents (PK, LKjIP)",
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 1000, 10000])
    parser.add_argument(
        "--kinds",
        nargs="+",
        choices=sorted(MAKERS),
        default=["kpu", "pemda", "kl"],
        help="kinds of office of the single-plan rows (make_plan.py --kind)",
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--batch-plans",
        type=int,
        nargs="+",
        default=[100, 550],
        help="plans per batch row (seed-size plans, one folder each)",
    )
    parser.add_argument("--batch-runs", type=int, default=3)
    parser.add_argument(
        "--import-sizes",
        type=int,
        nargs="+",
        default=[10000],
        help="indicators of the plans whose built DOCX and XLSX the import rows read",
    )
    parser.add_argument(
        "--year-sizes",
        type=int,
        nargs="+",
        default=[1000, 10000],
        help="indicators of the plans whose PK and LKjIP the year rows build",
    )
    parser.add_argument(
        "--peer-runs-10k",
        type=int,
        default=1,
        help="runs of pandoc at 10,000 indicators and more (one takes minutes)",
    )
    parser.add_argument(
        "--peer-max",
        type=int,
        default=10**9,
        help="run pandoc only up to this many indicators (it is slow)",
    )
    args = parser.parse_args()
    if "single" in args.rows:
        single_rows(args)
    if "batch" in args.rows:
        batch_rows(args)
    if "import" in args.rows:
        import_rows(args)
    if "year" in args.rows:
        year_rows(args)


def batch_rows(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="rktc-bench-") as tmp:
        folder = Path(tmp)
        cases = [batch_case(plans, folder) for plans in args.batch_plans]
        run_batch(batch_case(10, folder))  # warm-up: bytecode cache and page cache
        for _ in range(args.batch_runs):  # interleaved, as the single-plan rows
            for case in cases:
                run_batch(case)
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; batches of {BATCH_PLAN_SIZE}-indicator plans; "
        f"{args.batch_runs} runs"
    )
    print(batch_report(cases))


def single_rows(args: argparse.Namespace) -> None:
    pandoc = shutil.which("pandoc")
    if pandoc is None:
        print("pandoc not found (apt-get install pandoc): no peer column", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="rktc-bench-") as tmp:
        folder = Path(tmp)
        cases = [
            c
            for kind in args.kinds
            for size in args.sizes
            for c in cases_for(size, folder, pandoc, args.peer_max, kind)
        ]
        baselines = [
            # what starting this interpreter costs here, before any of rktc (site hooks,
            # .pth files of the environment): subtract it to compare machines
            Case("python -c pass", 0, [sys.executable, "-c", "pass"]),
            Case("rktc --help", 0, [*RKTC, "--help"]),
        ]
        for case in (*baselines, *cases):  # warm-up: bytecode cache and page cache
            if not case.name.startswith("pandoc"):
                run_once(case)
                case.seconds.clear()
                case.cpu_seconds.clear()
                case.peak_kb = 0
        for round_ in range(args.runs):  # interleaved: one run of every case per round
            for case in (*baselines, *cases):
                slow_peer = case.name.startswith("pandoc") and case.size >= 10_000
                if not slow_peer or round_ < args.peer_runs_10k:
                    run_once(case)
    version = "none"
    if pandoc:
        found = subprocess.run([pandoc, "--version"], capture_output=True, text=True, check=False)
        version = found.stdout.splitlines()[0] if found.stdout else pandoc
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; peer: {version}; {args.runs} runs"
    )
    # rktc preview: a running server, 20 saves of the seed plan, save -> new page version
    seconds, cpu, peak = preview_rebuild.measure(20, ENV)
    preview = Case(preview_rebuild.NAME, preview_rebuild.indicators(preview_rebuild.SEED), [])
    preview.seconds, preview.cpu_seconds, preview.peak_kb = seconds, [cpu], peak
    cases.append(preview)
    print(report(cases, baselines))


if __name__ == "__main__":
    main()
