// The workspace's only script (served from 'self' under a strict Content-Security-Policy): uploads
// with a progress bar, then the job's progress until it ends. Pages work without it.
"use strict";
for (const form of document.querySelectorAll("form[data-upload]")) {
  form.addEventListener("submit", (ev) => {
    const input = form.querySelector("input[type=file]");
    const file = input && input.files && input.files[0];
    if (!file) return;
    ev.preventDefault();
    const bar = form.querySelector("progress");
    const out = form.querySelector("[data-status]");
    const xhr = new XMLHttpRequest();
    xhr.open("POST", form.dataset.upload + "?name=" + encodeURIComponent(file.name));
    xhr.setRequestHeader("x-csrf-token", form.querySelector("input[name=_csrf]").value);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && bar) bar.value = e.loaded / e.total;
    };
    xhr.onload = () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = { title: xhr.statusText };
      }
      if (xhr.status >= 400) {
        out.textContent = (body.title || "Error") + (body.detail ? ": " + body.detail : "");
        out.className = "errors";
        return;
      }
      const poll = () =>
        fetch(body.statusUrl, { credentials: "same-origin" })
          .then((r) => r.json())
          .then((job) => {
            // The bar follows the job now (the upload's own progress ended at 100%).
            if (bar) bar.value = job.status === "done" ? 1 : job.progress || 0;
            const pct = job.status === "running" ? " " + Math.round((job.progress || 0) * 100) + "%" : "";
            out.textContent = job.status + pct + (job.message ? " — " + job.message : "");
            out.className = job.status === "failed" ? "errors" : job.status === "done" ? "notice" : "";
            if (job.status === "queued" || job.status === "running") setTimeout(poll, 500);
            else if (job.status === "done") setTimeout(() => location.reload(), 800);
          });
      poll();
    };
    xhr.send(file);
  });
}
