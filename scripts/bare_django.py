"""A bare Django "hello" view: the yardstick of ``manage.py bench_serve``'s throughput ratios.

Served by the same gunicorn configuration as Glocal (``gunicorn.conf.py``), so a page's
requests per second divided by this view's, measured in alternating runs, says how much of
the framework's speed the page keeps on a machine whose absolute speed varies.
"""

import django
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, HttpResponse
from django.urls import path

settings.configure(
    DEBUG=False,
    SECRET_KEY="bare-django-benchmark-yardstick-" * 2,
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    ],
)


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello")


urlpatterns = [path("", hello)]
django.setup()
application = get_wsgi_application()
