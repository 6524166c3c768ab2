"""Problems found while reading a plan file. They always apply and cannot be ignored:
a plan that is not read exactly as written cannot be checked or built."""

from rktc.check.rules.base import input_rule

input_rule(
    "RKT001",
    "yaml-syntax-error",
    """
    The file is not valid YAML.

    ## Why is this bad?
    Nothing after the error can be read reliably, so rktc stops at the first one.
    The most common causes are a text that contains ": " (YAML reads a second key)
    and, in files edited on Windows, tabs used for indentation.

    ## Example
        visi:
          teks: Visi KPU: Menjadi Penyelenggara Pemilu yang Mandiri

    ## Use instead
        visi:
          teks: "Visi KPU: Menjadi Penyelenggara Pemilu yang Mandiri"

    ## Fix
    Put a text that contains ": " in quotes, indent with spaces only, and check the
    ':' and '-' on the reported line and the one before.
    """,
)

input_rule(
    "RKT002",
    "duplicate-key",
    """
    A key is written twice in the same mapping.

    ## Why is this bad?
    Ordinary YAML readers keep the last value and silently drop the first, so a
    planner's edit can vanish. rktc reports both places.

    ## Example
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          jabatan: Ketua
          nama: NANING WIJAYA
          nama: Naning Wijaya

    ## Use instead
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          jabatan: Ketua
          nama: NANING WIJAYA

    ## Fix
    Keep one of the two lines.
    """,
)

input_rule(
    "RKT003",
    "yaml-anchor-or-alias",
    """
    A YAML anchor (`&name`) or alias (`*name`) is used.

    ## Why is this bad?
    Aliases hide where a value really comes from and allow "billion laughs" files
    that expand to gigabytes. Plans do not need them.

    ## Example
        misi:
          - &misi Meningkatkan kualitas penyelenggaraan Pemilu
        tujuan:
          - *misi

    ## Use instead
        misi:
          - Meningkatkan kualitas penyelenggaraan Pemilu
        tujuan:
          - Meningkatnya kualitas penyelenggaraan Pemilu

    ## Fix
    Write the value out. An indicator shared by two kegiatan is declared once with
    an `id:` and referenced with `- ref: ID`.
    """,
)

input_rule(
    "RKT004",
    "yaml-tag",
    """
    A YAML tag (`!!float`, `!!python/object`, ...) is used.

    ## Why is this bad?
    Tags ask the reader to build typed objects. rktc reads every value as text and
    lets the schema decide its meaning, so a tag would be ignored or unsafe.

    ## Example
        pagu: !!float 1.250.000.000

    ## Use instead
        pagu: 1.250.000.000

    ## Fix
    Remove the tag.
    """,
)

input_rule(
    "RKT005",
    "unreadable-text",
    """
    The file cannot be read as UTF-8 text (other encoding, binary data, control characters).

    ## Why is this bad?
    Guessing an encoding changes letters silently. Windows editors often save
    Windows-1252 or UTF-16.

    ## Example
    A plan saved by Notepad as "ANSI" with the word "Rp·".

    ## Use instead
    The same plan saved as UTF-8.

    ## Fix
    Save the file again as UTF-8 (a UTF-8 BOM is accepted).
    """,
)

input_rule(
    "RKT006",
    "file-too-large",
    """
    The file is larger than rktc reads (16 MiB).

    ## Why is this bad?
    A plan with 10,000 indicators is about 4 MB; a much larger file is almost
    certainly the wrong file, and reading it would only waste memory.

    ## Example
    A database dump passed instead of the plan.

    ## Use instead
    The plan file itself: 4 MB for 10,000 indicators.

    ## Fix
    Pass the plan file, or split a very large plan.
    """,
)

input_rule(
    "RKT007",
    "nesting-too-deep",
    """
    The YAML nests deeper than 32 levels.

    ## Why is this bad?
    The plan format nests about 8 levels deep; anything deeper is a mistake or an
    attack on the parser.

    ## Example
        misi: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[Meningkatkan kualitas]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]

    ## Use instead
        misi: [Meningkatkan kualitas penyelenggaraan Pemilu]

    ## Fix
    Check the indentation of the reported line.
    """,
)

input_rule(
    "RKT008",
    "several-documents",
    """
    The file holds more than one YAML document.

    ## Why is this bad?
    Everything after the second `---` would be ignored by a tool that reads one document.

    ## Example
        tahun: 2025
        ---
        tahun: 2026

    ## Use instead
        tahun: 2025

    ## Fix
    Keep one plan per file.
    """,
)

input_rule(
    "RKT009",
    "empty-file",
    """
    The file is empty.

    ## Why is this bad?
    There is no plan to check or build.

    ## Example
    A file of zero bytes, or only blank lines and comments.

    ## Use instead
    The starter plan that `rktc init` writes.

    ## Fix
    Run `rktc init plan.yaml` for a starter plan.
    """,
)

input_rule(
    "RKT010",
    "wrong-type",
    """
    A value has the wrong shape: text where a list belongs, a list where a mapping belongs, an empty text.

    ## Why is this bad?
    The document cannot be generated from a value of the wrong shape.

    ## Example
        misi: Meningkatkan kualitas penyelenggaraan Pemilu

    ## Use instead
        misi:
          - Meningkatkan kualitas penyelenggaraan Pemilu

    ## Fix
    Write the shape the message names (a list starts each item with `- `).
    """,
)

input_rule(
    "RKT011",
    "missing-field",
    """
    A required key is missing.

    ## Why is this bad?
    Every RKT has these parts; without them the document is incomplete.

    ## Example
        penandatangan:
          tempat: Baturaja
          nama: NANING WIJAYA

    ## Use instead
        penandatangan:
          tempat: Baturaja
          tanggal: 30 Januari 2025
          jabatan: Ketua
          nama: NANING WIJAYA

    ## Fix
    Add the key the message names (here `tanggal:` and `jabatan:`).
    """,
)

input_rule(
    "RKT012",
    "unknown-field",
    """
    A key that the plan format does not know.

    ## Why is this bad?
    A misspelt key (`anggran:`) would otherwise be ignored and its value lost.

    ## Example
        program:
          - nama: Program Dukungan Manajemen
            kegiatan:
              - nama: Pengelolaan IT
                anggran: 6.178.000
                indikator:
                  - nama: Persentase layanan IT yang tersedia
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%

    ## Use instead
        program:
          - nama: Program Dukungan Manajemen
            kegiatan:
              - nama: Pengelolaan IT
                anggaran: 6.178.000
                indikator:
                  - nama: Persentase layanan IT yang tersedia
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%

    ## Fix
    Use the suggested key.
    """,
)

input_rule(
    "RKT013",
    "invalid-value",
    """
    A number, amount, target, date or period that cannot be read unambiguously.

    ## Why is this bad?
    `8,195` may be eight thousand (English) or eight rupiah and 195 (Indonesian);
    `97.5%` may be 975%. rktc never guesses a number.

    ## Example
        pagu: 1,250,000,000

    ## Use instead
        pagu: 1.250.000.000

    ## Fix
    Group thousands with dots and write decimals with a comma: `8.195`, `97,5%`.
    """,
)

input_rule(
    "RKT014",
    "unsupported-format-version",
    """
    The `rktc:` format version is not one this rktc reads.

    ## Why is this bad?
    Keys and meanings may differ between format versions.

    ## Example
        rktc: 3

    ## Use instead
        rktc: 2
        jenis: kpu

    ## Fix
    Write `rktc: 2` with the kind of office (`jenis:`) (or `rktc: 1` for a plan in the first format), or upgrade rktc.
    """,
)

input_rule(
    "RKT015",
    "unknown-layout-name",
    """
    A layout file names a source, a column, a block or another name its vocabulary does not have.

    ## Why is this bad?
    A layout (`rktc build --layout FILE`, docs/layouts.md) says which tables the document
    prints and which columns each shows; a misspelt name would silently drop a column or a
    chapter from the document an office submits. rktc refuses the layout and names the
    closest name it knows. The names: table sources, their columns, blocks, tables, texts,
    levels, alignments, heading fields, sections, base layouts.

    ## Example
    A layout file, not a plan: a table whose column list has `- indikatr` under
    `sumber: matriks`.

    ## Use instead
    The same layout with `- indikator`, a column of the `matriks` source.

    ## Fix
    Use the suggested name, or one of the names docs/layouts.md lists for that source.
    """,
)
