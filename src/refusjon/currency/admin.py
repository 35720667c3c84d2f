from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from refusjon.currency.models import ExchangeRate


@admin.register(ExchangeRate)
class ExchangeRateAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Rates to look at. They change only through ``manage.py import_rates``, which logs each
    import; a wrong rate is put right by importing Norges Bank's file again."""

    list_display = ("currency", "day", "nok_per_unit", "source", "imported_at")
    list_filter = ("currency",)
    search_fields = ("currency", "source")
    date_hierarchy = "day"
    ordering = ("currency", "-day")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
