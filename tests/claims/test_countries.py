"""Countries are shown by name in the reader's language, in the order of its alphabet."""

from __future__ import annotations

import pytest

from refusjon.claims.countries import country_choices, country_name
from refusjon.claims.profiles import COUNTRY_CODES


@pytest.mark.parametrize(
    ("code", "lang", "name"),
    [
        ("US", "nb", "USA"),
        ("US", "en", "United States"),
        ("DE", "nb", "Tyskland"),
        ("jp", "en", "Japan"),
    ],
)
def test_a_country_code_is_the_countrys_name_in_the_readers_language(
    code: str, lang: str, name: str
) -> None:
    assert country_name(code, lang) == name


def test_a_code_that_names_no_country_is_shown_as_it_is() -> None:
    assert country_name("XQ", "nb") == "XQ"


def test_every_country_a_profile_may_hold_is_a_choice_by_name() -> None:
    for lang in ("nb", "en"):
        choices = dict(country_choices(lang))
        assert set(choices) == COUNTRY_CODES
        assert all(name != code for code, name in choices.items())


def test_bokmal_names_come_in_the_order_of_the_norwegian_alphabet() -> None:
    names = [name for _, name in country_choices("nb")]
    assert names.index("Zambia") < names.index("Østerrike") < names.index("Åland")
    assert names.index("Albania") < names.index("Algerie") < names.index("Belgia")
    english = [name for _, name in country_choices("en")]
    assert english.index("Åland Islands") < english.index("Albania")
