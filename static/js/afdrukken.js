// The print view's button (issue 20 item 6): opens the browser's print dialog. Without JavaScript the
// browser's own print command (Ctrl+P) prints the same page.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-afdrukken]")) {
    window.print();
  }
});
