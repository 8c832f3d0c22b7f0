// The board's small behaviours: keyboard moves between cards, keys that act on a card, the
// shortcuts dialog, focus after a swap, confirmations. Loaded from static/ (CSP: 'self').
(function () {
  "use strict";

  function announce(text) {
    if (window.nexusAnnounce) window.nexusAnnounce(text);
  }

  function columns() {
    return Array.prototype.slice.call(document.querySelectorAll("#board-columns .board-column"));
  }

  function cardsIn(column) {
    return Array.prototype.slice.call(column.querySelectorAll(".cards > .contract-card"));
  }

  function titleOf(card) {
    var link = card.querySelector(".card-title a");
    return link ? link.textContent.replace(/\s+/g, " ").trim() : "this contract";
  }

  // One card at a time is in the Tab order (a roving tabindex): the last one focused, or the
  // first on the board. Arrows move between the others.
  var current = null;

  function rove(card) {
    var cards = document.querySelectorAll("#board-columns .contract-card");
    if (!cards.length) return;
    if (!card || !document.body.contains(card)) {
      card = (current && document.getElementById(current)) || cards[0];
    }
    cards.forEach(function (each) { each.setAttribute("tabindex", each === card ? "0" : "-1"); });
    current = card.id;
  }

  function focusCard(card) {
    if (!card) return false;
    rove(card);
    card.focus();
    return true;
  }

  function move(card, key) {
    var column = card.closest(".board-column");
    var all = columns();
    var here = cardsIn(column);
    var index = here.indexOf(card);
    if (key === "ArrowDown") return focusCard(here[index + 1]);
    if (key === "ArrowUp") return focusCard(here[index - 1]);
    if (key === "Home") return focusCard(here[0]);
    if (key === "End") return focusCard(here[here.length - 1]);
    var step = key === "ArrowRight" ? 1 : -1;
    for (var at = all.indexOf(column) + step; at >= 0 && at < all.length; at += step) {
      var there = cardsIn(all[at]);
      if (there.length) return focusCard(there[Math.min(index, there.length - 1)]);
    }
    return false;
  }

  // Keys that press one of the card's own buttons (ids like "claim-12"), in this order.
  var ACTIONS = {
    c: { buttons: ["claim"], doing: "Claiming" },
    m: { buttons: ["start", "finish"], doing: "Moving" },
    u: { buttons: ["unclaim"], doing: "Unclaiming" },
    r: { buttons: ["reopen"], doing: "Reopening" },
  };
  var NOT_HERE = { c: "claimed", m: "moved on", u: "unclaimed", r: "reopened" };

  function act(card, key) {
    var id = card.id.replace("card-", "");
    var button = null;
    ACTIONS[key].buttons.some(function (name) {
      button = document.getElementById(name + "-" + id);
      return button && !button.disabled;
    });
    if (!button || button.disabled) {
      announce(titleOf(card) + " cannot be " + NOT_HERE[key] + " by you now.");
      return;
    }
    announce(ACTIONS[key].doing + " " + titleOf(card) + "…");
    button.click(); // the answer's message is read out from #flash
  }

  function typing(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (!document.getElementById("board-columns") || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (event.key === "?" && !typing(target)) {
      event.preventDefault();
      openShortcuts();
      return;
    }
    if (!target.classList || !target.classList.contains("contract-card")) return;
    var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    if (/^(Arrow(Up|Down|Left|Right)|Home|End)$/.test(key)) {
      event.preventDefault();
      if (!move(target, key)) announce("No card that way.");
    } else if (key === "Enter" || key === "o") {
      event.preventDefault();
      var link = target.querySelector(".card-title a");
      if (link) link.click();
    } else if (ACTIONS[key]) {
      event.preventDefault();
      act(target, key);
    }
  });

  document.addEventListener("focusin", function (event) {
    var card = event.target.closest && event.target.closest("#board-columns .contract-card");
    if (card) rove(card);
  });

  // The shortcuts dialog: a <dialog>; its Close button is a method="dialog" form.
  function openShortcuts() {
    var dialog = document.getElementById("board-shortcuts");
    if (dialog && !dialog.open) dialog.showModal();
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-shortcuts]")) openShortcuts();
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-shortcuts]").forEach(function (button) { button.hidden = false; });
    rove(null);
  });

  // A card that moved column, or now explains a refused click, takes the focus, and so does the
  // contract page's status panel after its buttons: keyboard and screen-reader users stay with
  // the contract they acted on.
  document.addEventListener("htmx:afterSettle", function () {
    var marked = document.querySelector(".contract-card[data-focus], .contract-status[data-focus]");
    if (marked) {
      marked.removeAttribute("data-focus");
      var active = document.activeElement;
      if (!active || active === document.body || !document.body.contains(active)) {
        if (marked.classList.contains("contract-card")) focusCard(marked); else marked.focus();
      }
    }
    rove(null);
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
