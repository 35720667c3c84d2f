"""``manage.py ask_for_letters``: ask for the letters of the decisions and recoveries that have
none stored yet, such as those made before letters were kept, or while
REFUSJON_LETTERS_IN_ADVANCE was off. The worker makes them; running it again asks for nothing
already asked for."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from refusjon.claims.models import Assessment, AssessmentKind
from refusjon.letters.models import LetterKind
from refusjon.letters.services import ask_for_letters
from refusjon.payouts.models import Recovery


class Command(BaseCommand):
    help = "Ask for the letters of every current decision and every recovery that has none."

    def handle(self, *args: Any, **options: Any) -> None:
        decisions = list(
            Assessment.objects.filter(
                kind=AssessmentKind.DECISION, superseded_by__isnull=True, letters__isnull=True
            ).values_list("pk", flat=True)
        )
        recoveries = list(
            Recovery.objects.filter(letters__isnull=True).values_list("pk", flat=True)
        )
        asked = [(LetterKind.DECISION, pk) for pk in decisions]
        asked += [(LetterKind.RECOVERY, pk) for pk in recoveries]
        with transaction.atomic():
            for kind, pk in asked:
                ask_for_letters.enqueue(kind.value, pk)
        self.stdout.write(
            f"Asked for the letters of {len(decisions)} decisions and {len(recoveries)} "
            "recoveries; the worker (manage.py db_worker) makes them."
        )
