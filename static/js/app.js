// Nexus Board's own script: small behaviours htmx does not cover. Loaded from static/ (CSP: 'self').
(function () {
  "use strict";

  // A plain form cannot be sent twice: disable its submit buttons once it goes.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.hasAttribute("hx-post") || form.hasAttribute("hx-put") || form.hasAttribute("hx-patch")) {
      return; // htmx forms use hx-disabled-elt
    }
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });

  function showMessage(text) {
    var area = document.getElementById("flash");
    if (!area) return;
    var p = document.createElement("p");
    p.className = "flash flash-error";
    p.setAttribute("role", "alert");
    p.textContent = text;
    area.replaceChildren(p);
  }

  // The server could not be reached at all: say so instead of doing nothing.
  document.addEventListener("htmx:sendError", function () {
    showMessage("Could not reach Nexus Board. Check your connection and try again.");
  });
  document.addEventListener("htmx:timeout", function () {
    showMessage("Nexus Board took too long to answer. Please try again.");
  });

  // Move focus to an element a swap marks with data-autofocus (e.g. a form that appeared).
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail.elt;
    var focus = target && target.querySelector ? target.querySelector("[data-autofocus]") : null;
    if (focus) focus.focus();
  });
})();
