from django.apps import AppConfig


class OpentrackConfig(AppConfig):
    name = "opentrack"
    default_auto_field = "django.db.models.BigAutoField"
