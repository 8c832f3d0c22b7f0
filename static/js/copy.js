// "Copy" buttons: <button data-copy="#element-id">, or data-copy="" to copy the code of the
// .code-block or .copy-line the button sits in (examples, curl lines, snippets).
(function () {
  "use strict";
  if (window.nexusCopyReady) return; // loaded again by a swapped-in section
  window.nexusCopyReady = true;

  function sourceOf(button) {
    var selector = button.getAttribute("data-copy");
    if (selector) return document.querySelector(selector);
    var holder = button.closest(".code-block, .copy-line");
    return holder ? holder.querySelector("textarea, input, pre, code") : null;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) return;
    var source = sourceOf(button);
    if (!source) return;
    var text = "value" in source && source.value !== undefined ? source.value : source.textContent;
    var shown = button.querySelector(".copy-label") || button; // keeps the hidden context
    var label = button.getAttribute("data-label") || shown.textContent;
    button.setAttribute("data-label", label);
    var done = function () {
      shown.textContent = "Copied";
      if (window.nexusAnnounce) window.nexusAnnounce("Copied to the clipboard.");
      window.setTimeout(function () { shown.textContent = label; }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.trim()).then(done, function () { select(source); });
    } else {
      select(source);
    }
  });

  // Without clipboard access (plain http), select the text so Ctrl+C copies it.
  function select(element) {
    if (element.select) {
      element.select();
    } else {
      var range = document.createRange();
      range.selectNodeContents(element);
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
    }
    if (window.nexusAnnounce) window.nexusAnnounce("Selected: press Control C to copy.");
  }
})();
