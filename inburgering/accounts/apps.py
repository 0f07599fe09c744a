from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "inburgering.accounts"
    label = "accounts"
    verbose_name = "Gebruikers en teams"
