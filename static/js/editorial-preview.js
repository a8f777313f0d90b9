// Live preview of editor Markdown: posts the textarea to the staff preview endpoint, which
// renders it with the site's one sanitiser, and shows the returned HTML under the field.
(function () {
  "use strict";
  var DELAY_MS = 400;

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function attach(textarea) {
    var target = document.getElementById(textarea.dataset.previewTarget);
    if (!target) { return; }
    var timer = null;
    var latest = 0;

    function refresh() {
      var body = new FormData();
      var ticket = ++latest;
      body.append("field", textarea.dataset.previewField);
      body.append("text", textarea.value);
      if (textarea.dataset.patientText) { body.append("patient_text", "1"); }
      fetch(textarea.dataset.previewUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(textarea.form), "HX-Request": "true" }
      }).then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      }).then(function (html) {
        // The server sanitised this HTML with render_markdown; ignore out-of-date replies.
        if (ticket === latest) { target.innerHTML = html; }
      }).catch(function () {
        target.textContent = "The preview is not available right now.";
      });
    }

    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, DELAY_MS);
    });
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-preview-url]").forEach(attach);
  });
}());
