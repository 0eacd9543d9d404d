from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "glocal.projects"
    verbose_name = _("Prototypes and local action")
