"""The rule about suppression comments themselves."""

import inspect

from rktc.check.rules.base import Rule, register
from rktc.core.diagnostics import Severity
from rktc.core.messages import define_messages

MESSAGES = {
    "check.unused_suppression": (
        "komentar `rktc: ignore[{code}]` tidak menekan temuan apa pun",
        "`rktc: ignore[{code}]` comment suppresses nothing",
    ),
    "hint.check.unused_suppression": (
        "hapus komentar itu, atau perbaiki kode aturannya",
        "delete the comment, or correct the rule code in it",
    ),
}

register(
    Rule(
        "RKT090",
        "unused-suppression",
        Severity.WARNING,
        inspect.cleandoc("""
    A `# rktc: ignore[CODE]` comment that silences nothing.

    ## Why is this bad?
    Once the finding is fixed the comment stays behind, and would hide the same
    problem if it came back. Reviewers also read suppressions as open questions.

    ## Example
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 1.250.000.000
                indikator:
                  - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%  # rktc: ignore[RKT201]

    ## Use instead
        program:
          - nama: Program Penyelenggaraan Pemilu
            kegiatan:
              - nama: Dukungan Tahapan
                anggaran: 1.250.000.000
                indikator:
                  - nama: Persentase tahapan Pemilu yang terlaksana sesuai jadwal
                    sasaran: S1
                    satuan: Lembaga
                    target: 100%

    ## Fix
    Delete the comment, or correct the code in it.
    """),
        None,
        messages=tuple(MESSAGES),
    )
)
define_messages(f"RKT090 ({__name__})", MESSAGES)
