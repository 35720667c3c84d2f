from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayoutsConfig(AppConfig):
    name = "refusjon.payouts"
    label = "payouts"
    verbose_name = _("Payouts and recoveries")

    def ready(self) -> None:
        from refusjon.payouts import checks  # noqa: F401  (registers the deploy checks)
