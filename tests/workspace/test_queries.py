"""The queue's pages: keyed on (submitted_on, id), so that page two thousand is found as
quickly as page one, every claim shows exactly once, and the filters stay on."""

from __future__ import annotations

import re
from datetime import date, timedelta
from itertools import count

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from refusjon.claims.models import Claim, ClaimStatus, User
from refusjon.workspace.queries import Cursor, open_claims, queue_page
from tests.workspace.conftest import TODAY, signed_in

_references = count(1)
SIZE = 50


def open_claims_of(applicant: User, ages: list[int], *, scheme: str = "sio") -> list[Claim]:
    """Open claims submitted so many days ago, several on a day where ``ages`` repeats one."""
    return Claim.objects.bulk_create(
        Claim(
            reference=f"R-PAGE-{next(_references):06d}",
            applicant=applicant,
            scheme=scheme,
            period="2026",
            status=ClaimStatus.SUBMITTED,
            submitted_on=TODAY - timedelta(days=age),
        )
        for age in ages
    )


def in_queue_order(claims: list[Claim]) -> list[str]:
    return [c.reference for c in sorted(claims, key=lambda c: (c.submitted_on, c.pk))]


def queue_rows(response: object) -> list[str]:
    return [row["claim"].reference for row in response.context["rows"]]  # type: ignore[attr-defined]


def link(response: object, rel: str) -> str | None:
    """The address of the page's "next" or "prev" link, if it has one."""
    found = re.search(rf'rel="{rel}" href="([^"]+)"', response.content.decode())  # type: ignore[attr-defined]
    return found.group(1).replace("&amp;", "&") if found else None


def two_hundred_and_thirty(alice: User) -> list[Claim]:
    """230 claims over 60 days: three or four on each day, so that the id orders a day."""
    return open_claims_of(alice, [(n * 7) % 60 for n in range(230)])


def test_following_next_shows_every_claim_exactly_once_in_order(
    client: Client, alice: User, bob: User
) -> None:
    claims = two_hundred_and_thirty(alice)
    signed_in(client, bob)
    seen: list[str] = []
    query: str | None = ""
    pages = 0
    while query is not None:
        response = client.get(reverse("workspace:queue") + query)
        assert response.status_code == 200
        seen += queue_rows(response)
        query = link(response, "next")
        pages += 1
    assert pages == 5
    assert seen == in_queue_order(claims)


def test_following_previous_from_the_last_page_comes_back_the_same_way(
    client: Client, alice: User, bob: User
) -> None:
    claims = two_hundred_and_thirty(alice)
    signed_in(client, bob)
    response = client.get(reverse("workspace:queue"), {"last": "1"})
    assert link(response, "next") is None
    pages = [queue_rows(response)]
    while (address := link(response, "prev")) is not None:
        response = client.get(reverse("workspace:queue") + address)
        pages.insert(0, queue_rows(response))
    seen = [reference for page in pages for reference in page]
    # Backwards, pages are full from the end; the first is the first page, which overlaps.
    assert pages[0] == in_queue_order(claims)[:SIZE]
    assert sorted(set(seen)) == sorted(c.reference for c in claims)
    assert all(len(page) == SIZE for page in pages)


def test_a_deep_page_asks_the_same_few_questions_as_the_first(
    client: Client,
    alice: User,
    bob: User,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    claims = two_hundred_and_thirty(alice)
    ordered = sorted(claims, key=lambda c: (c.submitted_on, c.pk))
    place = ordered[179]
    signed_in(client, bob)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("workspace:queue"), {"after": str(Cursor.of(place))})
    assert queue_rows(response) == [c.reference for c in ordered[180:]]
    assert response.context["total"] == 230
    assert link(response, "next") is None
    previous = link(response, "prev")
    assert previous == f"?before={Cursor.of(ordered[180])}"
    back = client.get(reverse("workspace:queue") + previous)
    assert queue_rows(back) == [c.reference for c in ordered[130:180]]


def test_the_filters_stay_on_from_page_to_page(client: Client, alice: User, bob: User) -> None:
    sio = open_claims_of(alice, list(range(120)))
    open_claims_of(alice, list(range(120)), scheme="ssn")
    signed_in(client, bob)
    first = client.get(reverse("workspace:queue"), {"scheme": "sio", "min_age_days": "10"})
    assert first.context["total"] == 110
    next_page = link(first, "next")
    assert next_page is not None and next_page.startswith("?scheme=sio&min_age_days=10&after=")
    second = client.get(reverse("workspace:queue") + next_page)
    assert (link(second, "prev") or "").startswith("?scheme=sio&min_age_days=10&before=")
    expected = in_queue_order([c for c in sio if c.submitted_on <= TODAY - timedelta(days=10)])
    assert queue_rows(first) + queue_rows(second) == expected[: 2 * SIZE]
    assert 'href="?scheme=sio&amp;min_age_days=10&amp;last=1"' in second.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"after": "not a place"},
        {"after": "2026-11-02"},
        {"after": "2026-13-02.5"},
        {"after": "2026-11-02.-5"},
        {"after": "2026-11-02.0"},
        {"after": "20261102.5"},
        {"after": "2026-11-02." + "9" * 40},
        {"before": "2026-11-02.x"},
        {"before": ""},
        {"last": "yes"},
        {"page": "7"},
    ],
    ids=str,
)
def test_a_place_that_does_not_parse_gives_the_first_page(
    client: Client, alice: User, bob: User, query: dict[str, str]
) -> None:
    claims = open_claims_of(alice, list(range(80)))
    response = signed_in(client, bob).get(reverse("workspace:queue"), query)
    assert response.status_code == 200
    assert queue_rows(response) == in_queue_order(claims)[:SIZE]
    assert link(response, "prev") is None


def test_a_place_past_either_end_gives_an_empty_page_or_the_first(
    client: Client, alice: User, bob: User
) -> None:
    claims = open_claims_of(alice, list(range(80)))
    signed_in(client, bob)
    beyond = client.get(reverse("workspace:queue"), {"after": "2099-01-01.1"})
    assert beyond.status_code == 200 and queue_rows(beyond) == []
    assert "No open claims." in beyond.content.decode()
    before_all = client.get(reverse("workspace:queue"), {"before": "2000-01-01.1"})
    assert queue_rows(before_all) == in_queue_order(claims)[:SIZE]


def test_one_page_of_claims_has_no_page_links(client: Client, alice: User, bob: User) -> None:
    open_claims_of(alice, list(range(SIZE)))
    response = signed_in(client, bob).get(reverse("workspace:queue"))
    assert len(queue_rows(response)) == SIZE
    assert 'class="pagination"' not in response.content.decode()


@pytest.mark.django_db
def test_previous_from_near_the_start_is_the_full_first_page(alice: User) -> None:
    claims = open_claims_of(alice, list(range(200, 0, -1)))
    queue = open_claims(today=TODAY)
    page = queue_page(queue, size=SIZE, before=Cursor.of(claims[10]))
    assert [c.reference for c in page.claims] == [c.reference for c in claims[:SIZE]]
    assert not page.has_previous and page.has_next


@pytest.mark.parametrize(
    ("text", "cursor"),
    [
        ("2026-11-02.12", Cursor(date(2026, 11, 2), 12)),
        ("2026-11-02.12.5", None),
        ("2026-11-02", None),
        ("", None),
        (".12", None),
        ("2026-11-02." + str(2**63), None),
        ("2026-11-02." + str(2**63 - 1), Cursor(date(2026, 11, 2), 2**63 - 1)),
    ],
)
def test_a_cursor_reads_back_what_it_writes(text: str, cursor: Cursor | None) -> None:
    assert Cursor.parse(text) == cursor
    if cursor is not None:
        assert str(cursor) == text
