from django.apps import AppConfig


class LeerroutesConfig(AppConfig):
    name = "leerroutes"
