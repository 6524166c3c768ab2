"""The `rktc` command: arguments in, pipeline, output and exit code out.

Imports of the pipeline happen inside the commands so that `rktc --help`
stays fast. Exit codes: 0 clean, 1 problems found (or warnings under
--strict), 2 usage errors and internal errors.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

app = typer.Typer(
    name="rktc",
    help="Compile Indonesian annual performance plans (RKT) from checked YAML.",
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
)

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Message language: id (default) or en; env RKTC_LANG."),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option("--select", help="Run only these rule codes or prefixes (repeatable)."),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option("--ignore", help="Skip these rule codes or prefixes (repeatable)."),
]

RenstraOption = Annotated[
    Path | None,
    typer.Option("--renstra", help="The Renstra file (dokumen: renstra) the plans follow."),
]
RealisasiOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--realisasi", help="A realisasi file (dokumen: realisasi) of the plan (repeatable)."
    ),
]


def _version(value: bool) -> None:
    if value:
        from rktc import __version__

        typer.echo(f"rktc {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
) -> None:
    """rktc: plans as YAML, checked like code, compiled into the RKT Word document."""


@app.command()
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or directories.")],
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="text, json, github or sarif.")
    ] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
    renstra: RenstraOption = None,
    realisasi: RealisasiOption = None,
) -> None:
    """Check plans against the schema and the consistency rules.

    With --renstra and --realisasi (or a plan's renstra.berkas, or year files among the
    paths) the plan's year is checked too: its targets against the Renstra, its realisasi.
    Example: rktc validate plans/ --format github
    """
    from rktc.cli import commands

    raise typer.Exit(
        commands.validate(
            paths, fmt, strict, select or [], ignore or [], lang, renstra, realisasi or []
        )
    )


@app.command()
def capaian(
    paths: Annotated[
        list[Path], typer.Argument(help="The plan (RKT) file, and its realisasi files.")
    ],
    realisasi: RealisasiOption = None,
    renstra: RenstraOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json or md.")] = "text",
    lang: LangOption = None,
) -> None:
    """Show the year's capaian: per indicator target, realisasi, capaian, kategori, formula.

    Realisasi files may be given with --realisasi or after the plan.
    Example: rktc capaian plans/kpu-oku-2023.yaml --realisasi plans/kpu-oku-2023.realisasi.yaml
    """
    from rktc.cli import commands

    raise typer.Exit(commands.capaian(paths, renstra, realisasi or [], fmt, lang))


@app.command()
def build(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or directories.")],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help="docx, md, html, pdf or xlsx (default: the extension of -o FILE, else docx).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Output file, or a folder: an existing one, or any for several plans "
            "(default: beside the plan).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Build a well-formed plan even when the checker finds errors."
        ),
    ] = False,
    templates: Annotated[
        Path | None,
        typer.Option("--templates", help="Folder of templates that replace rktc's own."),
    ] = None,
    reference_doc: Annotated[
        Path | None,
        typer.Option("--reference-doc", help="Take styles (fonts, margins) from this .docx file."),
    ] = None,
    paper: Annotated[str, typer.Option("--paper", help="a4 (default) or f4.")] = "a4",
    layout: Annotated[
        str | None,
        typer.Option(
            "--layout",
            help="A layout file (docs/layouts.md), or a built-in layout: kpu, pemda, kl "
            "(default: the one of the plan's jenis).",
        ),
    ] = None,
    document: Annotated[
        str,
        typer.Option(
            "--document",
            help="rkt (default), pk (Perjanjian Kinerja) or lkjip (Laporan Kinerja, "
            "with --realisasi).",
        ),
    ] = "rkt",
    renstra: RenstraOption = None,
    realisasi: RealisasiOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
) -> None:
    """Check plans and build the RKT document (or the PK, or the Laporan Kinerja).

    Example: rktc build plans/kpu-oku-2023.yaml --format docx -o rkt-2023.docx
    """
    from rktc.cli import commands
    from rktc.pipeline.build import BuildOptions

    options = BuildOptions(
        fmt or "docx",
        output,
        force,
        templates,
        reference_doc,
        paper.lower(),
        document=document.strip().lower(),
        renstra=renstra,
        realisasi=tuple(realisasi or ()),
    )
    given = fmt is not None
    raise typer.Exit(
        commands.build(paths, options, select or [], ignore or [], lang, given, layout)
    )


@app.command()
def diff(
    plans: Annotated[list[Path], typer.Argument(help="OLD NEW, or one plan with --git.")],
    git: Annotated[
        str | None,
        typer.Option("--git", help="Compare PLAN with its version at this git revision."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, markdown or json.")] = "text",
    lang: LangOption = None,
) -> None:
    """Show what changed between two versions of a plan.

    Exit 0 without changes, 1 with changes, 2 on errors.
    Example: rktc diff --git origin/main plans/rkt-2025.yaml --format markdown
    """
    from rktc.cli import commands

    raise typer.Exit(commands.diff(plans, git, fmt, lang))


@app.command()
def migrate(
    paths: Annotated[list[Path], typer.Argument(help="Plans (or folders of plans) to migrate.")],
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a plan is still format 1.")
    ] = False,
    lang: LangOption = None,
) -> None:
    """Rewrite format 1 plans as format 2 (`jenis: kpu`), in place, changing nothing else.

    Example: rktc migrate plans/
    """
    from rktc.cli import commands

    raise typer.Exit(commands.migrate(paths, check, lang))


@app.command("import")
def import_(
    source: Annotated[
        Path,
        typer.Argument(
            help="A .docx, its .txt export, an .xlsx, SIPD's .xls (an HTML table), or (with "
            "--single-source) a published-form .yaml plan."
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The plan to write (default: beside the source, .yaml)."
        ),
    ] = None,
    single: Annotated[
        bool,
        typer.Option("--single-source", help="Write the single-source form, merging the tables."),
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    dialect: Annotated[
        str,
        typer.Option(
            "--dialect",
            help="How the tables write numbers: id (14.271.302.000; 97,5), en "
            "(14,271,302,000; 97.5), sipd (dot decimals, 296187500), or auto: detect per table.",
        ),
    ] = "auto",
    jenis: Annotated[
        str,
        typer.Option(
            "--jenis",
            help="The kind of office: kpu, pemda or kl, or auto: from the document's codes "
            "and levels (a KPU office's tables: kpu).",
        ),
    ] = "auto",
    lang: LangOption = None,
) -> None:
    """Bring an existing RKT document into a plan, then check it.

    Example: rktc import rkt-2023.docx -o plans/rkt-2023.yaml
    """
    from rktc.cli import commands

    raise typer.Exit(commands.import_plan(source, output, single, force, lang, dialect, jenis))


@app.command()
def rules(
    code: Annotated[str | None, typer.Argument(help="A rule code, e.g. RKT201.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or markdown.")] = "text",
    lang: LangOption = None,
) -> None:
    """List the rules, or print the documentation of one.

    Example: rktc rules RKT201
    """
    from rktc.cli import commands

    raise typer.Exit(commands.rules(code, fmt, lang))


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file.")
    ] = None,
    jenis: Annotated[
        str | None,
        typer.Option(
            "--jenis",
            help="Only format 2 plans of this kind of office: kpu, pemda or kl "
            "(default: one schema for every plan, format 1 or 2, any kind).",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Print the JSON Schema of the plan format (for editor completion).

    Example: rktc schema -o rktc-plan.schema.json
    """
    from rktc.cli import commands

    raise typer.Exit(commands.schema(output, jenis, lang))


@app.command()
def init(
    path: Annotated[Path, typer.Argument(help="Where to write the starter plan.")] = Path(
        "rencana.yaml"
    ),
    jenis: Annotated[
        str,
        typer.Option(
            "--jenis",
            help="Kind of office: kpu (default), pemda (perangkat daerah) or kl (satker).",
        ),
    ] = "kpu",
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    lang: LangOption = None,
) -> None:
    """Write a commented starter plan (format 2) that validates.

    Example: rktc init rencana-2025.yaml --jenis pemda
    """
    from rktc.cli import commands

    raise typer.Exit(commands.init(path, force, lang, jenis))


@app.command()
def preview(
    plan: Annotated[Path, typer.Argument(help="The plan file to show.")],
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="Port on 127.0.0.1 (0: any free port)."),
    ] = 8765,
    open_browser: Annotated[
        bool, typer.Option("--open", help="Open the page in the default web browser.")
    ] = False,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    lang: LangOption = None,
) -> None:
    """Serve the document as HTML on 127.0.0.1, rebuilt on every save, with its findings.

    The open page updates by itself. Stop with Ctrl-C.
    Example: rktc preview plans/kpu-oku-2023.yaml --port 8765
    """
    from rktc.cli import commands

    raise typer.Exit(commands.preview(plan, port, open_browser, select or [], ignore or [], lang))


def main() -> None:
    """Entry point: run the app; an internal error becomes one line (traceback with --debug)."""
    # rktc runs briefly and builds large, mostly acyclic structures (a plan, its tables, the
    # XML): the cyclic collector would only walk them again and again (measured: a third of
    # the time of a 10,000-indicator build). The few cycles a build leaves (python-docx's
    # package, the template environment: about 5 MB a plan) die with the process; batch
    # workers, which build plan after plan, collect them between plans (pipeline/batch.py).
    gc.disable()
    # pydantic otherwise reads the entry points of every installed distribution, looking
    # for plugins, before validating the first plan; rktc's schema is not instrumented.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if "--debug" in sys.argv:
            raise
        from rktc.core.messages import resolve_language, text

        lang = resolve_language(_lang_argument(sys.argv))
        typer.echo(
            "rktc: " + text("cli.internal_error", lang, error=f"{type(exc).__name__}: {exc}"),
            err=True,
        )
        sys.exit(2)


def _lang_argument(argv: list[str]) -> str | None:
    """The --lang the command line gave, for a message printed after the app has failed."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def run() -> NoReturn:
    """The installed command: `main`, then exit without tearing the heap down.

    A large plan leaves hundreds of thousands of objects that the interpreter would
    free one by one on the way out (measured: 65-85 ms after validating 10,000
    indicators). Every file is written and closed by then, so only the output
    streams need flushing.
    """
    from rktc.core.lifetime import leave_without_teardown

    leave_without_teardown()
    try:
        main()
        code: object = 0
    except SystemExit as exc:
        code = exc.code
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
    status = code if isinstance(code, int) else (0 if code is None else 1)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(status)
