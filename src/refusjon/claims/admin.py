from typing import Any, cast

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from refusjon import clock
from refusjon.claims import models, services
from refusjon.rules.parameters import ParameterError, default_parameters, parse_value

admin.site.register(models.User, UserAdmin)


@admin.register(models.Institution)
class InstitutionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "welfare_organisation")
    search_fields = ("code", "name")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        services.audit(
            "claims.institution.changed",
            actor=cast(models.User, request.user),
            code=obj.code,
            name=obj.name,
            organisation=obj.welfare_organisation,
        )


class ParameterOverrideForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = models.ParameterOverride
        fields = ["name", "valid_from", "value", "source", "assumed"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name, value = data.get("name"), data.get("value")
        shipped = default_parameters()
        if name not in shipped.names:
            raise forms.ValidationError({"name": _("There is no parameter with this name.")})
        try:
            parse_value(name, shipped.history(name)[0].unit, value)
        except (ParameterError, KeyError, TypeError, ValueError) as error:
            raise forms.ValidationError({"value": str(error)}) from error
        return data


@admin.register(models.ParameterOverride)
class ParameterOverrideAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Dated parameter values; every change is written to the audit log."""

    form = ParameterOverrideForm
    list_display = ("name", "valid_from", "value", "assumed", "changed_by", "changed_at")
    search_fields = ("name",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        obj.changed_by = request.user
        obj.changed_at = clock.now()
        super().save_model(request, obj, form, change)
        services.audit(
            "claims.parameter.changed",
            actor=cast(models.User, request.user),
            name=obj.name,
            valid_from=obj.valid_from.isoformat(),
            value=obj.value,
            source=obj.source,
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        services.audit(
            "claims.parameter.removed",
            actor=cast(models.User, request.user),
            name=obj.name,
            valid_from=obj.valid_from.isoformat(),
            value=obj.value,
        )
        super().delete_model(request, obj)
