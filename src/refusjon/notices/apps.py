from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NoticesConfig(AppConfig):
    name = "refusjon.notices"
    label = "notices"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from refusjon.notices import receivers

        receivers.connect()
