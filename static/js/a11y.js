// Accessibility glue for htmx pages, loaded as a file on every page.
// 1. Focus stays on the control that was used: htmx restores focus to an element with the
//    same id; for controls without one we remember name and value and refocus the match.
// 2. Live regions are updated, not replaced: an element marked data-announce in swapped
//    content copies its text into the page's polite live region (#live-status, from
//    templates/includes/live_status.html, placed outside the swap target).
// 3. A form error summary (data-error-summary) takes focus when the page loads, so the
//    errors are read first and each links to its field.
(function () {
  "use strict";
  let remembered = null;

  function describe(element) {
    if (!element || element === document.body) return null;
    if (element.id) return { id: element.id };
    if (element.name) return { name: element.name, value: element.value || "" };
    return null;
  }

  function find(key) {
    if (!key) return null;
    if (key.id) return document.getElementById(key.id);
    const candidates = document.getElementsByName(key.name);
    for (const candidate of candidates) {
      if ((candidate.value || "") === key.value) return candidate;
    }
    return candidates[0] || null;
  }

  function focusLost() {
    const active = document.activeElement;
    return !active || active === document.body || !active.isConnected;
  }

  document.addEventListener("htmx:beforeSwap", () => {
    remembered = describe(document.activeElement);
  });

  document.addEventListener("htmx:afterSettle", (event) => {
    if (remembered && focusLost()) {
      // The control is gone (e.g. a row changed): keep focus in the swapped content.
      const target = find(remembered) || event.target;
      const details = target.closest("details");
      if (details && !details.open) details.open = true; // e.g. a facet under "More"
      if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) {
        target.setAttribute("tabindex", "-1");
      }
      target.focus({ preventScroll: true });
    }
    remembered = null;
    announce(event.target);
  });

  function announce(root) {
    const region = document.getElementById("live-status");
    if (!region || !root || !root.querySelector) return;
    const source = root.matches("[data-announce]") ? root : root.querySelector("[data-announce]");
    if (!source) return;
    // Clear, then write on the next frame, so the same text is announced again.
    region.textContent = "";
    window.requestAnimationFrame(() => {
      region.textContent = source.textContent.replace(/\s+/g, " ").trim();
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector("[data-error-summary]");
    if (summary) summary.focus();
  });
})();
