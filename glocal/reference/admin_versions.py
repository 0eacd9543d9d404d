"""The secretariat's admin pages check the version a row was loaded at, like the site's forms.

A change page of a row with a ``version`` column carries that version and the values it was
rendered with (signed). Saving it after a colleague saved the same row keeps the colleague's
changes in the fields this page did not touch; a field both changed differently refuses the
save with both values named, and the page keeps what was typed. Every admin save counts one
more version, so the site's edit forms see the secretariat's changes too.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext as _

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


def has_version(model: type[models.Model]) -> bool:
    return any(field.name == "version" for field in model._meta.concrete_fields)


def merged_names(form: forms.BaseForm) -> list[str]:
    """The form's fields that are the row's own columns or many-to-many (files are left out)."""
    model_fields = {f.name for f in form._meta.model._meta.get_fields() if f.concrete}
    return [name for name, field in form.fields.items()
            if name in model_fields and not isinstance(field, forms.FileField)]  # fmt: skip


class VersionCheckedForm(forms.ModelForm):
    """Mixed into an admin's change form: the merge runs in ``clean`` on the locked row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.edit_version = parse_version(self.data.get("version"))
            self.edit_base = self.data.get("base", "")
        else:
            self.edit_version = self.instance.version
            self.edit_base = sign_base(self.base_values())

    def base_values(self) -> dict[str, Any]:
        """The values the page signs (an admin may add rows shown beside the form)."""
        return row_values(self.instance, merged_names(self))

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.errors or self.edit_version is None:
            return data  # a script's post without a version writes as before
        names = merged_names(self)
        theirs = row_values(self.instance, names)  # the row as saved, locked for this save
        mine, base = cleaned_values(self, names), load_base(self.edit_base)
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
        self.edit_base = sign_base(
            base | {name: theirs for name, (theirs, _mine) in conflict.conflicts.items()}
        )
        rows = conflict_rows(self, conflict)
        lines = [_("%(field)s — saved meanwhile: %(theirs)s; yours: %(mine)s")
                 % {"field": r["label"], "theirs": r["theirs"], "mine": r["mine"]}
                 for r in rows]  # fmt: skip
        message = _(
            "Not saved: someone saved this page after you opened it and changed the "
            "same fields. Your values are still in the form; save again to keep them."
        )
        raise ValidationError([message, *lines], code="conflict")


def saved_value(record: models.Model, name: str) -> Any:
    field = record._meta.get_field(name)
    return list(getattr(record, name).all()) if field.many_to_many else getattr(record, name)


class EditVersionCheck:
    """For admins of rows with a ``version``: lock the row, check the version, count the save."""

    change_form_template = "admin/edit_version_change_form.html"

    def get_form(self, request: HttpRequest, obj=None, change: bool = False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        if not (change and obj is not None and has_version(self.model)):
            return form_class
        return type(form_class.__name__, (VersionCheckedForm, form_class), {})

    def get_object(self, request: HttpRequest, object_id, from_field=None):
        found = super().get_object(request, object_id, from_field)
        if request.method == "POST" and found is not None and has_version(self.model):
            return type(found)._base_manager.select_for_update().get(pk=found.pk)
        return found

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        if change and has_version(type(obj)):
            obj.version += 1  # the row is locked since get_object
        super().save_model(request, obj, form, change)
