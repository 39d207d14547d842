// Embeds the briefbot chat on any page with one tag:
//   <script src="https://bot.example.org/embed.js" async></script>
// It puts an iframe of the chat page right after the tag (or into the element whose id is in
// data-target), so the page's own scripts and styles never mix with the widget's. Optional:
// data-height (default 560px), data-title (the frame's accessible name).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var frame = document.createElement("iframe");
  frame.src = new URL("./?embed=1", script.src).href;
  frame.title = script.getAttribute("data-title") || "Ask briefbot about the news";
  frame.className = "briefbot-embed";
  frame.loading = "lazy";
  frame.style.width = "100%";
  frame.style.maxWidth = "28rem";
  frame.style.height = script.getAttribute("data-height") || "560px";
  frame.style.border = "1px solid #c9ced6";
  frame.style.borderRadius = "0.75rem";
  var target = script.getAttribute("data-target");
  var host = target && document.getElementById(target);
  if (host) {
    host.appendChild(frame);
  } else {
    script.parentNode.insertBefore(frame, script.nextSibling);
  }
})();
