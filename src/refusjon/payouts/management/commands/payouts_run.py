"""``manage.py payouts_run --scheme sio [--date YYYY-MM-DD] [--by USERNAME]``: prepare the
scheme's payout run, or bring the open one up to date, and show what it pays and holds."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count, QuerySet, Sum
from django.utils.translation import gettext as _

from refusjon import clock
from refusjon.claims.models import SCHEME_CHOICES
from refusjon.payouts import bankdays
from refusjon.payouts.management.operator import operator
from refusjon.payouts.management.progress import ProgressBar
from refusjon.payouts.models import Payment, PaymentStatus
from refusjon.payouts.services import PayoutError, RunSummary, build_run

SHOWN = 20  # payments listed one by one; more with --verbosity 2


class Command(BaseCommand):
    help = (
        "Prepare the payout run of a scheme: every decided, unpaid refund, one payment per "
        "student, debts set off. Run it again to add what was decided since."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scheme", required=True, choices=[key for key, _ in SCHEME_CHOICES])
        parser.add_argument(
            "--date",
            type=date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="payment date (default: the next weekday)",
        )
        parser.add_argument(
            "--by", metavar="USERNAME", help="the operator, who has the finance role"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        by = operator(options["by"])
        pay_on = options["date"] or bankdays.next_bank_day(clock.today())
        # The bar writes to the stream itself: Django's wrapper would end every redraw a line.
        bar = ProgressBar(_("Payments"), getattr(self.stderr, "_out", None))
        try:
            summary = build_run(options["scheme"], by=by, execution_date=pay_on, progress=bar)
        except PayoutError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        self._report(summary, all_payments=options["verbosity"] > 1)

    def _report(self, summary: RunSummary, *, all_payments: bool) -> None:
        run = summary.run
        pending = run.payments.filter(status=PaymentStatus.PENDING).order_by("pk")
        self.stdout.write(
            self.style.SUCCESS(
                _("Run %(run)s, to be paid %(date)s: %(added)d decisions added.")
                % {"run": run.reference, "date": run.execution_date, "added": summary.added}
            )
        )
        payments = list(pending if all_payments else pending[: SHOWN + 1])
        for payment in payments[: None if all_payments else SHOWN]:
            self.stdout.write("  " + _payment_line(payment))
        if not all_payments and len(payments) > SHOWN:
            self.stdout.write("  " + _("… and more (see them all with --verbosity 2)"))
        totals = _totals(pending)
        self.stdout.write(
            _("Payments: %(count)d, set off against debt NOK %(netted)s, to pay NOK %(total)s.")
            % totals
        )
        if summary.held:
            self.stdout.write(
                self.style.WARNING(_("Held back: %(count)d") % {"count": len(summary.held)})
            )
            for held in summary.held:
                self.stdout.write(f"  {held.claim.reference}  {held.reason}")


def _payment_line(payment: Payment) -> str:
    account = payment.account or f"{payment.iban} {payment.bic}"
    netted = _(" (NOK %(netted)s set off)") % {"netted": payment.netted_nok}
    return (
        f"{payment.end_to_end_id}  {payment.creditor_name}  {account}  "
        f"NOK {payment.amount_nok}{netted if payment.netted_nok else ''}"
    )


def _totals(pending: QuerySet[Payment]) -> dict[str, Any]:
    row = pending.aggregate(count=Count("pk"), netted=Sum("netted_nok"), total=Sum("amount_nok"))
    return {
        "count": row["count"],
        "netted": f"{row['netted'] or 0:.2f}",
        "total": f"{row['total'] or 0:.2f}",
    }
