"""What a browser sends back unchanged from an edit page: for the two-tab race tests."""

import threading
from html.parser import HTMLParser

from django.db import connection


def page_data(response, form_name: str = "form") -> dict:
    """The form's values as rendered, with the hidden ``version`` and ``base`` of the page."""
    form = response.context[form_name]
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        if isinstance(value, (list, tuple)):
            data[field.html_name] = [str(v) for v in value]
        else:
            data[field.html_name] = "on" if value is True else str(value)
    for name in ("version", "base"):
        if name in response.context:
            data[name] = response.context[name]
    return data


def race(*works) -> list:
    """Run each callable in its own thread, released at the same moment; their outcomes
    (a value or the exception raised) in the order given."""
    barrier, outcomes = threading.Barrier(len(works)), [None] * len(works)

    def run(index, work):
        try:
            barrier.wait()
            outcomes[index] = work()
        except Exception as error:  # the outcome is what the test checks
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(works)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


ONLY_POSTGRESQL = {
    "condition": connection.vendor != "postgresql",
    "reason": "threads race on row locks only on PostgreSQL (CI runs it there); SQLite "
    "serialises writers, and the interleaved two-tab case runs on both",
}


class FormFields(HTMLParser):
    """What a browser would submit from the first form with ``form_id``: inputs, ticked boxes,
    chosen options and text areas (no buttons, no files)."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.data = form_id, False, []
        self.select, self.textarea = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        kind = attrs.get("type", "text")
        if tag == "input" and kind not in ("submit", "button", "file", "image", "reset"):
            if kind not in ("checkbox", "radio") or "checked" in attrs:
                self.data.append((attrs.get("name"), attrs.get("value", "on" if kind in (
                    "checkbox", "radio") else "")))  # fmt: skip
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select and "selected" in attrs:
            self.data.append((self.select, attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea = [attrs.get("name"), ""]

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            name, text = self.textarea
            self.data.append((name, text.removeprefix("\n")))
            self.textarea = None


def browser_data(response, form_id: str) -> dict:
    """The form as a browser would send it back unchanged (lists for repeated names)."""
    parser = FormFields(form_id)
    parser.feed(response.content.decode())
    data: dict = {}
    for name, value in parser.data:
        if name:
            data.setdefault(name, []).append(value)
    return {name: values[0] if len(values) == 1 else values for name, values in data.items()}
