"""Says loudly, at the end of the run, that the browser tests did not run and how to run them.

A skip is one short line in pytest's summary; a machine without Debian's chromium would
otherwise pass ``make test`` having left out every page test in a browser. (CI fails instead:
``tests/e2e/conftest.py``.)"""

from __future__ import annotations

import pytest

CHROMIUM = "/usr/bin/chromium"
NO_BROWSER = f"no browser at {CHROMIUM}"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if NO_BROWSER in str(report.longrepr)
    ]
    if not skipped:
        return
    terminalreporter.section("THE BROWSER TESTS DID NOT RUN", sep="!", red=True, bold=True)
    terminalreporter.line(
        f"{len(skipped)} browser tests (tests/e2e) were skipped: {NO_BROWSER}.", red=True
    )
    terminalreporter.line(
        "Install Debian's chromium and run make test again:  apt-get install chromium", red=True
    )
    terminalreporter.line("(.ci/run installs it, and fails if it cannot.)")
