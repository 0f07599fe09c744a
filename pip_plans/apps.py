from django.apps import AppConfig


class PipPlansConfig(AppConfig):
    name = "pip_plans"
