"""Every scheme decided from its file (``files/``, named hooks in ``hooks/``); :data:`SCHEMES`
picks the rules for a claim."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from refusjon.rules.model import Scheme
from refusjon.rules.parameters import Parameters, ParameterValue, default_parameters
from refusjon.rules.schemes import language
from refusjon.rules.schemes.base import SchemeRules
from refusjon.rules.schemes.data import figure_parameters, rules_of
from refusjon.rules.schemes.language import Problem, SchemeDefinition, SchemeFileError

SCHEMES: dict[Scheme, SchemeRules] = {**rules_of(language.builtin().values())}


def offered_categories(scheme: str, day: date, params: Parameters | None = None) -> frozenset[str]:
    """The categories of treatment a claim under ``scheme`` can be refunded for on ``day``."""
    return SCHEMES[Scheme(scheme)].categories(params or default_parameters(), day)


def offered_documents(scheme: str) -> tuple[str, ...]:
    """The kinds of document a claim under ``scheme`` may hold, the one most need first."""
    return SCHEMES[Scheme(scheme)].documents


@dataclass(frozen=True, slots=True, eq=False)  # one object per version read: identity is equality
class SchemeVersion:
    """A version of a scheme as a file gives it: what it says, the rules it decides by, and
    its figures as dated parameters."""

    definition: SchemeDefinition
    rules: SchemeRules
    parameters: Mapping[str, Sequence[ParameterValue]]

    def laid_over(self, params: Parameters) -> Parameters:
        """``params`` with this version's figures in place of the scheme's own."""
        series: dict[str, Sequence[ParameterValue]] = {
            name: params.history(name) for name in params.names
        }
        series.update(self.parameters)
        return Parameters(series)


def version_of(text: str, *, file: str, scheme: str) -> SchemeVersion:
    """The version of ``scheme`` written in ``text`` (a file named ``file``), or
    :class:`SchemeFileError` with every problem in it, one of them if it is another scheme's."""
    definition = language.loads(text, file=file)
    if definition.scheme != scheme:
        problem = f"is {definition.scheme}, but this is a version of {scheme}"
        raise SchemeFileError([Problem(file, "scheme", problem)])
    rules = rules_of([definition])[Scheme(scheme)]
    return SchemeVersion(definition, rules, figure_parameters(definition))


def shipped_text(scheme: str) -> str | None:
    """The text of the file ``scheme`` ships as, or None for a scheme not written as a file."""
    path = language.SCHEME_DIR / f"{scheme}.yaml"
    return path.read_text(encoding="utf-8") if path.exists() else None


__all__ = [
    "SCHEMES",
    "SchemeFileError",
    "SchemeRules",
    "SchemeVersion",
    "offered_categories",
    "offered_documents",
    "shipped_text",
    "version_of",
]
