"""Check loaded data against the plan schema; every problem becomes a diagnostic."""

from __future__ import annotations

import difflib
import functools
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BaseModel, ValidationError, create_model
from pydantic.fields import FieldInfo

from rktc.core.diagnostics import Diagnostic
from rktc.core.messages import Message, msg
from rktc.plan.load import Loaded, SourceMap
from rktc.plan.schema import Plan, Tabel
from rktc.plan.schema2 import KINDS, PLAN_MODELS, AnyPlan, TabelV2, validation_context
from rktc.plan.values import ValueProblem

Loc = tuple[str | int, ...]
FORMAT_VERSION_KEY = "rktc"
KIND_KEY = "jenis"

_TYPE_KEYS = {
    "string_type": "schema.expected_text",
    "list_type": "schema.expected_list",
    "dict_type": "schema.expected_mapping",
    "model_type": "schema.expected_mapping",
    "model_attributes_type": "schema.expected_mapping",
    "string_too_short": "schema.empty_text",
    "string_too_long": "schema.too_long",
    "string_pattern_mismatch": "schema.bad_id",
}


class UnreadablePart(AttributeError):
    """A part of a partial plan (or of its tables) that could not be read was asked for.

    The rule engine takes it as "this rule cannot be checked here" and drops that rule's
    findings; no other error is read that way.
    """


# Top-level parts made of independent parts of their own: a problem in one of these
# leaves out only that one (a published table), not the whole part.
NESTED_PARTS = {"tabel": frozenset(Tabel.model_fields) | frozenset(TabelV2.model_fields)}


@dataclass(frozen=True)
class Validated:
    """The schema stage's answer: the plan, what is wrong with it, and what could not be read.

    A plan with schema problems is still given as far as it could be read, so that the
    rules check the parts that are fine. Every top-level part with a problem is left out
    (`unreadable` names it, and reading it raises `UnreadablePart`), except that a
    published table with a problem leaves out only that table (`tabel.apbn`), which then
    reads as empty: a plan may leave any published table out, and the rules say nothing
    of a table that is not there.
    """

    plan: AnyPlan | None
    problems: list[Diagnostic]
    unreadable: frozenset[str] = frozenset()

    @property
    def partial(self) -> bool:
        return bool(self.unreadable)


def plan_model(data: Any) -> type[BaseModel] | None:
    """The schema a plan is read with: format 1, or format 2 of its kind of office.

    None for a format 2 plan that does not say (or misspells) its kind: its hierarchy
    cannot be read without it."""
    if isinstance(data, dict) and data.get(FORMAT_VERSION_KEY) == "2":
        kind = data.get(KIND_KEY)
        return PLAN_MODELS.get(kind) if isinstance(kind, str) else None
    return Plan


def validate_plan(loaded: Loaded) -> Validated:
    """Validate `loaded.data` against the plan schema."""
    data = loaded.data
    model = plan_model(data)
    if model is None:
        return Validated(None, [_kind_problem(data, loaded.source)])
    context = validation_context(data)
    try:
        plan = model.model_validate(data, context=context)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    else:
        return Validated(plan, [])  # type: ignore[arg-type]
    problems = [_diagnostic(err, data, loaded.source, model) for err in errors]
    if any(not err["loc"] for err in errors):
        return Validated(None, problems)  # the plan itself is not a mapping
    broken = frozenset(_broken_part(tuple(err["loc"])) for err in errors)
    if FORMAT_VERSION_KEY in broken:
        return Validated(None, problems)  # another format: its parts mean other things
    return Validated(_readable_part(data, broken, model, context), problems, broken)


def _kind_problem(data: dict[str, Any], source: SourceMap) -> Diagnostic:
    """A format 2 plan without a kind of office it names rightly."""
    kinds = ", ".join(KINDS)
    if KIND_KEY not in data:
        return Diagnostic(
            "RKT011",
            source.key(()),
            msg("schema.missing", field=KIND_KEY, key=KIND_KEY),
            hint=msg("hint.schema.kind", kinds=kinds),
        )
    written = data[KIND_KEY]
    close = difflib.get_close_matches(str(written), KINDS, n=1, cutoff=0.5)
    return Diagnostic(
        "RKT010",
        source.value((KIND_KEY,)),
        msg("schema.kind", value=_shown(written), kinds=kinds),
        hint=msg("hint.schema.did_you_mean", suggestion=close[0])
        if close
        else msg("hint.schema.kind", kinds=kinds),
    )


def _broken_part(loc: Loc) -> str:
    """The part a problem makes unreadable: `pagu`, or `tabel.apbn` for a published table."""
    head = str(loc[0])
    if head in NESTED_PARTS and len(loc) > 1 and isinstance(loc[1], str):
        return f"{head}.{loc[1]}"
    return head


def _readable_part(
    data: Any, broken: frozenset[str], model: type[BaseModel], context: dict[str, Any]
) -> AnyPlan | None:
    """The plan without its `broken` parts, or None if nothing else holds."""
    if not isinstance(data, dict):
        return None
    rest = {key: value for key, value in data.items() if key not in broken}
    for head in NESTED_PARTS:
        inner = rest.get(head)
        if isinstance(inner, dict):
            rest[head] = {k: v for k, v in inner.items() if f"{head}.{k}" not in broken}
    try:
        plan = _lenient_plan(model).model_validate(rest, context=context)
    except ValidationError:
        return None
    for name in broken:
        plan.__dict__.pop(name, None)  # reading it raises UnreadablePart, never a default
    return plan  # type: ignore[return-value]


class _Partial:
    """Mixed into a plan model: a plan some of whose top-level parts could not be read."""

    def __getattr__(self, name: str) -> Any:
        if name in type(self).model_fields:  # type: ignore[attr-defined]
            raise UnreadablePart(f"the plan's part {name!r} could not be read")
        return super().__getattr__(name)  # type: ignore[misc]


@functools.cache
def _lenient_plan(model: type[BaseModel]) -> type[BaseModel]:
    """`model` with every field optional: the shape of a plan some of whose parts are
    unreadable. Built only when a plan has schema problems, and once per model and process.
    """
    fields: dict[str, Any] = {
        name: (_annotation(info) | None, None)
        for name, info in model.model_fields.items()
        if info.is_required()
    }
    partial = type(f"Partial{model.__name__}", (_Partial, model), {})
    lenient: type[BaseModel] = create_model(f"Lenient{model.__name__}", __base__=partial, **fields)
    return lenient


def _annotation(info: FieldInfo) -> Any:
    """A field's type with its constraints and validators, as written in the schema."""
    return Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation


def _diagnostic(err: Any, data: Any, source: SourceMap, model: type[BaseModel]) -> Diagnostic:
    loc = _data_loc(tuple(err["loc"]))
    kind = err["type"]
    field = _dotted(loc)
    if kind == "missing":
        return Diagnostic(
            "RKT011",
            source.key(loc[:-1]),
            msg("schema.missing", field=field, key=loc[-1]),
            hint=msg("hint.schema.missing", key=loc[-1], about=_description(loc, model) or "-"),
        )
    if kind == "extra_forbidden":
        return Diagnostic(
            "RKT012",
            source.key(loc),
            msg("schema.unknown_key", key=loc[-1]),
            hint=_did_you_mean(str(loc[-1]), _allowed_keys(loc[:-1], model)),
        )
    if kind == "literal_error" and loc == ("rktc",):
        return Diagnostic(
            "RKT014",
            source.value(loc),
            msg("schema.format_version", value=_shown(err["input"])),
            hint=msg("hint.schema.format_version"),
        )
    problem = (err.get("ctx") or {}).get("error")
    if isinstance(problem, ValueProblem):
        return Diagnostic(
            "RKT013",
            source.value(loc),
            msg(problem.key, **problem.params),
            hint=msg("hint." + problem.key, **problem.params),
        )
    key = _TYPE_KEYS.get(kind, "schema.expected_text" if kind == "value_error" else None)
    if key is None:
        return Diagnostic(
            "RKT010", source.value(loc), msg("schema.invalid", field=field, detail=err["msg"])
        )
    return Diagnostic(
        "RKT010",
        source.value(loc),
        msg(key, field=field, got=_kind_of(err["input"])),
        hint=msg("hint." + key, about=_description(loc, model) or "-"),
    )


def _data_loc(loc: Loc) -> Loc:
    """Drop the segments pydantic adds for union members, keeping the path into the data."""
    return tuple(part for part in loc if not (isinstance(part, str) and part.startswith("~")))


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(plan)"


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else _kind_of(value)


def _kind_of(value: Any) -> str:
    if value is None:
        return "kosong/empty"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return repr(value)


def _did_you_mean(key: str, allowed: list[str]) -> Message:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return msg("hint.schema.did_you_mean", suggestion=close[0])
    return msg("hint.schema.allowed_keys", allowed=", ".join(allowed) or "-")


def _models_at(loc: Loc, model: type[BaseModel]) -> list[type[BaseModel]]:
    """The schema models that describe the mapping at `loc` (several for a union)."""
    current: list[Any] = [model]
    for part in loc:
        following: list[Any] = []
        for tp in current:
            for inner in _unwrap(tp):
                if isinstance(part, int) and typing.get_origin(inner) is list:
                    following.extend(_unwrap(typing.get_args(inner)[0]))
                elif isinstance(part, str) and _is_model(inner) and part in inner.model_fields:
                    following.extend(_unwrap(inner.model_fields[part].annotation))
        current = following
    return [tp for tp in current if _is_model(tp)]


def _unwrap(tp: Any) -> Iterable[Any]:
    """Strip Annotated, Optional and unions down to concrete types."""
    if typing.get_origin(tp) is typing.Annotated:
        yield from _unwrap(typing.get_args(tp)[0])
    elif typing.get_origin(tp) in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            yield from _unwrap(arg)
    elif tp is not type(None):
        yield tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _allowed_keys(loc: Loc, plan_model: type[BaseModel]) -> list[str]:
    keys: list[str] = []
    for model in _models_at(loc, plan_model):
        keys.extend(name for name in model.model_fields if name not in keys)
    return keys


def _description(loc: Loc, plan_model: type[BaseModel]) -> str | None:
    if not loc or not isinstance(loc[-1], str):
        return None
    for model in _models_at(loc[:-1], plan_model):
        info = model.model_fields.get(loc[-1])
        if info is not None and info.description:
            return info.description
    return None
