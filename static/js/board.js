// The board's small behaviours. Loaded from static/ (CSP: 'self'); htmx does the rest.
(function () {
  "use strict";

  // A card that moved column, or now explains a refused click, takes the focus, and so does the
  // contract page's status panel after its buttons: keyboard and screen-reader users stay with
  // the contract they acted on.
  document.addEventListener("htmx:afterSettle", function () {
    var card = document.querySelector(".contract-card[data-focus], .contract-status[data-focus]");
    if (!card) return;
    card.removeAttribute("data-focus");
    var active = document.activeElement;
    if (!active || active === document.body || !document.body.contains(active)) {
      card.focus();
    }
  });

  // Forms that destroy something ask first.
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
