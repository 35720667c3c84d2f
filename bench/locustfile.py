"""The people of ``make bench-web``: students and caseworkers using the site as people do,
with a pause of one to five seconds between pages.

Run by ``bench/web.py``, which starts the server and tells this file, through the environment,
where the deep places of the queue are (BENCH_QUEUE_PLACES, a JSON list of cursors), how many
volume students there are (BENCH_STUDENTS) and their password (BENCH_PASSWORD). Each request
is named after the page it is, and those names are the rows of the results table:

* students (``student0001`` ...): the start page, one of their claims, and the live estimate
  the claim page asks for while they type an expense;
* caseworkers (bob and dave of the demo): the queue, the queue filtered by scheme, a deep page
  of it (by its key, as the "Next" link gives it) and a claim from the queue;
* everyone, now and then, the sign-in page: no data, the same middleware and templates as
  every page, and the baseline the claim pages are measured against in the same run.

Everyone signs in first, and the measured minute starts when the last has: a hundred
sign-ins at once are not what a minute of use looks like, and each costs a good part of a
second of CPU (argon2, by design), which would be charged to the pages around them. The
sign-ins are measured all the same, and written apart (BENCH_SIGN_IN_STATS). The run ends
BENCH_SECONDS after the last sign-in.

The site runs as in production (https only): a proxy in front of it would say the request came
by https, so every request here says so too (X-Forwarded-Proto), the CSRF checks see the
site's own https address as Referer, and the cookies, which the site marks secure, are sent
by hand (the client's cookie jar keeps them but will not send a secure cookie over http).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import gevent
from gevent.event import Event
from locust import FastHttpUser, between, events, task
from locust.env import Environment

STUDENTS = int(os.environ.get("BENCH_STUDENTS", "1000"))
PASSWORD = os.environ.get("BENCH_PASSWORD", "demo-refusjon-2026")
QUEUE_PLACES: list[str] = json.loads(os.environ.get("BENCH_QUEUE_PLACES", "[]"))
CASEWORKERS = ("bob", "dave")
SCHEMES = ("sio", "ssn", "helfo_abroad")

BASELINE = "baseline: sign-in page"
SIGN_IN = "sign in (argon2)"
PAGES = {
    "student": ("student: start page", "student: claim page", "student: live estimate"),
    "caseworker": (
        "caseworker: queue",
        "caseworker: queue by scheme",
        "caseworker: deep queue page",
        "caseworker: claim page",
    ),
}

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
PORTAL_CLAIM = re.compile(r'href="/claim/(R-[^/"]+)/".*?<td>([^<]*)</td></tr>')
# A claim the student can still change (the start page's status, in bokmål, the default).
EDITABLE = {"Utkast", "Returnert for utfylling", "Draft", "Returned for completion"}
WORKSPACE_CLAIM = re.compile(r'href="/workspace/claim/(R-[^/"]+)/"')
MEASURED_SECONDS = float(os.environ.get("BENCH_SECONDS", "60"))
SIGN_IN_STATS = os.environ.get("BENCH_SIGN_IN_STATS", "")
_students = itertools.count()


class Start:
    """The start of the measured minute: when the last person has signed in."""

    environment: Environment | None = None
    signed_in = 0
    everyone_in = Event()

    @classmethod
    def one_more(cls) -> None:
        cls.signed_in += 1
        environment = cls.environment
        if environment is None or environment.runner is None:
            return
        if cls.signed_in >= environment.runner.target_user_count and not cls.everyone_in.is_set():
            cls.begin(environment)

    @classmethod
    def begin(cls, environment: Environment) -> None:
        """Keep the sign-ins' statistics, start the others afresh, and end in a minute."""
        assert environment.runner is not None
        stats = environment.runner.stats
        if SIGN_IN_STATS:
            entry = stats.get(SIGN_IN, "POST")
            with open(SIGN_IN_STATS, "w", encoding="utf-8") as out:
                json.dump(
                    {
                        "requests": entry.num_requests,
                        "failures": entry.num_failures,
                        "p50": entry.get_response_time_percentile(0.5),
                        "p95": entry.get_response_time_percentile(0.95),
                        "p99": entry.get_response_time_percentile(0.99),
                        "max": entry.max_response_time,
                        "seconds": stats.last_request_timestamp - stats.start_time
                        if stats.last_request_timestamp
                        else 0,
                    },
                    out,
                )
        stats.reset_all()
        cls.everyone_in.set()
        runner = environment.runner
        gevent.spawn_later(MEASURED_SECONDS, runner.quit)


@events.init.add_listener
def remember_environment(environment: Environment, **kwargs: Any) -> None:
    Start.environment = environment


def today() -> date:
    """Today where the site is (the production server reads the system clock)."""
    return datetime.now(ZoneInfo("Europe/Oslo")).date()


class Visitor(FastHttpUser):
    """Someone who signs in once and then reads pages, pausing between them."""

    abstract = True
    wait_time = between(1, 5)

    def on_start(self) -> None:
        self.sign_in(self.username())
        Start.one_more()
        Start.everyone_in.wait()
        # As if each had been pausing between pages already: not all at once.
        gevent.sleep(random.uniform(0, 5))

    def username(self) -> str:
        raise NotImplementedError

    def https(self, path: str) -> str:
        """The address the browser would have been on, for the CSRF checks' Referer."""
        return f"https://{self.host.split('://', 1)[1].rstrip('/')}{path}"

    def headers(self, **more: str) -> dict[str, str]:
        """What a browser behind the site's proxy would send: the proxy's word that the
        request came by https, and the site's cookies."""
        cookies = "; ".join(f"{cookie.name}={cookie.value}" for cookie in self.client.cookiejar)
        return {"X-Forwarded-Proto": "https", "Cookie": cookies, **more}

    def get(self, path: str, name: str) -> Any:
        return self.client.get(path, name=name, headers=self.headers())

    def sign_in(self, username: str) -> None:
        form = self.get("/login/", BASELINE)
        token = CSRF_FIELD.search(form.text or "")
        if token is None:
            raise RuntimeError(f"no sign-in form: {form.status_code}")
        with self.client.post(
            "/login/",
            name=SIGN_IN,
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token.group(1),
            },
            headers=self.headers(Referer=self.https("/login/")),
            allow_redirects=False,
            catch_response=True,
        ) as answer:
            if answer.status_code != 302:
                answer.failure(f"{username} could not sign in ({answer.status_code})")

    @task(1)
    def baseline(self) -> None:
        self.get("/login/", BASELINE)

    def csrf_token(self) -> str:
        for cookie in self.client.cookiejar:
            if cookie.name == "csrftoken" and cookie.value:
                return cookie.value
        return ""


class Student(Visitor):
    """A student who looks at their claims and types an expense into a draft."""

    weight = 2

    def on_start(self) -> None:
        self.claims: list[str] = []
        self.drafts: list[str] = []
        super().on_start()
        self.start_page()

    def username(self) -> str:
        return f"student{next(_students) % STUDENTS + 1:04d}"

    @task(3)
    def start_page(self) -> None:
        page = self.get("/", PAGES["student"][0])
        rows = PORTAL_CLAIM.findall(page.text or "")
        if rows:
            self.claims = [reference for reference, _ in rows]
            self.drafts = [reference for reference, status in rows if status in EDITABLE]

    @task(3)
    def claim_page(self) -> None:
        if self.claims:
            self.get(f"/claim/{random.choice(self.claims)}/", PAGES["student"][1])

    @task(4)
    def live_estimate(self) -> None:
        """What htmx posts while the student types an expense into a draft: the estimate with
        the expense as one more line (nothing is saved)."""
        if not self.drafts:
            return
        reference = random.choice(self.drafts)
        self.client.post(
            f"/claim/{reference}/estimate/",
            name=PAGES["student"][2],
            data={
                "category": "gp",
                "service_on": (today() - timedelta(days=random.randint(3, 20))).isoformat(),
                "amount": f"{random.randint(150, 450)}.00",
                "currency": "NOK",
                "country": "NO",
                "public_user_fee": "on",
            },
            headers=self.headers(
                **{
                    "HX-Request": "true",
                    "X-CSRFToken": self.csrf_token(),
                    "Referer": self.https(f"/claim/{reference}/"),
                }
            ),
        )


class Caseworker(Visitor):
    """A caseworker who works through the queue: pages of it, filtered, deep, and claims."""

    weight = 1

    def on_start(self) -> None:
        self.claims: list[str] = []
        super().on_start()

    def username(self) -> str:
        return random.choice(CASEWORKERS)

    def read_queue(self, path: str, name: str) -> None:
        page = self.get(path, name)
        self.claims = WORKSPACE_CLAIM.findall(page.text or "") or self.claims

    @task(3)
    def queue(self) -> None:
        self.read_queue("/workspace/", PAGES["caseworker"][0])

    @task(2)
    def queue_by_scheme(self) -> None:
        self.read_queue(f"/workspace/?scheme={random.choice(SCHEMES)}", PAGES["caseworker"][1])

    @task(2)
    def deep_queue_page(self) -> None:
        if QUEUE_PLACES:
            place = random.choice(QUEUE_PLACES)
            self.read_queue(f"/workspace/?after={place}", PAGES["caseworker"][2])

    @task(4)
    def claim_page(self) -> None:
        if self.claims:
            reference = random.choice(self.claims)
            self.get(f"/workspace/claim/{reference}/", PAGES["caseworker"][3])
