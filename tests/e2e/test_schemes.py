"""Changing a scheme in a real browser: an administrator edits SiS's file, reads what the
new version would change, and approves it; the student's decision is made again. A file with
a problem is refused, the problem named. axe finds nothing serious on the way."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe  # type: ignore[import-untyped]
from playwright.sync_api import Page, expect

from refusjon.claims import services
from refusjon.claims.models import User
from tests.e2e.conftest import PASSWORD, NewContext, Shots, sign_in
from tests.e2e.test_accessibility import problems
from tests.reassessment.conftest import SEPTEMBER, decided_sis_claim, sis_student

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_administrator_edits_a_scheme_reads_the_dry_run_and_approves_it(
    new_context: NewContext, shots: Shots, bob: User
) -> None:
    User.objects.create_superuser("ada", password=PASSWORD)
    claim = decided_sis_claim(sis_student("sara", "P-SARA"), bob, (SEPTEMBER, "1000"))
    axe = Axe()
    page: Page = new_context("en").new_page()
    sign_in(page, "ada")

    page.get_by_role("link", name="Schemes").click()
    page.locator("#scheme-sis ~ p").get_by_role("link", name="Upload or edit a new version").click()
    text = page.get_by_label("Or edit it here")
    expect(text).to_have_value(re.compile("value: 800"))
    page.get_by_label("In force for periods that start on or after").fill("2025-07-01")
    page.get_by_label("What changes").fill("The deductible is 500 from the study year 2025-2026")

    text.fill(text.input_value().replace("value: 0.40", "value: 1.40"))
    page.get_by_role("button", name="Check the file and try it on the decided claims").click()
    expect(page.locator("#problems")).to_contain_text("sis.yaml: figures.share.values.0.value")
    shots(page, "problems")
    assert problems(page, axe) == []

    text = page.get_by_label("Or edit it here")
    text.fill(
        text.input_value().replace("value: 1.40", "value: 0.40").replace("value: 800", "value: 500")
    )
    page.get_by_label("In force for periods that start on or after").fill("2025-07-01")
    page.get_by_label("What changes").fill("The deductible is 500 from the study year 2025-2026")
    page.get_by_role("button", name="Check the file and try it on the decided claims").click()
    expect(page).to_have_url(re.compile(r"/workspace/schemes/sis/1/$"))
    page.reload()  # the dry run ran as the version was kept (jobs run at once in the tests)
    expect(page.locator("#changes")).to_contain_text(claim.reference)
    expect(page.locator("#changes")).to_contain_text("120.00")
    shots(page, "dry-run")
    assert problems(page, axe) == []

    page.get_by_role("button", name="Approve the version").click()
    expect(page.locator("#applied")).to_contain_text("Approved: 1 claim was decided again.")
    decision = services.current_decision(claim)
    assert decision is not None and str(decision.refund_nok) == "200.00"
    shots(page, "approved")
