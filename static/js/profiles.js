// Profile pages: a 422 answer is a form showing its errors in place, not a failure, so htmx
// should not report it as one (it would log a console error for every mistyped field).
(function () {
  "use strict";

  document.addEventListener("htmx:beforeSwap", function (event) {
    var target = event.detail.target;
    if (event.detail.xhr.status === 422 && target && target.closest(".profile")) {
      event.detail.isError = false;
    }
  });
})();
