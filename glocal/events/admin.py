"""Secretariat admin for events: the event with its programme and questions in one page.

Times are typed and shown in the venue's time zone, as the printed programme gives them.
Rows are locked while the page is saved so a registration taking a seat at the same moment
is never overwritten by the admin's copy of ``seats_taken``.
"""

import zoneinfo

from django.contrib import admin
from django.forms.models import BaseInlineFormSet
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from glocal.members.models import known_time_zones
from glocal.reference.admin import SecretariatPermissions

from . import services
from .models import Booking, Event, Question, Registration, Session


class SessionFormSet(BaseInlineFormSet):
    def clean(self) -> None:
        """Every session takes place between the start and the end of its event."""
        super().clean()
        event = self.instance
        if not (event.starts_at and event.ends_at):
            return
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE") or form.errors:
                continue
            if data["starts_at"] < event.starts_at or data["ends_at"] > event.ends_at:
                message = _(
                    "The session must take place during the event, between %(start)s and %(end)s."
                )
                when = {"start": local_text(event.starts_at), "end": local_text(event.ends_at)}
                form.add_error("starts_at", message % when)


def local_text(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j M Y, H:i")


class SessionInline(SecretariatPermissions, admin.StackedInline):
    model = Session
    formset = SessionFormSet
    extra = 0
    autocomplete_fields = ["practices"]
    fields = [("title", "kind", "theme"), ("starts_at", "ends_at"), ("room", "capacity"),
              "speakers", "description", "practices"]  # fmt: skip

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset.select_for_update() if request.method == "POST" else queryset


class QuestionInline(SecretariatPermissions, admin.TabularInline):
    model = Question
    extra = 0


def venue_time_zone(request, object_id: str | None) -> zoneinfo.ZoneInfo:
    """The zone typed in the form, else the saved event's, else the default venue zone."""
    name = request.POST.get("time_zone", "")
    if name not in known_time_zones() and object_id and object_id.isdecimal():
        name = Event.objects.filter(pk=object_id).values_list("time_zone", flat=True).first()
    if name not in known_time_zones():
        name = Event._meta.get_field("time_zone").default
    return zoneinfo.ZoneInfo(name)


@admin.register(Event)
class EventAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["title", "kind", "mode", "starts_at", "host", "capacity", "seats_taken",
                    "is_published"]  # fmt: skip
    list_filter = ["kind", "mode", "is_published"]
    search_fields = ["title", "venue"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["host", "practices"]
    filter_horizontal = ["themes", "projects"]
    readonly_fields = ["seats_taken"]
    inlines = [SessionInline, QuestionInline]
    date_hierarchy = "starts_at"

    def get_form(self, request, obj=None, change=False, **kwargs):
        venue_time = gettext_lazy("In the venue's time zone, as the programme prints it.")
        kwargs["help_texts"] = {"starts_at": venue_time, "ends_at": venue_time}
        return super().get_form(request, obj, change, **kwargs)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with timezone.override(venue_time_zone(request, object_id)):
            response = super().changeform_view(request, object_id, form_url, extra_context)
            if hasattr(response, "render"):
                response.render()  # while the venue's zone is active
        return response

    def get_object(self, request, object_id, from_field=None):
        if request.method == "POST" and object_id and object_id.isdecimal():
            return Event.objects.select_for_update().filter(pk=object_id).first()
        return super().get_object(request, object_id, from_field)

    def save_related(self, request, form, formsets, change) -> None:
        """After a capacity is raised or removed, the people waiting get the places at once."""
        super().save_related(request, form, formsets, change)
        event = form.instance
        services.promote_waiting_registrations(event=event)
        waiting = Booking.objects.waiting_in_order().values("session")
        for session in event.sessions.filter(pk__in=waiting):
            services.promote_waiting_bookings(session=session)


@admin.register(Registration)
class RegistrationAdmin(SecretariatPermissions, admin.ModelAdmin):
    """Read-only: registrations change only through the services (seats, queues, mail)."""

    list_display = ["user", "event", "status", "role", "municipality", "created_at", "attended_at"]
    list_filter = ["status", "role", "event"]
    search_fields = ["user__email", "user__full_name"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
