"""Changing one's own password: the old one is asked for, and a wrong one counts as a failed
sign-in of the account (refusjon.web.signin), so a session left open is no way to guess it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from refusjon.claims.models import User
from refusjon.claims.services import audit
from refusjon.web import signin


def change_password(user: User, *, password: str, now: datetime | None = None) -> None:
    """Give ``user`` a new password (already validated), and note it in the audit log."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit("web.signin.password_changed", actor=user, now=now)


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """Django's form, with the old password checked under the sign-in limits."""

    def __init__(self, user: User, *args: Any, request: HttpRequest, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.request = request

    def clean_old_password(self) -> str:
        username = self.user.get_username()
        if signin.is_locked_out(self.request, username=username):
            self.request.axes_locked_out = True  # type: ignore[attr-defined]
            raise forms.ValidationError(_("Too many wrong passwords. Try again later."))
        try:
            old_password: str = super().clean_old_password()
        except forms.ValidationError:
            signin.sign_in_refused(self.request, username=username)
            raise
        return old_password

    def save(self, commit: bool = True) -> User:
        change_password(self.user, password=self.cleaned_data["new_password1"])
        return self.user


class PasswordChangeView(LoginRequiredMixin, FormView[ThrottledPasswordChangeForm]):
    template_name = "web/password_change.html"
    form_class = ThrottledPasswordChangeForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # Those who sign in through their institution have no password here to change.
        if request.user.is_authenticated and not request.user.has_usable_password():
            messages.info(
                request, _("You sign in through your institution: change your password there.")
            )
            return redirect("portal:home")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "user": self.request.user, "request": self.request}

    def form_valid(self, form: ThrottledPasswordChangeForm) -> HttpResponse:
        user = form.save()
        update_session_auth_hash(self.request, user)  # the session goes on with the new hash
        messages.success(self.request, _("Your password has been changed."))
        return redirect("portal:home")
