from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReassessmentConfig(AppConfig):
    name = "refusjon.reassessment"
    label = "reassessment"
    verbose_name = _("Scheme versions and re-assessment")
