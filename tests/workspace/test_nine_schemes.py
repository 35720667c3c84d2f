"""Every scheme the engine decides is offered wherever caseworkers choose one: the queue's
filter, the recoveries' filter and the payout form."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from refusjon.claims.models import User
from refusjon.rules.model import Scheme
from tests.portal.test_offers import options

NINE = {scheme.value for scheme in Scheme}


@pytest.mark.django_db
def test_the_queue_filters_by_any_of_the_nine_schemes(client: Client, bob: User) -> None:
    client.force_login(bob)
    html = client.get(reverse("workspace:queue")).content.decode()
    assert set(options(html, "id_scheme")) == {"", *NINE}


@pytest.mark.django_db
def test_finance_prepares_a_run_of_any_of_the_nine_schemes(client: Client, fiona: User) -> None:
    client.force_login(fiona)
    html = client.get(reverse("workspace:payouts")).content.decode()
    assert set(options(html, "id_scheme")) == NINE


@pytest.mark.django_db
def test_a_queue_filtered_by_sammen_is_shown(client: Client, bob: User) -> None:
    client.force_login(bob)
    page = client.get(reverse("workspace:queue"), {"scheme": "sammen"})
    assert page.status_code == 200
