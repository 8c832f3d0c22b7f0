// Copy buttons on the API page and the API tokens section: <button data-copy="#element-id">.
(function () {
  "use strict";
  if (window.nexusCopyReady) return; // loaded again by a swapped-in section
  window.nexusCopyReady = true;

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-copy]");
    if (!button) return;
    var source = document.querySelector(button.getAttribute("data-copy"));
    if (!source) return;
    var text = "value" in source && source.value !== undefined ? source.value : source.textContent;
    var done = function () {
      button.textContent = "Copied";
      window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
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
  }
})();
