/* casusbeeld: arrow keys step through story mode by clicking its buttons (no other behaviour, no storage). */
(function () {
  "use strict";
  function typing(el) {
    if (!el) { return false; }
    var tag = (el.tagName || "").toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || el.isContentEditable ||
      el.getAttribute("role") === "slider" || el.getAttribute("role") === "combobox";
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") { return; }
    var bar = document.getElementById("story-bar");
    if (!bar || bar.hidden || typing(document.activeElement)) { return; }
    var button = document.getElementById(event.key === "ArrowRight" ? "story-next" : "story-prev");
    if (button && !button.disabled) {
      event.preventDefault();
      button.click();
    }
  });
})();
