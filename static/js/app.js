// Nexus Board's own script: small behaviours htmx does not cover. Loaded from static/ (CSP: 'self').
(function () {
  "use strict";

  // Say something to screen readers through the page's polite live region (#announcer).
  // Emptied first, so saying the same words twice is heard twice.
  function announce(text) {
    var region = document.getElementById("announcer");
    if (!region) return;
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }
  window.nexusAnnounce = announce;

  // A plain form is sent once: a second submit while the first is on its way (a double click,
  // Enter pressed twice) is dropped. Its buttons are disabled a moment later, so the clicked
  // button's name and value still go. htmx forms need none of this: htmx drops a request while
  // the element's last one runs (hx-sync's default) and hx-disabled-elt disables the button.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (event.defaultPrevented || methodOf(form, event.submitter) !== "post") return;
    if (isHtmx(form, event.submitter)) return;
    if (form.hasAttribute("data-sending")) {
      event.preventDefault();
      return;
    }
    form.setAttribute("data-sending", "");
    window.setTimeout(function () {
      form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });

  // From the attributes: a control named "method" (the contract form's HTTP method) shadows
  // form.method, which then is that control, never "post".
  function methodOf(form, submitter) {
    var method = (submitter && submitter.getAttribute("formmethod")) || form.getAttribute("method");
    return (method || "get").toLowerCase();
  }

  function isHtmx(form, submitter) {
    var verbs = ["hx-post", "hx-put", "hx-patch", "hx-delete"];
    return verbs.some(function (verb) {
      return form.hasAttribute(verb) || (submitter && submitter.hasAttribute(verb));
    });
  }

  // Back to a page from the browser's cache: its forms were never answered here.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-sending]").forEach(function (form) {
      form.removeAttribute("data-sending");
      form.querySelectorAll("button:disabled").forEach(function (button) { button.disabled = false; });
    });
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

  // Focus is never lost to a swap: when the focused element was swapped away and nothing took
  // the focus after (autofocus, a moved card), it goes back to the element of the same id, or
  // the nearest part of the page with that id, or else the swapped region itself.
  var before = null;
  document.addEventListener("htmx:beforeSwap", function () {
    var active = document.activeElement;
    if (!active || active === document.body) return;
    var holder = active.closest("[id]");
    before = { id: active.id, holder: holder ? holder.id : null };
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    var remembered = before;
    before = null;
    window.setTimeout(function () {
      var active = document.activeElement;
      if (!remembered || (active && active !== document.body && document.body.contains(active))) return;
      var candidates = [remembered.id, remembered.holder].filter(Boolean).map(function (id) {
        return document.getElementById(id);
      });
      candidates.push(event.detail.target);
      for (var i = 0; i < candidates.length; i++) {
        var element = candidates[i];
        if (!element || !document.body.contains(element)) continue;
        element.focus();
        if (document.activeElement === element) return;
        if (!element.hasAttribute("tabindex")) {
          element.setAttribute("tabindex", "-1");
          element.focus();
          if (document.activeElement === element) return;
        }
      }
    }, 0);
  });

  // The theme toggle. The page says the picked theme in <html data-theme>; with none, it follows
  // the device. A click picks the other one: kept in a cookie, and on the account when signed in.
  var root = document.documentElement;
  var darkDevice = window.matchMedia("(prefers-color-scheme: dark)");

  function shownTheme() {
    return root.getAttribute("data-theme") || (darkDevice.matches ? "dark" : "light");
  }

  function showToggles() {
    var dark = shownTheme() === "dark";
    document.querySelectorAll(".theme-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", dark ? "true" : "false");
    });
  }

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
    } catch (error) {
      return null;
    }
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute("data-theme-form")) return;
    event.preventDefault();
    var theme = shownTheme() === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", theme);
    var meta = document.querySelector('meta[name="color-scheme"]');
    if (meta) meta.setAttribute("content", theme);
    document.cookie = "theme=" + theme + "; path=/; max-age=31536000; samesite=lax" +
      (window.location.protocol === "https:" ? "; secure" : "");
    showToggles();
    announce(theme === "dark" ? "Dark theme on." : "Light theme on.");
    var token = csrfToken();
    if (token && window.htmx) { // signed in: the account keeps it for every device
      window.htmx.ajax("POST", form.getAttribute("action"), {
        source: form, values: { theme: theme, csrf_token: token }, swap: "none",
      });
    }
  }, true);

  darkDevice.addEventListener("change", showToggles);
  document.addEventListener("DOMContentLoaded", showToggles);
})();
