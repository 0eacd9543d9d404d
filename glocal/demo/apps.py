from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "glocal.demo"
    verbose_name = "Demo data"
