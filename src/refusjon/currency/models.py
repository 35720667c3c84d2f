"""Norges Bank's exchange rates, as imported from its CSV export."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExchangeRate(models.Model):
    """NOK per one unit of a currency on one day (``UNIT_MULT`` already applied)."""

    currency = models.CharField(_("currency"), max_length=3)
    day = models.DateField(_("day"))
    nok_per_unit = models.DecimalField(_("NOK per unit"), max_digits=20, decimal_places=10)
    imported_at = models.DateTimeField(_("imported at"))
    source = models.CharField(_("source file"), max_length=255, blank=True)

    class Meta:
        ordering = ["currency", "-day"]
        constraints = [
            # Its index on (currency, day) also answers "the latest rate on or before a day"
            # (read backwards), so no second index is needed.
            models.UniqueConstraint(fields=["currency", "day"], name="one_rate_per_currency_day"),
            models.CheckConstraint(condition=models.Q(nok_per_unit__gt=0), name="rate_is_positive"),
        ]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")

    def __str__(self) -> str:
        return f"{self.currency} {self.day.isoformat()}: {self.nok_per_unit}"
