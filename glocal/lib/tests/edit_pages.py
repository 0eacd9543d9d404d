"""What a browser sends back unchanged from an edit page: for the two-tab race tests."""

import threading

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
