"""Build many plans at once: in parallel across cores, one failure never stops the rest."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rktc.check.engine import Selection
from rktc.core.diagnostics import Diagnostic
from rktc.core.errors import RktcError
from rktc.core.messages import Message, msg
from rktc.pipeline.build import BuildOptions
from rktc.pipeline.compile import PLAN_SUFFIXES
from rktc.pipeline.orchestrator import Pipeline


@dataclass(frozen=True)
class Outcome:
    """What a worker sends back: small and picklable (no plan, no document)."""

    path: str
    diagnostics: list[Diagnostic]
    output: Path | None
    error: Message | None = None


def plan_outputs(paths: list[Path], options: BuildOptions) -> list[tuple[Path, Path | None]]:
    """Each plan with its output file.

    One plan: `-o` as given (a file or an existing folder). Several plans, or a folder:
    `-o` is a folder (created if needed) that mirrors the plans' folders, so that
    `plans/a/rkt.yaml` and `plans/b/rkt.yaml` do not overwrite each other.
    """
    found: list[tuple[Path, Path]] = []
    for path in paths:
        if path.is_dir():
            found += [
                (p, p.relative_to(path))
                for p in sorted(path.rglob("*"))
                if p.suffix in PLAN_SUFFIXES and p.is_file()
            ]
        else:
            found.append((path, Path(path.name)))
    if len(found) == 1 and not paths[0].is_dir():
        return [(found[0][0], None)]
    if options.output is None:
        return [(plan, None) for plan, _ in found]
    return [
        (plan, options.output / relative.with_suffix("." + options.fmt)) for plan, relative in found
    ]


def build_one(
    plan: Path,
    output: Path | None,
    options: BuildOptions,
    selection: Selection,
    parallel: bool = True,
) -> Outcome:
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
    try:
        built = Pipeline(selection).build(plan, options, output, parallel=parallel)
    except RktcError as exc:
        return Outcome(str(plan), [], None, exc.message)
    except Exception as exc:  # noqa: BLE001  (a bug in one plan must not stop the batch)
        return Outcome(
            str(plan), [], None, msg("cli.internal_error", error=f"{type(exc).__name__}: {exc}")
        )
    return Outcome(built.compiled.path, built.compiled.diagnostics, built.output)


def build_many(
    jobs: list[tuple[Path, Path | None]], options: BuildOptions, selection: Selection, lang: str
) -> Iterator[Outcome]:
    """Outcomes in completion order; a progress line on a terminal."""
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers <= 1:
        for plan, output in jobs:
            yield build_one(plan, output, options, selection)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed  # only batches need it

    progress = _Progress(len(jobs))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [
            # each worker has a core already: no further forking inside it
            pool.submit(build_one, plan, output, options, selection, parallel=False)
            for plan, output in jobs
        ]
        for future in as_completed(futures):
            outcome = future.result()
            progress.step(outcome.path)
            yield outcome
    progress.close()


class _Progress:
    """`[3/10] plans/x.yaml` rewritten in place on a terminal; silent in CI logs."""

    def __init__(self, total: int) -> None:
        self.total, self.done = total, 0
        self.live = sys.stderr.isatty()

    def step(self, name: str) -> None:
        self.done += 1
        if self.live:
            sys.stderr.write(f"\\r\\033[K[{self.done}/{self.total}] {name}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.live:
            sys.stderr.write("\\r\\033[K")
            sys.stderr.flush()
