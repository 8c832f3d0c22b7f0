// Updates: a character counter for the composer, and relative times that stay true on pages
// served from the cache or left open. Loaded from static/ (CSP: 'self').
(function () {
  "use strict";

  function showCount(textarea) {
    var counter = document.querySelector('[data-count-for="' + textarea.id + '"]');
    var max = parseInt(textarea.getAttribute("maxlength"), 10);
    if (!counter || !max) return;
    var left = max - textarea.value.length;
    counter.hidden = false;
    counter.textContent = left + (left === 1 ? " character left" : " characters left");
    counter.classList.toggle("char-count-low", left < 100);
  }

  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("textarea[maxlength]")) showCount(event.target);
  });

  // Same wording as the server's `ago` filter (templating.relative_time).
  function relative(seconds) {
    if (seconds < 45) return "just now";
    var units = [["minute", 60, 3600], ["hour", 3600, 86400], ["day", 86400, 7 * 86400]];
    for (var i = 0; i < units.length; i++) {
      if (seconds < units[i][2]) {
        var count = Math.max(1, Math.round(seconds / units[i][1]));
        return count + " " + units[i][0] + (count !== 1 ? "s" : "") + " ago";
      }
    }
    return null; // older: the server already shows the date
  }

  function refreshTimes() {
    var now = Date.now();
    document.querySelectorAll(".update time[datetime], .dashboard time[datetime]").forEach(function (el) {
      var text = relative((now - Date.parse(el.getAttribute("datetime"))) / 1000);
      if (text && el.textContent !== text) el.textContent = text;
    });
  }

  document.addEventListener("DOMContentLoaded", refreshTimes);
  document.addEventListener("htmx:load", refreshTimes);
  window.setInterval(refreshTimes, 60 * 1000);
})();
