// Live preview of editor Markdown: posts the textarea to the staff preview endpoint, which
// renders it with the site's one sanitiser, and shows the returned HTML under the field.
// Nothing is sent on page load; a preview is asked for once typing pauses, and a field never
// has more than one request out (text typed meanwhile is sent when the answer comes).
(function () {
  "use strict";
  var DELAY_MS = 600;

  function csrfToken(form) {
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function attach(textarea) {
    var target = document.getElementById(textarea.dataset.previewTarget);
    if (!target) { return; }
    var timer = null;
    var inFlight = false;
    var changedMeanwhile = false;

    function refresh() {
      if (inFlight) { changedMeanwhile = true; return; }
      inFlight = true;
      var body = new FormData();
      body.append("field", textarea.dataset.previewField);
      body.append("text", textarea.value);
      if (textarea.dataset.patientText) { body.append("patient_text", "1"); }
      fetch(textarea.dataset.previewUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(textarea.form), "HX-Request": "true" }
      }).then(function (response) {
        // 400 (too long) and 429 (too many previews) come with a message for the editor.
        var explained = response.status === 400 || response.status === 429;
        return response.ok || explained ? response.text() : Promise.reject(response.status);
      }).then(function (html) {
        // The server sanitised this HTML with render_markdown, or wrote the message.
        target.innerHTML = html;
      }).catch(function () {
        target.textContent = "The preview is not available right now.";
      }).then(function () {
        inFlight = false;
        if (changedMeanwhile) { changedMeanwhile = false; refresh(); }
      });
    }

    textarea.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, DELAY_MS);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-preview-url]").forEach(attach);
  });
}());
