"""``manage.py reassess --scheme sis --from YYYY-MM-DD [--dry-run] [--by USERNAME]``: decide
again, by the scheme's rules as they now stand, every decided claim whose period starts on or
after the day, where the decision would change (``refusjon reassess`` runs it)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from refusjon.payouts.management.operator import operator
from refusjon.payouts.management.progress import ProgressBar
from refusjon.reassessment.services import ReassessmentError, Summary, reassess
from refusjon.rules.model import Scheme


class Command(BaseCommand):
    help = (
        "Decide again, by the scheme's rules as they now stand, the decided claims of periods "
        "from a day on, where the decision changes: new decisions that supersede the old, with "
        "letters; back-payments go into the next payout run, overpayments are claimed back."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scheme", required=True, choices=[scheme.value for scheme in Scheme])
        parser.add_argument(
            "--from",
            dest="period_from",
            required=True,
            type=date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="claims whose period starts on or after this day",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="only count what would change; change nothing"
        )
        parser.add_argument("--by", metavar="USERNAME", help="the administrator of the schemes")

    def handle(self, *args: Any, **options: Any) -> None:
        by = operator(options["by"])
        # The bar writes to the stream itself: Django's wrapper would end every redraw a line.
        bar = ProgressBar(_("Claims"), getattr(self.stderr, "_out", None))
        try:
            summary = reassess(
                options["scheme"],
                options["period_from"],
                by=by,
                dry=options["dry_run"],
                progress=bar,
            )
        except ReassessmentError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        self._report(summary, dry=options["dry_run"])

    def _report(self, summary: Summary, *, dry: bool) -> None:
        figures = {
            "examined": summary.examined,
            "changed": summary.changed,
            "people": len(summary.people),
            "more": _nok(summary.more_nok),
            "less": _nok(summary.less_nok),
            "back": _nok(summary.back_payment_nok),
            "over": _nok(summary.overpaid_nok),
        }
        if dry:
            text = _(
                "Dry run: %(changed)d of %(examined)d decided claims would change, of "
                "%(people)d people; refunds NOK %(more)s higher and NOK %(less)s lower in all; "
                "NOK %(back)s more to pay on claims already paid, NOK %(over)s paid too much to "
                "claim back. Nothing was changed."
            )
        else:
            text = _(
                "%(changed)d of %(examined)d decided claims were decided again, of %(people)d "
                "people; refunds NOK %(more)s higher and NOK %(less)s lower in all; what is owed "
                "goes into the next payout run (NOK %(back)s more on claims already paid), and "
                "NOK %(over)s paid too much is claimed back."
            )
        self.stdout.write(self.style.SUCCESS(text % figures))
        if summary.under_appeal:
            self.stdout.write(
                _("%(count)d claims under appeal were left as they are: their appeal decides.")
                % {"count": summary.under_appeal}
            )
        if summary.left:
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "Left as they are, for a person (changed meanwhile, a payment at the "
                        "bank, paid outside the payout runs, a line for a caseworker, or your "
                        "own): %(claims)s"
                    )
                    % {"claims": ", ".join(summary.left)}
                )
            )


def _nok(amount: Decimal) -> str:
    """An amount as the operator's language writes it (12 345,00 in bokmål)."""
    return number_format(amount, 2, use_l10n=True, force_grouping=True)
