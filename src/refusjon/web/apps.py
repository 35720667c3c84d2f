from django.apps import AppConfig


class WebConfig(AppConfig):
    """Holds the shared templates (base page, sign-in) and static files."""

    name = "refusjon.web"
    label = "web"

    def ready(self) -> None:
        from refusjon.web import checks  # noqa: F401  (registers the deploy checks)
