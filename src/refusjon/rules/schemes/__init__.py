"""Every scheme decided from its file (``files/``, named hooks in ``hooks/``); :data:`SCHEMES`
picks the rules for a claim."""

from datetime import date

from refusjon.rules.model import Scheme
from refusjon.rules.parameters import Parameters, default_parameters
from refusjon.rules.schemes import language
from refusjon.rules.schemes.base import SchemeRules
from refusjon.rules.schemes.data import rules_of

SCHEMES: dict[Scheme, SchemeRules] = {**rules_of(language.builtin().values())}


def offered_categories(scheme: str, day: date, params: Parameters | None = None) -> frozenset[str]:
    """The categories of treatment a claim under ``scheme`` can be refunded for on ``day``."""
    return SCHEMES[Scheme(scheme)].categories(params or default_parameters(), day)


def offered_documents(scheme: str) -> tuple[str, ...]:
    """The kinds of document a claim under ``scheme`` may hold, the one most need first."""
    return SCHEMES[Scheme(scheme)].documents


__all__ = ["SCHEMES", "SchemeRules", "offered_categories", "offered_documents"]
