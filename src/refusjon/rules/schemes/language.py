"""The scheme language: a refund scheme as one YAML file, checked against a published JSON Schema
(``scheme.schema.json``) and then against itself, and read into typed records.

A file says who the scheme covers, over what period, what it refunds (by kind of evidence) in
which pots, with what deductible, share and caps, the smallest payout, the documents it asks for
and its deadline; and every figure it names, each value dated and sourced, ``assumed`` where no
source fixes it. ``docs/schemes.md`` is its reference for an organisation's adviser.

Whatever is wrong with a file is told as a :class:`Problem` naming the file, the key (a dotted
path, list items by number: ``pots.0.share``) and what is wrong, every problem at once:
:class:`SchemeFileError` carries them all. Nothing here decides a claim: the interpreter reads
the records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml

from refusjon.rules.model import CATEGORIES
from refusjon.rules.parameters import Deadline as LastDay
from refusjon.rules.schemes.hooks import HOOKS, HookStep

if TYPE_CHECKING:
    import jsonschema

SCHEMA_FILE = Path(__file__).with_name("scheme.schema.json")
SCHEME_DIR = Path(__file__).with_name("files")

PeriodKind = Literal["calendar_year", "semester", "study_year"]
CapPer = Literal["period", "calendar_year"]
OverviewRule = Literal["always", "with_an_overview_line", "never"]


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    key: str
    """Where in the file, as a dotted path ("pots.0.share"); "" for the file as a whole."""
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key or '(the file)'}: {self.message}"


class SchemeFileError(Exception):
    """A scheme file that cannot be used, with every problem found in it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True, slots=True)
class Words:
    nb: str
    en: str


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    """The source's public title: what a student is shown."""
    address: str
    read: str = ""
    note: str = ""
    """The rule keepers' own note for the source, verbatim (it may name a stored copy,
    ``[seed NNN]``); empty: the public citation is the note."""


# The units of a figure, and how its values are read: a number (an amount, a share, a
# distance), a whole number, a list of codes, a last day, or words in bokmål and English.
NUMBER_UNITS = frozenset({"NOK", "rate", "fraction", "km"})
WHOLE_UNITS = frozenset({"count", "months", "age"})


@dataclass(frozen=True, slots=True)
class FigureValue:
    starts: date
    value: Any
    """By the figure's unit: a Decimal (None: no figure from that day, no cap), an int, a
    frozenset of codes, a :class:`LastDay`, or a dict of words by language ("en", "nb")."""
    source: tuple[str, ...]
    """The ids of the file's sources it is taken from."""
    assumed: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    unit: str
    label: Words
    values: tuple[FigureValue, ...]
    """Oldest first."""
    of: str = ""
    """For a fraction: the national figure it is a fraction of."""
    dated: bool = True
    """False: the first value holds for any earlier day too (which categories are covered)."""

    def on(self, day: date) -> FigureValue | None:
        """The value in force on ``day``, or None before the first."""
        found = None
        for value in self.values:
            if value.starts <= day:
                found = value
        return found


@dataclass(frozen=True, slots=True)
class PatientRule:
    relation: Literal["self", "child"]
    under_age: int | None = None


@dataclass(frozen=True, slots=True)
class Who:
    institutions: frozenset[str]
    patients: tuple[PatientRule, ...]
    institutions_assumed: str = ""
    min_ects_per_year: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """From one day of the year to another, both inclusive ((month, day) pairs)."""

    start: tuple[int, int]
    end: tuple[int, int]


@dataclass(frozen=True, slots=True)
class Teaching:
    spring: Span
    fall: Span
    outside_only: frozenset[str]


@dataclass(frozen=True, slots=True)
class PeriodRules:
    kinds: frozenset[PeriodKind]
    deductible_over: Literal["period", "calendar_year"] = "period"
    teaching: Teaching | None = None


@dataclass(frozen=True, slots=True)
class Exclusion:
    category: str
    under_age: int
    assumed: str = ""


@dataclass(frozen=True, slots=True)
class Coverage:
    overview: frozenset[str]
    receipt: frozenset[str]
    overview_and_receipt: frozenset[str]
    referred: frozenset[str]
    norway_only: bool = False
    exclusions: tuple[Exclusion, ...] = ()

    @property
    def refunded(self) -> frozenset[str]:
        """Every category the scheme refunds itself (not one it refers to a caseworker)."""
        return self.overview | self.receipt | self.overview_and_receipt


@dataclass(frozen=True, slots=True)
class Cap:
    figure: str
    per: CapPer


@dataclass(frozen=True, slots=True)
class Pot:
    name: str
    categories: frozenset[str]
    share: str
    deductible: str = ""
    cap: Cap | None = None


@dataclass(frozen=True, slots=True)
class RequiredDocument:
    type: str
    with_category: frozenset[str] = frozenset()
    """Required only with a line of one of these; empty: always."""


@dataclass(frozen=True, slots=True)
class Documents:
    overview: OverviewRule
    required: tuple[RequiredDocument, ...] = ()
    offered: tuple[str, ...] = ()
    """The kinds of document a student is offered to upload, the one most claims need first;
    empty: those the rules above ask for."""


@dataclass(frozen=True, slots=True)
class Window:
    """Applications from one day to another (inclusive), each of the period's first year or a
    year after it."""

    opens: LastDay
    closes: LastDay


@dataclass(frozen=True, slots=True)
class Deadline:
    window: Window | None = None
    by: Mapping[str, LastDay] | None = None
    """The last day for a claim, by kind of period ("spring", "fall", "calendar_year",
    "study_year")."""
    line_age_months: str = ""
    """The figure of how many months old a line may be (after treatment, or a later payment)."""


@dataclass(frozen=True, slots=True)
class SchemeDefinition:
    scheme: str
    name: Words
    sources: Mapping[str, Source]
    who: Who
    period: PeriodRules
    coverage: Coverage
    pots: tuple[Pot, ...]
    documents: Documents
    deadline: Deadline
    figures: Mapping[str, Figure]
    cap: Cap | None = None
    minimum_payout: str = ""
    cited_as: tuple[str, ...] = ()
    """The ids of the sources the scheme as a whole is cited from (at the start of each
    explanation); empty: the first of ``sources``."""
    hooks: Mapping[HookStep, tuple[str, ...]] | None = None
    """Per step of the order of the checks, the named hooks that take it instead of the
    language's blocks (:mod:`refusjon.rules.schemes.hooks`); None: no step is hooked."""
    file: str = ""

    def pot_of(self, category: str) -> Pot | None:
        return next((pot for pot in self.pots if category in pot.categories), None)


def load(path: Path) -> SchemeDefinition:
    """The scheme in the file at ``path``; :class:`SchemeFileError` if anything is wrong."""
    return loads(path.read_text(encoding="utf-8"), file=path.name)


def loads(text: str, *, file: str) -> SchemeDefinition:
    """The scheme in ``text``, a file named ``file`` (for the problems' sake)."""
    data = _parsed(text, file)
    problems = [
        Problem(file, _key(error.absolute_path), _worded(error))
        for error in sorted(_validator().iter_errors(data), key=lambda error: error.json_path)
    ]
    if problems:
        raise SchemeFileError(problems)
    problems = list(_cross_checked(data, file))
    if problems:
        raise SchemeFileError(problems)
    return _definition(data, file)


def _parsed(text: str, file: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # a safe loader: see _Loader
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise SchemeFileError([Problem(file, where, f"not YAML: {problem}")]) from None


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """YAML's safe loader (libyaml's, eight times quicker, where PyYAML was built with it) with
    days left as written ("2024-07-01"), as the schema reads them: an adviser need not quote
    them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@cache
def builtin() -> Mapping[str, SchemeDefinition]:
    """The schemes whose files ship with Refusjon (``files/``), by code (read once)."""
    definitions = [_shipped(path) for path in sorted(SCHEME_DIR.glob("*.yaml"))]
    return {definition.scheme: definition for definition in definitions}


def _shipped(path: Path) -> SchemeDefinition:
    """A shipped file, read without its JSON Schema: the tests check every shipped file against
    it (``test_every_shipped_file_passes_every_check``), and here it would cost every command
    (``refusjon assess`` on one claim, a web worker's start) a fifth of a second and 40 MB for
    jsonschema. The cross-checks stay; a file that cannot be read so is checked whole, so that
    its problems are named as for any file."""
    text = path.read_text(encoding="utf-8")
    try:
        data = _parsed(text, path.name)
        if not any(_cross_checked(data, path.name)):
            return _definition(data, path.name)
    except Exception:  # whatever it is, the whole check below names it
        pass
    return loads(text, file=path.name)


@cache
def schema() -> dict[str, Any]:
    """The published JSON Schema of a scheme file."""
    loaded: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return loaded


@cache
def _validator() -> jsonschema.Draft202012Validator:
    import jsonschema  # only to check a file: see _shipped

    return jsonschema.Draft202012Validator(
        schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _key(path: Iterable[str | int]) -> str:
    return ".".join(str(part) for part in path)


def _worded(error: jsonschema.ValidationError) -> str:
    """The schema's complaint, in words an adviser reads (the value and what it should be)."""
    where = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "additionalProperties":
        allowed = sorted(where.get("properties", {}))
        known = f" (known keys: {', '.join(allowed)})" if allowed else ""
        return f"{error.message}{known}"
    if error.validator == "enum":
        choices = ", ".join(str(choice) for choice in where.get("enum", ()))
        return f"{error.instance!r} is not one of: {choices}"
    return str(error.message)


def _cross_checked(data: dict[str, Any], file: str) -> Iterable[Problem]:
    """What the schema cannot say: every name refers to something the file or Refusjon has."""
    figures, sources = data["figures"], data["sources"]

    def figure(key: str, name: str, *units: str) -> Iterable[Problem]:
        if name not in figures:
            known = ", ".join(sorted(figures))
            yield Problem(
                file, key, f"names the figure {name!r}, which is not in figures ({known})"
            )
        elif units and figures[name]["unit"] not in units:
            unit = figures[name]["unit"]
            yield Problem(file, key, f"the figure {name!r} is in {unit}, not {' or '.join(units)}")

    def categories(key: str, names: Iterable[str]) -> Iterable[Problem]:
        for name in names:
            if name not in CATEGORIES:
                yield Problem(file, key, f"{name!r} is not a category of the claims format")

    yield from _blocks_or_hooks(data, file)
    for index, source in enumerate(data.get("cited_as", ())):
        if source not in sources:
            known = ", ".join(sorted(sources))
            yield Problem(
                file, f"cited_as.{index}", f"{source!r} is not one of the file's sources ({known})"
            )
    yield from _hooks_checked(data, file)
    coverage = data.get("coverage", {})
    covered: list[str] = []
    for kind in ("overview", "receipt", "overview_and_receipt", "referred"):
        yield from categories(f"coverage.{kind}", coverage.get(kind, ()))
        for name in coverage.get(kind, ()):
            if name in covered:
                yield Problem(file, f"coverage.{kind}", f"{name!r} is listed twice in coverage")
            covered.append(name)
    refunded = set(covered) - set(coverage.get("referred", ()))
    for index, exclusion in enumerate(coverage.get("exclusions", ())):
        key = f"coverage.exclusions.{index}.category"
        if exclusion["category"] not in refunded:
            yield Problem(file, key, f"{exclusion['category']!r} is not a category it refunds")
    teaching = data["period"].get("teaching")
    if teaching is not None:
        yield from categories("period.teaching.outside_only", teaching["outside_only"])
    pooled: dict[str, str] = {}
    for index, pot in enumerate(data.get("pots", ())):
        key = f"pots.{index}"
        members = pot.get("categories", sorted(refunded))
        yield from categories(f"{key}.categories", members)
        for name in members:
            if name not in refunded:
                yield Problem(file, f"{key}.categories", f"{name!r} is not a category it refunds")
            elif name in pooled:
                yield Problem(
                    file, f"{key}.categories", f"{name!r} is in the pot {pooled[name]!r} already"
                )
            pooled.setdefault(name, pot["name"])
        if "deductible" in pot:
            yield from figure(f"{key}.deductible", pot["deductible"], "NOK", "fraction")
        yield from figure(f"{key}.share", pot["share"], "rate")
        if "cap" in pot:
            yield from figure(f"{key}.cap.figure", pot["cap"]["figure"], "NOK")
    for name in sorted(refunded - set(pooled)) if "pots" in data else ():
        yield Problem(file, "pots", f"{name!r} is refunded but in no pot")
    if "cap" in data:
        yield from figure("cap.figure", data["cap"]["figure"], "NOK")
    if "minimum_payout" in data:
        yield from figure("minimum_payout", data["minimum_payout"], "NOK")
    if "min_ects_per_year" in data.get("who", {}):
        yield from figure("who.min_ects_per_year", data["who"]["min_ects_per_year"], "count")
    line_age = data.get("deadline", {}).get("line_age")
    if line_age is not None:
        yield from figure("deadline.line_age.months", line_age["months"], "months")
    for index, required in enumerate(data["documents"].get("required", ())):
        yield from categories(
            f"documents.required.{index}.with_category", required.get("with_category", ())
        )
    for name, spec in figures.items():
        if spec["unit"] == "fraction" and "of" not in spec:
            yield Problem(file, f"figures.{name}", "a fraction must say what it is of (of:)")
        starts = [value["from"] for value in spec["values"]]
        if starts != sorted(set(starts)):
            yield Problem(file, f"figures.{name}.values", "the dates must rise, each once")
        for index, value in enumerate(spec["values"]):
            key = f"figures.{name}.values.{index}"
            for source in _ids(value["source"]):
                if source not in sources:
                    known = ", ".join(sorted(sources))
                    yield Problem(
                        file,
                        f"{key}.source",
                        f"{source!r} is not one of the file's sources ({known})",
                    )
            yield from _value_checked(spec["unit"], value["value"], file, f"{key}.value")
    yield from _days_checked(data, file)


# Which blocks of the file the language reads for each step of the order of the checks, when
# no hook takes the step.
BLOCKS_OF_STEP: dict[str, tuple[str, ...]] = {
    "claim": ("who", "deadline"),
    "lines": ("coverage", "pots"),
    "price": ("pots",),
    "categories": ("coverage",),
}


def _blocks_or_hooks(data: dict[str, Any], file: str) -> Iterable[Problem]:
    """A step no hook takes needs the blocks the language decides it by."""
    hooked = data.get("hooks", {})
    missing = {
        block
        for step, blocks in BLOCKS_OF_STEP.items()
        if step not in hooked
        for block in blocks
        if block not in data
    }
    for block in sorted(missing):
        yield Problem(file, "", f"'{block}' is required (no hook takes the steps it decides)")
    if "documents" not in hooked and "overview" not in data["documents"]:
        yield Problem(
            file, "documents", "'overview' is required (no hook takes the documents step)"
        )


def _hooks_checked(data: dict[str, Any], file: str) -> Iterable[Problem]:
    """Every hook the file names is one Refusjon has, for the step it is listed under, and
    the sources it cites are the file's."""
    for step, names in data.get("hooks", {}).items():
        for index, name in enumerate(names):
            key = f"hooks.{step}.{index}"
            hook = HOOKS.get(name)
            if hook is None:
                known = ", ".join(sorted(n for n, h in HOOKS.items() if h.step == step))
                yield Problem(file, key, f"{name!r} is no hook (hooks of {step}: {known})")
            elif hook.step != step:
                yield Problem(file, key, f"{name!r} is a hook of {hook.step}, not of {step}")
            else:
                for source in hook.cites:
                    if source not in data["sources"]:
                        yield Problem(
                            file, key, f"{name!r} cites the source {source!r}, not in sources"
                        )


def _ids(source: str | list[str]) -> tuple[str, ...]:
    return (source,) if isinstance(source, str) else tuple(source)


def _value_checked(unit: str, value: Any, file: str, key: str) -> Iterable[Problem]:
    """A value is of its figure's unit: a number, a whole number, codes, a last day, words."""
    numeric = isinstance(value, (int, float)) or (isinstance(value, str) and value != "none")
    if unit in NUMBER_UNITS:
        if not (numeric or value == "none"):
            yield Problem(file, key, f"a figure in {unit} is a number (or none)")
        elif numeric and unit == "rate" and Decimal(str(value)) > 1:
            yield Problem(file, key, "a rate is at most 1 (100 %)")
    elif unit in WHOLE_UNITS:
        if not numeric or Decimal(str(value)) != Decimal(str(value)).to_integral_value():
            yield Problem(file, key, f"a figure in {unit} is a whole number")
    else:
        shape = {"codes": list, "deadline": dict, "text": dict}[unit]
        keys = {"deadline": {"month_day", "years_after"}, "text": {"nb", "en"}}.get(unit)
        if not isinstance(value, shape) or (keys and set(value) != keys):
            what = {"codes": "a list of codes", "deadline": "a month_day and years_after"}
            kind = what.get(unit, "words in nb and en")
            yield Problem(file, key, f"a figure in {unit} is {kind}")


def _days_checked(data: dict[str, Any], file: str) -> Iterable[Problem]:
    """Every day of the year the file gives is one (no 31 April)."""
    found: list[tuple[str, str]] = []
    teaching = data["period"].get("teaching")
    if teaching is not None:
        for term in ("spring", "fall"):
            found += [
                (f"period.teaching.{term}.{end}", teaching[term][end]) for end in ("from", "to")
            ]
    deadline = data.get("deadline", {})
    for name, spec in data["figures"].items():
        found += [
            (f"figures.{name}.values.{index}.value.month_day", value["value"]["month_day"])
            for index, value in enumerate(spec["values"])
            if spec["unit"] == "deadline" and "month_day" in _mapping(value["value"])
        ]
    if "window" in deadline:
        found += [
            (f"deadline.window.{end}", deadline["window"][end]) for end in ("opens", "closes")
        ]
    for kind, day in deadline.get("by", {}).items():
        found.append((f"deadline.by.{kind}.month_day", day["month_day"]))
    for key, text in found:
        month, day = (int(part) for part in text.split("-"))
        try:
            date(2024, month, day)  # a leap year: 02-29 is a day
        except ValueError:
            yield Problem(file, key, f"{text!r} is no day of the year")


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _definition(data: dict[str, Any], file: str) -> SchemeDefinition:
    coverage_data = data.get("coverage", {})
    coverage = Coverage(
        overview=frozenset(coverage_data.get("overview", ())),
        receipt=frozenset(coverage_data.get("receipt", ())),
        overview_and_receipt=frozenset(coverage_data.get("overview_and_receipt", ())),
        referred=frozenset(coverage_data.get("referred", ())),
        norway_only=coverage_data.get("norway_only", False),
        exclusions=tuple(
            Exclusion(item["category"], item["under_age"], item.get("assumed", ""))
            for item in coverage_data.get("exclusions", ())
        ),
    )
    who = data.get("who", {"institutions": [], "patients": []})
    period = data["period"]
    teaching = period.get("teaching")
    deadline = data.get("deadline", {})
    window = deadline.get("window")
    return SchemeDefinition(
        scheme=data["scheme"],
        name=_words(data["name"]),
        sources={
            key: Source(
                value["title"], value["address"], value.get("read", ""), value.get("note", "")
            )
            for key, value in data["sources"].items()
        },
        who=Who(
            institutions=frozenset(who["institutions"]),
            patients=tuple(
                PatientRule(item["relation"], item.get("under_age")) for item in who["patients"]
            ),
            institutions_assumed=who.get("institutions_assumed", ""),
            min_ects_per_year=who.get("min_ects_per_year", ""),
        ),
        period=PeriodRules(
            kinds=frozenset(period["kinds"]),
            deductible_over=period.get("deductible_over", "period"),
            teaching=None
            if teaching is None
            else Teaching(
                _span(teaching["spring"]),
                _span(teaching["fall"]),
                frozenset(teaching["outside_only"]),
            ),
        ),
        coverage=coverage,
        pots=tuple(
            Pot(
                name=pot["name"],
                categories=frozenset(pot.get("categories", coverage.refunded)),
                share=pot["share"],
                deductible=pot.get("deductible", ""),
                cap=_cap(pot.get("cap")),
            )
            for pot in data.get("pots", ())
        ),
        documents=Documents(
            overview=data["documents"].get("overview", "never"),
            required=tuple(
                RequiredDocument(item["type"], frozenset(item.get("with_category", ())))
                for item in data["documents"].get("required", ())
            ),
            offered=tuple(data["documents"].get("offered", ())),
        ),
        deadline=Deadline(
            window=None
            if window is None
            else Window(
                _day_after(window["opens"], window["years_after"]),
                _day_after(window["closes"], window["years_after"]),
            ),
            by={
                kind: _day_after(day["month_day"], day["years_after"])
                for kind, day in deadline.get("by", {}).items()
            }
            or None,
            line_age_months=deadline.get("line_age", {}).get("months", ""),
        ),
        figures={name: _figure(name, spec) for name, spec in data["figures"].items()},
        cap=_cap(data.get("cap")),
        minimum_payout=data.get("minimum_payout", ""),
        cited_as=tuple(data.get("cited_as", ())),
        hooks={step: tuple(names) for step, names in data["hooks"].items()}
        if "hooks" in data
        else None,
        file=file,
    )


def _words(data: Mapping[str, str]) -> Words:
    return Words(data["nb"], data["en"])


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def _span(data: Mapping[str, str]) -> Span:
    return Span(_month_day(data["from"]), _month_day(data["to"]))


def _day_after(text: str, years_after: int) -> LastDay:
    month, day = _month_day(text)
    return LastDay(month, day, years_after)


def _cap(data: Mapping[str, str] | None) -> Cap | None:
    if data is None:
        return None
    per: CapPer = "calendar_year" if data["per"] == "calendar_year" else "period"
    return Cap(data["figure"], per)


def _figure(name: str, spec: Mapping[str, Any]) -> Figure:
    unit = spec["unit"]
    return Figure(
        name=name,
        unit=unit,
        label=_words(spec["label"]),
        values=tuple(
            FigureValue(
                starts=date.fromisoformat(str(value["from"])),
                value=_value(unit, value["value"]),
                source=_ids(value["source"]),
                assumed=value.get("assumed", ""),
            )
            for value in spec["values"]
        ),
        of=spec.get("of", ""),
        dated=spec.get("dated", True),
    )


def _value(unit: str, raw: Any) -> Any:
    """A figure's value as the rules read it, by its unit (as the parameter files' were):
    a Decimal as written, an int, a frozenset of codes, a last day, or words by language."""
    if raw == "none":
        return None
    if unit in NUMBER_UNITS:
        return Decimal(str(raw))
    if unit in WHOLE_UNITS:
        return int(Decimal(str(raw)))
    if unit == "codes":
        return frozenset(raw)
    if unit == "deadline":
        return _day_after(raw["month_day"], raw["years_after"])
    return {"en": raw["en"], "nb": raw["nb"]}
