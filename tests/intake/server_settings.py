"""The site's settings as tests run the real server with them (tests/intake/test_busy_uploads.py):
the same in all but the password hash, which is MD5 as in every test (tests/conftest.py says
why)."""

from refusjon.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
