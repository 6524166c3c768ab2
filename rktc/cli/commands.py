"""What each CLI command does, as plain functions returning exit codes.

`cli.py` only parses arguments; this module runs the pipeline and prints. It is
imported lazily, so its imports do not slow `rktc --help`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from rktc.check.engine import Selection
from rktc.check.rules import all_rules, find_rule
from rktc.core.errors import RktcError
from rktc.core.lifetime import keep_nothing, keep_until_exit
from rktc.core.messages import define_messages, resolve_language, text
from rktc.pipeline.compile import expand_paths
from rktc.pipeline.orchestrator import Pipeline
from rktc.report.formats import FORMATS, render_report

if TYPE_CHECKING:
    from rktc.pipeline.build import BuildOptions

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


def _fail_usage(key: str, lang: str, **params: Any) -> int:
    typer.echo("rktc: " + text(key, lang, **params), err=True)
    return EXIT_USAGE


def project_config(start: Path | None = None) -> dict[str, Any]:
    """The `[tool.rktc]` table of the nearest pyproject.toml, if any."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            import tomllib  # most runs find no pyproject.toml: import only when needed

            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                return {}
            tool = data.get("tool", {}).get("rktc", {})
            return tool if isinstance(tool, dict) else {}
    return {}


def _codes(values: list[str] | list[object]) -> list[str]:
    """Codes from repeated options or lists; "RKT1,RKT2" counts as two."""
    return [part.strip().upper() for v in values for part in str(v).split(",") if part.strip()]


def selection_from(select: list[str], ignore: list[str]) -> Selection:
    config = project_config()
    chosen = _codes(select) or _codes(list(config.get("select", [])))
    skipped = _codes(ignore) + _codes(list(config.get("ignore", [])))
    return Selection(tuple(chosen), tuple(skipped))


def validate(
    paths: list[Path],
    fmt: str,
    strict: bool,
    select: list[str],
    ignore: list[str],
    lang_option: str | None,
    renstra: Path | None = None,
    realisasi: list[Path] | None = None,
) -> int:
    """Plans, and the Renstra and realisasi files of their year (rktc.pipeline.year)."""
    from rktc.pipeline.year import check_year

    lang = resolve_language(lang_option)
    if fmt not in FORMATS:
        return _fail_usage("cli.bad_format", lang, value=fmt, choices=", ".join(FORMATS))
    extra = [*([renstra] if renstra else []), *(realisasi or [])]
    missing = [p for p in [*paths, *extra] if not p.exists()]
    if missing:
        return _fail_usage("cli.not_found", lang, path=missing[0])
    files = list(expand_paths(paths))
    if not files:
        return _fail_usage("cli.no_files", lang, paths=", ".join(map(str, paths)))
    try:
        run = check_year(files, selection_from(select, ignore), renstra, realisasi)
    except RktcError as exc:
        typer.echo("rktc: " + exc.message.render(lang), err=True)
        return EXIT_USAGE
    typer.echo(render_report(fmt, run.files, run.diagnostics, lang))
    keep_until_exit(run)
    return EXIT_PROBLEMS if run.failed(strict) else EXIT_OK


def capaian(
    paths: list[Path],
    renstra: Path | None,
    realisasi: list[Path],
    fmt: str,
    lang_option: str | None,
) -> int:
    """The year's capaian table of the one plan among `paths` (the others: its realisasi
    files); the check's findings go to stderr, and errors among them exit 1."""
    from rktc.pipeline.year import check_year
    from rktc.plan.year import REPORT_FORMATS, render_capaian

    lang = resolve_language(lang_option)
    if fmt not in REPORT_FORMATS:
        return _fail_usage("cli.bad_format", lang, value=fmt, choices=", ".join(REPORT_FORMATS))
    given = [*paths, *([renstra] if renstra else []), *realisasi]
    missing = [p for p in given if not p.is_file()]
    if missing:
        return _fail_usage("cli.not_found", lang, path=missing[0])
    try:
        run = check_year(paths, selection_from([], []), renstra, realisasi, always_link=True)
    except RktcError as exc:
        typer.echo("rktc: " + exc.message.render(lang), err=True)
        return EXIT_USAGE
    plans = [p for p in run.plans if p.path in {str(path) for path in paths}]
    if len(plans) != 1:
        return _fail_usage("year.one_plan", lang, count=len(plans))
    if run.diagnostics:
        typer.echo(render_report("text", run.files, run.diagnostics, lang), err=True)
    year = plans[0].year()
    if year is not None:
        typer.echo(render_capaian(year, fmt, lang))
    keep_until_exit(run)
    return EXIT_PROBLEMS if year is None or run.failed() else EXIT_OK


# The extension of an `-o` file and the format it names.
OUTPUT_SUFFIXES = {
    ".docx": "docx",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".xlsx": "xlsx",
}


def build(
    paths: list[Path],
    options: BuildOptions,
    select: list[str],
    ignore: list[str],
    lang_option: str | None,
    format_given: bool = True,
    layout: str | None = None,
) -> int:
    """Build plans; `format_given`: `options.fmt` is the user's --format, not the default;
    `layout`: --layout, a layout file or a built-in layout's name.

    One plan into `-o FILE` whose extension names a format: without --format the file gets
    that format; with another --format it is a usage error (DOCX bytes in `seed.md` help
    nobody).
    """
    import dataclasses

    from rktc.pipeline.batch import build_many, plan_outputs
    from rktc.pipeline.build import FORMATS as BUILD_FORMATS
    from rktc.pipeline.build import PAPERS

    lang = resolve_language(lang_option)
    if options.fmt not in BUILD_FORMATS:
        return _fail_usage(
            "cli.bad_format", lang, value=options.fmt, choices=", ".join(BUILD_FORMATS)
        )
    problem = _document_usage(options, lang)
    if problem is not None:
        return problem
    if options.document != "rkt":
        options = dataclasses.replace(options, compare=pk_changes)
    if options.paper not in PAPERS:
        return _fail_usage("cli.bad_paper", lang, value=options.paper)
    for given in (p for p in (options.templates, options.reference_doc) if p is not None):
        if not given.exists():
            return _fail_usage("cli.not_found", lang, path=given)
    missing = [p for p in paths if not p.exists()]
    if missing:
        return _fail_usage("cli.not_found", lang, path=missing[0])
    if layout is not None:
        from rktc.render.layout import LayoutProblems, find_layout

        try:
            chosen = find_layout(layout, options.templates)
            if chosen.document != options.document:
                return _fail_usage(
                    "layout.wrong_document",
                    lang,
                    name=chosen.name,
                    layout=chosen.document,
                    document=options.document,
                )
            options = dataclasses.replace(options, layout=chosen)
        except LayoutProblems as problems:  # the layout file's findings, as validate prints
            typer.echo(render_report("text", [layout], problems.diagnostics, lang))
            return EXIT_PROBLEMS
        except RktcError as exc:
            typer.echo("rktc: " + exc.message.render(lang), err=True)
            return EXIT_USAGE
    output = options.output
    if len(paths) == 1 and paths[0].is_file() and output is not None and not output.is_dir():
        named = OUTPUT_SUFFIXES.get(output.suffix.lower())
        if named is not None and not format_given:
            options = dataclasses.replace(options, fmt=named)
        elif named is not None and named != options.fmt:
            return _fail_usage(
                "build.format_mismatch", lang, path=output, suffix=output.suffix, fmt=options.fmt
            )
    try:
        jobs = plan_outputs(paths, options)
    except RktcError as exc:  # -o cannot take these plans' outputs: nothing is built
        typer.echo("rktc: " + exc.message.render(lang), err=True)
        return EXIT_USAGE
    if not jobs:
        return _fail_usage("cli.no_files", lang, paths=", ".join(map(str, paths)))
    failed = reported = 0
    outcomes = build_many(jobs, options, selection_from(select, ignore), lang)
    try:
        for outcome in outcomes:
            # counted first: the count says which documents exist, even if Ctrl-C comes
            # while their lines are printed
            failed += outcome.output is None
            reported += 1
            if outcome.diagnostics:
                typer.echo(render_report("text", [outcome.path], outcome.diagnostics, lang))
            if outcome.error is not None:
                typer.echo(f"rktc: {outcome.path}: {outcome.error.render(lang)}", err=True)
            elif outcome.output is None:
                typer.echo("rktc: " + text("build.not_built", lang, path=outcome.path), err=True)
            else:
                typer.echo(text("build.written", lang, path=outcome.output))
    except KeyboardInterrupt:
        if len(jobs) == 1:
            raise
        outcomes.close()  # the bar off the screen, no plan started any more
        built = reported - failed
        typer.echo(
            "rktc: " + text("batch.interrupted", lang, built=built, total=len(jobs)), err=True
        )
        return EXIT_INTERRUPTED
    if len(jobs) > 1:
        typer.echo(text("build.summary", lang, built=len(jobs) - failed, failed=failed))
    return EXIT_PROBLEMS if failed else EXIT_OK


def _document_usage(options: BuildOptions, lang: str) -> int | None:
    """A usage error in --document, its formats and its year files, else None."""
    from rktc.pipeline.build import YEAR_FORMATS
    from rktc.render.layout import DOCUMENTS

    if options.document not in DOCUMENTS:
        choices = ", ".join(DOCUMENTS)
        return _fail_usage("cli.bad_document", lang, value=options.document, choices=choices)
    if options.document != "rkt" and options.fmt not in YEAR_FORMATS:
        return _fail_usage(
            "build.document_format", lang, document=options.document, fmt=options.fmt
        )
    if options.document != "lkjip" and (options.renstra or options.realisasi):
        return _fail_usage("cli.year_files_need_lkjip", lang)
    for given in (*([options.renstra] if options.renstra else []), *options.realisasi):
        if not given.is_file():
            return _fail_usage("cli.not_found", lang, path=given)
    return None


def pk_changes(old: Any, old_doc: Any, new: Any, new_doc: Any) -> list[Any]:
    """What a PK perubahan changes against the PK it replaces (rktc.diff), as the plain
    records the PK prints (rktc.render.pk.Revision): indicators added, removed, renamed,
    their targets, satuan and sasaran; kegiatan and their anggaran; the programs' totals."""
    from rktc.diff.compare import diff_plans
    from rktc.plan.formatting import rupiah
    from rktc.render.pk import Revision

    found = diff_plans(old, old_doc, new, new_doc, "", "")
    changes = [Revision(c.entity, c.kind, c.name, c.field, c.old, c.new) for c in found.changes]
    changes += [
        Revision("program", "changed", name, "anggaran", rupiah(before), rupiah(after))
        for name, before, after in found.totals.programs
        if before != after
    ]
    return changes


def diff(plans: list[Path], rev: str | None, fmt: str, lang_option: str | None) -> int:
    from rktc.diff.compare import diff_plans
    from rktc.diff.report import DIFF_FORMATS, render_diff

    lang = resolve_language(lang_option)
    if fmt not in DIFF_FORMATS:
        return _fail_usage("cli.bad_format", lang, value=fmt, choices=", ".join(DIFF_FORMATS))
    if len(plans) != (1 if rev else 2):
        return _fail_usage("diff.usage", lang)
    missing = [p for p in plans if not p.is_file()]
    if missing:
        return _fail_usage("cli.not_found", lang, path=missing[0])
    if rev:
        new_path = plans[0]
        try:
            old_raw = git_show(rev, new_path)
        except RktcError as exc:
            typer.echo("rktc: " + exc.message.render(lang), err=True)
            return EXIT_USAGE
        old = Pipeline().validate_bytes(old_raw, f"{rev}:{new_path}")
    else:
        new_path = plans[1]
        old = Pipeline().validate(plans[0])
    new = Pipeline().validate(new_path)
    for version in (old, new):
        if not version.well_formed:
            errors = [d for d in version.diagnostics if d.is_input_problem]
            typer.echo(render_report("text", [version.path], errors, lang), err=True)
            return _fail_usage("diff.bad_plan", lang, path=version.path)
    if old.plan is None or old.document is None or new.plan is None or new.document is None:
        return EXIT_USAGE  # well-formed plans always have both; this keeps the types honest
    result = diff_plans(old.plan, old.document, new.plan, new.document, old.path, new.path)
    typer.echo(render_diff(result, fmt, lang))
    return EXIT_PROBLEMS if result.changed else EXIT_OK


def git_show(rev: str, path: Path) -> bytes:
    """The bytes of `path` at git revision `rev` (the path is taken relative to its folder)."""
    import subprocess

    folder = path.resolve().parent
    try:
        done = subprocess.run(
            ["git", "show", f"{rev}:./{path.name}"], cwd=folder, capture_output=True, check=False
        )
    except OSError as exc:
        raise RktcError("diff.git_failed", path=str(path), rev=rev, detail=str(exc)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}"
        raise RktcError("diff.git_failed", path=str(path), rev=rev, detail=detail)
    return done.stdout


def import_plan(
    source: Path,
    output: Path | None,
    single: bool,
    force: bool,
    lang_option: str | None,
    dialect: str = "auto",
    jenis: str = "auto",
) -> int:
    from rktc.core.output import write_atomic
    from rktc.importer.dialect import DIALECTS
    from rktc.importer.run import imported_plan
    from rktc.plan.schema2 import KINDS

    lang = resolve_language(lang_option)
    if dialect not in DIALECTS:
        return _fail_usage("import.bad_dialect", lang, value=dialect, choices=", ".join(DIALECTS))
    if jenis != "auto" and jenis not in KINDS:
        return _fail_usage(
            "import.bad_jenis", lang, value=jenis, choices=", ".join(("auto", *KINDS))
        )
    if not source.is_file():
        return _fail_usage("cli.not_found", lang, path=source)
    target = output or source.with_suffix(".plan.yaml" if source.suffix == ".yaml" else ".yaml")
    if target.exists() and not force:
        return _fail_usage("cli.exists", lang, path=target)
    try:
        chosen = None if jenis == "auto" else jenis
        written, unplaced = imported_plan(source, single, dialect, lang, chosen, str(target))
    except RktcError as exc:
        typer.echo("rktc: " + exc.message.render(lang), err=True)
        return EXIT_PROBLEMS
    try:
        write_atomic(target, written.text.encode("utf-8"))
    except OSError as exc:
        typer.echo(
            "rktc: "
            + text("build.cannot_write", lang, path=target, detail=exc.strerror or str(exc)),
            err=True,
        )
        return EXIT_PROBLEMS
    typer.echo(text("cli.written", lang, path=target))
    for item in unplaced:  # how numbers were read (messages), then what was not placed
        said = (
            text("import.unplaced", lang, item=item) if isinstance(item, str) else item.render(lang)
        )
        typer.echo("  " + said)
    checked = Pipeline().validate_written(written)  # the file just written, not read again
    typer.echo(render_report("text", [checked.path], checked.diagnostics, lang))
    keep_until_exit(checked)
    return EXIT_PROBLEMS if checked.failed() else EXIT_OK


def rules(code: str | None, fmt: str, lang_option: str | None) -> int:
    lang = resolve_language(lang_option)
    if fmt not in ("text", "markdown"):
        return _fail_usage("cli.bad_format", lang, value=fmt, choices="text, markdown")
    if fmt == "markdown":
        from rktc.check.docs import rules_markdown

        typer.echo(rules_markdown(), nl=False)
        return EXIT_OK
    if code is None:
        for rule in all_rules():
            typer.echo(f"{rule.code}  {rule.name:<32} {rule.severity.value:<8} {rule.summary}")
        return EXIT_OK
    found = find_rule(code)
    if found is None:
        return _fail_usage("cli.unknown_rule", lang, code=code)
    typer.echo(f"{found.code} {found.name} ({found.severity.value})\n\n{found.doc}")
    return EXIT_OK


def preview(
    path: Path,
    port: int,
    open_browser: bool,
    select: list[str],
    ignore: list[str],
    lang_option: str | None,
) -> int:
    import gc
    import signal
    import threading
    import time

    from rktc.preview.rebuild import Rebuilder, Snapshot
    from rktc.preview.server import Published, start_server, stop_server, watch
    from rktc.preview.watch import FileWatcher

    keep_nothing()  # a server rebuilds for hours: nothing is kept until it exits

    lang = resolve_language(lang_option)
    if not path.exists():
        return _fail_usage("cli.not_found", lang, path=path)
    if not path.is_file():
        return _fail_usage("preview.not_a_file", lang, path=path)
    gc.enable()  # main() turns it off for short runs; a server rebuilds for hours

    def reported(snapshot: Snapshot) -> None:
        if snapshot.internal_error is not None:
            detail = snapshot.internal_error if "--debug" in sys.argv else ""
            error = snapshot.internal_error.strip().splitlines()[-1]
            typer.echo(detail + "rktc: " + text("cli.internal_error", lang, error=error), err=True)
        found = render_report("text", [str(path)], snapshot.diagnostics, lang).splitlines()[-1]
        stamp = time.strftime("%H:%M:%S")
        ms = round(snapshot.seconds * 1000)
        typer.echo(text("preview.rebuilt", lang, time=stamp, ms=ms, summary=found))

    rebuilder = Rebuilder(path, lang, selection_from(select, ignore))
    watcher = FileWatcher(path)
    saved = watcher.poll(time.monotonic())
    first = rebuilder.build(saved.raw if saved is not None else None)
    published = Published(first)
    try:
        server = start_server(port, published, rebuilder)
    except OSError as exc:
        detail = exc.strerror or str(exc)
        return _fail_usage("preview.cannot_listen", lang, port=port, detail=detail)
    typer.echo(text("preview.serving", lang, plan=path, url=server.url))
    reported(first)
    if open_browser:
        import webbrowser

        webbrowser.open(server.url)

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)  # a service manager stops it as Ctrl-C does
    try:
        watch(watcher, rebuilder, published, threading.Event(), reported)
    except KeyboardInterrupt:
        pass  # Ctrl-C is how a preview ends: a clean stop, exit 0
    finally:
        stop_server(server, published)
    typer.echo(text("preview.stopped", lang))
    return EXIT_OK


define_messages(
    __name__,
    {
        "cli.bad_jenis": (
            "jenis '{value}' tidak dikenal; pilih salah satu: {choices}",
            "unknown jenis '{value}'; choose one of: {choices}",
        ),
        "cli.bad_document": (
            "dokumen '{value}' tidak dikenal; pilih salah satu: {choices}",
            "unknown document '{value}'; choose one of: {choices}",
        ),
        "cli.year_files_need_lkjip": (
            "--renstra dan --realisasi dipakai untuk --document lkjip",
            "--renstra and --realisasi go with --document lkjip",
        ),
    },
)

# The starter plan `rktc init` writes for each kind of office (format 2), and the kind it
# writes without --jenis: a KPU office's plan, the shape rktc has always started with.
STARTERS = {"kpu": "starter-kpu.yaml", "pemda": "starter-pemda.yaml", "kl": "starter-kl.yaml"}
DEFAULT_KIND = "kpu"


def _kind(value: str | None) -> str | None:
    """The kind of office --jenis names (any letter case; none: DEFAULT_KIND), if it is one."""
    kind = (value or DEFAULT_KIND).strip().lower()
    return kind if kind in STARTERS else None


def _bad_kind(value: str | None, lang: str) -> int:
    return _fail_usage("cli.bad_jenis", lang, value=value, choices=", ".join(STARTERS))


def any_plan_schema() -> dict[str, Any]:
    """One JSON Schema for every plan rktc reads: format 1, or format 2 of any `jenis`.

    Each format's own schema is kept whole under `$defs` (its definitions renamed
    `format2-pemda.Indikator` and so on, as the formats define models of the same name
    differently); `rktc` and `jenis` choose which one a plan must satisfy. An editor
    given this one file checks a folder that mixes both formats and every kind of office.
    """
    from rktc.plan import schema as format1
    from rktc.plan import schema2

    parts = {"format1": format1.json_schema()}
    parts |= {f"format2-{kind}": schema2.json_schema(kind) for kind in schema2.KINDS}
    defs: dict[str, Any] = {}
    for name, part in parts.items():
        part.pop("$schema", None)
        inner = part.pop("$defs", {})
        defs[name] = _prefixed_refs(part, name)
        defs |= {f"{name}.{key}": _prefixed_refs(value, name) for key, value in inner.items()}

    def version(name: str) -> list[Any]:
        return list(parts[name]["properties"]["rktc"]["enum"])

    v1, v2 = version("format1"), version(f"format2-{schema2.KINDS[0]}")
    branches: list[dict[str, Any]] = [
        {
            "if": {"properties": {"rktc": {"enum": v1}}, "required": ["rktc"]},
            "then": {"$ref": "#/$defs/format1"},
        },
        {
            "if": {"properties": {"rktc": {"enum": v2}}, "required": ["rktc"]},
            "then": {"required": ["jenis"]},
        },
    ]
    branches += [
        {
            "if": {
                "properties": {"rktc": {"enum": v2}, "jenis": {"const": kind}},
                "required": ["rktc", "jenis"],
            },
            "then": {"$ref": f"#/$defs/format2-{kind}"},
        }
        for kind in schema2.KINDS
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rktc plan (format 1, or format 2 of any jenis)",
        "description": "rktc: 1 (KPU), or rktc: 2 with jenis: " + ", ".join(schema2.KINDS),
        "type": "object",
        "required": ["rktc"],
        "properties": {
            "rktc": {"enum": v1 + v2, "description": "Versi format berkas rencana: 1 atau 2"},
            "jenis": {
                "enum": list(schema2.KINDS),
                "description": "Jenis instansi (format 2): " + ", ".join(schema2.KINDS),
            },
        },
        "allOf": branches,
        "$defs": defs,
    }


def _prefixed_refs(value: Any, prefix: str) -> Any:
    """`value` with every local `$ref` pointing at the definition renamed `prefix.NAME`."""
    if isinstance(value, dict):
        return {
            key: f"#/$defs/{prefix}.{item.removeprefix('#/$defs/')}"
            if key == "$ref" and isinstance(item, str) and item.startswith("#/$defs/")
            else _prefixed_refs(item, prefix)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_prefixed_refs(item, prefix) for item in value]
    return value


def schema(output: Path | None, kind: str | None = None, lang_option: str | None = None) -> int:
    """The JSON Schema of one kind's format 2 plans (--jenis), else of every plan."""
    lang = resolve_language(lang_option)
    if kind is None:
        document = any_plan_schema()
    else:
        chosen = _kind(kind)
        if chosen is None:
            return _bad_kind(kind, lang)
        from rktc.plan.schema2 import json_schema

        document = json_schema(chosen)
    rendered = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(rendered)
        return EXIT_OK
    return _write(output, rendered, lang)


def init(path: Path, force: bool, lang_option: str | None, kind: str | None = None) -> int:
    """Write the starter plan of one kind of office (default: DEFAULT_KIND)."""
    from rktc.core.resources import template_text

    lang = resolve_language(lang_option)
    chosen = _kind(kind)
    if chosen is None:
        return _bad_kind(kind, lang)
    if path.exists() and not force:
        return _fail_usage("cli.exists", lang, path=path)
    status = _write(path, template_text(STARTERS[chosen]), lang)
    if status == EXIT_OK:
        typer.echo(text("cli.written", lang, path=path))
    return status


def migrate(paths: list[Path], check_only: bool, lang_option: str | None) -> int:
    """Rewrite format 1 plans as format 2 in place (`--check`: only say which would change)."""
    from rktc.core.output import write_atomic
    from rktc.plan.load import load_file
    from rktc.plan.migrate import ALREADY, MIGRATED
    from rktc.plan.migrate import migrate as migrate_plan

    lang = resolve_language(lang_option)
    status = EXIT_OK
    for path in expand_paths(paths):
        loaded = load_file(path)
        outcome = migrate_plan(loaded)
        if outcome.problems:
            typer.echo(render_report("text", [str(path)], list(outcome.problems), lang), err=True)
        if outcome.outcome == MIGRATED and outcome.text is not None:
            if check_only:
                status = EXIT_PROBLEMS
                typer.echo(f"{path}: " + text("migrate.would", lang))
                continue
            bom = b"\xef\xbb\xbf" if path.read_bytes().startswith(b"\xef\xbb\xbf") else b""
            write_atomic(path, bom + outcome.text.encode("utf-8"))
        elif outcome.outcome != ALREADY:
            status = EXIT_PROBLEMS
        typer.echo(f"{path}: " + outcome.message.render(lang))
    return status


def _write(path: Path, content: str, lang: str) -> int:
    """Write `content` to `path` whole or not at all; a failure is said, not raised."""
    from rktc.core.output import write_atomic

    try:
        write_atomic(path, content.encode("utf-8"))
    except OSError as exc:
        detail = exc.strerror or str(exc)
        typer.echo("rktc: " + text("build.cannot_write", lang, path=path, detail=detail), err=True)
        return EXIT_PROBLEMS
    return EXIT_OK
