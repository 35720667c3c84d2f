"""Databases of their own for payout commands run as separate processes (the crash and
concurrency tests): a SQLite file, or a PostgreSQL database when the tests run on PostgreSQL
(DATABASE_URL), migrated and seeded once, then copied for each case."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import psycopg

REPO = Path(__file__).resolve().parents[2]

# Eight students with accounts (even: Norwegian, odd: abroad), two decided SiO claims each;
# one more without an account; student0 owes NOK 50 on a recovery.
SEED = """
import django
django.setup()
from datetime import timedelta
from decimal import Decimal
from django.contrib.auth.models import Group
from refusjon.claims.models import StudentProfile
from refusjon.claims.services import current_decision
from refusjon.payouts.models import Recovery
from tests.claims.conftest import caseworker, student
from tests.factories import NOW
from tests.payouts.conftest import decided_claim

bob = caseworker("bob")
fiona = caseworker("fiona")
fiona.groups.add(Group.objects.get_or_create(name="finance")[0])
for number in range(9):
    person = student(f"student{number}", f"P-{number}")
    if number % 2 == 0 and number < 8:
        StudentProfile.objects.filter(user=person).update(bank_account="86011117947")
    elif number < 8:
        StudentProfile.objects.filter(user=person).update(
            iban="GB82WEST12345698765432", bic="DEUTDEFF"
        )
    first = decided_claim(person, bob, "600")
    decided_claim(person, bob, "700")
    if number == 0:
        Recovery.objects.create(
            reference="TK-1", claim=first, decision=current_decision(first), student=person,
            amount_nok=Decimal("50.00"), reason="Paid twice", source="Forvaltningsloven § 35",
            opened_by=bob, opened_at=NOW - timedelta(days=9),
            appeal_deadline=(NOW + timedelta(days=12)).date(),
        )
"""

# ``refusjon ARGS`` with the payout runs writing their payments in smaller batches.
BATCHED = """
import sys
import django
django.setup()
from refusjon import cli
from refusjon.payouts import services
services.BATCH_SIZE = {size}
sys.exit(cli.main(sys.argv[1:]))
"""


@dataclass
class Database:
    """One database for the processes of one case."""

    env: dict[str, str]
    sqlite_path: Path | None = None
    url: str = ""

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        if self.sqlite_path is not None:
            with sqlite3.connect(self.sqlite_path) as connection:
                return connection.execute(sql).fetchall()
        with psycopg.connect(self.url) as connection:
            return connection.execute(sql).fetchall()  # type: ignore[arg-type]

    def run(
        self, *args: str, failpoint: str = "", batch_size: int = 0, cwd: Path | None = None
    ) -> subprocess.CompletedProcess[str]:
        """``refusjon ARGS`` in a process of its own, dying at ``failpoint`` if named, writing
        payments ``batch_size`` students at a time if given."""
        program = ["-m", "refusjon.cli"]
        if batch_size:
            program = ["-c", BATCHED.format(size=batch_size)]
        return subprocess.run(
            [sys.executable, *program, *args],
            env={**self.env, "REFUSJON_FAILPOINT": failpoint},
            cwd=cwd or REPO,
            capture_output=True,
            text=True,
            check=False,
        )

    def start(self, *args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, "-m", "refusjon.cli", *args],
            env=self.env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


def _base_env() -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "REFUSJON_FAILPOINT"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env["DJANGO_SETTINGS_MODULE"] = "refusjon.web.settings"
    return env


def _prepare(env: dict[str, str]) -> None:
    for command in (
        [sys.executable, "manage.py", "migrate", "--verbosity", "0"],
        [sys.executable, "-c", SEED],
    ):
        done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


class Template:
    """A migrated, seeded database, copied for each case."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.server = os.environ.get("DATABASE_URL", "")
        self.name = f"payouts_tpl_{uuid.uuid4().hex[:8]}"
        self.copies: list[str] = []
        if self.server:
            self._admin(f'CREATE DATABASE "{self.name}"')
            _prepare({**_base_env(), "DATABASE_URL": self._url(self.name)})
        else:
            (workdir / self.name).mkdir(parents=True)
            env = {**_base_env(), "REFUSJON_DATA_DIR": str(workdir / self.name)}
            env.pop("DATABASE_URL", None)
            _prepare(env)

    def _url(self, name: str) -> str:
        return urlunparse(urlparse(self.server)._replace(path="/" + name))

    def _admin(self, sql: str) -> None:
        with psycopg.connect(self._url("postgres"), autocommit=True) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def copy(self) -> Database:
        name = f"payouts_case_{uuid.uuid4().hex[:8]}"
        if self.server:
            self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{self.name}"')
            self.copies.append(name)
            url = self._url(name)
            return Database({**_base_env(), "DATABASE_URL": url}, url=url)
        folder = self.workdir / name
        folder.mkdir()
        shutil.copy(self.workdir / self.name / "refusjon.sqlite3", folder / "refusjon.sqlite3")
        env = {**_base_env(), "REFUSJON_DATA_DIR": str(folder)}
        env.pop("DATABASE_URL", None)
        return Database(env, sqlite_path=folder / "refusjon.sqlite3")

    def drop(self) -> None:
        if self.server:
            for name in [*self.copies, self.name]:
                self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def template(workdir: Path) -> Iterator[Template]:
    made = Template(workdir)
    try:
        yield made
    finally:
        made.drop()
