"""The secretariat's admin pages check the version a row was loaded at, like the site's forms.

A change page of a row with a ``version`` column carries that version and the values it was
rendered with (signed), its inline rows included (per inline: row key → values). Saving it
after a colleague saved the same row keeps the colleague's changes in the fields this page did
not touch; a field both changed differently refuses the save with both values named, and the
page keeps what was typed. Inline rows merge the same way, row by row, against the row as the
page showed it: a row only the colleague changed or deleted is not written back stale, a row
both changed (or one deleted and the other changed) refuses the whole save. Every admin save
counts one more version, so the site's edit forms see the secretariat's changes too.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.forms.models import BaseInlineFormSet, InlineForeignKeyField
from django.http import HttpRequest
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from glocal.lib.edit_versions import (
    EditConflict,
    cleaned_values,
    conflict_rows,
    load_base,
    merge_edit,
    parse_version,
    row_values,
    sign_base,
)
from glocal.lib.three_way import merge_fields

INLINE_ROWS = "inline rows"  # the key of the inline rows in a page's base (never a field name)
NOT_SHOWN = object()  # an inline row the posted page did not show with its values


def has_version(model: type[models.Model]) -> bool:
    return any(field.name == "version" for field in model._meta.concrete_fields)


def merged_names(form: forms.BaseForm) -> list[str]:
    """The form's fields that are the row's own columns or many-to-many (files are left out)."""
    model_fields = {f.name for f in form._meta.model._meta.get_fields() if f.concrete}
    return [name for name, field in form.fields.items()
            if name in model_fields and not isinstance(field, forms.FileField)]  # fmt: skip


def row_names(form: forms.BaseForm) -> list[str]:
    """An inline row's fields to merge: not its key, nor its link to the page's row."""
    key, fields = form._meta.model._meta.pk.name, form.fields
    return [name for name in merged_names(form)
            if name != key and not isinstance(fields[name], InlineForeignKeyField)]  # fmt: skip


class VersionCheckedForm(forms.ModelForm):
    """Mixed into an admin's change form: the merge runs in ``clean`` on the locked row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.edit_version = parse_version(self.data.get("version"))
            self.edit_values = load_base(self.data.get("base", ""))
        else:
            self.edit_version = self.instance.version
            self.edit_values = row_values(self.instance, merged_names(self))

    @property
    def edit_base(self) -> str:
        """The values the page shows its next save is based on, signed for the hidden field."""
        return "" if self.edit_values is None else sign_base(self.edit_values)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors or self.edit_version is None:
            return data  # a script's post without a version writes as before
        names = merged_names(self)
        theirs = row_values(self.instance, names)  # the row as saved, locked for this save
        mine, base = cleaned_values(self, names), self.edit_values
        try:
            merge_edit(record=self.instance, base_version=self.edit_version, base=base,
                       theirs=theirs, mine=mine)  # fmt: skip
        except EditConflict as conflict:
            self.refuse(conflict, base or {})
        if base and self.edit_version != self.instance.version:
            for name in names:  # the others' changes where this page left the loaded value
                if name in base and mine[name] == base[name] != theirs[name]:
                    data[name] = saved_value(self.instance, name)
        return data

    def refuse(self, conflict: EditConflict, base: dict) -> None:
        """Both values named; the next save from this page keeps this editor's values."""
        self.edit_values = base | {
            name: theirs for name, (theirs, _mine) in conflict.conflicts.items()
        }
        raise ValidationError([_(
            "Not saved: someone saved this page after you opened it and changed the "
            "same fields. Your values are still in the form; save again to keep them."
        ), *conflict_lines(self, conflict)], code="conflict")  # fmt: skip

    def carry_inline_rows(self, formsets: list) -> None:
        """Put the inline rows in the page's base: as shown on a new page, or as a refused
        save found them (so saving again keeps what this page typed)."""
        if self.edit_values is None:
            return
        rows = self.edit_values.setdefault(INLINE_ROWS, {})
        for formset in formsets:
            if not isinstance(formset, VersionCheckedFormSet):
                continue
            if self.is_bound:
                rows.setdefault(formset.prefix, {}).update(formset.rows_seen)
            else:
                rows[formset.prefix] = formset.current_rows()


def conflict_lines(form: forms.BaseForm, conflict: EditConflict) -> list[str]:
    return [_("%(field)s — saved meanwhile: %(theirs)s; yours: %(mine)s")
            % {"field": r["label"], "theirs": r["theirs"], "mine": r["mine"]}
            for r in conflict_rows(form, conflict)]  # fmt: skip


def saved_value(record: models.Model, name: str) -> Any:
    field = record._meta.get_field(name)
    return list(getattr(record, name).all()) if field.many_to_many else getattr(record, name)


class VersionCheckedRowForm(forms.ModelForm):
    """An inline row of a versioned page, merged three-way against the row as the page showed
    it (``loaded_row``, set by the formset; ``None`` once the page was told it is deleted)."""

    loaded_row: Any = NOT_SHOWN
    row_key: str | None = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept: list[str] = []  # fields others changed and this page did not: theirs stay
        self.refusal: list[str] = []  # why this row cannot be saved as it is
        self.seen: dict | None = None  # the row as the refusal found it: the next save's base
        self.revive = False  # deleted meanwhile, and this page, told so, saves it again

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.loaded_row is NOT_SHOWN or self.errors:
            return data
        names = row_names(self)
        theirs = row_values(self.instance, names) if self.instance.pk else None
        mine = None if data.get("DELETE") else cleaned_values(self, names)
        if theirs is None:
            self.merge_deleted_row(mine)
        else:
            self.merge_row(self.loaded_row or {}, theirs, mine)
        for name in self.kept:
            data[name] = saved_value(self.instance, name)
        return data

    def merge_deleted_row(self, mine: dict | None) -> None:
        """Deleted since the page was shown: fine unless this page changed it."""
        if mine is None or mine == self.loaded_row:
            return  # not written: Django's formset skips a form whose row is gone
        if self.loaded_row is None:
            self.revive = True
        else:
            self.refusal = [_("deleted meanwhile; yours is still in the form, save again to "
                              "add it back")]  # fmt: skip

    def merge_row(self, loaded: dict, theirs: dict, mine: dict | None) -> None:
        if mine is None:  # this page deletes it: refused if others changed it meanwhile
            deleted = pgettext("what this page does to a row", "deleted")
            conflicts = {name: (value, deleted) for name, value in theirs.items()
                         if name in loaded and loaded[name] != value}  # fmt: skip
            self.seen = theirs
        else:
            _to_write, conflicts = merge_fields(base=loaded, theirs=theirs, mine=mine)
            self.kept = [name for name, value in mine.items()
                         if name in loaded and value == loaded[name] != theirs[name]]  # fmt: skip
            self.seen = loaded | {name: theirs[name] for name in conflicts}
        if conflicts:
            self.refusal = conflict_lines(self, EditConflict(self.instance, conflicts))

    @property
    def changed_data(self) -> list[str]:
        """What this page changed: not the fields it shows stale because others changed them."""
        return [name for name in super().changed_data if name not in self.kept]


class VersionCheckedFormSet(BaseInlineFormSet):
    """An inline of a versioned page: its rows merged against the rows the page showed."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows_seen: dict[str, dict | None] = {}  # refused rows as found: key → values

    @cached_property
    def shown_rows(self) -> dict:
        """key → values of the rows the posted page showed ({}: not known, so not checked)."""
        if not self.is_bound or parse_version(self.data.get("version")) is None:
            return {}
        base = load_base(self.data.get("base", "")) or {}
        return base.get(INLINE_ROWS, {}).get(self.prefix, {})

    def current_rows(self) -> dict[str, dict]:
        """The rows as this page shows them, for its base."""
        rows = {str(form.instance.pk): row_values(form.instance, row_names(form))
                for form in self.initial_forms}  # fmt: skip
        return {key: values for key, values in rows.items() if values}

    def get_queryset(self):
        """Once the posted forms are built, their rows in order, a row deleted meanwhile too: a
        refused page shows each form beside its own row (Django's admin pairs them by place)."""
        if self.is_bound and "forms" in self.__dict__:
            return [form.instance for form in self.initial_forms]
        return super().get_queryset()

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        key_name = self.model._meta.pk.name
        key = self.data.get(form.add_prefix(key_name)) if i < self.initial_form_count() else None
        if key in self.shown_rows:
            form.row_key, form.loaded_row = key, self.shown_rows[key]
            if form.instance.pk is None:  # deleted meanwhile: keep its key, not "invalid choice"
                form.fields[key_name] = forms.CharField(widget=forms.HiddenInput, initial=key)
        return form

    def clean(self) -> None:
        super().clean()
        refused = [form for form in self.forms if getattr(form, "refusal", None)]
        if not refused:
            return
        self.rows_seen = {form.row_key: form.seen for form in refused}
        message = _(
            "Not saved: someone changed the same rows of “%(inline)s” after you opened this "
            "page. Your values are still in the form; save again to keep them."
        ) % {"inline": capfirst(self.model._meta.verbose_name_plural)}
        lines = [_("%(row)s: %(change)s") % {"row": form.instance, "change": change}
                 for form in refused for change in form.refusal]  # fmt: skip
        raise ValidationError([message, *lines], code="conflict")

    def save_new_objects(self, commit: bool = True) -> list:
        """New rows, and rows deleted meanwhile that this page saves again."""
        saved = super().save_new_objects(commit)
        for form in self.initial_forms:
            if getattr(form, "revive", False):
                saved.append(self.save_new(form, commit=commit))
                if not commit:
                    self.saved_forms.append(form)
        return saved


def version_checked(formset_class: type[BaseInlineFormSet]) -> type[BaseInlineFormSet]:
    form = type(formset_class.form.__name__, (VersionCheckedRowForm, formset_class.form), {})
    return type(formset_class.__name__, (VersionCheckedFormSet, formset_class), {"form": form})


class EditVersionCheck:
    """For admins of rows with a ``version``: lock the row, check the version (its inline rows
    too), count the save."""

    change_form_template = "admin/edit_version_change_form.html"

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not (change and obj is not None and has_version(self.model)):
            return form_class
        return type(form_class.__name__, (VersionCheckedForm, form_class), {})

    def get_formsets_with_inlines(self, request: HttpRequest, obj=None):
        for formset_class, inline in super().get_formsets_with_inlines(request, obj):
            if obj is not None and has_version(self.model):
                formset_class = version_checked(formset_class)
            yield formset_class, inline

    def render_change_form(self, request: HttpRequest, context: dict, *args, **kwargs):
        form = context["adminform"].form
        if isinstance(form, VersionCheckedForm):
            form.carry_inline_rows([inline.formset for inline in context["inline_admin_formsets"]])
        return super().render_change_form(request, context, *args, **kwargs)

    def get_object(self, request: HttpRequest, object_id, from_field=None):
        found = super().get_object(request, object_id, from_field)
        if request.method == "POST" and found is not None and has_version(self.model):
            return type(found)._base_manager.select_for_update().get(pk=found.pk)
        return found

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        if change and has_version(type(obj)):
            obj.version += 1  # the row is locked since get_object
        super().save_model(request, obj, form, change)
