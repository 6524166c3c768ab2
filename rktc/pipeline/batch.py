"""Build many plans at once: in parallel across cores, one failure never stops the rest."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from rktc.check.engine import Selection
from rktc.core.diagnostics import Diagnostic
from rktc.core.errors import RktcError
from rktc.core.lifetime import keep_nothing
from rktc.core.messages import Message, define_messages, msg, text
from rktc.pipeline.build import BuildOptions, output_suffix
from rktc.pipeline.compile import plan_files
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.renstra import is_year_document

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

define_messages(
    __name__,
    {
        "batch.elapsed": ("berlalu", "elapsed"),
        "batch.remaining": ("tersisa", "left"),
        "batch.interrupted": (
            "dihentikan (Ctrl-C): {built} dari {total} rencana telah disusun",
            "interrupted (Ctrl-C): {built} of {total} plans built",
        ),
        "batch.same_output": (
            (
                "{first} dan {second} akan menulis berkas keluaran yang sama, {output}; "
                "susun keduanya secara terpisah, atau ganti nama salah satunya"
            ),
            (
                "{first} and {second} would write the same output, {output}; build them "
                "separately, or rename one of them"
            ),
        ),
        "batch.output_is_file": (
            (
                "-o {path} adalah berkas, padahal beberapa rencana (atau sebuah folder) "
                "memerlukan folder keluaran; berikan folder, mis. -o dist/"
            ),
            (
                "-o {path} is a file, but several plans (or a folder) need an output folder; "
                "give a folder, e.g. -o dist/"
            ),
        ),
    },
)


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: small and picklable (no plan, no document)."""

    path: str
    diagnostics: list[Diagnostic]
    output: Path | None
    error: Message | None = None


def plan_outputs(paths: list[Path], options: BuildOptions) -> list[tuple[Path, Path | None]]:
    """Each plan with its output file (None: the one plan's `-o`, or beside the plan).

    One plan file: `-o` as given (a file or an existing folder). Several plans, or a folder:
    `-o` is a folder (created if needed) that mirrors where the plans are: a folder's plans
    keep their paths below it, plans given one by one keep theirs below the folder they
    share, so `plans/2024/rkt.yaml plans/2025/rkt.yaml -o dist` writes `dist/2024/rkt.docx`
    and `dist/2025/rkt.docx`. Without `-o` each is written beside its plan. A plan given
    twice is built once. Raised as RktcError, a usage error, before anything is built: `-o`
    naming an existing file, and two plans that would write the same output (`x.yaml`
    beside `x.yml`): nothing is ever overwritten by another plan of the batch.
    """
    loose = [path for path in paths if not path.is_dir()]
    below = iter(_below_shared_folder(loose))
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            # a folder's Renstra and realisasi files are no plans to build
            found += [(p, p.relative_to(path)) for p in plan_files(path) if not is_year_document(p)]
        else:
            found.append((path, next(below)))
    if len(found) == 1 and not paths[0].is_dir():
        return [(found[0][0], None)]
    if options.output is not None and options.output.exists() and not options.output.is_dir():
        raise RktcError("batch.output_is_file", path=str(options.output))
    suffix = output_suffix(options)
    jobs: list[tuple[Path, Path | None]] = []
    writers: dict[str, Path] = {}  # output -> the plan that writes it
    for plan, relative in found:
        target = plan if options.output is None else options.output / relative
        target = target.with_suffix(suffix)
        key = os.path.normcase(os.path.abspath(target))
        first = writers.setdefault(key, plan)
        if first is plan:
            jobs.append((plan, None if options.output is None else target))
        elif os.path.abspath(first) != os.path.abspath(plan):
            raise RktcError("batch.same_output", first=str(first), second=str(plan), output=target)
    return jobs


def _below_shared_folder(plans: list[Path]) -> list[Path]:
    """Each plan's path below the deepest folder all of them are in (`plans/2024/rkt.yaml`,
    `plans/2025/rkt.yaml`: `2024/rkt.yaml`, `2025/rkt.yaml`; plans of one folder: their names)."""
    if not plans:
        return []
    absolute = [os.path.abspath(plan) for plan in plans]
    try:
        shared = os.path.commonpath([os.path.dirname(a) for a in absolute])
    except ValueError:  # on different drives (Windows): nothing shared
        return [Path(plan.name) for plan in plans]
    return [Path(os.path.relpath(a, shared)) for a in absolute]


def build_one(
    plan: Path,
    output: Path | None,
    options: BuildOptions,
    selection: Selection,
    parallel: bool = True,
) -> Outcome:
    """Build one plan of a batch; whatever goes wrong becomes its outcome."""
    try:
        if output is not None:
            output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file where the mirrored folder goes, no permission
        detail = exc.strerror or str(exc)
        return Outcome(str(plan), [], None, msg("build.cannot_write", path=output, detail=detail))
    try:
        built = Pipeline(selection).build(plan, options, output, parallel=parallel)
    except RktcError as exc:
        return Outcome(str(plan), [], None, exc.message)
    except Exception as exc:  # noqa: BLE001  (a bug in one plan must not stop the batch)
        return Outcome(
            str(plan), [], None, msg("cli.internal_error", error=f"{type(exc).__name__}: {exc}")
        )
    return Outcome(built.compiled.path, built.compiled.diagnostics, built.output)


def collect_plan_garbage() -> None:
    """Free the cycles the previous plan left, before the next one starts in this process.

    The CLI turns the cyclic collector off (see `rktc.cli.app.main`), which suits one plan
    and a process that then ends. A batch builds thousands in one process, and each build
    leaves cycles that reference counting cannot free: python-docx's package (its parts and
    the package point at each other, and hold the lxml trees of the document) and the jinja2
    environment of the text templates, about 5 MB a plan. With the collector off, generation
    0 holds exactly what was allocated since the previous collection, so collecting it frees
    those cycles without walking the long-lived objects (measured: 2 ms a plan; a full
    collection takes 20 ms). Not done after the last plan of a process: the first collection
    walks everything imported since the collector was turned off (20 ms), which a single
    `rktc build` would pay for nothing.
    """
    gc.collect(0)


def build_in_worker(
    plan: Path, output: Path | None, options: BuildOptions, selection: Selection
) -> Outcome:
    """`build_one` in a pool worker, which may be handed another plan next."""
    try:
        # each worker has a core already: no further forking inside it
        return build_one(plan, output, options, selection, parallel=False)
    finally:
        collect_plan_garbage()


# Plans handed to the pool ahead of the workers, per worker: enough that a worker never waits
# for the parent, few enough that the parent holds no more than a handful of futures (each
# keeps its outcome, findings included, until it is dropped).
AHEAD_PER_WORKER = 4


def build_many(
    jobs: list[tuple[Path, Path | None]],
    options: BuildOptions,
    selection: Selection,
    lang: str,
    console: Console | None = None,
) -> Generator[Outcome]:
    """Outcomes in completion order, with a progress bar when there are several plans.

    The bar goes to `console`, by default stderr when it is a terminal (see
    `terminal_console`); without one the batch writes nothing of its own.
    """
    if console is None and len(jobs) > 1:
        console = terminal_console()
    if len(jobs) > 1:
        keep_nothing()  # plan after plan in this process and its workers: free each one
    workers = min(len(jobs), os.cpu_count() or 1)
    with BatchProgress(len(jobs), lang, console if len(jobs) > 1 else None) as progress:
        outcomes: Iterator[Outcome]
        if workers <= 1:
            outcomes = _one_after_another(jobs, options, selection)
        else:
            outcomes = _in_pool(jobs, workers, options, selection)
        for outcome in outcomes:
            progress.advance(outcome.path)
            with progress.hidden():  # while the caller prints what it has to say about it
                yield outcome


def _one_after_another(
    jobs: list[tuple[Path, Path | None]], options: BuildOptions, selection: Selection
) -> Iterator[Outcome]:
    for number, (plan, output) in enumerate(jobs):
        if number:
            collect_plan_garbage()
        yield build_one(plan, output, options, selection)


def _in_pool(
    jobs: list[tuple[Path, Path | None]],
    workers: int,
    options: BuildOptions,
    selection: Selection,
) -> Iterator[Outcome]:
    """Plans fed to `workers` processes a few at a time, each future dropped once reported."""
    # only batches need the pool
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    waiting = iter(jobs)
    with ProcessPoolExecutor(max_workers=workers, initializer=_leave_interrupts_to_parent) as pool:
        running: set[Future[Outcome]] = set()

        def feed() -> None:
            for plan, output in waiting:
                running.add(pool.submit(build_in_worker, plan, output, options, selection))
                if len(running) >= workers * AHEAD_PER_WORKER:
                    return

        try:
            feed()
            while running:
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                running -= done
                feed()
                for future in done:
                    yield future.result()
        except BaseException:  # Ctrl-C, or the caller stopped: no plan is started any more;
            pool.shutdown(cancel_futures=True)  # those begun end (written whole) before it goes on
            raise


def _leave_interrupts_to_parent() -> None:
    """A worker ignores Ctrl-C, which the terminal sends to every process of the batch: the
    parent stops the batch and says so, without a traceback from each worker."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def terminal_console() -> Console | None:
    """A console on stderr if it is a terminal that can redraw a line; None otherwise.

    Decided here rather than by rich, which also takes FORCE_COLOR (set in many CI
    environments) as a terminal: a CI log gets no bar and no escape codes.
    """
    stream = sys.stderr
    if not stream.isatty() or os.environ.get("TERM") == "dumb":
        return None
    from rich.console import Console  # only a batch on a terminal needs rich

    return Console(file=stream, force_terminal=True)


class BatchProgress:
    """`12/550 ━━━━━━  0:00:05 elapsed  0:00:21 left  plans/x.yaml`, redrawn in place.

    With no console it does nothing. The bar is taken off the screen while the caller
    prints about a plan (`hidden`) and drawn again below what it printed, so report lines
    and the bar never mix whichever stream they go to; it is gone when the batch ends.
    Rich's own redirection of stdout and stderr is off: it would send a redirected stdout
    to the terminal, and click writes past it anyway.
    """

    def __init__(self, total: int, lang: str, console: Console | None) -> None:
        self._bar: Progress | None = None
        if console is None:
            return
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            MofNCompleteColumn(),
            BarColumn(),
            TimeElapsedColumn(),
            TextColumn(text("batch.elapsed", lang), markup=False),
            TimeRemainingColumn(),
            TextColumn(text("batch.remaining", lang), markup=False),
            # a plan's path is the user's text: never read as rich markup
            TextColumn("{task.fields[plan]}", markup=False),
            console=console,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
        )
        self._task = self._bar.add_task("", total=total, plan="")

    def __enter__(self) -> Self:
        if self._bar is not None:
            self._bar.start()
        return self

    def advance(self, plan: str) -> None:
        if self._bar is not None:
            self._bar.update(self._task, advance=1, plan=plan)

    @contextlib.contextmanager
    def hidden(self) -> Iterator[None]:
        """The bar off the screen for the time of the block, then back where the cursor is."""
        if self._bar is None:
            yield
            return
        self._bar.stop()  # transient: the line is erased and the cursor is back at its start
        try:
            yield
        finally:
            self._bar.start()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
