"""``manage.py demo``: demo data for ``make run`` — a student for each scheme with claims in
several states, two caseworkers, one with the finance role, and an administrator; a frozen payout
run with a paid and a rejected payment, and decided claims ready for the next run. Safe to run
again; never in production.

Every date is counted from the day the data is loaded (the application's clock), so the demo
shows the same states on any day: each claim covers a recent period whose deadline has not
passed, its expenses fall in the last three months of it, and the exchange rates cover them.
It lives in the web project because it builds on every app (claims, currency, payouts).
"""

from __future__ import annotations

import csv
import io
import time
from argparse import ArgumentParser
from datetime import date, timedelta
from decimal import Decimal
from itertools import cycle
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from refusjon import clock
from refusjon.claims import services
from refusjon.claims.models import Attachment, Claim, Institution, StudentProfile, User
from refusjon.currency.services import import_rates
from refusjon.intake import readings
from refusjon.letters.pdf import weasyprint
from refusjon.payouts import services as payouts
from refusjon.rules.model import Period
from refusjon.rules.schemes import language
from refusjon.rules.terms import INSTITUTIONS as INSTITUTION_NAMES
from refusjon.rules.terms import term

# Illustrative rates in Norges Bank's format; the demo lays them over the recent business days.
DEMO_RATES = Path(__file__).parents[3] / "currency" / "data" / "norges-bank-demo.csv"

# A claim's expenses are from at most this long ago, well inside Helfo's six months.
RECENT = timedelta(days=90)

PASSWORD = "demo-refusjon-2026"  # demo accounts only: the command refuses to run in production


def institutions() -> list[tuple[str, str, str]]:
    """The places of study of the demo, each with its name and its welfare organisation (by
    the scheme it runs): SiO's and SSN's, and every one a scheme file covers
    (``who.institutions``), named as the rules' plain words name them in bokmål."""
    covered = [
        (code, term(INSTITUTION_NAMES, code, "nb"), scheme)
        for scheme, definition in language.builtin().items()
        for code in sorted(definition.who.institutions)
    ]
    return [
        ("uio", "Universitetet i Oslo", "sio"),
        ("oslomet-kjeller", "OsloMet Kjeller", "sio"),
        ("usn", "Universitetet i Sørøst-Norge", "ssn"),
        ("phs-stavern", "Politihøgskolen Stavern", "ssn"),
        ("fagskolen-viken", "Fagskolen i Viken, Kongsberg", "ssn"),
        ("fagskolen-vestfold-telemark", "Fagskolen Vestfold og Telemark", "ssn"),
        *covered,
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
    # A student of the University of Stavanger: she sees SiS's scheme, and SiO's not.
    "siri": {"person_id": "DEMO-SIRI", "institution": "uis", "bank_account": "15032080127"},
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


def demo_period(scheme: str, today: date) -> Period:
    """The period a demo claim covers on ``today``: the current year (or SSN's semester) once
    a month of it has passed, else the one before, whose deadline is still ahead (SiO: 31
    January; SSN: 1 February and 1 August)."""
    if scheme == "ssn":
        current = Period(today.year, "spring" if today.month <= 6 else "fall")
    else:
        current = Period(today.year, None)
    if (today - current.start).days >= 31:
        return current
    if current.semester == "fall":
        return Period(today.year, "spring")
    if current.semester == "spring":
        return Period(today.year - 1, "fall")
    return Period(today.year - 1, None)


def expense_day(period: Period, today: date, share: float) -> date:
    """A day in the part of ``period`` that lies in the last three months before ``today``,
    ``share`` of the way through it (0 its first day, 1 yesterday or the period's end)."""
    first = max(period.start, today - RECENT)
    last = min(period.end, today - timedelta(days=1))
    return first + timedelta(days=round(share * (last - first).days))


def demo_rates(today: date) -> io.StringIO:
    """Norges Bank's CSV with the shipped illustrative values laid over every weekday of the
    last four months, so each demo expense abroad has a rate of its day (or, at a weekend, of
    the Friday before)."""
    with DEMO_RATES.open(encoding="utf-8-sig", newline="") as shipped:
        rows = list(csv.reader(shipped, delimiter=";"))
    header, body = rows[0], rows[1:]
    day_at = header.index("TIME_PERIOD")
    by_currency: dict[str, list[list[str]]] = {}
    for row in body:
        by_currency.setdefault(row[header.index("BASE_CUR")], []).append(row)
    days = [today - timedelta(days=back) for back in range(RECENT.days + 30, -1, -1)]
    weekdays = [day for day in days if day.weekday() < 5]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writerow(header)
    for currency_rows in by_currency.values():
        for day, row in zip(weekdays, cycle(currency_rows), strict=False):
            dated = list(row)
            dated[day_at] = day.isoformat()
            writer.writerow(dated)
    out.seek(0)
    out.name = "norges-bank-demo.csv"
    return out


class Command(BaseCommand):
    help = "Load demo users and claims (not in production)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--claims",
            type=int,
            default=0,
            metavar="N",
            help="also add N claims over a thousand students, in every state (load tests)",
        )

    def handle(self, *args: Any, claims: int = 0, **options: Any) -> None:
        if settings.PRODUCTION:
            raise CommandError("demo data is never loaded in production")
        if claims < 0:
            raise CommandError("--claims takes a number of claims, 0 or more")
        with transaction.atomic():
            created = self._load()
        self.stdout.write(("Demo data loaded." if created else "Demo data already there.") + "\n")
        if claims:
            self._volume(claims)
        self.stdout.write(
            f"Sign in at http://127.0.0.1:8000/ with (password for all: {PASSWORD}):\n"
        )
        for name, role in [
            ("alice", "student, SiO"),
            ("jonas", "student, SiO (the bank rejected his account)"),
            ("sindre", "student, SSN"),
            ("siri", "student, SiS (University of Stavanger)"),
            ("hanna", "student abroad, Helfo"),
            ("bob", "caseworker"),
            ("dave", "caseworker"),
            ("fiona", "caseworker with the finance role (payouts)"),
            ("admin", "administrator, /admin/"),
        ]:
            self.stdout.write(f"  {name:<8} {role}\n")
        self.stdout.write(mail_note() + "\n")

    def _volume(self, claims: int) -> None:
        # Imported here: the volume module builds on this one's dates.
        from refusjon.web import volume

        there = volume.volume_loaded()
        if there:
            self.stdout.write(
                f"Volume data already there: {there:,} claims of the students "
                f"{volume.USERNAME.format(1)}...; load another amount into an empty database.\n"
            )
            return
        started = time.monotonic()
        loaded = volume.load(
            claims, password=PASSWORD, progress=lambda done: self.stderr.write(f"  {done}")
        )
        by_status = ", ".join(
            f"{status} {count:,}" for status, count in sorted(loaded.by_status.items())
        )
        self.stdout.write(
            f"Volume data loaded in {time.monotonic() - started:.0f} s: {loaded.claims:,} claims "
            f"({by_status}) of {loaded.students:,} students, who sign in as "
            f"{volume.USERNAME.format(1)} ... {volume.USERNAME.format(loaded.students)}.\n"
        )

    def _load(self) -> bool:
        if User.objects.filter(username="alice").exists():
            return False
        for code, name, organisation in institutions():
            Institution.objects.get_or_create(
                code=code, defaults={"name": name, "welfare_organisation": organisation}
            )
        import_rates(demo_rates(clock.today()))
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
        user = User.objects.create_user(
            name, password=PASSWORD, first_name=name.title(), email=f"{name}@student.example.no"
        )
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
        now = clock.now()
        alice, sindre, hanna = students["alice"], students["sindre"], students["hanna"]
        decided = self._claim(
            alice, "sio", [("gp", 0.0, "300.00"), ("psychologist", 0.2, "386.00")]
        )
        self._through(decided, alice, caseworker, now, until="decided")
        # A draft with the overview uploaded and read: the fee typed is found, and a GP visit
        # on it is offered to add with one tap.
        draft = self._claim(alice, "sio", [("radiology", 0.9, "287.00")], documents=())
        self._overview(
            draft,
            [
                (0.9, "Aker sykehus, røntgen", "287.00"),
                (0.5, "Majorstuen legesenter", "179.00"),
            ],
        )
        # Returned with its overview read: the caseworker sees the line found on the page, and
        # a fee of another day the student has not claimed.
        returned = self._claim(sindre, "ssn", [("gp", 0.3, "179.00")], documents=())
        self._overview(
            returned,
            [(0.3, "Bø legekontor", "179.00"), (0.8, "Telemark legevakt", "260.00")],
        )
        self._through(returned, sindre, caseworker, now, until="returned")
        submitted = self._claim(
            hanna,
            "helfo_abroad",
            [("gp", 0.4, "1200.00"), ("hospital_stay", 0.45, "18000.00")],
            documents=("receipt", "proof_of_payment", "medical_documentation"),
            currency="USD",
        )
        services.submit_claim(submitted, by=hanna, token="demo", now=now)

    def _payouts(self, students: dict[str, User], *, caseworker: User, finance: User) -> None:
        """A frozen SiO run that paid alice and was rejected for jonas (closed account), then
        decided claims of alice's and sindre's waiting for the next runs."""
        now = clock.now()
        alice, jonas, sindre = students["alice"], students["jonas"], students["sindre"]
        rejected = self._claim(jonas, "sio", [("gp", 0.1, "600.00")])
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
        waiting = self._claim(alice, "sio", [("gp", 0.6, "450.00")])
        self._through(waiting, alice, caseworker, now, until="decided")
        ssn = self._claim(
            sindre,
            "ssn",
            [("gp", 0.7, "750.00")],
            documents=("user_fee_overview", "student_id"),
        )
        self._through(ssn, sindre, caseworker, now, until="decided")

    def _claim(
        self,
        student: User,
        scheme: str,
        lines: list[tuple[str, float, str]],
        documents: tuple[str, ...] = ("user_fee_overview",),
        currency: str = "NOK",
    ) -> Claim:
        """A draft for the scheme's recent period; each line's day is given as its share of
        the way through the recent part of the period (see ``expense_day``)."""
        today = clock.today()
        period = demo_period(scheme, today)
        claim = services.create_draft(student, scheme=scheme, period=str(period))
        for category, share, amount in lines:
            services.add_line(
                claim,
                by=student,
                category=category,
                service_on=expense_day(period, today, share),
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

    def _overview(self, claim: Claim, fees: list[tuple[float, str, str]]) -> None:
        """The student's helsenorge overview of user fees as an uploaded PDF (checked), read
        at once as the reading job reads it: its text layer takes milliseconds. Each fee's day
        is its share of the recent part of the period, as the lines'."""
        today = clock.today()
        period = demo_period(claim.scheme, today)
        rows = [
            {
                "day": expense_day(period, today, share),
                "provider": provider,
                "amount": amount.replace(".", ","),
            }
            for share, provider, amount in fees
        ]
        total = sum((Decimal(amount) for _share, _provider, amount in fees), Decimal("0.00"))
        html = render_to_string(
            "web/demo_overview.html",
            {
                "name": readings.applicant_name(claim.applicant),
                "fees": rows,
                "total": str(total).replace(".", ","),
            },
        )
        attachment = Attachment(
            claim=claim,
            document_type="user_fee_overview",
            content_type="application/pdf",
            uploaded_name="egenandeler.pdf",
        )
        attachment.file.save(
            "egenandeler.pdf", ContentFile(weasyprint().HTML(string=html).write_pdf()), save=False
        )
        attachment.save()
        readings.read_document_job.call(attachment.pk)

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


def mail_note() -> str:
    """Where the e-mails to students go (the notices: receipt, returned, decided, paid...)."""
    backend = settings.EMAIL_BACKEND.rsplit(".", 2)[-2]
    if backend == "filebased":
        return (
            f"E-mails to students are written to {settings.EMAIL_FILE_PATH}/, one file per "
            "message, by the background worker (REFUSJON_EMAIL_BACKEND=smtp sends them)."
        )
    if backend == "console":
        return "E-mails to students are printed by the background worker."
    return f"E-mails to students go to the SMTP server {settings.EMAIL_HOST}:{settings.EMAIL_PORT}."
