"""Secretariat admin for events: the event with its programme and questions in one page."""

from django.contrib import admin

from glocal.reference.admin import SecretariatPermissions

from . import services
from .models import Event, Question, Registration, Session


class SessionInline(admin.StackedInline):
    model = Session
    extra = 0
    autocomplete_fields = ["practices"]
    fields = [("title", "kind", "theme"), ("starts_at", "ends_at"), ("room", "capacity"),
              "speakers", "description", "practices"]  # fmt: skip


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


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

    def save_related(self, request, form, formsets, change) -> None:
        """After a capacity is raised, the people waiting get the new places at once."""
        super().save_related(request, form, formsets, change)
        event = form.instance
        services.promote_waiting_registrations(event=event)
        for session in event.sessions.filter(capacity__isnull=False):
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
