"""Rules about the document's identity: institution, year, title, signature."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from rktc.check.rules.base import Context, rule
from rktc.core.diagnostics import Diagnostic, Location, Severity
from rktc.core.messages import Message, msg
from rktc.plan.names import name_key

TITLES = ("rencana kinerja tahunan", "rencana kerja tahunan")
YEAR_MENTION = re.compile(r"\btahun\s+(\d{4})\b(?!\s*[-–/]\s*\d)", re.IGNORECASE)
# "Peraturan Presiden Nomor 29 Tahun 2014": a citation names the year of a regulation.
CITATION_BEFORE = re.compile(r"\bnomor\s*:?\s*[\w./-]+\s*$", re.IGNORECASE)
TEXT_FIELDS = ("kata_pengantar", "ringkasan_eksekutif")
NAME_SIMILARITY = 0.8
# Where the plan writes what the cover and the texts are compared with.
REFERENCE = {
    "judul": ("judul",),
    "instansi": ("instansi", "nama"),
    "induk": ("instansi", "induk"),
    "tahun": ("tahun",),
}


@rule(
    "RKT401",
    "identity-mismatch",
    messages={
        "rule.identity": (
            "'{written}' berbeda dari '{wanted}'",
            "'{written}' differs from '{wanted}'",
        ),
        "hint.rule.identity": ("tulis '{wanted}'", "write '{wanted}'"),
        "rule.identity_title": (
            "teks menyebut '{written}' ({count} kali), padahal judulnya '{wanted}'",
            "the text says '{written}' ({count} times) but the title is '{wanted}'",
        ),
        "rule.identity_name": (
            "teks menyebut '{written}' ({count} kali), padahal nama instansi '{wanted}'",
            "the text says '{written}' ({count} times) but the institution is '{wanted}'",
        ),
        "related.again": ("lagi di sini", "again here"),
        "related.written_here": ("'{value}' ditulis di sini", "'{value}' is written here"),
        "rule.identity_year": (
            "teks menyebut '{written}' dalam rencana tahun {year}",
            "the text says '{written}' in the plan for {year}",
        ),
        "hint.rule.identity_year": (
            "perbarui tahunnya; teks mungkin tersalin dari dokumen tahun lain",
            "update the year; the text may be copied from another year's document",
        ),
    },
)
def identity_mismatch(ctx: Context) -> Iterator[Diagnostic]:
    """The institution, year or title differs between the cover, the texts and the signature.

    ## Why is this bad?
    A document whose cover says "Rencana Kerja Tahunan" and whose body says
    "Rencana Kinerja Tahunan", or whose preface names last year, looks copied and
    unchecked; evaluators read it as a document that was not really prepared.

    ## Example
        judul: Rencana Kinerja Tahunan
        instansi:
          nama: Komisi Pemilihan Umum Kabupaten Ogan Komering Ulu
          kota: Baturaja
        sampul:
          judul: Rencana Kerja Tahunan
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          jabatan: Ketua
          nama: NANING WIJAYA
          instansi: Komisi Pemilihan Umum Kabupaten Ogan Komering   # "Ulu" missing

    ## Use instead
        judul: Rencana Kinerja Tahunan
        instansi:
          nama: Komisi Pemilihan Umum Kabupaten Ogan Komering Ulu
          kota: Baturaja
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          jabatan: Ketua
          nama: NANING WIJAYA

    ## Fix
    Write the institution, year and title the same way everywhere. In the
    single-source form leave `sampul` and `penandatangan.instansi` out: rktc
    prints them from `instansi`, `tahun` and `judul`.
    """
    plan = ctx.plan
    expected = _expected_identity(ctx)
    if ctx.readable("sampul") and plan.sampul is not None:
        for field, wanted in expected.items():
            written = getattr(plan.sampul, field)
            if written is not None and wanted and name_key(str(written)) != name_key(wanted):
                yield _differs(ctx, ("sampul", field), str(written), wanted, REFERENCE[field])
    if ctx.readable("penandatangan") and "instansi" in expected:
        signed = plan.penandatangan.instansi
        if signed is not None and name_key(signed) != name_key(plan.instansi.nama):
            yield _differs(
                ctx,
                ("penandatangan", "instansi"),
                signed,
                plan.instansi.nama,
                REFERENCE["instansi"],
            )
    for field in (f for f in TEXT_FIELDS if ctx.readable(f)):
        text = getattr(plan, field)
        if text:
            if "judul" in expected:
                yield from _title_mentions(ctx, field, text)
            if "tahun" in expected:
                yield from _year_mentions(ctx, field, text)
            if "instansi" in expected:
                yield from _name_mentions(ctx, field, text)


def _expected_identity(ctx: Context) -> dict[str, str | None]:
    """What the cover and the texts are compared with, as far as the plan could be read."""
    plan = ctx.plan
    expected: dict[str, str | None] = {}
    if ctx.readable("judul"):
        expected["judul"] = plan.judul
    if ctx.readable("instansi"):
        expected["instansi"] = plan.instansi.nama
        expected["induk"] = plan.instansi.induk
    if ctx.readable("tahun"):
        expected["tahun"] = str(plan.tahun)
    return expected


def _differs(
    ctx: Context, path: tuple[str, ...], written: str, wanted: str, reference: tuple[str, ...]
) -> Diagnostic:
    return ctx.report(
        path,
        msg("rule.identity", written=written, wanted=wanted),
        hint=msg("hint.rule.identity", wanted=wanted),
        related=_reference(ctx, reference, wanted),
    )


def _reference(
    ctx: Context, path: tuple[str, ...], value: object
) -> list[tuple[Location, Message]] | None:
    """Where the plan writes the value a text is compared with (`judul` may be left out:
    then the default title applies and there is no place to show)."""
    if path == ("judul",) and "judul" not in ctx.plan.model_fields_set:
        return None
    return [(ctx.at(path), msg("related.written_here", value=value))]


def _title_mentions(ctx: Context, field: str, text: str) -> Iterator[Diagnostic]:
    wanted = ctx.plan.judul.casefold()
    if wanted not in TITLES:
        return
    other = next(t for t in TITLES if t != wanted)
    spans = [m.start() for m in re.finditer(re.escape(other), text.casefold())]
    if spans:
        places = [_locate(ctx, field, text, start, len(other)) for start in spans]
        yield ctx.report(
            places[0],
            msg(
                "rule.identity_title",
                written=text[spans[0] :][: len(other)],
                wanted=ctx.plan.judul,
                count=len(spans),
            ),
            hint=msg("hint.rule.identity", wanted=ctx.plan.judul),
            related=[
                *(_reference(ctx, REFERENCE["judul"], ctx.plan.judul) or ()),
                *((p, msg("related.again")) for p in places[1:]),
            ],
        )


def _year_mentions(ctx: Context, field: str, text: str) -> Iterator[Diagnostic]:
    for match in YEAR_MENTION.finditer(text):
        if CITATION_BEFORE.search(text, 0, match.start()):
            continue
        if int(match.group(1)) != ctx.plan.tahun:
            yield ctx.report(
                _locate(ctx, field, text, match.start(), len(match.group(0))),
                msg("rule.identity_year", written=match.group(0), year=ctx.plan.tahun),
                hint=msg("hint.rule.identity_year"),
                related=_reference(ctx, REFERENCE["tahun"], ctx.plan.tahun),
            )


def _name_mentions(ctx: Context, field: str, text: str) -> Iterator[Diagnostic]:
    """Find near-misses of the institution's name ("... Umum Ogan Komering Ulu")."""
    name_words = ctx.plan.instansi.nama.split()
    if len(name_words) < 3:
        return
    tokens = list(re.finditer(r"\S+", text))
    folded = [t.group(0).strip(".,;:()").casefold() for t in tokens]
    target = [w.casefold() for w in name_words]
    misses = []
    i = 0
    while i < len(tokens):
        if folded[i] != target[0] or folded[i : i + len(target)] == target:
            i += 1
            continue
        window = max(
            (folded[i : i + n] for n in (len(target) - 1, len(target))),
            key=lambda w: SequenceMatcher(None, w, target).ratio(),
        )
        if SequenceMatcher(None, window, target).ratio() >= NAME_SIMILARITY and (
            window[-1] == target[-1]
        ):
            end = tokens[i + len(window) - 1].end()
            misses.append((tokens[i].start(), text[tokens[i].start() : end]))
            i += len(window)
        else:
            i += 1
    if misses:
        places = [_locate(ctx, field, text, start, len(written)) for start, written in misses]
        yield ctx.report(
            places[0],
            msg(
                "rule.identity_name",
                written=misses[0][1],
                wanted=ctx.plan.instansi.nama,
                count=len(misses),
            ),
            hint=msg("hint.rule.identity", wanted=ctx.plan.instansi.nama),
            related=[
                *(_reference(ctx, REFERENCE["instansi"], ctx.plan.instansi.nama) or ()),
                *((p, msg("related.again")) for p in places[1:]),
            ],
        )


def _locate(ctx: Context, field: str, text: str, start: int, length: int) -> Location:
    """Where in the file the character `start` of the text value `field` stands."""
    block = ctx.at((field,))
    needle = text[start : start + length].casefold()
    nth = text.casefold().count(needle, 0, start)
    lines = ctx.text.splitlines()
    last = block.end_line or len(lines)
    seen = 0
    for number in range(block.line, min(last, len(lines)) + 1):
        line = lines[number - 1].casefold()
        at = line.find(needle)
        while at >= 0:
            if seen == nth:
                return Location(block.path, number, at + 1, number, at + 1 + length)
            seen += 1
            at = line.find(needle, at + 1)
    return block


@rule(
    "RKT402",
    "year-outside-renstra",
    messages={
        "rule.year_outside": (
            "tahun {year} di luar periode Renstra {start}-{end}",
            "year {year} is outside the Renstra period {start}-{end}",
        ),
        "related.renstra_period": (
            "periode Renstra {start}-{end}",
            "the Renstra period {start}-{end}",
        ),
        "hint.rule.year_outside": (
            "perbaiki tahun, atau rujuk Renstra periode yang memuatnya",
            "correct the year, or cite the Renstra whose period contains it",
        ),
    },
)
def year_outside_renstra(ctx: Context) -> Iterator[Diagnostic]:
    """The plan year is not inside the Renstra period it implements.

    ## Why is this bad?
    An RKT details one year of a Renstra; a year outside the period means the
    wrong Renstra is cited, or the year was not updated.

    ## Example
        tahun: 2025
        renstra:
          periode: 2020-2024

    ## Use instead
        tahun: 2025
        renstra:
          periode: 2025-2029

    ## Fix
    Correct the year, or cite the Renstra of the period that contains it. The finding
    points at `tahun` (a year not updated is the usual cause) and at `renstra.periode`.
    """
    start, end = ctx.plan.renstra.periode
    if not start <= ctx.plan.tahun <= end:
        yield ctx.report(
            ("tahun",),
            msg("rule.year_outside", year=ctx.plan.tahun, start=start, end=end),
            hint=msg("hint.rule.year_outside"),
            related=[
                (
                    ctx.at(("renstra", "periode")),
                    msg("related.renstra_period", start=start, end=end),
                )
            ],
        )


@rule(
    "RKT403",
    "implausible-signing-date",
    messages={
        "rule.signing_date": (
            "tanggal tanda tangan tahun {year} untuk rencana tahun {plan_year}",
            "signing date in {year} for the plan of {plan_year}",
        ),
        "related.plan_year": ("tahun rencana {year}", "the plan's year {year}"),
        "hint.rule.signing_date": (
            "RKT ditandatangani pada tahun rencana atau tahun sebelumnya",
            "an RKT is signed in its year or the year before",
        ),
    },
)
def signing_date(ctx: Context) -> Iterator[Diagnostic]:
    """The signing date is not in the plan year or the year before it.

    ## Why is this bad?
    An RKT is signed before or early in its year; a date in another year is
    usually a date copied from last year's document.

    ## Example
        tahun: 2025
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2023
          jabatan: Ketua
          nama: NANING WIJAYA

    ## Use instead
        tahun: 2025
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          jabatan: Ketua
          nama: NANING WIJAYA

    ## Fix
    Write the real signing date.
    """
    year = ctx.plan.penandatangan.tanggal.year
    if year not in (ctx.plan.tahun - 1, ctx.plan.tahun):
        yield ctx.report(
            ("penandatangan", "tanggal"),
            msg("rule.signing_date", year=year, plan_year=ctx.plan.tahun),
            hint=msg("hint.rule.signing_date"),
            related=[(ctx.at(("tahun",)), msg("related.plan_year", year=ctx.plan.tahun))],
        )


@rule(
    "RKT404",
    "signature-without-position",
    Severity.WARNING,
    messages={
        "rule.no_jabatan": (
            "blok tanda tangan tanpa jabatan",
            "the signature block has no position (jabatan)",
        ),
        "hint.rule.no_jabatan": ("tambahkan `jabatan: Ketua`", "add `jabatan: Ketua`"),
    },
)
def signature_position(ctx: Context) -> Iterator[Diagnostic]:
    """The signature block has no position (jabatan).

    ## Why is this bad?
    A signature block names who signs in which capacity ("Ketua"); without it
    the document's formal approval is unclear.

    ## Example
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          nama: NANING WIJAYA

    ## Use instead
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          jabatan: Ketua
          nama: NANING WIJAYA

    ## Fix
    Add `jabatan: Ketua` (or the signer's position).
    """
    if ctx.plan.penandatangan.jabatan is None:
        yield ctx.report(
            ctx.source.key(("penandatangan",)),
            msg("rule.no_jabatan"),
            hint=msg("hint.rule.no_jabatan"),
        )
