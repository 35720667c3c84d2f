"""Explanations: the rules, parameters and running totals in words, in two languages."""

from __future__ import annotations

import json
import string
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from refusjon.rules.batch import BatchAssessor, decision_to_json
from refusjon.rules.explain import MESSAGES, Renderer
from refusjon.rules.money import round_ore

OVERVIEW = {"type": "user_fee_overview", "shows_applicant_name": True}


def sio_claim(claim_id: str, *amounts: str) -> str:
    return json.dumps(
        {
            "claim_id": claim_id,
            "scheme": "sio",
            "submitted_on": "2026-12-01",
            "period": "2026",
            "applicant": {
                "person_id": "P",
                "birth_date": "2001-01-01",
                "semester_fee_paid": True,
                "registered_student": True,
                "sio_gp": True,
            },
            "expenses": [
                {
                    "line_id": str(n),
                    "category": "gp",
                    "service_on": f"2026-0{n}-10",
                    "amount": amount,
                    "public_user_fee": True,
                }
                for n, amount in enumerate(amounts, start=1)
            ],
            "documents": [OVERVIEW],
        }
    )


def explained(lang: str = "en", sources: bool = False) -> list[str]:
    assessor = BatchAssessor()
    assessor.assess_line(sio_claim("A", "1045.00"))
    second = assessor.assess_line(sio_claim("B", "200.00")).decision
    return decision_to_json(second, Renderer(lang, sources))["explanation"]


def test_it_names_the_parameter_its_value_date_and_source() -> None:
    text = explained()
    assert (
        "SiO threshold for a SiO GP patient from 2026-01-01: NOK 490.00 (source: SiO, "
        "«Refund of healthcare expenses», sio.no/en/health/refund-of-healthcare-expenses)." in text
    )


def test_the_rule_keepers_own_source_note_is_shown_only_when_asked_for() -> None:
    assert not any("[seed" in step for step in explained("nb"))
    assert any("updated 25.02.26 [seed 003]" in step for step in explained("en", sources=True))


def test_a_semester_is_said_in_words() -> None:
    from refusjon.rules.model import Period

    assert Renderer("nb").period(Period.parse("2026-fall")) == "høsten 2026"
    assert Renderer("en").period(Period.parse("2026-spring")) == "spring 2026"
    assert Renderer("nb").period(Period.parse("2026")) == "2026"


def test_it_gives_the_running_total_before_and_after_each_line() -> None:
    assert any(
        "NOK 1,045.00 before it and NOK 1,245.00 after it" in step and step.endswith("NOK 200.00.")
        for step in explained()
    )


def test_assumed_parameters_are_said_to_be_assumed() -> None:
    limit = [step for step in explained() if step.startswith("Exemption card limit")]
    assert limit and "assumed" in limit[0]
    limit_nb = [step for step in explained("nb") if step.startswith("Egenandelstak")]
    assert limit_nb and "antatt" in limit_nb[0]


def test_bokmal_formats_money_and_dates_the_norwegian_way() -> None:
    renderer = Renderer("nb")
    assert renderer.money(Decimal("3278")) == "kr 3 278,00"
    text = " ".join(explained("nb"))
    assert "01.01.2026" in text and "kr 1 045,00" in text


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=4)
    | st.decimals(min_value=-2000, max_value=2000, places=3)
    | st.sampled_from([Decimal(text) for text in ("-0.001", "999.995", "-99.995", "-0", "1E+3")])
)
def test_money_is_rounded_half_up_to_ore_with_commas_between_thousands(amount: Decimal) -> None:
    # Amounts below a thousand are written a quicker way: it must read the same.
    assert Renderer("en").money(amount) == f"NOK {round_ore(amount):,.2f}"
    bokmal = f"kr {round_ore(amount):,.2f}".replace(",", " ").replace(".", ",")
    assert Renderer("nb").money(amount) == bokmal


def test_every_message_has_english_and_bokmal_with_the_same_fields() -> None:
    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, message in MESSAGES.items():
        variants = message.values() if isinstance(message, dict) else [message]
        for english, bokmal in variants:
            assert english and bokmal, key
            assert fields(english) == fields(bokmal), key
