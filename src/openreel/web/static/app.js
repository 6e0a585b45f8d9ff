// openreel's pages: small, dependency-free behaviour on top of server-rendered HTML.
"use strict";

const CSRF = document.querySelector('meta[name="csrf-token"]')?.content || "";

async function api(method, url, body) {
  const init = { method, credentials: "same-origin", headers: { "X-CSRF-Token": CSRF } };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  const response = await fetch(url, init);
  if (response.status === 204) return null;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = Array.isArray(data.detail)
      ? data.detail.map((d) => `${d.loc[d.loc.length - 1]}: ${d.msg}`).join("; ")
      : data.detail || response.statusText;
    throw new Error(detail);
  }
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null) node.append(child);
  return node;
}

// A message in the page (not a browser dialog): read out by screen readers, gone after a while.
function say(message) {
  let note = document.getElementById("notice");
  if (!note) {
    note = el("p", { id: "notice", class: "notice", role: "alert" });
    document.body.append(note);
  }
  note.textContent = message;
  note.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { note.hidden = true; }, 6000);
}

function showError(form, message) {
  const p = form.querySelector(".error");
  if (p) { p.textContent = message; p.hidden = false; } else say(message);
}

async function share(url) {
  const full = new URL(url, location.origin).href;
  try { await navigator.clipboard.writeText(full); say("Link copied: " + full); }
  catch { prompt("Copy this link", full); }
}

function likeButton(button) {
  button.addEventListener("click", async () => {
    const liked = button.dataset.liked === "true";
    try {
      const video = await api(liked ? "DELETE" : "POST", `/api/v1/videos/${button.dataset.videoId}/like`);
      button.dataset.liked = String(video.liked);
      button.querySelector(".count").textContent = video.likes;
    } catch (error) { say(error.message); }
  });
}

function followButton(button) {
  button.addEventListener("click", async () => {
    const following = button.dataset.following === "true";
    try {
      const user = await api(following ? "DELETE" : "POST", `/api/v1/users/${button.dataset.handle}/follow`);
      button.dataset.following = String(user.is_following);
      button.textContent = user.is_following ? "Following" : "Follow";
      const count = document.getElementById("followers");
      if (count) count.textContent = user.followers;
    } catch (error) { say(error.message); }
  });
}

// ---- the feed ----------------------------------------------------------------------
function feedItem(item, signedIn) {
  const v = item.video;
  const video = el("video", { src: v.video_url, poster: v.poster_url, loop: "", playsinline: "", muted: "", preload: "metadata" });
  video.muted = true;
  const reasons = el("ul", { class: "reasons", hidden: "" }, ...item.reasons.map((r) => el("li", {}, r.text)));
  const like = el("button", { class: "like", dataset: { videoId: v.id, liked: String(v.liked) }, disabled: signedIn ? null : "" }, "♥ ", el("span", { class: "count" }, String(v.likes)));
  likeButton(like);
  const section = el("section", { class: "reel", dataset: { videoId: v.id, seconds: v.seconds } },
    el("div", { class: "stage" },
    video,
    el("div", { class: "overlay" },
      el("p", { class: "byline" }, el("a", { href: `/@${v.owner}` }, `@${v.owner}`), v.parent_id ? el("span", { class: "muted" }, " · remix") : null),
      el("p", { class: "caption" }, v.caption || v.prompt),
      reasons),
    el("div", { class: "rail" },
      like,
      el("a", { class: "button", href: `/v/${v.id}#comments`, title: "Comments" }, `💬 ${v.comments}`),
      el("a", { class: "button", href: `/v/${v.id}#remix-form`, title: "Remix" }, `⟲ ${v.remixes}`),
      el("button", { class: "share", onclick: () => share(v.share_url) }, "Share"),
      el("a", { class: "button", href: v.download_url, download: "" }, "Save"),
      el("button", { class: "why", onclick: () => { reasons.hidden = !reasons.hidden; } }, "Why?"),
      signedIn ? el("button", { class: "less", onclick: async (event) => {
        try { await api("POST", `/api/v1/videos/${v.id}/not-interested`); section.classList.add("dismissed"); event.target.textContent = "Got it"; }
        catch (error) { say(error.message); }
      } }, "Show less") : null,
      el("button", { class: "sound", onclick: (event) => { video.muted = !video.muted; event.target.textContent = video.muted ? "🔇" : "🔊"; } }, "🔇"))));
  return section;
}

function watchTime(section) {
  const video = section.querySelector("video");
  let watched = 0, last = null;
  video.addEventListener("timeupdate", () => {
    if (last !== null && video.currentTime > last) watched += Math.min(video.currentTime - last, 1);
    last = video.currentTime;
  });
  return () => { const w = watched; watched = 0; last = null; return w; };
}

function startFeed(root) {
  const signedIn = root.dataset.signedIn === "true";
  let cursor = null, loading = false, done = false;
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const section = entry.target, video = section.querySelector("video");
      if (entry.intersectionRatio >= 0.6) {
        video.play().catch(() => {});
        section.dataset.active = "true";
        if (section === root.lastElementChild || section === root.lastElementChild?.previousElementSibling) more();
      } else if (section.dataset.active === "true") {
        video.pause();
        section.dataset.active = "false";
        const watched = section.flush();
        if (watched > 0.5) api("POST", `/api/v1/videos/${section.dataset.videoId}/views`, { watched_seconds: watched }).catch(() => {});
      }
    }
  }, { threshold: [0, 0.6] });
  async function more() {
    if (loading || done) return;
    loading = true;
    try {
      const params = new URLSearchParams({ mode: root.dataset.mode, limit: "8" });
      if (cursor) params.set("cursor", cursor);
      const page = await api("GET", `/api/v1/feed?${params}`);
      for (const item of page.items) {
        const section = feedItem(item, signedIn);
        section.flush = watchTime(section);
        root.append(section);
        observer.observe(section);
      }
      cursor = page.next_cursor;
      done = !cursor;
      document.getElementById("feed-empty").hidden = root.children.length > 0;
    } catch (error) { console.error(error); }
    loading = false;
  }
  more();
}

// ---- progress of a batch: the bar drawn, the page read again while rows render ----------
function wireBatch() {
  const page = document.getElementById("batch");
  if (!page) return;
  const bar = document.getElementById("batch-bar");
  bar.style.width = `${bar.dataset.progress}%`;
  if (page.dataset.pending === "true") setTimeout(() => location.reload(), 3000);
}

// ---- progress of a job -------------------------------------------------------------
function startJob(panel) {
  const id = panel.dataset.jobId;
  const bar = document.getElementById("job-bar"), status = document.getElementById("job-status");
  const cancel = document.getElementById("job-cancel");
  bar.style.width = `${bar.dataset.progress}%`;  // no inline styles: the page's policy forbids them
  cancel?.addEventListener("click", async () => {
    try { await api("POST", `/api/v1/jobs/${id}/cancel`); }
    catch (error) { const e = document.getElementById("job-error"); e.textContent = error.message; e.hidden = false; }
  });
  if (!["queued", "running"].includes(status.dataset.status)) return;
  const events = new EventSource(`/api/v1/jobs/${id}/events`);
  events.addEventListener("progress", (event) => {
    const job = JSON.parse(event.data);
    const percent = Math.round(job.progress * 100);
    bar.style.width = `${percent}%`;
    status.dataset.status = job.status;
    status.textContent = `${job.stage} · ${percent}%`;
    if (job.error) { const e = document.getElementById("job-error"); e.textContent = job.error; e.hidden = false; }
    if (job.status === "succeeded" && job.video_id) {
      document.getElementById("job-preview").src = `/api/v1/videos/${job.video_id}/file`;
      document.getElementById("job-open").href = `/v/${job.video_id}`;
      document.getElementById("job-result").hidden = false;
    }
    if (!["queued", "running"].includes(job.status)) { cancel.hidden = true; events.close(); }
  });
  events.addEventListener("done", () => events.close());
}

// ---- forms that talk to the API ----------------------------------------------------
function onSubmit(form, handler) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button");
    if (button) button.disabled = true;
    try { await handler(new FormData(form)); }
    catch (error) { showError(form, error.message); }
    if (button) button.disabled = false;
  });
}

function wirePage() {
  document.querySelectorAll(".watch .like, .actions .like").forEach(likeButton);
  document.querySelectorAll("button.follow").forEach(followButton);
  document.querySelectorAll("button.share").forEach((b) => b.dataset.url && b.addEventListener("click", () => share(b.dataset.url)));
  document.querySelectorAll("form.publish").forEach((form) => onSubmit(form, async (data) => {
    const video = await api("POST", `/api/v1/videos/${form.dataset.videoId}/publish`, { caption: data.get("caption") || "" });
    location.href = `/v/${video.id}`;
  }));
  document.querySelectorAll("button.delete").forEach((button) => button.addEventListener("click", async () => {
    if (!confirm("Delete this video for good?")) return;
    try { await api("DELETE", `/api/v1/videos/${button.dataset.videoId}`); location.href = "/drafts"; }
    catch (error) { say(error.message); }
  }));
  const remix = document.getElementById("remix-form");
  if (remix) onSubmit(remix, async (data) => {
    const job = await api("POST", `/api/v1/videos/${remix.dataset.videoId}/remix`, { prompt: data.get("prompt") });
    location.href = `/jobs/${job.id}`;
  });
  const extend = document.getElementById("extend-form");
  if (extend) onSubmit(extend, async (data) => {
    const job = await api("POST", `/api/v1/videos/${extend.dataset.videoId}/extend`, { prompt: data.get("prompt"), seconds: Number(data.get("seconds")) });
    location.href = `/jobs/${job.id}`;
  });
  const comment = document.getElementById("comment-form");
  if (comment) onSubmit(comment, async (data) => {
    const replyTo = data.get("reply_to");
    await api("POST", `/api/v1/videos/${comment.dataset.videoId}/comments`, { body: data.get("body"), reply_to: replyTo ? Number(replyTo) : null });
    location.reload();
  });
  document.querySelectorAll("button.reply-to").forEach((button) => button.addEventListener("click", () => {
    comment.querySelector('[name="reply_to"]').value = button.dataset.commentId;
    const body = comment.querySelector('[name="body"]');
    body.placeholder = "Reply…";
    body.focus();
  }));
  const stitch = document.getElementById("stitch-form");
  if (stitch) {
    const order = [];
    stitch.querySelectorAll('input[type="checkbox"]').forEach((box) => box.addEventListener("change", () => {
      const id = Number(box.value);
      if (box.checked) order.push(id); else order.splice(order.indexOf(id), 1);
    }));
    onSubmit(stitch, async () => {
      const job = await api("POST", "/api/v1/stitches", { video_ids: order });
      location.href = `/jobs/${job.id}`;
    });
  }
  const steer = document.getElementById("steer-form");
  if (steer) onSubmit(steer, async (data) => {
    const result = await api("POST", "/api/v1/feed/steer", { sentence: data.get("sentence") });
    const out = document.getElementById("steer-result");
    out.textContent = "Now: " + result.changed.map((t) => `${t.weight > 0 ? "more" : "less"} ${t.topic}`).concat(result.hidden.map((t) => `no ${t}`)).join(", ");
    out.hidden = false;
    const feed = document.getElementById("feed");
    feed.replaceChildren();
    startFeed(feed);
  });
  const profile = document.getElementById("profile-form");
  if (profile) onSubmit(profile, async (data) => {
    await api("PATCH", "/api/v1/me", { display_name: data.get("display_name"), bio: data.get("bio") });
    profile.querySelector(".ok").hidden = false;
  });
  const avatar = document.getElementById("avatar-form");
  if (avatar) onSubmit(avatar, async (data) => { await api("PUT", "/api/v1/me/avatar", data); location.reload(); });
  const token = document.getElementById("token-form");
  if (token) onSubmit(token, async (data) => {
    const created = await api("POST", "/api/v1/me/tokens", { name: data.get("name") });
    const secret = document.getElementById("token-secret");
    secret.textContent = `New token (shown once): ${created.secret}`;
    secret.hidden = false;
  });
  document.querySelectorAll("button.revoke").forEach((button) => button.addEventListener("click", async () => {
    await api("DELETE", `/api/v1/me/tokens/${button.dataset.tokenId}`);
    button.closest("li").remove();
  }));
  const feed = document.getElementById("feed");
  if (feed) startFeed(feed);
  const job = document.getElementById("job");
  if (job) startJob(job);
}

document.addEventListener("DOMContentLoaded", wirePage);
document.addEventListener("DOMContentLoaded", wireBatch);
