"""Turn diagnostics into text for people and for CI: text, json, github, sarif."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from rktc import __version__
from rktc.check.rules import all_rules, find_rule
from rktc.core.diagnostics import Diagnostic, Severity
from rktc.core.messages import text

FORMATS = ("text", "json", "github", "sarif")
JSON_FORMAT_VERSION = 1
SARIF_SCHEMA_URI = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def render_report(
    fmt: str, files: Sequence[str], diagnostics: Sequence[Diagnostic], lang: str
) -> str:
    formatter = {"text": as_text, "json": as_json, "github": as_github, "sarif": as_sarif}[fmt]
    return formatter(files, diagnostics, lang)


def rule_name(code: str) -> str:
    found = find_rule(code)
    return found.name if found else code


# --- text -------------------------------------------------------------------------------------


def as_text(files: Sequence[str], diagnostics: Sequence[Diagnostic], lang: str) -> str:
    lines = []
    for diag in diagnostics:
        severity = text("severity." + diag.severity.value, lang)
        lines.append(f"{diag.location}: {diag.code} [{severity}] {diag.message.render(lang)}")
        for rel in diag.related:
            lines.append(f"    {rel.location}: {rel.message.render(lang)}")
        if diag.hint is not None:
            lines.append(f"    {text('label.hint', lang)}: {diag.hint.render(lang)}")
    lines.append(summary(files, diagnostics, lang))
    return "\n".join(lines)


def summary(files: Sequence[str], diagnostics: Sequence[Diagnostic], lang: str) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return text("summary.clean", lang, files=len(files))
    return text("summary.found", lang, errors=errors, warnings=warnings, files=len(files))


# --- json -------------------------------------------------------------------------------------


def diagnostic_record(diag: Diagnostic, lang: str) -> dict[str, Any]:
    loc = diag.location
    return {
        "code": diag.code,
        "name": rule_name(diag.code),
        "severity": diag.severity.value,
        "message": diag.message.render(lang),
        "hint": diag.hint.render(lang) if diag.hint else None,
        "file": loc.path,
        "line": loc.line,
        "column": loc.column,
        "end_line": loc.end_line,
        "end_column": loc.end_column,
        "related": [
            {
                "file": r.location.path,
                "line": r.location.line,
                "column": r.location.column,
                "message": r.message.render(lang),
            }
            for r in diag.related
        ],
    }


def as_json(files: Sequence[str], diagnostics: Sequence[Diagnostic], lang: str) -> str:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    payload = {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "rktc", "version": __version__},
        "files": list(files),
        "summary": {"errors": errors, "warnings": len(diagnostics) - errors},
        "diagnostics": [diagnostic_record(d, lang) for d in diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


# --- GitHub workflow commands -----------------------------------------------------------------


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(files: Sequence[str], diagnostics: Sequence[Diagnostic], lang: str) -> str:
    lines = []
    for diag in diagnostics:
        loc = diag.location
        level = "error" if diag.severity is Severity.ERROR else "warning"
        props = [f"file={escape_property(loc.path)}", f"line={loc.line}", f"col={loc.column}"]
        if loc.end_line is not None and loc.end_line != loc.line:
            props.append(f"endLine={loc.end_line}")
        props.append("title=" + escape_property(f"{diag.code} {rule_name(diag.code)}"))
        body = diag.message.render(lang)
        if diag.hint is not None:
            body += f"\n{text('label.hint', lang)}: {diag.hint.render(lang)}"
        for rel in diag.related:
            body += f"\n{rel.location}: {rel.message.render(lang)}"
        lines.append(f"::{level} {','.join(props)}::{escape_data(body)}")
    lines.append(summary(files, diagnostics, lang))
    return "\n".join(lines)


# --- SARIF 2.1.0 ------------------------------------------------------------------------------


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def _sarif_location(
    path: str, line: int, column: int, end_line: int | None = None, end_column: int | None = None
) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column}
    if end_line is not None and end_column is not None:
        region.update(endLine=end_line, endColumn=end_column)
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def as_sarif(files: Sequence[str], diagnostics: Sequence[Diagnostic], lang: str) -> str:
    rules = all_rules()
    index = {rule.code: i for i, rule in enumerate(rules)}
    results = []
    for diag in diagnostics:
        loc = diag.location
        message = diag.message.render(lang)
        if diag.hint is not None:
            message += f" ({diag.hint.render(lang)})"
        result: dict[str, Any] = {
            "ruleId": diag.code,
            "level": "error" if diag.severity is Severity.ERROR else "warning",
            "message": {"text": message},
            "locations": [
                _sarif_location(loc.path, loc.line, loc.column, loc.end_line, loc.end_column)
            ],
        }
        if diag.code in index:
            result["ruleIndex"] = index[diag.code]
        if diag.related:
            result["relatedLocations"] = [
                {
                    "id": i,
                    **_sarif_location(r.location.path, r.location.line, r.location.column),
                    "message": {"text": r.message.render(lang)},
                }
                for i, r in enumerate(diag.related, start=1)
            ]
        results.append(result)
    driver = {
        "name": "rktc",
        "version": __version__,
        "rules": [
            {
                "id": rule.code,
                "name": rule.name,
                "shortDescription": {"text": rule.summary},
                "fullDescription": {"text": rule.doc},
                "help": {"text": rule.doc},
                "defaultConfiguration": {
                    "level": "error" if rule.severity is Severity.ERROR else "warning"
                },
            }
            for rule in rules
        ],
    }
    log = {
        "$schema": SARIF_SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "artifacts": [{"location": {"uri": _uri(f)}} for f in files],
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2)
