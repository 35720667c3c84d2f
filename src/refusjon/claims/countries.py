"""Countries as a reader is shown them: by name in the reader's language, never by code.

The names are the Unicode CLDR's, through Babel (``Locale("nb").territories``): offline, kept
up to date with each Babel release, and free of Django, so a letter made by a job names a
country as a page does. The codes are ISO 3166 alpha-2, as the claims and the rules keep them
(:data:`refusjon.claims.profiles.COUNTRY_CODES` are the ones a profile may hold)."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from babel import Locale

from refusjon.claims.profiles import COUNTRY_CODES

__all__ = ["country_choices", "country_name"]


@lru_cache(maxsize=2)
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse("en" if lang == "en" else "nb").territories)


def country_name(code: str, lang: str) -> str:
    """An ISO 3166 alpha-2 country code as the country's name in ``lang`` ("USA", "United
    States"); a code that names no country is shown as it is."""
    return _territories(lang).get(code.strip().upper(), code) if code else code


def _alphabetical(name: str, lang: str) -> str:
    """A key that sorts names as the language's alphabet does: accents aside, and in bokmål
    æ, ø and å after z ("Østerrike" after "Zambia")."""
    text = name.casefold()
    if lang != "en":
        text = text.replace("æ", "{0").replace("ø", "{1").replace("å", "{2")
    text = unicodedata.normalize("NFKD", text)
    return "".join(char for char in text if not unicodedata.combining(char))


@lru_cache(maxsize=2)
def country_choices(lang: str) -> tuple[tuple[str, str], ...]:
    """Every country a claim may name, as (code, name) in ``lang``, in the order of its names."""
    names = {code: country_name(code, lang) for code in COUNTRY_CODES}
    return tuple(sorted(names.items(), key=lambda item: _alphabetical(item[1], lang)))
