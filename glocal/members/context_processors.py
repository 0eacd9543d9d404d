from django.conf import settings


def network(request) -> dict:
    return {"NETWORK_NAME": settings.NETWORK_NAME}
