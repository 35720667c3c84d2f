"""The claim's own get_status_display and get_scheme_display say what Django's would."""

from __future__ import annotations

import pytest
from django.utils import translation

from refusjon.claims.models import SCHEME_CHOICES, Claim, ClaimStatus


@pytest.mark.parametrize("language", ["nb", "en"])
def test_status_and_scheme_read_as_djangos_own_would_in_each_language(language: str) -> None:
    status, scheme = Claim._meta.get_field("status"), Claim._meta.get_field("scheme")
    with translation.override(language):
        for value in [*ClaimStatus.values, "unknown"]:
            claim = Claim(status=value, scheme="sio")
            assert claim.get_status_display() == claim._get_FIELD_display(status)
        for value in [*(code for code, _ in SCHEME_CHOICES), "unknown"]:
            claim = Claim(status="draft", scheme=value)
            assert claim.get_scheme_display() == claim._get_FIELD_display(scheme)
    with translation.override("nb"):
        assert Claim(status="draft").get_status_display() == "Utkast"
