"""Settings of the OpenTrack-compatible sandbox (see tests/sandbox/README.md).

Everything that differs between runs comes from the environment that run.py sets:
SANDBOX_DB (the SQLite file in a temporary folder) and SANDBOX_PROFILE (a comma-separated list
of profiles, see opentrack/profiles.py; "full" is the plain OpenTrack-like server).
"""
import os

from opentrack import profiles

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECRET_KEY = "sandbox-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
PROFILES = profiles.parse(os.environ.get("SANDBOX_PROFILE", "full"))

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "rest_framework",
    "rest_framework.authtoken",
    "opentrack",
]
MIDDLEWARE = [
    "opentrack.faults.MergeSlashesMiddleware",
    "opentrack.faults.FaultMiddleware",
    "django.middleware.common.CommonMiddleware",
]
APPEND_SLASH = True  # like OpenTrack: a URL without its slash is redirected (a POST then becomes a GET)
ROOT_URLCONF = "sandbox.urls"
WSGI_APPLICATION = "sandbox.wsgi.application"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SANDBOX_DB", os.path.join(BASE_DIR, "sandbox.sqlite3")),
        "OPTIONS": {"timeout": 30},
    }
}
# Bodies are read whole for the request log; a nested v1 upload of a big meet is several MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = None
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Sandbox passwords are public; a slow hash would only slow every login and reset of the tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
USE_TZ = True
TIME_ZONE = "UTC"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "opentrack.auth.BearerAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "opentrack.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": os.environ.get("SANDBOX_RATE", "100000/min")},
    "UNAUTHENTICATED_USER": None,
    "EXCEPTION_HANDLER": "opentrack.errors.exception_handler",
}
LOGGING = {"version": 1, "disable_existing_loggers": True}
