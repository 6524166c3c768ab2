"""`rktc build`: the DOCX structure, golden projections, errors, atomic and reproducible output."""

import hashlib
import textwrap
import zlib
from pathlib import Path

import docx
import pytest
from helpers import PLANS, plan_with
from projection import project
from test_import import BROKEN_DOCX, broken_docx
from typer.testing import CliRunner

from rktc.cli.app import app
from rktc.core.errors import RktcError
from rktc.pipeline.build import BuildOptions
from rktc.pipeline.orchestrator import Pipeline
from rktc.render.docx.styles import open_reference

runner = CliRunner()
CLEAN = PLANS / "kpu-oku-2023.yaml"
PUBLISHED = PLANS / "published" / "kpu-oku-2023.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def build(*args):
    return runner.invoke(app, ["build", *map(str, args)])


@pytest.fixture(scope="module")
def clean_docx(tmp_path_factory):
    out = tmp_path_factory.mktemp("docx") / "rkt.docx"
    result = build(CLEAN, "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_docx_golden_projection(clean_docx, golden):
    golden("kpu-oku-2023.docx.txt", project(clean_docx))


def test_published_plan_builds_as_written_with_force(tmp_path, golden):
    out = tmp_path / "published.docx"
    refused = build(PUBLISHED, "-o", out)
    assert refused.exit_code == 1
    assert not out.exists()
    forced = build(PUBLISHED, "-o", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert "RKT201" in forced.output  # the findings are still printed
    golden("published-kpu-oku-2023.docx.txt", project(out))


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_markup_golden(tmp_path, golden, fmt):
    out = tmp_path / f"rkt.{fmt}"
    assert build(CLEAN, "-f", fmt, "-o", out).exit_code == 0
    golden(f"kpu-oku-2023.{fmt}", out.read_text(encoding="utf-8"))


def test_headings_use_real_heading_styles(clean_docx):
    document = docx.Document(str(clean_docx))
    headings = [
        (p.style.name, p.text.split("\n")[0])
        for p in document.paragraphs
        if p.style.name.startswith("Heading")
    ]
    assert ("Heading 1", "BAB I") in headings
    assert ("Heading 1", "BAB II") in headings
    assert ("Heading 2", "A. Sasaran") in headings
    assert ("Heading 1", "KATA PENGANTAR") in headings


def test_tables_repeat_header_rows_and_keep_rows_whole(clean_docx):
    document = docx.Document(str(clean_docx))
    assert len(document.tables) == 5  # B, two program tables, RKT and APBN matrices
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(tr.find(f"{W}trPr/{W}cantSplit") is not None for tr in rows)
        assert table._tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
        widths = [int(c.get(f"{W}w")) for c in table._tbl.find(f"{W}tblGrid")]
        first_row = [int(tc.find(f"{W}tcPr/{W}tcW").get(f"{W}w")) for tc in rows[1].tc_lst]
        assert sum(first_row) == sum(widths)


def test_sections_paper_orientation_and_page_numbers(clean_docx):
    document = docx.Document(str(clean_docx))
    sections = document.sections
    assert len(sections) == 4  # cover, front matter, chapters, matrices
    a4 = (11906, 16838)
    for section in sections[:3]:
        assert (section.page_width.twips, section.page_height.twips) == a4
        assert section.orientation == 0
    last = sections[3]
    assert (last.page_width.twips, last.page_height.twips) == a4[::-1]
    assert last.orientation == 1  # landscape
    formats = [s._sectPr.find(f"{W}pgNumType") for s in sections]
    assert formats[1].get(f"{W}fmt") == "lowerRoman"
    assert formats[2].get(f"{W}fmt") == "decimal"
    assert formats[2].get(f"{W}start") == "1"
    footers = ["PAGE" in s.footer._element.xml for s in sections]
    assert footers == [False, True, True, True]


def test_f4_paper(tmp_path):
    out = tmp_path / "f4.docx"
    assert build(CLEAN, "-o", out, "--paper", "f4").exit_code == 0
    section = docx.Document(str(out)).sections[0]
    assert (section.page_width.twips, section.page_height.twips) == (12189, 18709)


def cell_texts(table) -> list[list[str]]:
    return [
        ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in tr.tc_lst]
        for tr in table._tbl.tr_lst
    ]


def test_numbers_are_indonesian_and_right_aligned(clean_docx):
    document = docx.Document(str(clean_docx))
    table_b, matrix = document.tables[0], document.tables[3]
    header, *rows = cell_texts(table_b)
    assert header == ["No", "Indikator Kinerja", "Satuan", "Target", "Anggaran (Rp)"]
    # the third indicator of the plan: "satuan: Lembaga", "target: 97%", anggaran 8.195.000
    number, indicator, *figures = rows[2]
    assert number == "3"
    assert indicator.startswith("Persentase produk hukum yang dikelola")
    assert figures == ["Lembaga", "97%", "8.195.000"]
    assert cell_texts(matrix)[1][-1] == "14.271.302.000"
    assert "[Normal] Baturaja, 30 Januari 2023\n" in project(clean_docx)
    for tc in (table_b._tbl.tr_lst[3].tc_lst[3], matrix._tbl.tr_lst[1].tc_lst[-1]):
        assert tc.find(f".//{W}jc").get(f"{W}val") == "right"


def test_build_is_reproducible(tmp_path):
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert build(CLEAN, "-o", first).exit_code == 0
    assert build(CLEAN, "-o", second).exit_code == 0
    digest = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (first, second)]
    assert digest[0] == digest[1]


def test_plan_with_errors_is_not_built_and_old_output_survives(tmp_path):
    plan = tmp_path / "bad.yaml"
    plan.write_text(plan_with("pagu: 8,195\n"), encoding="utf-8")
    out = tmp_path / "bad.docx"
    out.write_bytes(b"previous")
    result = build(plan, "-o", out)
    assert result.exit_code == 1
    assert "RKT013" in result.output
    assert out.read_bytes() == b"previous"
    assert build(plan, "-o", out, "--force").exit_code == 1  # not well-formed: never built


def test_default_output_is_beside_the_plan(tmp_path):
    plan = tmp_path / "rencana.yaml"
    plan.write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    assert build(plan, "-f", "md").exit_code == 0
    assert (tmp_path / "rencana.md").is_file()
    folder = tmp_path / "dist"
    folder.mkdir()
    assert build(plan, "-f", "html", "-o", folder).exit_code == 0
    assert (folder / "rencana.html").is_file()


def test_output_folder_must_exist(tmp_path):
    result = build(CLEAN, "-o", tmp_path / "nope" / "x.docx")
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_usage_errors(tmp_path):
    assert build(CLEAN, "-f", "odt").exit_code == 2
    assert build(CLEAN, "--paper", "letter").exit_code == 2
    assert build(CLEAN, "--templates", tmp_path / "missing").exit_code == 2


# --- templates ---------------------------------------------------------------------------------


def user_templates(tmp_path, name, body):
    folder = tmp_path / "tpl"
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "text" / name).write_text(textwrap.dedent(body), encoding="utf-8")
    return folder


def starter_without_texts(tmp_path):
    plan = tmp_path / "plan.yaml"
    text = CLEAN.read_text(encoding="utf-8")
    start = text.index("kata_pengantar:")
    end = text.index("visi:")
    plan.write_text(text[:start] + text[end:], encoding="utf-8")
    return plan


def test_default_texts_come_from_templates(tmp_path):
    plan = starter_without_texts(tmp_path)
    out = tmp_path / "x.md"
    assert build(plan, "-f", "md", "-o", out).exit_code == 0
    written = out.read_text(encoding="utf-8")
    assert "memuat 11 sasaran strategis dan 11 indikator kinerja" in written
    assert "Rp30.577.023.000" in written


def test_user_template_overrides(tmp_path):
    plan = starter_without_texts(tmp_path)
    folder = user_templates(tmp_path, "kata_pengantar.txt.j2", "Pengantar {{ instansi }}.\n")
    out = tmp_path / "x.md"
    assert build(plan, "-f", "md", "-o", out, "--templates", folder).exit_code == 0
    assert "Pengantar Komisi Pemilihan Umum Kabupaten Ogan Komering Ulu." in out.read_text(
        encoding="utf-8"
    )


@pytest.mark.parametrize(
    "body",
    [
        "{{ tidak_ada }}",  # undefined variable
        "{{ 9 ** (9 ** 8) }}",  # CPU bomb
        "{{ 'x' * 100000000 }}",  # memory bomb
        "{{ ''.__class__.__mro__ }}",  # sandbox escape attempt
        "{% include '../../etc/passwd' %}",  # reading files
        "{% for i in range(10) %}",  # syntax error
    ],
)
def test_hostile_or_broken_user_templates_fail_cleanly(tmp_path, body):
    plan = starter_without_texts(tmp_path)
    folder = user_templates(tmp_path, "kata_pengantar.txt.j2", body)
    out = tmp_path / "x.docx"
    out.write_bytes(b"previous")
    result = build(plan, "-o", out, "--templates", folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert out.read_bytes() == b"previous"


# --- reference documents and logos ---------------------------------------------------------


def test_reference_doc_styles_are_used(tmp_path):
    reference = tmp_path / "ref.docx"
    document = docx.Document()
    document.styles["Normal"].font.name = "Bookman Old Style"
    document.save(str(reference))
    out = tmp_path / "x.docx"
    assert build(CLEAN, "-o", out, "--reference-doc", reference).exit_code == 0
    assert docx.Document(str(out)).styles["Normal"].font.name == "Bookman Old Style"


def test_reference_doc_without_needed_styles(tmp_path):
    reference = tmp_path / "ref.docx"
    document = docx.Document()
    styles = document.styles.element
    for style in list(styles):
        if style.get(f"{W}styleId") in ("Heading2", "TableGrid"):
            styles.remove(style)
    document.save(str(reference))
    result = build(CLEAN, "-o", tmp_path / "x.docx", "--reference-doc", reference, "--lang", "en")
    assert result.exit_code == 1
    assert "Heading 2" in result.output
    assert "Table Grid" in result.output


def test_reference_doc_that_is_not_a_docx(tmp_path):
    reference = tmp_path / "ref.docx"
    reference.write_text("not a zip", encoding="utf-8")
    assert build(CLEAN, "-o", tmp_path / "x.docx", "--reference-doc", reference).exit_code == 1


@pytest.mark.parametrize("how", BROKEN_DOCX)
def test_a_broken_reference_doc_is_refused_with_what_is_wrong(tmp_path, how):
    reference = broken_docx(tmp_path / "ref.docx", how)
    with pytest.raises(RktcError) as raised:
        open_reference(reference)
    assert raised.value.message.key == f"build.reference_{BROKEN_DOCX[how]}"
    assert dict(raised.value.message.params)["path"] == str(reference)
    out = tmp_path / "x.docx"
    result = build(CLEAN, "-o", out, "--reference-doc", reference, "--lang", "en")
    assert result.exit_code == 1  # bad input, as a reference doc lacking its styles
    assert result.output.strip() == f"rktc: {CLEAN}: " + raised.value.message.render("en")
    assert not out.exists()


def tiny_png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (1).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def plan_with_logo(tmp_path: Path, logo: str) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        CLEAN.read_text(encoding="utf-8").replace(
            "  kota: Baturaja\n", f"  kota: Baturaja\n  logo: {logo}\n", 1
        ),
        encoding="utf-8",
    )
    return plan


def test_logo_on_the_cover(tmp_path):
    (tmp_path / "logo.png").write_bytes(tiny_png())
    out = tmp_path / "x.docx"
    result = build(plan_with_logo(tmp_path, "logo.png"), "-o", out)
    assert result.exit_code == 0, result.output
    assert len(docx.Document(str(out)).inline_shapes) == 1


def plan_folder_with_logo(tmp_path: Path, logo: str) -> Path:
    folder = tmp_path / "plan"
    folder.mkdir()
    return plan_with_logo(folder, logo)


@pytest.mark.parametrize(
    ("logo", "files", "key"),
    [
        ("missing.png", {}, "build.logo_missing"),
        # a real image, readable, outside the plan's folder: only the guard refuses it
        ("../outside.png", {"../outside.png": tiny_png()}, "build.logo_outside"),
        ("logo.png", {"logo.png": b"this is text, not an image"}, "build.bad_logo"),
        ("logo.txt", {"logo.txt": tiny_png()}, "build.bad_logo"),
    ],
)
def test_bad_logos(tmp_path, logo, files, key):
    plan = plan_folder_with_logo(tmp_path, logo)
    for name, content in files.items():
        (plan.parent / name).write_bytes(content)
    out = tmp_path / "x.docx"
    with pytest.raises(RktcError) as refused:
        Pipeline().build(plan, BuildOptions(output=out), parallel=False)
    assert refused.value.message.key == key
    result = build(plan, "-o", out)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_logo_linked_from_outside_the_plan_folder_is_refused(tmp_path):
    (tmp_path / "outside.png").write_bytes(tiny_png())
    plan = plan_folder_with_logo(tmp_path, "logo.png")
    (plan.parent / "logo.png").symlink_to(tmp_path / "outside.png")
    with pytest.raises(RktcError) as refused:
        Pipeline().build(plan, BuildOptions(output=tmp_path / "x.docx"), parallel=False)
    assert refused.value.message.key == "build.logo_outside"


def test_template_that_loops_silently_is_stopped(tmp_path, monkeypatch):
    monkeypatch.setattr("rktc.render.text.MAX_SECONDS", 0.5)
    plan = starter_without_texts(tmp_path)
    body = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    folder = user_templates(tmp_path, "kata_pengantar.txt.j2", body)
    result = build(plan, "-o", tmp_path / "x.docx", "--templates", folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output


# --- many plans at once ------------------------------------------------------------------------


def test_batch_build_of_a_folder(tmp_path):
    plans = tmp_path / "plans"
    for name in ("a", "b"):
        (plans / name).mkdir(parents=True)
        (plans / name / "rkt.yaml").write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    (plans / "broken.yaml").write_text("rktc: 1\n", encoding="utf-8")
    dist = tmp_path / "dist"
    result = runner.invoke(app, ["build", str(plans), "-o", str(dist), "-f", "md", "--lang", "en"])
    assert result.exit_code == 1  # one plan failed
    assert (dist / "a" / "rkt.md").is_file()
    assert (dist / "b" / "rkt.md").is_file()
    assert not (dist / "broken.md").exists()
    assert "2 document(s) built, 1 failed." in result.output


def test_batch_build_all_good_exits_0(tmp_path):
    for name in ("x", "y"):
        (tmp_path / f"{name}.yaml").write_text(CLEAN.read_text(encoding="utf-8"), encoding="utf-8")
    dist = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "build",
            str(tmp_path / "x.yaml"),
            str(tmp_path / "y.yaml"),
            "-o",
            str(dist),
            "-f",
            "html",
        ],
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in dist.iterdir()) == ["x.html", "y.html"]


@pytest.mark.parametrize("plan", [CLEAN, PUBLISHED])
def test_template_context_is_the_view_as_plain_data(plan):
    """md/html templates get exactly what dataclasses.asdict makes of the view (built faster)."""
    import dataclasses

    from rktc.pipeline.build import BuildOptions, document_view
    from rktc.pipeline.orchestrator import Pipeline
    from rktc.render.text import view_context

    compiled = Pipeline().validate(plan)
    view = document_view(compiled.plan, compiled.document, BuildOptions())
    assert view.rkt.rows  # the tables are there to compare
    assert view_context(view) == {"doc": dataclasses.asdict(view)}


def test_a_long_institution_name_builds_with_its_metadata_shortened(tmp_path):
    long_name = "Komisi Pemilihan Umum Kabupaten " + "Sangat Panjang " * 20
    plan = tmp_path / "long.yaml"
    text = CLEAN.read_text(encoding="utf-8")
    current = next(line for line in text.splitlines() if line.startswith("  nama: "))
    plan.write_text(text.replace(current, f"  nama: {long_name.strip()}", 1), encoding="utf-8")
    out = tmp_path / "long.docx"
    result = build(plan, "-o", out, "--force")
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert len(document.core_properties.title) == 255
    assert long_name.strip().upper() in "\n".join(p.text for p in document.paragraphs).upper()
