/* casusbeeld: a file the upload component drops without a word is said so at once: one too large to open, or of a
   kind it does not take (a .docx, a .pdf). The limit, the kinds and the messages come from the page
   (#upload-too-large, #upload-wrong-kind, in the page's language). A file chosen or dropped both count. */
(function () {
  function judge(file) {
    var large = document.getElementById("upload-too-large");
    var kind = document.getElementById("upload-wrong-kind");
    if (large) {
      var limit = Number(large.getAttribute("data-limit")) || 0;
      large.hidden = !(file && limit && file.size > limit);
    }
    if (kind) {
      var kinds = (kind.getAttribute("data-kinds") || "").split(",");
      var name = file ? String(file.name || "").toLowerCase() : "";
      kind.hidden = !(file && kinds.length && !kinds.some(function (k) { return k && name.endsWith(k); }));
    }
  }
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input || input.type !== "file" || !input.closest || !input.closest("#upload")) { return; }
    judge(input.files && input.files[0]);
  }, true);
  document.addEventListener("drop", function (event) {
    var zone = event.target && event.target.closest ? event.target.closest("#upload") : null;
    var files = event.dataTransfer && event.dataTransfer.files;
    if (zone && files && files.length) { judge(files[0]); }
  }, true);
})();
