"""The look-ups every claim page makes are served by an index on the claim, whatever the
database's statistics say: SQLite has none unless someone runs ANALYZE, and it took the old
one-to-one field's unique index on ``superseded_by`` for a one-row look-up even for ``IS
NULL``, walking every decision that stands (nearly all) on each page."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from refusjon.claims import services
from refusjon.claims.adapter import DatabaseHistory
from refusjon.claims.models import Assessment, AssessmentKind, Claim, User
from tests.factories import NOW, decide, sio_claim


def plan_of(sql: str) -> str:
    """The database's plan for ``sql`` (as Django logged it, with the values in it)."""
    explain = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
    with connection.cursor() as cursor:
        cursor.execute(explain + sql)
        return "\n".join(" ".join(str(part) for part in row) for row in cursor.fetchall())


def walks_superseded_index(plan: str) -> bool:
    """Whether a plan looks rows up by ``superseded_by`` (SQLite: ``superseded_by_id=?``; the
    old unique index on PostgreSQL: ``..._superseded_by_id_key``)."""
    return "superseded_by_id=" in plan or "superseded_by_id_key" in plan


def plans(look_up: object) -> str:
    with CaptureQueriesContext(connection) as queries:
        look_up()  # type: ignore[operator]
    return "\n".join(plan_of(query["sql"]) for query in queries.captured_queries)


def decided_claims(alice: User, bob: User, count: int) -> list[Claim]:
    claims = [sio_claim(alice, "300.00") for _ in range(count)]
    for claim in claims:
        decide(claim, alice, bob)
    return claims


@pytest.mark.django_db
def test_the_current_decision_is_looked_up_by_claim(alice: User, bob: User) -> None:
    claim = decided_claims(alice, bob, 3)[1]
    plan = plans(lambda: services.current_decision(claim))
    assert not walks_superseded_index(plan)
    if connection.vendor == "sqlite":
        assert "USING INDEX assessment_claim_latest (claim_id=? AND kind=?)" in plan


@pytest.mark.django_db
def test_a_students_history_is_looked_up_by_their_claims(alice: User, bob: User) -> None:
    claim = decided_claims(alice, bob, 3)[1]
    plan = plans(lambda: DatabaseHistory.for_claim(claim))
    assert not walks_superseded_index(plan)
    if connection.vendor == "sqlite":
        assert "claims_assessment USING INDEX assessment_claim_latest" in plan


@pytest.mark.django_db
def test_a_decision_is_superseded_once_at_most(alice: User, bob: User) -> None:
    first, second = (
        claim.assessments.get(kind=AssessmentKind.DECISION)
        for claim in decided_claims(alice, bob, 2)
    )
    replacement = Assessment.objects.create(
        claim=first.claim,
        kind=AssessmentKind.DECISION,
        outcome="approved",
        record={},
        created_at=NOW,
    )
    first.superseded_by = replacement
    first.save()
    second.superseded_by = replacement
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
