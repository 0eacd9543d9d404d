"""Small builders for calls and applications, shared by the test modules."""

from datetime import timedelta

from django.utils import timezone

from glocal.calls.models import Application, ApplicationStatus, Call, CallStatus, Criterion, Kind


def make_call(*, slug: str, kind: str = Kind.LAB, opens=-3, closes=3, **extra) -> Call:
    now = timezone.now()
    call = Call.objects.create(
        title=slug.replace("-", " ").title(), slug=slug, kind=kind, summary="A call.",
        description="<p>Host a lab.</p><script>alert(1)</script>",
        opens_at=now + timedelta(days=opens), closes_at=now + timedelta(days=closes),
        status=CallStatus.OPEN, **extra,
    )  # fmt: skip
    Criterion.objects.create(call=call, position=1, name="Relevance", weight=3)
    Criterion.objects.create(call=call, position=2, name="Feasibility", weight=1)
    return call


def submitted(call: Call, town, **extra) -> Application:
    values = {"title": f"{town} proposal", "status": ApplicationStatus.SUBMITTED,
              "submitted_at": call.opens_at + timedelta(hours=1)} | extra  # fmt: skip
    return Application.objects.create(call=call, municipality=town, **values)
