"""Django settings, all from the environment (see docs/configuration.md).

REFUSJON_ENV picks the defaults: ``development`` (``make run``: debug, SQLite, a fixed
development key), ``test`` or ``production`` (no debug; a secret key and allowed hosts must be
given). DATABASE_URL switches from the embedded SQLite file to PostgreSQL.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parents[3]
ENV = os.environ.get("REFUSJON_ENV", "development")
if ENV not in ("development", "test", "production"):
    raise ImproperlyConfigured("REFUSJON_ENV must be development, test or production")
PRODUCTION = ENV == "production"


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("REFUSJON_SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("REFUSJON_SECRET_KEY must be set in production")
    SECRET_KEY = "development-only-key-" + "x" * 40

DEBUG = os.environ.get("REFUSJON_DEBUG", "1" if ENV == "development" else "0") == "1"
ALLOWED_HOSTS = env_list("REFUSJON_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("REFUSJON_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # For its translations (nb among them) of zxcvbn's advice.
    "django_zxcvbn_password_validator",
    "refusjon.web",
    "refusjon.claims",
    "refusjon.currency",
    "refusjon.portal",
    "refusjon.workspace",
    "refusjon.intake",
    "refusjon.payouts",
    "refusjon.letters",
    "refusjon.notices",
    "refusjon.reassessment",
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:home"
LOGOUT_REDIRECT_URL = "login"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the application server itself (compressed, cached for ever by name):
    # no separate file server is needed behind the reverse proxy.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "refusjon.web.middleware.SecurityHeadersMiddleware",
    "refusjon.web.middleware.HtmxLoginMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a sign-in refused for too many failures into the
    # sign-in page saying when to try again (refusjon.web.signin).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "refusjon.web.urls"
WSGI_APPLICATION = "refusjon.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "refusjon.web.context_processors.sign_in",
                "refusjon.web.context_processors.navigation",
            ],
        },
    },
]


def database_from_url(url: str) -> dict[str, object]:
    """A Django database setting from ``postgres://user:password@host:port/name``."""
    parts = urlparse(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ImproperlyConfigured("DATABASE_URL must be a postgres:// address")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parts.path.lstrip("/")),
        "USER": unquote(parts.username or ""),
        "PASSWORD": unquote(parts.password or ""),
        "HOST": parts.hostname or "",
        "PORT": str(parts.port or ""),
        "CONN_MAX_AGE": 60,
        "ATOMIC_REQUESTS": False,
    }


DATA_DIR = Path(os.environ.get("REFUSJON_DATA_DIR", BASE_DIR / "var"))
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
else:
    # The embedded database: write-ahead logging lets readers go on while one request writes,
    # and a writer waits (up to 20 s) for the lock instead of failing at once.
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "refusjon.sqlite3",
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }

# Background jobs (Django's tasks API, the django-tasks backport): kept in the database, so the
# embedded default needs no other server, and run by ``manage.py db_worker`` beside the web
# server. REFUSJON_TASKS=immediate runs each job at once, in the process that asks for it.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_tasks = os.environ.get("REFUSJON_TASKS", "database")
if _tasks not in TASK_BACKENDS:
    raise ImproperlyConfigured("REFUSJON_TASKS must be database or immediate")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[_tasks], "QUEUES": ["default"]}}

AUTH_USER_MODEL = "claims.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# A new password must be long enough and hard to guess: zxcvbn estimates how many guesses it
# takes, knowing common passwords, names, dates, keyboard patterns and the person's own names,
# and Norwegian words it would not know (PASSWORD_EXTRA_DICTIONARY); strength 3 means more than
# 10^8 guesses. Django's own checks stay: similarity to the user's names, the 20,000 most common
# passwords, all digits. See docs/security/signin.md.
REFUSJON_PASSWORD_MIN_LENGTH = int(os.environ.get("REFUSJON_PASSWORD_MIN_LENGTH", "10"))
REFUSJON_PASSWORD_MIN_STRENGTH = int(os.environ.get("REFUSJON_PASSWORD_MIN_STRENGTH", "3"))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": REFUSJON_PASSWORD_MIN_LENGTH},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "django_zxcvbn_password_validator.ZxcvbnPasswordValidator"},
]
PASSWORD_MINIMAL_STRENGTH = REFUSJON_PASSWORD_MIN_STRENGTH
# Words zxcvbn's English lists lack that Norwegian passwords are made of: seasons, months,
# days, greetings, places and the names of this service and its organisations.
PASSWORD_EXTRA_DICTIONARY = [
    *("passord", "hemmelig", "velkommen", "hei", "hallo", "heisann", "takk", "glemt"),
    *("sommer", "vinter", "høst", "vår", "sommeren", "vinteren", "høsten", "våren"),
    *("januar", "februar", "mars", "april", "mai", "juni", "juli", "august"),
    *("september", "oktober", "november", "desember", "jul", "påske", "sankthans"),
    *("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    *("norge", "noreg", "oslo", "bergen", "trondheim", "tromsø", "stavanger", "kristiansand"),
    *("student", "studenter", "studier", "eksamen", "skole", "universitet", "høgskole"),
    *("refusjon", "helse", "lege", "tannlege", "sio", "ssn", "helfo", "feide", "uio", "ntnu"),
    *("uib", "uit", "oslomet", "nmbu", "kjæreste", "elskerdeg", "fotball", "rosenborg"),
    *("brann", "vålerenga", "mamma", "pappa", "bestemor", "bestefar", "hund", "katt"),
]

LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", _("Norwegian bokmål")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "src" / "refusjon" / "locale"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
MEDIA_ROOT = DATA_DIR / "uploads"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Refusjon's own settings.
# The daily import of exchange rates (refusjon.currency.tasks): a path or an http(s) address of
# Norges Bank's CSV export, and the time of day in Oslo; no source, no daily import.
REFUSJON_RATES_SOURCE = os.environ.get("REFUSJON_RATES_SOURCE", "").strip()
REFUSJON_RATES_IMPORT_AT = os.environ.get("REFUSJON_RATES_IMPORT_AT", "17:15")
REFUSJON_FOUR_EYES_ABOVE_NOK = os.environ.get("REFUSJON_FOUR_EYES_ABOVE_NOK", "10000.00")
# What one person may send (refusjon.intake.limits): documents on one claim (and as many on
# its appeal), and megabytes uploaded in a day (Oslo time).
REFUSJON_MAX_DOCUMENTS_PER_CLAIM = int(os.environ.get("REFUSJON_MAX_DOCUMENTS_PER_CLAIM", "20"))
REFUSJON_MAX_UPLOAD_MB_PER_DAY = int(os.environ.get("REFUSJON_MAX_UPLOAD_MB_PER_DAY", "100"))

# What an upload may unpack to while it is checked (refusjon.intake.bounds, read by the check's
# job; docs/security/uploads.md).
REFUSJON_IMAGE_MAX_MEGAPIXELS = float(os.environ.get("REFUSJON_IMAGE_MAX_MEGAPIXELS", "40"))
REFUSJON_IMAGE_MAX_DECODED_MB = int(os.environ.get("REFUSJON_IMAGE_MAX_DECODED_MB", "100"))
REFUSJON_IMAGE_MAX_SIDE = int(os.environ.get("REFUSJON_IMAGE_MAX_SIDE", "4096"))
REFUSJON_PDF_MAX_PAGES = int(os.environ.get("REFUSJON_PDF_MAX_PAGES", "50"))
# Whether checked overviews and receipts are read (text layer, OCR) for their fees and name
# (refusjon.intake.readings); off, each gets a reading that says so, as one not read would.
REFUSJON_READ_DOCUMENTS = os.environ.get("REFUSJON_READ_DOCUMENTS", "1") == "1"
REFUSJON_PDF_MAX_DECODED_MB = int(os.environ.get("REFUSJON_PDF_MAX_DECODED_MB", "100"))
REFUSJON_PDF_MAX_STREAM_MB = int(os.environ.get("REFUSJON_PDF_MAX_STREAM_MB", "20"))
REFUSJON_PDF_MAX_PAGE_MEGAPIXELS = float(os.environ.get("REFUSJON_PDF_MAX_PAGE_MEGAPIXELS", "80"))
REFUSJON_PDF_MAX_PAGE_CM = float(os.environ.get("REFUSJON_PDF_MAX_PAGE_CM", "120"))


def site_url() -> str:
    """The site's address as the letters print it (the page to appeal from): by default the
    first allowed host that names one host, over HTTPS, in production; else the development
    server's address."""
    if "REFUSJON_SITE_URL" in os.environ:
        return os.environ["REFUSJON_SITE_URL"].strip()
    if not PRODUCTION:
        return "http://" + os.environ.get("REFUSJON_BIND", "127.0.0.1:8000")
    hosts = [host for host in ALLOWED_HOSTS if host != "*" and not host.startswith(".")]
    return f"https://{hosts[0]}" if hosts else ""


REFUSJON_SITE_URL = site_url()

# A letter's PDF is made by a job as soon as its decision is made or its recovery opened, so it
# is ready when the student comes for it; 0 makes it only when a student first asks for it.
REFUSJON_LETTERS_IN_ADVANCE = os.environ.get("REFUSJON_LETTERS_IN_ADVANCE", "1") == "1"

# Notices to students (refusjon.notices) go by e-mail through Django's mail framework: SMTP in
# production; in development each message is written to a file in var/mail/ (make run says so).
_email_backends = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
}
_email = os.environ.get("REFUSJON_EMAIL_BACKEND", "smtp" if PRODUCTION else "file")
if _email not in _email_backends:
    raise ImproperlyConfigured("REFUSJON_EMAIL_BACKEND must be smtp, file or console")
EMAIL_BACKEND = _email_backends[_email]
EMAIL_FILE_PATH = Path(os.environ.get("REFUSJON_EMAIL_FILE_PATH", DATA_DIR / "mail"))
EMAIL_HOST = os.environ.get("REFUSJON_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("REFUSJON_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("REFUSJON_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("REFUSJON_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("REFUSJON_EMAIL_USE_TLS", "0") == "1"
EMAIL_TIMEOUT = int(os.environ.get("REFUSJON_EMAIL_TIMEOUT", "20"))
DEFAULT_FROM_EMAIL = os.environ.get("REFUSJON_DEFAULT_FROM_EMAIL", "refusjon@localhost")
# Text messages (SMS) through an operator's HTTP gateway: a JSON POST of {"to", "from",
# "message"} with the token as a bearer; unset, students are offered e-mail only.
REFUSJON_SMS_GATEWAY_URL = os.environ.get("REFUSJON_SMS_GATEWAY_URL", "").strip()
REFUSJON_SMS_GATEWAY_TOKEN = os.environ.get("REFUSJON_SMS_GATEWAY_TOKEN", "")
REFUSJON_SMS_SENDER = os.environ.get("REFUSJON_SMS_SENDER", "Refusjon")
# A submitted claim should be decided within this many days: the student's timeline, receipt
# page and receipt e-mail name the date, and a claim still waiting after it gets an interim
# reply (Public Administration Act § 11 a).
REFUSJON_PROCESSING_TARGET_DAYS = int(os.environ.get("REFUSJON_PROCESSING_TARGET_DAYS", "30"))


# The payer variables left unset, so that the demo value (not a real account) is used: the
# deploy check (refusjon.payouts.checks) names them.
REFUSJON_PAYER_DEMO_VALUES: list[str] = []


def payer_from_environment(scheme: str, demo: dict[str, str]) -> dict[str, str]:
    """The organisation that pays a scheme's refunds, as its bank files name it (Dbtr,
    DbtrAcct, DbtrAgt): REFUSJON_PAYER_<SCHEME>_NAME, _ORGANISATION_NUMBER, _ACCOUNT (a
    Norwegian account) or _IBAN, and _BIC; and as its letters name it, the sender:
    _ADDRESS (lines separated by "; "), _EMAIL and _PHONE. The demo values (not real
    accounts or addresses) otherwise."""
    prefix = f"REFUSJON_PAYER_{scheme.upper()}_"
    payer = {key: os.environ.get(prefix + key.upper(), value) for key, value in demo.items()}
    account_given = any(prefix + key in os.environ for key in ("ACCOUNT", "IBAN"))
    REFUSJON_PAYER_DEMO_VALUES.extend(
        prefix + key.upper()
        for key in demo
        if prefix + key.upper() not in os.environ
        and not (key in ("account", "iban") and account_given)
    )
    return payer


# The paying organisations as the demo has them: each its own, its name marked "(demo)", with
# numbers whose check digits are valid (mod 11) but that are no real organisation's or account
# (tests/web/test_payers.py), an address at Postboks 0000 and e-mail at example.no. By scheme:
# name, organisation number, account, BIC, address, e-mail, telephone.
PAYER_FIELDS = ("name", "organisation_number", "account", "bic", "address", "email", "phone")
DEMO_PAYERS = {
    "sio": ("SiO Helse", "980000001", "15030000002", "DNBANOKKXXX",
            "Postboks 0000 Blindern; 0000 Oslo", "helse@sio.example.no", "+47 22 00 00 00"),
    "ssn": ("SSN Helse", "970000003", "15060000007", "DNBANOKKXXX",
            "Postboks 0000; 0000 Bø i Telemark", "helse@ssn.example.no", "+47 35 00 00 00"),
    "helfo_abroad": ("Helfo", "980001016", "76940500008", "NDEANOKKXXX",
                     "Postboks 0000; 0000 Tønsberg", "helfo@example.no", "+47 33 00 00 00"),
    "sis": ("SiS", "980002012", "15030200028", "DNBANOKKXXX",
            "Postboks 0000; 0000 Stavanger", "helse@sis.example.no", "+47 51 00 00 00"),
    "sia": ("SiA", "980003019", "15030300014", "DNBANOKKXXX",
            "Postboks 0000; 0000 Kristiansand", "helse@sia.example.no", "+47 38 00 00 00"),
    "siost": ("SiØ", "980004015", "15030400019", "DNBANOKKXXX",
              "Postboks 0000; 0000 Halden", "helse@siost.example.no", "+47 69 00 00 00"),
    "studentinord": ("Studentinord", "980005011", "15030500013", "DNBANOKKXXX",
                     "Postboks 0000; 0000 Bodø", "helse@studentinord.example.no",
                     "+47 75 00 00 00"),
    "sivolda": ("SiVolda", "980006018", "15030600018", "DNBANOKKXXX",
                "Postboks 0000; 0000 Volda", "helse@sivolda.example.no", "+47 70 00 00 00"),
    "sammen": ("Sammen", "980007014", "15030700012", "DNBANOKKXXX",
               "Postboks 0000; 0000 Bergen", "helse@sammen.example.no", "+47 55 00 00 00"),
}  # fmt: skip

# Each organisation pays its own scheme's refunds from its own account: a payer for every
# scheme the engine decides (refusjon.claims.models.SCHEME_CHOICES).
REFUSJON_PAYERS = {
    scheme: payer_from_environment(
        scheme,
        dict(zip(PAYER_FIELDS, (f"{name} (demo)", *numbers), strict=True)) | {"iban": ""},
    )
    for scheme, (name, *numbers) in DEMO_PAYERS.items()
}

AUTHENTICATION_BACKENDS = [
    # First: it refuses every sign-in (password or provider) while the account or the address
    # is locked out, before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Sign-in throttling (django-axes, refusjon.web.signin; docs/security/signin.md). Wrong
# passwords are remembered until REFUSJON_SIGNIN_COOLDOWN_MINUTES pass without another, and
# counted three ways: for one account from one address (REFUSJON_SIGNIN_FAILURES), for one
# account from anywhere, and for one address whatever the account; reaching any limit locks
# that out until the cool-down has passed since the last failure counted.
REFUSJON_SIGNIN_FAILURES = int(os.environ.get("REFUSJON_SIGNIN_FAILURES", "5"))
REFUSJON_SIGNIN_ACCOUNT_FAILURES = int(os.environ.get("REFUSJON_SIGNIN_ACCOUNT_FAILURES", "10"))
REFUSJON_SIGNIN_ADDRESS_FAILURES = int(os.environ.get("REFUSJON_SIGNIN_ADDRESS_FAILURES", "20"))
REFUSJON_SIGNIN_COOLDOWN_MINUTES = float(os.environ.get("REFUSJON_SIGNIN_COOLDOWN_MINUTES", "15"))
# The reverse proxies (addresses or networks, or *) whose X-Forwarded-For names the client, as
# gunicorn reads the same variable; from any other peer the header is ignored.
REFUSJON_FORWARDED_ALLOW_IPS = env_list("REFUSJON_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Failed and successful sign-ins (user name, address) are kept this many days for security
# review, then deleted by a nightly job (refusjon.web.signin_records).
REFUSJON_SIGNIN_RECORDS_DAYS = int(os.environ.get("REFUSJON_SIGNIN_RECORDS_DAYS", "90"))
AXES_ENABLED = os.environ.get("REFUSJON_SIGNIN_THROTTLE", "1") == "1"
AXES_HANDLER = "refusjon.web.signin.SignInThrottle"
AXES_FAILURE_LIMIT = REFUSJON_SIGNIN_FAILURES
AXES_COOLOFF_TIME = timedelta(minutes=REFUSJON_SIGNIN_COOLDOWN_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "refusjon.web.signin.client_address"
AXES_LOCKOUT_CALLABLE = "refusjon.web.signin.locked_out_response"
# A try while locked out does not push the end of the lock-out further: the time the page
# names holds. Such tries are still logged (django.security.signin).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# A right password does not wipe the count: an attacker with one account of their own could
# otherwise clear their address's count by signing in between guesses.
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# django-axes keeps the form and query of each failure (AccessAttempt.post_data, get_data) and
# masks only ``password``: the password change's fields and the provider's one-time code go
# masked too.
AXES_SENSITIVE_PARAMETERS = [
    "username",
    "ip_address",
    "old_password",
    "new_password1",
    "new_password2",
    "csrfmiddlewaretoken",
    "code",
    "state",
]
AXES_VERBOSE = False
AXES_HTTP_RESPONSE_CODE = 429  # Too Many Requests

# Sign-in through an OpenID Connect provider (Feide, ID-porten) beside the local accounts. It
# is on only when the environment names a client and the provider's four endpoints; the
# endpoints are given rather than discovered so that starting the site needs no network.
REFUSJON_OIDC_VARIABLES = {
    "client_id": "REFUSJON_OIDC_CLIENT_ID",
    "client_secret": "REFUSJON_OIDC_CLIENT_SECRET",
    "authorization_endpoint": "REFUSJON_OIDC_AUTHORIZATION_ENDPOINT",
    "token_endpoint": "REFUSJON_OIDC_TOKEN_ENDPOINT",
    "userinfo_endpoint": "REFUSJON_OIDC_USERINFO_ENDPOINT",
    "jwks_endpoint": "REFUSJON_OIDC_JWKS_ENDPOINT",
}


def oidc_from_environment() -> dict[str, str] | None:
    """The provider's client and endpoints, or None when the environment names none of them."""
    given = {key: os.environ.get(name, "").strip() for key, name in REFUSJON_OIDC_VARIABLES.items()}
    if not any(given.values()):
        if os.environ.get("REFUSJON_OIDC_ISSUER"):
            raise ImproperlyConfigured(
                "REFUSJON_OIDC_ISSUER is set but the client and endpoints are not: set "
                + ", ".join(REFUSJON_OIDC_VARIABLES.values())
            )
        return None
    missing = [REFUSJON_OIDC_VARIABLES[key] for key, value in given.items() if not value]
    if missing:
        raise ImproperlyConfigured("OpenID Connect sign-in also needs " + ", ".join(missing))
    return given


_oidc = oidc_from_environment()
REFUSJON_OIDC_ENABLED = _oidc is not None
REFUSJON_OIDC_LABEL = os.environ.get("REFUSJON_OIDC_LABEL") or _("Sign in with your institution")
if _oidc is not None:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("refusjon.web.oidc.RefusjonOIDCBackend")
    OIDC_RP_CLIENT_ID = _oidc["client_id"]
    OIDC_RP_CLIENT_SECRET = _oidc["client_secret"]
    OIDC_OP_AUTHORIZATION_ENDPOINT = _oidc["authorization_endpoint"]
    OIDC_OP_TOKEN_ENDPOINT = _oidc["token_endpoint"]
    OIDC_OP_USER_ENDPOINT = _oidc["userinfo_endpoint"]
    OIDC_OP_JWKS_ENDPOINT = _oidc["jwks_endpoint"]
    # When set, an ID token from any other issuer is refused.
    REFUSJON_OIDC_ISSUER = os.environ.get("REFUSJON_OIDC_ISSUER", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("REFUSJON_OIDC_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = os.environ.get("REFUSJON_OIDC_SCOPES", "openid profile email")
    OIDC_VERIFY_KID = os.environ.get("REFUSJON_OIDC_VERIFY_KID", "1") == "1"
    OIDC_USE_PKCE = os.environ.get("REFUSJON_OIDC_USE_PKCE", "1") == "1"
    OIDC_TOKEN_USE_BASIC_AUTH = os.environ.get("REFUSJON_OIDC_TOKEN_BASIC_AUTH", "0") == "1"
    # The levels of assurance asked for; an ID token whose ``acr`` is lower is refused.
    REFUSJON_OIDC_ACR_VALUES = (
        os.environ.get("REFUSJON_OIDC_ACR_VALUES", "").replace(",", " ").split()
    )
    if REFUSJON_OIDC_ACR_VALUES:
        OIDC_AUTH_REQUEST_EXTRA_PARAMS = {"acr_values": " ".join(REFUSJON_OIDC_ACR_VALUES)}
    # The claim with the national identity number (ID-porten: ``pid``); empty reads none.
    REFUSJON_OIDC_PERSON_ID_CLAIM = os.environ.get("REFUSJON_OIDC_PERSON_ID_CLAIM", "pid").strip()
    # The provider's end_session_endpoint: signing out ends the session there too.
    REFUSJON_OIDC_LOGOUT_URL = os.environ.get("REFUSJON_OIDC_LOGOUT_URL", "").strip()
    if REFUSJON_OIDC_LOGOUT_URL:
        OIDC_STORE_ID_TOKEN = True  # sent back as the id_token_hint
        OIDC_OP_LOGOUT_URL_METHOD = "refusjon.web.oidc.provider_logout_url"
    OIDC_TIMEOUT = 10
    OIDC_CALLBACK_CLASS = "refusjon.web.oidc.RefusjonOIDCCallbackView"

if PRODUCTION:
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
# A session ends with the browser, and after REFUSJON_SESSION_HOURS (8) in any case: health
# data is not left open on a shared computer.
SESSION_COOKIE_AGE = int(float(os.environ.get("REFUSJON_SESSION_HOURS", "8")) * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"
