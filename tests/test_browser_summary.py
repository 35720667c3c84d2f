"""A run without Debian's chromium ends by saying so, loudly, with the command that fixes it."""

from __future__ import annotations

import pytest

from tests.conftest import REPO


def run_with_summary(pytester: pytest.Pytester, body: str) -> pytest.RunResult:
    pytester.makepyfile(test_pages=body)
    return pytester.runpytest_subprocess(
        "-p",
        "tests.plugins.browser_summary",
        "-p",
        "no:django",
        "-p",
        "no:xdist",
        "-p",
        "no:cacheprovider",
    )


def test_skipped_browser_tests_are_named_with_the_install_command(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    result = run_with_summary(
        pytester,
        "import pytest\n"
        "from tests.plugins.browser_summary import NO_BROWSER\n"
        "def test_a_page():\n    pytest.skip(NO_BROWSER)\n"
        "def test_another_page():\n    pytest.skip(NO_BROWSER)\n",
    )
    result.stdout.fnmatch_lines(
        [
            "*THE BROWSER TESTS DID NOT RUN*",
            "2 browser tests (tests/e2e) were skipped: no browser at /usr/bin/chromium.",
            "*apt-get install chromium",
        ]
    )


def test_a_run_with_the_browser_says_nothing_of_it(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    result = run_with_summary(pytester, "def test_a_page():\n    pass\n")
    result.assert_outcomes(passed=1)
    assert "BROWSER" not in result.stdout.str()
