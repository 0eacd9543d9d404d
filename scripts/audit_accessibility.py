"""Audit a running Glocal with axe-core in Chromium and print one JSON line.

    python scripts/audit_accessibility.py http://127.0.0.1:8000 [--languages en,ar]

Signs in as the demo representative and secretariat (``manage.py load_demo``), opens the
pages the browser tests check, runs axe-core (tests/browser/vendor, WCAG 2.0/2.1/2.2 A and
AA tags) and measures sideways scrolling on a 320 px wide window. Exits 1 on any finding.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.a11y_pages import PEOPLE, WCAG_22_AA  # noqa: E402

AXE = ROOT / "tests" / "browser" / "vendor" / "axe-core" / "axe.min.js"
PASSWORD = "glocal-demo-2026"


def audit(page, paths: list[str]) -> tuple[dict, dict]:
    violations, too_wide = {}, {}
    for path in paths:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(path)
        if path == "/api/docs":
            page.locator(".opblock").first.wait_for()
        found = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
        )["violations"]
        if found:
            violations[path] = {v["id"]: len(v["nodes"]) for v in found}
        page.set_viewport_size({"width": 320, "height": 640})
        if (width := page.evaluate("document.documentElement.scrollWidth")) > 320:
            too_wide[path] = width
    return violations, too_wide


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--languages", default="en,ar")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    started, report = time.perf_counter(), {"pages": 0, "violations": {}, "too_wide_320": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
        for language in args.languages.split(","):
            for person, (email, paths) in PEOPLE.items():
                context = browser.new_context(
                    base_url=args.base_url, locale=language,
                    extra_http_headers={"Accept-Language": language},
                )  # fmt: skip
                context.add_init_script(path=str(AXE))  # init scripts are outside the page's CSP
                page = context.new_page()
                if email:
                    page.goto("/accounts/login/")
                    page.locator("#id_login").fill(email)
                    page.locator("#id_password").fill(PASSWORD)
                    page.locator("#id_password").press("Enter")
                    page.wait_for_url("**/")
                violations, too_wide = audit(page, paths)
                key = f"{person}/{language}"
                report["pages"] += len(paths)
                report["violations"] |= {f"{key} {p}": v for p, v in violations.items()}
                report["too_wide_320"] |= {f"{key} {p}": w for p, w in too_wide.items()}
                context.close()
        browser.close()
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report, ensure_ascii=False))
    return 1 if report["violations"] or report["too_wide_320"] else 0


if __name__ == "__main__":
    sys.exit(main())
