from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CurrencyConfig(AppConfig):
    name = "refusjon.currency"
    label = "currency"
    verbose_name = _("Exchange rates")
