"""The /api/v1/ endpoints of the cooperation app."""

from ninja import Router

router = Router(tags=["cooperation"])
