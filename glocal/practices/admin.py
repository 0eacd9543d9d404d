"""Secretariat admin for practices: every record, plus import and export as files."""

import io
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from glocal.reference.admin import SecretariatPermissions

from .exporting import write_csv, write_xlsx
from .importing import import_practices
from .models import Attachment, Practice, Revision, Status
from .reading import COLUMNS, ImportFormatError, read_rows
from .services import record_revision, unique_slug

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
UPLOAD_FORMATS = ("csv", "xlsx", "json")
ERRORS_SHOWN = 50


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy("CSV, XLSX or JSON, at most 5 MB."),
    )
    source_name = forms.CharField(
        label=gettext_lazy("Source"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Rows are matched by source and source id. Empty: the file name without extension."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        if Path(upload.name).suffix.lower().lstrip(".") not in UPLOAD_FORMATS:
            raise forms.ValidationError(_("Upload a .csv, .xlsx or .json file."))
        return upload


class AttachmentInline(SecretariatPermissions, admin.TabularInline):
    model = Attachment
    extra = 0
    fields = ["kind", "file", "title", "alt_text"]


@admin.register(Practice)
class PracticeAdmin(SecretariatPermissions, admin.ModelAdmin):
    change_list_template = "admin/practices/practice/change_list.html"
    list_display = ["title", "owner_display", "country", "status", "is_verified", "completeness"]
    list_filter = ["status", "is_verified", "themes", "sdgs", "country__region"]
    list_select_related = ["municipality", "country"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["municipality", "country"]
    filter_horizontal = ["themes", "sdgs"]
    readonly_fields = ["slug", "created_by", "created_at", "updated_at", "published_at"]
    inlines = [AttachmentInline]
    actions = ["export_csv", "export_xlsx"]

    @admin.display(description=gettext_lazy("owner"))
    def owner_display(self, practice: Practice) -> str:
        return practice.owner

    @admin.display(description=gettext_lazy("completeness"))
    def completeness(self, practice: Practice) -> str:
        return f"{practice.completeness} %"

    audit_in_admin = False  # save_related records the revision, which writes the entry

    def save_model(self, request: HttpRequest, obj: Practice, form, change: bool) -> None:
        if not change:
            obj.slug = unique_slug(obj.title)
            obj.created_by = request.user
        if obj.status == Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form, formsets, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        action = Revision.Action.EDITED if change else Revision.Action.CREATED
        record_revision(
            practice=form.instance, action=action, user=request.user, note=_("In the admin")
        )

    @admin.action(description=gettext_lazy("Export selected as CSV"))
    def export_csv(self, request: HttpRequest, queryset) -> HttpResponse:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="practices.csv"'
        write_csv(queryset, response)
        return response

    @admin.action(description=gettext_lazy("Export selected as XLSX"))
    def export_xlsx(self, request: HttpRequest, queryset) -> HttpResponse:
        response = HttpResponse(
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = 'attachment; filename="practices.xlsx"'
        write_xlsx(queryset, response)
        return response

    def get_urls(self):
        view = self.admin_site.admin_view(self.import_view)
        return [path("import/", view, name="practices_practice_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid() and self._import(request, form):
            return redirect("admin:practices_practice_changelist")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import practices"),
            "form": form,
            "columns": COLUMNS,
        }
        return TemplateResponse(request, "admin/practices/practice/import.html", context)

    def _import(self, request: HttpRequest, form: ImportForm) -> bool:
        """Run the import and report through messages; True when it went through."""
        upload = form.cleaned_data["file"]
        name = Path(upload.name)
        try:
            rows = read_rows(io.BytesIO(upload.read()), name.suffix.lower().lstrip("."))
        except ImportFormatError as error:
            messages.error(request, str(error))
            return False
        source = form.cleaned_data["source_name"] or name.stem
        result = import_practices(rows=rows, source_name=source, user=request.user)
        if result.errors:
            for error in result.errors[:ERRORS_SHOWN]:
                messages.error(request, str(error))
            count = len(result.errors)
            messages.error(
                request,
                ngettext(
                    "Nothing was imported: %(count)d row has errors.",
                    "Nothing was imported: %(count)d rows have errors.",
                    count,
                )
                % {"count": count},
            )
            return False
        messages.success(
            request,
            _("Imported: %(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
            % result.counts(),
        )
        return True


@admin.register(Revision)
class RevisionAdmin(SecretariatPermissions, admin.ModelAdmin):
    """The history is evidence: it can be read, never written here."""

    list_display = ["practice", "action", "user", "created_at"]
    list_filter = ["action"]
    list_select_related = ["practice", "user"]
    search_fields = ["practice__title", "note"]
    readonly_fields = ["practice", "action", "user", "note", "changed_fields", "snapshot"]

    def has_add_permission(self, request: HttpRequest, *args) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Attachment)
class AttachmentAdmin(SecretariatPermissions, admin.ModelAdmin):
    list_display = ["__str__", "practice", "kind", "uploaded_at"]
    list_filter = ["kind"]
    list_select_related = ["practice"]
    search_fields = ["title", "practice__title"]
    autocomplete_fields = ["practice"]
