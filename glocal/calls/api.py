"""The /api/v1/ endpoints of the calls app."""

from ninja import Router

router = Router(tags=["calls"])
