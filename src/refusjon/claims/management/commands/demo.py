"""``manage.py demo``: demo data for ``make run`` — a student for each scheme with claims in
several states, two caseworkers, one with the finance role, and an administrator; a frozen payout
run with a paid and a rejected payment, and decided claims ready for the next run. Safe to run
again; never in production.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from refusjon.claims import services
from refusjon.claims.models import Attachment, Claim, Institution, StudentProfile, User
from refusjon.currency.services import import_rates
from refusjon.payouts import services as payouts

# Illustrative rates in Norges Bank's format, for the dates of the demo's foreign claims.
DEMO_RATES = Path(__file__).parents[3] / "currency" / "data" / "norges-bank-demo.csv"

PASSWORD = "demo-refusjon-2026"  # demo accounts only: the command refuses to run in production

INSTITUTIONS = [
    ("uio", "Universitetet i Oslo", "sio"),
    ("oslomet-kjeller", "OsloMet Kjeller", "sio"),
    ("usn", "Universitetet i Sørøst-Norge", "ssn"),
    ("phs-stavern", "Politihøgskolen Stavern", "ssn"),
    ("fagskolen-viken", "Fagskolen i Viken, Kongsberg", "ssn"),
    ("fagskolen-vestfold-telemark", "Fagskolen Vestfold og Telemark", "ssn"),
]

# Account numbers with valid check digits, none of them real; jonas's is closed (the bank says).
STUDENTS: dict[str, dict[str, Any]] = {
    "alice": {
        "person_id": "DEMO-ALICE",
        "institution": "uio",
        "sio_gp": True,
        "bank_account": "86011117947",
    },
    "jonas": {
        "person_id": "DEMO-JONAS",
        "institution": "oslomet-kjeller",
        "sio_gp": True,
        "bank_account": "12345678903",
    },
    "sindre": {"person_id": "DEMO-SINDRE", "institution": "usn", "bank_account": "15032080119"},
    "hanna": {
        "person_id": "DEMO-HANNA",
        "institution": None,
        "nis_member": True,
        "full_time_student_abroad": True,
        "study_country": "US",
        "iban": "GB82WEST12345698765432",
        "bic": "WESTGB22",
    },
}


class Command(BaseCommand):
    help = "Load demo users and claims (not in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo data is never loaded in production")
        with transaction.atomic():
            created = self._load()
        self.stdout.write(("Demo data loaded." if created else "Demo data already there.") + "\n")
        self.stdout.write(
            f"Sign in at http://127.0.0.1:8000/ with (password for all: {PASSWORD}):\n"
        )
        for name, role in [
            ("alice", "student, SiO"),
            ("jonas", "student, SiO (the bank rejected his account)"),
            ("sindre", "student, SSN"),
            ("hanna", "student abroad, Helfo"),
            ("bob", "caseworker"),
            ("dave", "caseworker"),
            ("fiona", "caseworker with the finance role (payouts)"),
            ("admin", "administrator, /admin/"),
        ]:
            self.stdout.write(f"  {name:<8} {role}\n")

    def _load(self) -> bool:
        if User.objects.filter(username="alice").exists():
            return False
        for code, name, organisation in INSTITUTIONS:
            Institution.objects.get_or_create(
                code=code, defaults={"name": name, "welfare_organisation": organisation}
            )
        import_rates(DEMO_RATES)
        caseworkers, _ = Group.objects.get_or_create(name="caseworkers")
        finance, _ = Group.objects.get_or_create(name="finance")
        for name in ("bob", "dave", "fiona"):
            User.objects.create_user(name, password=PASSWORD).groups.add(caseworkers)
        User.objects.get(username="fiona").groups.add(finance)
        User.objects.create_superuser("admin", password=PASSWORD)
        students = {name: self._student(name, facts) for name, facts in STUDENTS.items()}
        bob = User.objects.get(username="bob")
        self._claims(students, caseworker=bob)
        self._payouts(students, caseworker=bob, finance=User.objects.get(username="fiona"))
        return True

    def _student(self, name: str, facts: dict[str, Any]) -> User:
        user = User.objects.create_user(name, password=PASSWORD, first_name=name.title())
        facts = dict(facts)
        institution = facts.pop("institution")
        StudentProfile.objects.create(
            user=user,
            birth_date=date(2001, 4, 9),
            institution=Institution.objects.filter(code=institution).first(),
            semester_fee_paid=True,
            registered_student=True,
            **facts,
        )
        return user

    def _claims(self, students: dict[str, User], *, caseworker: User) -> None:
        now = timezone.now()
        alice, sindre, hanna = students["alice"], students["sindre"], students["hanna"]
        decided = self._claim(
            alice,
            "sio",
            "2026",
            [("gp", "2026-01-12", "300.00"), ("psychologist", "2026-02-20", "386.00")],
        )
        self._through(decided, alice, caseworker, now, until="decided")
        self._claim(alice, "sio", "2026", [("radiology", "2026-09-03", "287.00")])  # a draft
        returned = self._claim(sindre, "ssn", "2026-fall", [("gp", "2026-08-20", "179.00")])
        self._through(returned, sindre, caseworker, now, until="returned")
        submitted = self._claim(
            hanna,
            "helfo_abroad",
            "2026",
            [("gp", "2026-03-02", "1200.00"), ("hospital_stay", "2026-03-03", "18000.00")],
            documents=("receipt", "proof_of_payment", "medical_documentation"),
            currency="USD",
        )
        services.submit_claim(submitted, by=hanna, token="demo", now=now)

    def _payouts(self, students: dict[str, User], *, caseworker: User, finance: User) -> None:
        """A frozen SiO run that paid alice and was rejected for jonas (closed account), then
        decided claims of alice's and sindre's waiting for the next runs."""
        now = timezone.now()
        alice, jonas, sindre = students["alice"], students["jonas"], students["sindre"]
        rejected = self._claim(jonas, "sio", "2026", [("gp", "2026-02-03", "600.00")])
        self._through(rejected, jonas, caseworker, now, until="decided")
        run = payouts.build_run(
            "sio", by=finance, execution_date=timezone.localdate(now), now=now
        ).run
        run = payouts.freeze_run(run, by=finance, now=now)
        for payment in run.payments.select_related("student"):
            if payment.student == jonas:
                payouts.mark_rejected(payment, code="AC04", reason="Closed account", now=now)
            else:
                payouts.mark_paid(payment, now=now)
        waiting = self._claim(alice, "sio", "2026", [("gp", "2026-05-14", "450.00")])
        self._through(waiting, alice, caseworker, now, until="decided")
        ssn = self._claim(
            sindre,
            "ssn",
            "2026-fall",
            [("gp", "2026-09-15", "750.00")],
            documents=("user_fee_overview", "student_id"),
        )
        self._through(ssn, sindre, caseworker, now, until="decided")

    def _claim(
        self,
        student: User,
        scheme: str,
        period: str,
        lines: list[tuple[str, str, str]],
        documents: tuple[str, ...] = ("user_fee_overview",),
        currency: str = "NOK",
    ) -> Claim:
        claim = services.create_draft(student, scheme=scheme, period=period)
        for category, day, amount in lines:
            services.add_line(
                claim,
                by=student,
                category=category,
                service_on=date.fromisoformat(day),
                amount=Decimal(amount),
                currency=currency,
                public_user_fee=scheme != "helfo_abroad",
            )
        for document_type in documents:
            Attachment.objects.create(
                claim=claim,
                document_type=document_type,
                shows_applicant_name=True,
                language="en" if scheme == "helfo_abroad" else "no",
            )
        return claim

    def _through(
        self, claim: Claim, student: User, caseworker: User, now: Any, *, until: str
    ) -> None:
        services.submit_claim(claim, by=student, token=f"demo-{claim.pk}", now=now)
        services.start_review(claim, by=caseworker, now=now)
        if until == "returned":
            services.return_claim(
                claim,
                by=caseworker,
                missing=["student_id"],
                message="Legg ved studentbevis eller kvittering for semesteravgift.",
                complete_by=timezone.localdate(now) + timedelta(days=14),
                now=now,
            )
        else:
            services.decide_claim(claim, by=caseworker, now=now)
