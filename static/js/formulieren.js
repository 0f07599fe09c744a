/* Double submit (issue 12 item 9): a form that posts is sent once. The first submit marks the form and
   disables its buttons just after the browser has taken the form data (so the clicked button's own
   name/value still goes along); a second submit of a marked form is cancelled. The server refuses a
   second POST too (a one-time token, inburgering.formulierpagina); this only spares the wait.
   While it waits, "Bezig…" shows next to the clicked button (issue 19 item 6, see bezigTonen).
   htmx forms (the live search) are left alone. An external file: no inline script (CSP). */
(function () {
  "use strict";

  function isHtmx(form) {
    return form.hasAttribute("hx-post") || form.hasAttribute("hx-get") || form.hasAttribute("hx-boost");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.method || "").toLowerCase() !== "post" || isHtmx(form)) {
      return;
    }
    if (form.dataset.verstuurd === "ja") {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) {
      return;
    }
    form.dataset.verstuurd = "ja";
    form.setAttribute("aria-busy", "true");
    var knop = event.submitter;
    window.setTimeout(function () {
      zetKnoppen(form, true);
      bezigTonen(form, knop);
    }, 0);
    // A POST that answers with a download stays on the page: the form is usable again after a while.
    window.setTimeout(function () {
      vrijgeven(form);
    }, 15000);
  });

  function zetKnoppen(form, uit) {
    form.querySelectorAll("button, input[type=submit]").forEach(function (knop) {
      knop.disabled = uit;
    });
  }

  // Busy state (issue 19 item 6): a long action (vaststellen renders a PDF) says it is working. Next to the
  // clicked button (its name stays, the button is disabled) a visible status "Bezig…" appears and is
  // announced; the text comes from the page (`data-bezig` on <body>), so it is translated. It goes when the
  // form is released.
  function bezigTonen(form, knop) {
    var melding = document.createElement("span");
    melding.className = "formulier-bezig";
    melding.setAttribute("aria-live", "polite"); // no role=status: the page's own status messages keep theirs
    if (knop instanceof HTMLElement && form.contains(knop)) {
      knop.insertAdjacentElement("afterend", melding);
    } else {
      form.appendChild(melding);
    }
    window.setTimeout(function () {
      melding.textContent = document.body.dataset.bezig || "Bezig…";
    }, 0);
  }

  function vrijgeven(form) {
    delete form.dataset.verstuurd;
    form.removeAttribute("aria-busy");
    zetKnoppen(form, false);
    form.querySelectorAll(".formulier-bezig").forEach(function (melding) {
      melding.remove();
    });
  }

  // Back from the next page (bfcache): the form may be used again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) {
      return;
    }
    document.querySelectorAll("form[data-verstuurd]").forEach(vrijgeven);
  });
})();
