// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Videos: replace the placeholder with the privacy-friendly player, only on request.
  document.querySelectorAll("[data-video-embed]").forEach(function (figure) {
    var link = figure.querySelector(".video__placeholder a");
    if (!link) return;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.className = "video__frame";
      frame.src = figure.dataset.videoEmbed;
      frame.title = figure.dataset.videoTitle;
      frame.allow = "fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      figure.querySelector(".video__placeholder").replaceWith(frame);
      frame.focus();
    });
  });
})();
