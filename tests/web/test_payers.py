"""Every scheme has its own paying organisation; the demo's are clearly the demo's, each its
own, with numbers a bank would take (valid check digits)."""

from __future__ import annotations

import pytest
from django.conf import settings
from stdnum.no import kontonr, orgnr

from refusjon.claims.models import SCHEME_CHOICES
from refusjon.web.settings import DEMO_PAYERS

SCHEMES = [code for code, _label in SCHEME_CHOICES]


def test_every_scheme_has_a_payer() -> None:
    assert sorted(settings.REFUSJON_PAYERS) == sorted(SCHEMES)
    assert sorted(DEMO_PAYERS) == sorted(SCHEMES)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_demo_payer_says_it_is_the_demo_s_and_has_valid_numbers(scheme: str) -> None:
    name, organisation_number, account, _bic, address, email, _phone = DEMO_PAYERS[scheme]
    payer = settings.REFUSJON_PAYERS[scheme]
    assert payer["name"] == f"{name} (demo)"
    assert orgnr.is_valid(organisation_number), organisation_number
    assert kontonr.is_valid(account), account
    assert address.startswith("Postboks 0000") and email.endswith("example.no")


def test_no_two_organisations_share_an_account_or_an_organisation_number() -> None:
    payers = DEMO_PAYERS.values()
    assert len({payer[1] for payer in payers}) == len(SCHEMES)
    assert len({payer[2] for payer in payers}) == len(SCHEMES)


def test_the_demo_values_left_are_named_for_the_deploy_check() -> None:
    # The suite runs without REFUSJON_PAYER_* set: every one of the nine is the demo's.
    for scheme in SCHEMES:
        assert f"REFUSJON_PAYER_{scheme.upper()}_ACCOUNT" in settings.REFUSJON_PAYER_DEMO_VALUES
