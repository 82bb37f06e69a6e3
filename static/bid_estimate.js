// Under each keyword row of the campaign form, where its bid would show now and what a click would cost, kept up to
// date as the advertiser edits the keyword or the bid: the server runs the auction (app/ads/estimates.py) and
// answers one line. Without this script the form works the same, without the line.
"use strict";
document.querySelectorAll("form[data-bid-estimate]").forEach((form) => {
  const url = form.dataset.bidEstimate;
  form.querySelectorAll(".keyword-row").forEach((row) => {
    const phrase = row.querySelector("input[name$='.phrase']");
    const bid = row.querySelector("input[name$='.max_cpc']");
    const line = row.querySelector(".estimate");
    let timer = null;
    let asked = 0;
    const refresh = async () => {
      const ask = ++asked;
      const query = new URLSearchParams({ keyword: phrase.value, max_cpc: bid.value });
      try {
        const response = await fetch(`${url}?${query}`, { credentials: "same-origin" });
        if (response.ok && ask === asked) {  // a late answer to an older question does not overwrite a newer one
          line.textContent = await response.text();
        }
      } catch (error) {
        // offline for a moment: the next edit asks again
      }
    };
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    };
    phrase.addEventListener("input", later);
    bid.addEventListener("input", later);
    if (phrase.value && bid.value) {
      refresh();
    }
  });
});
