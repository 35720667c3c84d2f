"""Dated parameters: every figure of the schemes, with the date it applies from and its source.

A value holds from its ``from`` date until the next value of the same parameter. Asking for a
parameter on a day before its first value is an error that names the parameter and the day:
never a silent zero.

The national values live in ``parameters/common/<name>.yaml`` beside this module, a scheme's in
its file (``schemes/files/<scheme>.yaml``, as ``<scheme>.<figure>``); an administrator's edited
values can be given to :class:`Parameters` just the same, as a series per parameter.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import yaml

PARAMETER_DIR = Path(__file__).with_name("parameters")

# How a parameter's unit says its values are read.
DECIMAL_UNITS = frozenset({"NOK", "rate", "km"})
INTEGER_UNITS = frozenset({"count", "months", "age"})
UNITS = DECIMAL_UNITS | INTEGER_UNITS | {"codes", "deadline", "text"}


class ParameterError(Exception):
    """A parameter file or value that cannot be used."""


class ParameterMissing(ParameterError):
    """No value of a parameter is in force on a day."""

    def __init__(self, name: str, day: date) -> None:
        super().__init__(f"parameter {name} has no value in force on {day.isoformat()}")
        self.name = name
        self.day = day


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline relative to a period's year: ``month_day`` of the year ``years_after`` it."""

    month: int
    day: int
    years_after: int

    def for_year(self, year: int) -> date:
        return date(year + self.years_after, self.month, self.day)


@dataclass(frozen=True, slots=True, eq=False)  # one object per dated value: identity is equality
class ParameterValue:
    name: str
    value: Any
    valid_from: date
    source: str
    assumed: bool
    label: Mapping[str, str]
    unit: str
    # False for what schemes.md says is not dated (which categories a scheme covers): the first
    # value then holds for any earlier day too, so an old line is still checked against it.
    dated: bool = True


class Parameters:
    """All parameters, looked up by name and day."""

    def __init__(self, series: Mapping[str, Iterable[ParameterValue]]) -> None:
        # Per parameter: the days its values start (as ordinals), and the values, oldest first.
        self._series: dict[str, tuple[list[int], list[ParameterValue]]] = {}
        for name, values in series.items():
            ordered = sorted(values, key=lambda value: value.valid_from)
            self._series[name] = ([value.valid_from.toordinal() for value in ordered], ordered)
        # Per parameter, the value found last and the days it holds (first and last): a batch
        # asks for the same few values again and again, and this answers without a search. One
        # entry per parameter, so it stays as small as the parameters themselves. A claim's
        # Context reads it too (a call less for each figure a rule asks for); only _find
        # writes it.
        self.found: dict[str, tuple[date, date, ParameterValue]] = {}

    @property
    def names(self) -> list[str]:
        return sorted(self._series)

    def history(self, name: str) -> list[ParameterValue]:
        """Every value of one parameter, oldest first."""
        return list(self._series[name][1])

    def at(self, name: str, day: date) -> ParameterValue:
        """The value of ``name`` in force on ``day``."""
        last = self.found.get(name)
        if last is not None and last[0] <= day <= last[1]:
            return last[2]
        return self._find(name, day)

    def _find(self, name: str, day: date) -> ParameterValue:
        series = self._series.get(name)
        if series is None:
            raise ParameterError(f"unknown parameter {name}")
        starts, values = series
        index = bisect.bisect_right(starts, day.toordinal()) - 1
        if index < 0:
            if values[0].dated:
                raise ParameterMissing(name, day)
            index = 0
        first = values[index].valid_from if index or values[0].dated else date.min
        last = date.fromordinal(starts[index + 1] - 1) if index + 1 < len(starts) else date.max
        self.found[name] = (first, last, values[index])
        return values[index]

    def value(self, name: str, day: date) -> Any:
        return self.at(name, day).value


def parse_value(name: str, unit: str, raw: Any) -> Any:
    """Read one raw YAML value according to the parameter's unit."""
    if unit in DECIMAL_UNITS:
        if not isinstance(raw, str):
            raise ParameterError(f"{name}: write amounts as quoted strings, not {raw!r}")
        try:
            return Decimal(raw)
        except InvalidOperation as error:
            raise ParameterError(f"{name}: {raw!r} is not a number") from error
    if unit in INTEGER_UNITS:
        if not (isinstance(raw, str) and raw.isdigit()):
            raise ParameterError(f"{name}: write whole numbers as quoted strings, not {raw!r}")
        return int(raw)
    if unit == "codes":
        if not (isinstance(raw, list) and all(isinstance(code, str) for code in raw)):
            raise ParameterError(f"{name}: expected a list of codes")
        return frozenset(raw)
    if unit == "deadline":
        month, day = (int(part) for part in str(raw["month_day"]).split("-"))
        return Deadline(month, day, int(raw["years_after"]))
    if unit == "text":
        if not (isinstance(raw, dict) and {"en", "nb"} <= raw.keys()):
            raise ParameterError(f"{name}: text needs 'en' and 'nb'")
        return dict(raw)
    raise ParameterError(f"{name}: unknown unit {unit!r}")


def parse_file(name: str, document: Mapping[str, Any]) -> list[ParameterValue]:
    """The values of one parameter file."""
    unit = document.get("unit")
    if unit not in UNITS:
        raise ParameterError(f"{name}: unit must be one of {sorted(UNITS)}")
    label = document.get("label") or {}
    if not {"en", "nb"} <= set(label):
        raise ParameterError(f"{name}: label needs 'en' and 'nb'")
    dated = document.get("dated", True)
    if not isinstance(dated, bool):
        raise ParameterError(f"{name}: dated is true or false")
    values = []
    for entry in document.get("values") or []:
        if not entry.get("source"):
            raise ParameterError(f"{name}: every value needs a source")
        values.append(
            ParameterValue(
                name=name,
                value=parse_value(name, unit, entry["value"]),
                valid_from=date.fromisoformat(str(entry["from"])),
                source=str(entry["source"]),
                assumed=bool(entry.get("assumed", False)),
                label=label,
                unit=unit,
                dated=dated,
            )
        )
    if not values:
        raise ParameterError(f"{name}: no values")
    return values


# PyYAML's safe loader, in C where PyYAML was built with libyaml (eight times quicker).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_directory(directory: Path) -> Parameters:
    """Read every ``<group>/<name>.yaml`` below ``directory``."""
    series = {}
    for path in sorted(directory.glob("*/*.yaml")):
        name = f"{path.parent.name}.{path.stem}"
        with path.open(encoding="utf-8") as handle:
            series[name] = parse_file(name, yaml.load(handle, Loader=_SafeLoader))
    return Parameters(series)


@cache
def default_parameters() -> Parameters:
    """The parameters shipped with the engine: those of ``parameters/`` and the figures of the
    schemes written as files (``schemes/files/``, named ``<scheme>.<figure>``)."""
    # Imported here: the schemes import this module.
    from refusjon.rules.schemes import language
    from refusjon.rules.schemes.data import figure_parameters

    shipped = load_directory(PARAMETER_DIR)
    series = {name: shipped.history(name) for name in shipped.names}
    for definition in language.builtin().values():
        series.update(figure_parameters(definition))
    return Parameters(series)
