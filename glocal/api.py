"""The public API under /api/v1/ (django-ninja); each app adds its router here."""

from ninja import NinjaAPI

api = NinjaAPI(title="Glocal API", version="1", urls_namespace="api", docs_url="/docs",
               openapi_url="/openapi.json")  # fmt: skip
