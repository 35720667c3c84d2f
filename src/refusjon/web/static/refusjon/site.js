/* Small enhancements over pages that work without JavaScript. */
"use strict";

/* Django asks every POST for its CSRF token. Forms carry it; this covers any other request
   htmx makes, from the token the page already holds (every page has a form with one). */
document.addEventListener("htmx:configRequest", (event) => {
  if (event.detail.verb === "get") return;
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) event.detail.headers["X-CSRFToken"] = token.value;
});

/* A page drawn whole shows its messages at the top of <main>; once htmx brings news into the
   live region, those are out of date and would be read as current. */
document.addEventListener("htmx:oobAfterSwap", (event) => {
  if (event.detail.target && event.detail.target.id === "live-messages") {
    for (const list of document.querySelectorAll("main > ul.messages")) list.remove();
  }
});

/* Fields that matter only for some choices of another field: data-shown-when names the
   control by id, data-shown-values the values (space separated) that show them. Without
   JavaScript they are always shown, and the server ignores them when they do not apply. */
function showWhenChosen(root) {
  for (const part of root.querySelectorAll("[data-shown-when]")) {
    const control = document.getElementById(part.dataset.shownWhen);
    if (!control) continue;
    const values = part.dataset.shownValues.split(" ");
    const update = () => { part.hidden = !values.includes(control.value); };
    control.addEventListener("change", update);
    update();
  }
}

if (window.htmx) {
  htmx.onLoad(showWhenChosen);
} else {
  document.addEventListener("DOMContentLoaded", () => showWhenChosen(document));
}
