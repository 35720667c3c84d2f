"""``manage.py import_rates FILE``: store Norges Bank's exchange rates from its CSV export."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from refusjon.currency import services


class Command(BaseCommand):
    help = (
        "Import Norges Bank's exchange rates (CSV export, semicolon separated). Importing the "
        "same file again changes nothing; a file with a bad row imports nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="the CSV file from Norges Bank")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = services.import_rates(options["file"])
        except services.CurrencyError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Imported %(name)s, currencies: %(count)d")
            % {"name": result.source, "count": len(result.by_currency)}
        )
        for currency, count in result.by_currency.items():
            self.stdout.write(
                "  "
                + _(
                    "%(currency)s  %(first)s – %(last)s  rates: %(rates)d  added: %(added)d  "
                    "updated: %(updated)d  unchanged: %(unchanged)d"
                )
                % {
                    "currency": currency,
                    "first": count.first_day.isoformat(),
                    "last": count.last_day.isoformat(),
                    "rates": count.rates,
                    "added": count.added,
                    "updated": count.updated,
                    "unchanged": count.unchanged,
                }
            )
        if result.added or result.updated:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Rates added: %(added)d, updated: %(updated)d")
                    % {"added": result.added, "updated": result.updated}
                )
            )
        else:
            self.stdout.write(_("Nothing changed: every rate was already there."))
