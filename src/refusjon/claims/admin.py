from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from refusjon.claims import models

admin.site.register(models.User, UserAdmin)


@admin.register(models.Institution)
class InstitutionAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("code", "name", "welfare_organisation")
    search_fields = ("code", "name")
