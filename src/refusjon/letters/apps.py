from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "refusjon.letters"
    label = "letters"
    verbose_name = _("Letters")

    def ready(self) -> None:
        from refusjon.letters import receivers

        receivers.connect()
