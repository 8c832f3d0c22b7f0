// The board's small behaviours. Loaded from static/ (CSP: 'self'); htmx does the rest.
(function () {
  "use strict";

  // A 409 or 422 fragment the server sent for its own target (a card that says who holds it,
  // a form with its errors) is an answer, not a failure: swap it without logging an error.
  // Errors meant for #flash come with HX-Retarget and stay errors.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if ((xhr.status === 409 || xhr.status === 422) && !xhr.getResponseHeader("HX-Retarget")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // A card that moved column, or now explains a refused click, takes the focus, so keyboard
  // and screen-reader users stay with the contract they acted on.
  document.addEventListener("htmx:afterSettle", function () {
    var card = document.querySelector(".contract-card[data-focus]");
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
