"""Browser tests: the Debian chromium driven by Playwright against pytest-django's live server.

Nothing is downloaded: the browser is launched from ``/usr/bin/chromium`` here rather than
through pytest-playwright's fixtures. Playwright's sync API keeps an event loop in the test's
thread, and Django refuses database access from a thread with a running loop; so while the
browser is open, and only then, ``DJANGO_ALLOW_ASYNC_UNSAFE`` is set. The browser is scoped to
this package: it closes, and the setting goes, before the rest of the suite runs (it would
otherwise leak into ``manage.py check --deploy`` in tests/test_settings.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from refusjon.claims.models import User
from tests.claims.conftest import caseworker, student
from tests.conftest import REPO
from tests.plugins.browser_summary import CHROMIUM, NO_BROWSER

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A phone's screen, as the student's journey is tried on (an iPhone 12 to 15's size).
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
# The browser's locale for each of the site's languages.
LOCALES = {"en": "en-GB", "nb": "nb-NO"}


class NewContext(Protocol):
    def __call__(self, language: str = "en", *, phone: bool = False) -> BrowserContext: ...


Shots = Callable[[Page, str], None]
PASSWORD = "correct horse battery staple"
SCREENSHOTS = REPO / "var" / "test-artefacts" / "screenshots"


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):  # CI skips nothing: .ci/run installs Debian's chromium
            pytest.fail(f"no browser at {CHROMIUM}")
        pytest.skip(NO_BROWSER)  # said loudly at the end (tests/plugins/browser_summary.py)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def site(live_server: Any, settings: Any, tmp_path: Path) -> str:
    """The live server's address; uploads go to a folder of this test's own."""
    settings.MEDIA_ROOT = tmp_path / "uploads"
    return str(live_server.url)


@pytest.fixture
def new_context(browser: Browser, site: str) -> Iterator[NewContext]:
    """Make a browser context for the live server in one of the site's languages, English
    unless asked (the ``django_language`` cookie, as the language switch sets it); with
    ``phone``, a phone's screen (390 × 844, touch), as most students use the site."""
    contexts: list[BrowserContext] = []

    def make(language: str = "en", *, phone: bool = False) -> BrowserContext:
        screen: dict[str, Any] = PHONE if phone else {}
        context = browser.new_context(
            base_url=site, accept_downloads=True, locale=LOCALES[language], **screen
        )
        context.add_cookies([{"name": "django_language", "value": language, "url": site}])
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def shots(request: pytest.FixtureRequest) -> Shots:
    """Save a full-page screenshot as ``<test>-<nn>-<step>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    counter = iter(range(1, 100))

    def shoot(page: Page, step: str) -> None:
        name = f"{request.node.originalname}-{next(counter):02d}-{step}.png"
        page.screenshot(path=str(SCREENSHOTS / name), full_page=True)

    return shoot


@pytest.fixture
def alice(transactional_db: None) -> User:
    return student("alice", "P-ALICE")


@pytest.fixture
def bob(transactional_db: None) -> User:
    return caseworker("bob")


@pytest.fixture
def dave(transactional_db: None) -> User:
    return caseworker("dave")


def sign_in(page: Page, username: str, language: str = "en") -> None:
    """Sign in through the form, as it reads in ``language``."""
    with translation.override(language):
        labels = [translation.gettext(text) for text in ("User name", "Password", "Sign in")]
    page.goto("/login/")
    page.get_by_label(labels[0]).fill(username)
    page.get_by_label(labels[1]).fill(PASSWORD)
    page.get_by_role("button", name=labels[2]).click()
    expect(page).not_to_have_url(re.compile(r"/login/"))
