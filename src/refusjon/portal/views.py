"""What students see: their claims, from eligibility to the decision letter."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from refusjon.claims.services import visible_claims


@login_required
def home(request: HttpRequest) -> HttpResponse:
    claims = visible_claims(request.user).filter(applicant=request.user)  # type: ignore[arg-type]
    return render(request, "portal/home.html", {"claims": claims})
