"""Jinja for everything that is text: default paragraphs, Markdown and HTML.

Templates run in Jinja's sandbox with undefined variables as errors. User
templates (`--templates DIR`) come first in the search path; they see only
plain data (strings, numbers, lists, dicts), and their rendering is bounded in
time and size so a template cannot hang the build or exhaust memory.
"""

from __future__ import annotations

import dataclasses
import operator
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from jinja2.sandbox import SandboxedEnvironment

from rktc.core.errors import RktcError
from rktc.core.resources import templates_dir
from rktc.plan.document import Document, Row
from rktc.plan.formatting import rupiah
from rktc.plan.hierarchy import hierarchy_of
from rktc.plan.schema2 import AnyPlan as Plan
from rktc.render.view import DocumentView, RowView, paragraphs

MAX_SECONDS = 10.0
MAX_CHARS = 50_000_000
MAX_POWER = 10_000
MAX_REPEAT = 1_000_000


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox, with `**` and `*` bounded so `{{ 9**(9**8) }}` cannot pin a CPU."""

    intercepted_binops = frozenset({"**", "*"})

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            if isinstance(right, int | float) and abs(right) > MAX_POWER:
                raise RktcError("template.too_big", detail=f"** {right}")
            return operator.pow(left, right)
        for value in (left, right):
            if (
                isinstance(value, int)
                and abs(value) > MAX_REPEAT
                and isinstance(left if value is right else right, str | list | tuple)
            ):
                raise RktcError("template.too_big", detail=f"* {value}")
        return operator.mul(left, right)


def environment(user_dir: Path | None = None) -> BoundedSandbox:
    folders = [str(user_dir)] if user_dir else []
    folders.append(str(templates_dir()))
    return BoundedSandbox(
        loader=FileSystemLoader(folders),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html", "html.j2"]),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_template(env: BoundedSandbox, name: str, context: dict[str, Any]) -> str:
    """Render `name` with `context`, bounded in time and output size."""
    try:
        template = env.get_template(name)
        chunks: list[str] = []
        size = 0
        started = time.monotonic()
        with _alarm(MAX_SECONDS):
            for chunk in template.generate(**context):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_CHARS or time.monotonic() - started > MAX_SECONDS:
                    raise RktcError("template.too_big", detail=name)
        return "".join(chunks)
    except RktcError:
        raise
    except TemplateError as exc:
        where = getattr(exc, "filename", None) or name
        line = getattr(exc, "lineno", None)
        raise RktcError(
            "template.error",
            template=f"{where}:{line}" if line else where,
            detail=str(exc.message or exc),
        ) from None
    except (ArithmeticError, MemoryError, RecursionError, TypeError, ValueError) as exc:
        raise RktcError("template.error", template=name, detail=str(exc)) from None


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt a template that loops without output (POSIX main thread only)."""
    usable = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise RktcError("template.too_slow", seconds=seconds)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def plan_facts(plan: Plan, document: Document) -> dict[str, Any]:
    """What default texts may mention: plain strings and numbers only."""
    start, end = plan.renstra.periode
    hierarchy = hierarchy_of(plan)
    declared = [
        use for node in hierarchy.nodes() for use in node.indicators if not use.is_reference
    ]
    programs = [node for node in hierarchy.nodes() if node.level == "program"]
    printed = [r.anggaran for r in _rows(document, "rkt") if r.anggaran is not None]
    total = sum(printed, Decimal(0)) if document.literal and printed else hierarchy.total()
    apbn = document.table("apbn")
    return {
        "judul": plan.judul,
        "tahun": plan.tahun,
        "instansi": plan.instansi.nama,
        "singkatan": plan.instansi.singkatan or plan.instansi.nama,
        "induk": plan.instansi.induk or "",
        "kota": plan.instansi.kota or plan.penandatangan.tempat,
        "renstra_periode": f"{start}-{end}",
        "renstra_keputusan": plan.renstra.keputusan or "",
        "dasar_hukum": list(plan.dasar_hukum),
        "jumlah_sasaran": len(plan.sasaran) or len(_rows(document, "sasaran")),
        "jumlah_indikator": len(declared) or len(_rows(document, "indikator")),
        "jumlah_program": len(programs) or len(apbn.groups if apbn else []),
        "total_anggaran": rupiah(total) if total else "",
    }


def _rows(document: Document, kind: str) -> list[Row]:
    table = document.table(kind)
    return table.all_rows() if table else []


class TextTemplates:
    """Default paragraphs written from `text/<name>.txt.j2`."""

    def __init__(self, user_dir: Path | None = None) -> None:
        self.env = environment(user_dir)
        self._facts: tuple[Plan, Document, dict[str, Any]] | None = None

    def __call__(self, name: str, plan: Plan, document: Document) -> list[str]:
        return paragraphs(
            render_template(self.env, f"text/{name}.txt.j2", self.facts(plan, document))
        )

    def facts(self, plan: Plan, document: Document) -> dict[str, Any]:
        """plan_facts, computed once for all the texts of one document."""
        if self._facts is None or self._facts[0] is not plan or self._facts[1] is not document:
            self._facts = (plan, document, plan_facts(plan, document))
        return dict(self._facts[2])


def view_context(view: DocumentView) -> dict[str, Any]:
    """The document view as plain data for md/html templates (what dataclasses.asdict
    gives, without its deep copies: 0.6-0.75 s for the 40,000 rows of 10,000 indicators)."""
    plain = _plain(view)
    assert isinstance(plain, dict)
    return {"doc": plain}


def _plain(value: Any) -> Any:
    if isinstance(value, RowView):  # by far the most numerous: no recursion into cells
        return {
            "kind": value.kind,
            "cells": list(value.cells),
            "continued": value.continued,
            "source": value.source,
            "bold": value.bold,
            "span": value.span,
            "depth": value.depth,
        }
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return type(value)(_plain(item) for item in value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value
