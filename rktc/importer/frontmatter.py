"""The front matter of any office's RKT: cover, signature block, visi, misi and tujuan.

Lines are told apart by what they are, not only by where they stand: an office line names
an office ("Dinas", "Komisi", "Kecamatan", "Kabupaten" ...), a jabatan line starts with a
position ("Kepala", "Ketua", "Plt. Kepala"), a NIP line with "NIP", a pangkat line with a
pangkat or a golongan ("Pembina Utama Muda (IV/c)"), and a person's name is what is left
on the signature block (academic titles such as "dr. H. ..., M.Kes." allowed). So a
person's name is never taken for the institution, and the institution never for a
jabatan, nor a pangkat (the signer's `pangkat`) for either. What is not found is written
as "?" and noted, never invented.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rktc.core.messages import msg
from rktc.importer.blocks import Block, Paragraph, Table
from rktc.plan.values import ValueProblem, parse_date

if TYPE_CHECKING:
    from rktc.importer.recognize import Imported

SMALL_WORDS = frozenset({"dan", "di", "ke", "dari", "yang", "atau", "untuk", "pada", "dalam"})
# Words that name an office or the region it serves: a line holding one is an office line.
OFFICE_WORDS = frozenset(
    {
        "komisi",
        "dinas",
        "badan",
        "kantor",
        "kecamatan",
        "kelurahan",
        "sekretariat",
        "inspektorat",
        "rsud",
        "puskesmas",
        "biro",
        "direktorat",
        "kementerian",
        "lembaga",
        "pemerintah",
        "kejaksaan",
        "pengadilan",
        "kepolisian",
        "polres",
        "kpu",
        "bps",
        "bpkp",
        "bappeda",
        "bapenda",
        "bpbd",
        "kabupaten",
        "kab",
        "kota",
        "provinsi",
        "republik",
        "perwakilan",
        "balai",
        "satker",
        "rumah",
        "unit",
    }
)
POSITIONS = (
    "ketua",
    "kepala",
    "sekretaris",
    "direktur",
    "plt",
    "plh",
    "kasubbag",
    "kasubag",
    "bupati",
    "walikota",
    "wali",
    "gubernur",
    "menteri",
    "pimpinan",
    "camat",
    "kabag",
    "kabid",
    "inspektur",
    "lurah",
    "pejabat",
    "a.n",
    "an",
)
# First words of the lines around a signature that are not a name ("Mengetahui,").
NOT_NAMES = frozenset(
    {"mengetahui", "menyetujui", "disetujui", "disahkan", "ditandatangani", "oleh", "tertanda"}
)
SIGNATURE_LINE = re.compile(
    r"^(?P<place>[A-Z][\w .'-]{1,40}),\s*(?P<date>(?:\d{1,2}\s+)?"
    r"[A-Za-z]+\s+\d{4}|\d{4}-\d{2}-\d{2})$"
)
NUMBERED = re.compile(r"^(\d{1,3})[.)]\s*(.*)$")
LETTERED_ITEM = re.compile(r"^([a-zA-Z])[.)]\s+(.*)$")
BULLET = re.compile(r"^[\u2022\u25aa\u25cf\u25e6\u00b7\u2013\u2014*>-]\s*(.+)$")
NIP = re.compile(r"^NIP\b\.?\s*:?\s*(?P<nip>[\d\s.]*\d)\s*$", re.IGNORECASE)
PANGKAT = re.compile(
    r"^(?:pembina|penata|pengatur|juru)\b|\((?:I{1,3}|IV)\s*[/.]\s*[a-e]\)|\b(?:I{1,3}|IV)/[a-e]\b",
    re.IGNORECASE,
)
ACADEMIC = re.compile(
    r"^(?:(?:dr|drs|dra|drg|ir|h|hj|prof|apt|ns)\.\s*)+|,\s*[A-Z][A-Za-z]{0,4}\.",
    re.IGNORECASE,
)
TITLE = re.compile(r"rencana\s+(?:kerja|kinerja)\s+tahunan|\brkt\b", re.IGNORECASE)
# A year, not the first year of a period ("Tahun 2020-2024")
_YEAR = r"(?P<year>\d{4})\b(?!\s*[-\u2013/]\s*\d{4})"
YEARS = (
    re.compile(rf"\btahun\s+(?:anggaran\s+)?{_YEAR}", re.IGNORECASE),
    re.compile(rf"\brkt\)?\s+(?:tahun\s+)?{_YEAR}", re.IGNORECASE),
    re.compile(rf"\bt\.?\s?a\.?\s+{_YEAR}", re.IGNORECASE),
)
FRONT_HEADINGS = re.compile(
    r"^(kata pengantar|kata sambutan|lembar pengesahan|daftar isi|ringkasan eksekutif"
    r"|ikhtisar eksekutif|bab i\b.*|pendahuluan)$"
)
ADDRESS = re.compile(
    r"^(?:jl|jln|jalan|telp|telepon|alamat|e-?mail|website|kode pos)\b", re.IGNORECASE
)
LIST_KEYS = ("visi", "misi", "tujuan")
# Headings that end the visi, misi or tujuan list in chapter I.
OTHER_HEADINGS = (
    "sasaran",
    "strategi",
    "kebijakan",
    "arah kebijakan",
    "program",
    "nilai",
    "tata nilai",
    "budaya",
    "tugas",
    "fungsi",
    "struktur",
    "motto",
    "maklumat",
    "indikator",
    "kondisi",
    "latar belakang",
    "maksud",
    "dasar hukum",
    "sistematika",
    "gambaran",
)
_PREFIX = re.compile(r"^(?:[A-Za-z]|[IVX]{1,4}|\d{1,2}(?:\.\d{1,2})*)[.)]\s*")


def norm(text: str) -> str:
    return " ".join(text.casefold().replace("*", "").split())


def title_case(text: str) -> str:
    """'KOMISI PEMILIHAN UMUM KABUPATEN OGAN KOMERING ULU' -> 'Komisi ... Komering Ulu'."""
    if not text.isupper():
        return text
    out = []
    for i, word in enumerate(text.split()):
        low = word.lower()
        if i and low in SMALL_WORDS:
            out.append(low)
        elif len(word) > 1 and (
            (len(word) <= 3 and not any(ch in "AIUEO" for ch in word[1:]))
            or not any(ch in "AIUEO" for ch in word)
        ):
            out.append(word)  # acronyms such as KPU, DKI, BPKP keep their capitals
        else:
            out.append(word.capitalize())
    return " ".join(out)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w.]+", norm(text))


def is_office(text: str) -> bool:
    """A line that names an office (or the region of one), not a jabatan or an address."""
    words = [w.rstrip(".") for w in _words(text)]
    return bool(OFFICE_WORDS & set(words)) and not is_jabatan(text) and not ADDRESS.match(text)


def is_jabatan(text: str) -> bool:
    words = [w.rstrip(".") for w in _words(text)]
    return bool(words) and words[0] in POSITIONS


def is_person(text: str) -> bool:
    """What a signer's name looks like: a few words, no digits, no office or position."""
    words = text.split()
    return (
        0 < len(words) <= 10
        and not re.search(r"\d", text)
        and not is_office(text)
        and not is_jabatan(text)
        and not PANGKAT.search(text)
        and not text.rstrip().endswith((":", ","))
        and norm(words[0]).strip(",:") not in NOT_NAMES
        and (text.isupper() or bool(ACADEMIC.search(text)) or all(w[:1].isupper() for w in words))
    )


def year_in(text: str) -> str | None:
    for pattern in YEARS:
        found = pattern.search(text)
        if found:
            return found.group("year")
    return None


def cover_lines(blocks: list[Block]) -> list[str]:
    """The paragraphs before the first front-matter heading or table."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table) or FRONT_HEADINGS.match(norm(block.text)):
            break
        lines.append(block.text)
    return lines


def cover(blocks: list[Block], result: Imported) -> None:
    lines = cover_lines(blocks)
    title_at = next((i for i, line in enumerate(lines) if TITLE.search(line)), None)
    start = title_at if title_at is not None else 0
    year_at = next((i for i in range(start, len(lines)) if year_in(lines[i])), None)
    if year_at is None:  # "TAHUN 2025" above the title
        year_at = next((i for i in range(start) if year_in(lines[i])), None)
    sampul: dict[str, Any] = {}
    if title_at is not None:
        match = TITLE.search(lines[title_at])
        assert match is not None
        sampul["judul"] = title_case(" ".join(match.group(0).upper().split()))
        result.data["judul"] = "Rencana Kinerja Tahunan"
    year = year_in(lines[year_at]) if year_at is not None else None
    if year is not None:
        sampul["tahun"] = year
        result.data["tahun"] = year
    else:
        _year_elsewhere(blocks, result)
    parent = [line for line in lines if norm(line).startswith("pemerintah ")]
    name_lines: list[str] = []
    induk_lines: list[str] = []
    if title_at is not None:
        if year_at is not None and year_at > title_at:
            name_lines = _offices(lines[title_at + 1 : year_at])
            induk_lines = _offices(lines[year_at + 1 :], leading=True)
        else:
            name_lines = _offices(lines[title_at + 1 :], leading=True)
        if not name_lines:
            name_lines = _offices(lines[:title_at])
    else:
        name_lines = _offices(lines)
    name_lines = [line for line in name_lines if line not in parent] or name_lines
    if not induk_lines and parent and parent != name_lines:
        induk_lines = parent[:1]
    if name_lines:
        sampul["instansi"] = " ".join(name_lines)
        result.data["instansi"] = {"nama": title_case(sampul["instansi"])}
        result.note(("instansi", "nama"), "from the cover; check capitalisation")
    else:
        result.data["instansi"] = {"nama": "?"}
        result.note(("instansi", "nama"), "the institution was not found on the cover: fill it in")
    if induk_lines:
        sampul["induk"] = " ".join(induk_lines)
        result.data["instansi"]["induk"] = title_case(sampul["induk"])
    if sampul:
        result.data["sampul"] = {k: title_case(v) for k, v in sampul.items()}


def _offices(lines: list[str], leading: bool = False) -> list[str]:
    """The office lines among `lines` (`leading`: only those before the first other line)."""
    found: list[str] = []
    for line in lines:
        if is_office(line) and not year_in(line):
            found.append(line)
        elif leading:
            break
    return found


def _year_elsewhere(blocks: list[Block], result: Imported) -> None:
    """The year from a title in the body ("RENCANA KINERJA TAHUNAN (RKT) TAHUN 2025")."""
    for block in blocks:
        if isinstance(block, Paragraph) and TITLE.search(block.text) and len(block.text) < 150:
            year = year_in(block.text)
            if year is not None:
                result.data["tahun"] = year
                result.note(("tahun",), f"not on the cover; from the title '{block.text}'")
                return
    result.data["tahun"] = "?"
    result.note(("tahun",), "the year was not found: fill it in")


# --- the signature block ------------------------------------------------------------------


ENACTED_AT = re.compile(r"^ditetapkan\s+di\s*:?\s*(?P<place>[A-Z][\w .'-]{1,40})$", re.IGNORECASE)
ENACTED_ON = re.compile(r"^pada\s+tanggal\s*:?\s*(?P<date>.+)$", re.IGNORECASE)


def find_signature(preface: list[str], rest: list[str]) -> tuple[list[str], int, str, int] | None:
    """The signature block: in the kata pengantar, else anywhere else in the document.

    Returns the lines it is in, the index of its first line, its place and date as one
    line ("Sukamaju, 6 Januari 2025", also from "Ditetapkan di ..." / "pada tanggal ..."),
    and the index of the first line after them."""
    for lines in (preface, rest):
        for index in range(len(lines)):
            found = _place_and_date(lines, index)
            if found is not None and any(
                is_person(after) or NIP.match(after) for after in lines[found[1] : found[1] + 7]
            ):
                return lines, index, found[0], found[1]
    return None


def _place_and_date(lines: list[str], index: int) -> tuple[str, int] | None:
    line = lines[index]
    if SIGNATURE_LINE.match(line):
        return line, index + 1
    place = ENACTED_AT.match(line)
    if place is not None and index + 1 < len(lines):
        date = ENACTED_ON.match(lines[index + 1])
        if date is not None:
            return f"{place.group('place').strip()}, {date.group('date').strip()}", index + 2
    return None


def signature(line: str, rest: list[str], result: Imported) -> None:
    match = SIGNATURE_LINE.match(line)
    assert match is not None
    signer: dict[str, Any] = {"tempat": match.group("place"), "tanggal": match.group("date")}
    try:
        parse_date(match.group("date"))
    except ValueProblem:
        result.note(("penandatangan", "tanggal"), "could not read this date; check it")
    institution: list[str] = []
    jabatan: list[str] = []
    for text in rest[:10]:
        if FRONT_HEADINGS.match(norm(text)) or norm(text).startswith("bab "):
            break
        nip = NIP.match(text)
        if nip:
            signer["nip"] = nip.group("nip")
            if len(re.sub(r"\D", "", signer["nip"])) != 18:
                result.note(("penandatangan", "nip"), "a NIP has 18 digits; check it")
            break
        if PANGKAT.search(text) and not is_office(text):
            if "pangkat" in signer:  # a second one: no field holds it
                result.unplaced.append(msg("import.unplaced_pangkat", text=text))
            else:
                signer["pangkat"] = text.rstrip(",")
            continue
        if is_jabatan(text) and not jabatan and "nama" not in signer:
            jabatan.append(text.rstrip(","))
            continue
        if is_office(text) and "nama" not in signer:
            if jabatan and _continues_office(jabatan[-1]):
                jabatan.append(text.rstrip(","))  # "KEPALA DINAS KESEHATAN" / "KABUPATEN X"
            else:
                institution.append(text.rstrip(","))
            continue
        if "nama" not in signer and is_person(text):
            signer["nama"] = text
            continue
        if "nama" in signer:
            break
        result.unplaced.append(msg("import.unplaced_signature_line", text=text))
    if jabatan:
        signer["jabatan"] = " ".join(jabatan)
    if institution:
        signer["instansi"] = " ".join(institution)
    if "nama" not in signer:
        signer["nama"] = "?"
        result.note(("penandatangan", "nama"), "the signer's name was not found: fill it in")
    result.data["penandatangan"] = signer


def _continues_office(jabatan: str) -> bool:
    """A jabatan that names its office ("Kepala Dinas Kesehatan") goes on with its region."""
    words = [w.rstrip(".") for w in _words(jabatan)]
    return bool(OFFICE_WORDS & set(words[1:]))


def no_signature(result: Imported) -> None:
    result.data["penandatangan"] = {"tempat": "?", "tanggal": "?", "nama": "?"}
    result.note(
        ("penandatangan",),
        "no signature block (place, date, name) was found: fill it in",
    )


# --- chapter I: visi, misi, tujuan -------------------------------------------------------


def _heading(text: str) -> str | None:
    """The list a heading opens ("Visi", "B. MISI", "Tujuan Dinas"), "" for another
    heading, None for a line that is no heading."""
    low = norm(_PREFIX.sub("", text))
    if len(low) >= 70 or low.endswith("."):
        return None
    if sum(1 for key in LIST_KEYS if re.search(rf"\b{key}\b", low)) >= 2:
        return ""  # the chapter's own title: "VISI, MISI, DAN TUJUAN"
    for key in LIST_KEYS:
        if re.match(rf"{key}\b", low) and not _inline(text):
            return key
    if any(re.match(rf"{word}\b", low) for word in OTHER_HEADINGS) and (
        text.isupper() or _PREFIX.match(text) or len(low.split()) <= 4
    ):
        return ""
    return None


def _inline(text: str) -> tuple[str, str] | None:
    """ "Visi: Terwujudnya ..." -> ("visi", "Terwujudnya ...")."""
    found = re.match(r"^(visi|misi|tujuan)\b[^:]{0,40}?:\s*(\S.*)$", norm(_PREFIX.sub("", text)))
    if found is None:
        return None
    colon = text.index(":")
    value = text[colon + 1 :].strip()
    return (found.group(1), value) if len(value.split()) >= 2 else None


def _unquote(text: str) -> str:
    return text.strip().strip("\u201c\u201d\"'").strip()


def _quoted(text: str) -> bool:
    return text[:1] in '\u201c"' and text[-1:] in '\u201d"'


def chapter_one(paragraphs: list[Paragraph], result: Imported) -> None:
    sections: dict[str, list[Paragraph]] = {}
    inline: dict[str, str] = {}
    current: str | None = None
    for paragraph in paragraphs:
        found = _inline(paragraph.text)
        if found is not None:
            inline.setdefault(found[0], found[1])
            current = found[0]
            sections.setdefault(current, [])
            continue
        key = _heading(paragraph.text)
        if key is not None:
            current = key or None
            if current:
                sections.setdefault(current, [])
            continue
        if current:
            sections[current].append(paragraph)
    _visi(paragraphs, sections.get("visi", []), inline.get("visi"), result)
    for name in ("misi", "tujuan"):
        items = list_items(sections.get(name, []))
        if not items and name in inline:
            items = _split_inline(inline[name])
        result.data[name] = items
        if not items:
            result.note((name,), f"no {name} list was found in the document: fill it in")


def _visi(
    paragraphs: list[Paragraph], section: list[Paragraph], inline: str | None, result: Imported
) -> None:
    lines = [p.text for p in paragraphs]
    quoted = next((t for t in (p.text for p in section) if _quoted(t)), None)
    quoted = quoted or next((t for t in lines if _quoted(t)), None)
    visi: str | None = None
    if quoted is not None:
        visi = _unquote(quoted)
    elif inline is not None:
        visi = _unquote(inline)
    else:
        first = next(
            (
                p.text
                for p in section
                if not p.text.endswith(":") and not _item(p) and len(p.text) < 300
            ),
            None,
        )
        if first is not None:
            visi = _unquote(first)
            result.note(("visi", "teks"), "the paragraph after the Visi heading; check it")
    if visi is None:
        result.note(("visi", "teks"), "the visi was not found: fill it in")
    result.data["visi"] = {"teks": visi or "?"}
    makna: list[dict[str, str]] = []
    for item in _numbered_items([p.text for p in section]):
        word, _, meaning = item.partition(":") if ":" in item[:40] else item.partition(",")
        if meaning.strip():
            makna.append({"kata": word.strip(), "arti": meaning.strip()})
    if makna:
        result.data["visi"]["makna"] = makna


def _item(paragraph: Paragraph) -> tuple[str, str] | None:
    """(the kind of marker, the text) of a list item: "1. ...", "a. ...", "- ...", or a
    paragraph in a Word list style (its number is not in its text)."""
    text = paragraph.text
    for kind, pattern in (("numbered", NUMBERED), ("lettered", LETTERED_ITEM), ("bullet", BULLET)):
        found = pattern.match(text)
        if found:
            item = found.group(found.lastindex or 1).strip()
            return (kind, item) if item else None
    if paragraph.style.casefold().startswith("list"):
        return "styled", text
    return None


def list_items(section: list[Paragraph]) -> list[str]:
    """The items of the first kind of list in `section` (sub-items of another kind are
    left in their item's place, not made items of their own)."""
    numbered = _numbered_items([p.text for p in section])
    if numbered:
        return numbered
    kinds = [found[0] for p in section if (found := _item(p))]
    if not kinds:
        return []
    return [found[1] for p in section if (found := _item(p)) and found[0] == kinds[0]]


def _split_inline(text: str) -> list[str]:
    """ "Misi: 1) meningkatkan ...; 2) mewujudkan ..." into its items (or one item)."""
    parts = [p.strip(" ;,") for p in re.split(r"(?:^|\s)\d{1,2}[.)]\s+", text) if p.strip(" ;,")]
    return parts or [text]


def _numbered_items(lines: list[str]) -> list[str]:
    """Items of a numbered list, whether "1. text" or "1." then "text" on the next line."""
    items: list[str] = []
    pending = False
    for line in lines:
        match = NUMBERED.match(line)
        if match:
            if match.group(2):
                items.append(match.group(2))
                pending = False
            else:
                pending = True
        elif pending:
            items.append(line)
            pending = False
    return items
