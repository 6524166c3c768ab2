"""The example plans: the clean one has no errors, the published one shows its contradictions."""

from helpers import PLANS

from rktc.core.diagnostics import Severity
from rktc.pipeline.orchestrator import Pipeline
from rktc.plan.renstra import is_year_document

PUBLISHED = PLANS / "published" / "kpu-oku-2023.yaml"


def found(path):
    compiled = Pipeline().validate(path)
    return compiled, {(d.location.line, d.location.column, d.code) for d in compiled.diagnostics}


def test_every_plan_is_well_formed():
    for path in sorted(PLANS.rglob("*.yaml")):
        if is_year_document(path):
            continue  # a Renstra or realisasi file, no plan: tests/test_year.py checks them
        compiled = Pipeline().validate(path)
        assert compiled.well_formed, [str(d.location) + d.code for d in compiled.diagnostics]


def test_clean_plan_has_no_errors():
    compiled, _ = found(PLANS / "kpu-oku-2023.yaml")
    assert [d.code for d in compiled.diagnostics if d.severity is Severity.ERROR] == []


def test_published_plan_shows_the_known_contradictions():
    _, codes = found(PUBLISHED)
    expected = {
        (166, 19, "RKT201"),  # 93 % in BAB II C, 97 % in the three other tables
        (141, 11, "RKT101"),  # BAB II B numbered 1..10 and then 8
        (210, 11, "RKT101"),  # an unnumbered row in the Dukungan program table
        (91, 5, "RKT301"),  # BAB II B lacks the 281.247.000 budget line
        (340, 22, "RKT204"),  # 32.588.000 tied to another indicator in the APBN matrix
        (253, 15, "RKT201"),  # "1 lembaga" as the target of a percentage in the RKT matrix
        (253, 15, "RKT210"),
        (19, 10, "RKT401"),  # the cover says "Rencana Kerja Tahunan"
        (406, 13, "RKT401"),  # the signature block drops "Ulu"
    }
    assert expected <= codes


def test_published_plan_findings_by_rule():
    compiled, _ = found(PUBLISHED)
    by_code: dict[str, int] = {}
    for diag in compiled.diagnostics:
        by_code[diag.code] = by_code.get(diag.code, 0) + 1
    assert by_code["RKT201"] == 4
    assert by_code["RKT101"] == 2
    assert by_code["RKT204"] == 4
    assert by_code["RKT203"] == 1
    assert not any(code.startswith("RKT0") for code in by_code)
