"""One module per scheme; :data:`SCHEMES` picks the rules for a claim."""

from refusjon.rules.model import Scheme
from refusjon.rules.schemes.base import SchemeRules
from refusjon.rules.schemes.helfo_abroad import HelfoAbroadRules
from refusjon.rules.schemes.sio import SioRules
from refusjon.rules.schemes.ssn import SsnRules

SCHEMES: dict[Scheme, SchemeRules] = {
    Scheme.SIO: SioRules(),
    Scheme.SSN: SsnRules(),
    Scheme.HELFO_ABROAD: HelfoAbroadRules(),
}

__all__ = ["SCHEMES", "SchemeRules"]
