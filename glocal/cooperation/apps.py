from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "glocal.cooperation"
    verbose_name = _("Cooperation and solidarity")
