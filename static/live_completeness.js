// The completeness score under the "New request for quotation" form, kept up to date as the buyer types: the
// server scores the form's fields (the rule lives there, in app/rfqs/completeness.py) and this puts its answer in
// the form's status line. Without this script the form works the same; the score shows once the RFQ is saved.
"use strict";
document.querySelectorAll("form[data-live-completeness]").forEach((form) => {
  const status = document.getElementById(form.dataset.liveCompleteness);
  let timer = null;
  let asked = 0;
  const refresh = async () => {
    const fields = new URLSearchParams(new FormData(form));
    fields.delete("csrf_token");
    const ask = ++asked;
    try {
      const response = await fetch(`${form.dataset.completenessUrl}?${fields}`, { credentials: "same-origin" });
      if (response.ok && ask === asked) {  // an older answer arriving late does not overwrite a newer one
        status.innerHTML = await response.text();
      }
    } catch (error) {
      // offline for a moment: the next keystroke asks again
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  };
  form.addEventListener("input", later);
  form.addEventListener("change", later);
});
