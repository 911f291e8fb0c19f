/* casusbeeld: arrow keys step through story mode by clicking its buttons (no other behaviour, no storage). */
(function () {
  "use strict";
  function typing(el) {
    if (!el) { return false; }
    var tag = (el.tagName || "").toLowerCase();
    var type = (el.getAttribute("type") || "text").toLowerCase();
    var keysFree = type === "checkbox" || type === "button" || type === "submit";
    return (tag === "input" && !keysFree) || tag === "textarea" || tag === "select" || el.isContentEditable ||
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

/* The "open file" control is a div inside dcc.Upload: let Enter and Space open the file dialog too. */
document.addEventListener("keydown", function (event) {
  "use strict";
  var target = event.target;
  if (!target || target.id !== "upload-button" || (event.key !== "Enter" && event.key !== " ")) { return; }
  var input = document.querySelector("#upload input[type=file]");
  if (input) {
    event.preventDefault();
    input.click();
  }
});
