"""gunicorn's configuration for Refusjon (``gunicorn -c python:refusjon.web.gunicorn``).

Every figure can be changed from the environment, so a deployment sets variables, not files:

- REFUSJON_BIND: where to listen, ``host:port`` or ``unix:/path`` (default 127.0.0.1:8000;
  behind a reverse proxy on the same machine, keep it on the loopback address or a socket).
- REFUSJON_WEB_WORKERS: worker processes (default: two per core, at least two).
- REFUSJON_WEB_THREADS: threads per worker (default 4). Requests mostly wait on the database,
  so threads serve more people than processes for the same memory.
- REFUSJON_WEB_TIMEOUT: seconds before a stuck worker is restarted (default 60).
- REFUSJON_FORWARDED_ALLOW_IPS: the proxies whose X-Forwarded-* headers are trusted
  (default 127.0.0.1).
"""

from __future__ import annotations

import os


def bind_address() -> str:
    return os.environ.get("REFUSJON_BIND", "127.0.0.1:8000")


def _number(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = [bind_address()]
workers = _number("REFUSJON_WEB_WORKERS", max(2, 2 * (os.cpu_count() or 1)))
worker_class = "gthread"
threads = _number("REFUSJON_WEB_THREADS", 4)
timeout = _number("REFUSJON_WEB_TIMEOUT", 60)
graceful_timeout = 30
keepalive = 5
# A worker is replaced after this many requests (with jitter, so not all at once): what a
# long-running process might leak stays bounded.
max_requests = 2000
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("REFUSJON_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
errorlog = "-"
# The access log names paths and times, never query strings (a search may hold a name).
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# No control socket: one shared path in the home directory would clash between instances
# (a second server, a benchmark), and signals do what it offers.
control_socket_disable = True
