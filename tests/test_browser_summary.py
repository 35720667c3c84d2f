"""A run without Debian's chromium ends by saying so, loudly, with the command that fixes it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import REPO

Run = Callable[[str], pytest.RunResult]


@pytest.fixture
def run_with_summary(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run a test module of the given text in a pytest of its own, with the summary plugin."""
    monkeypatch.setenv("PYTHONPATH", str(REPO))

    def run(body: str) -> pytest.RunResult:
        pytester.makepyfile(test_pages=body)
        plugins = ["tests.plugins.browser_summary", "no:django", "no:xdist", "no:cacheprovider"]
        return pytester.runpytest_subprocess(*(arg for name in plugins for arg in ("-p", name)))

    return run


def test_skipped_browser_tests_are_named_with_the_install_command(run_with_summary: Run) -> None:
    result = run_with_summary(
        "import pytest\n"
        "from tests.plugins.browser_summary import NO_BROWSER\n"
        "def test_a_page():\n    pytest.skip(NO_BROWSER)\n"
        "def test_another_page():\n    pytest.skip(NO_BROWSER)\n"
    )
    result.stdout.fnmatch_lines(
        [
            "*THE BROWSER TESTS DID NOT RUN*",
            "2 browser tests (tests/e2e) were skipped: no browser at /usr/bin/chromium.",
            "*apt-get install chromium",
        ]
    )


def test_a_run_with_the_browser_says_nothing_of_it(run_with_summary: Run) -> None:
    result = run_with_summary("def test_a_page():\n    pass\n")
    result.assert_outcomes(passed=1)
    assert "BROWSER" not in result.stdout.str()
