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

// A message in the page (not a browser dialog): read out by screen readers, gone after a
// while. An action ({label, run}) adds a button to it, such as Undo.
function say(message, action = null) {
  let note = document.getElementById("notice");
  if (!note) {
    note = el("p", { id: "notice", class: "notice", role: "alert" });
    document.body.append(note);
  }
  note.replaceChildren(message);
  if (action) {
    note.append(" ", el("button", { class: "link", type: "button", onclick: async () => {
      note.hidden = true;
      try { await action.run(); } catch (error) { say(error.message); }
    } }, action.label));
  }
  note.hidden = false;
  clearTimeout(say.timer);
  say.timer = setTimeout(() => { note.hidden = true; }, action ? 8000 : 6000);
}

function showError(form, message) {
  const p = form.querySelector(".error");
  if (p) { p.textContent = message; p.hidden = false; } else say(message);
}

// The phone's own share sheet where the browser has one, else the link copied.
async function share(url, title = "openreel") {
  const full = new URL(url, location.origin).href;
  if (navigator.share) {
    try { await navigator.share({ title, url: full }); return; }
    catch (error) { if (error.name === "AbortError") return; }
  }
  try { await navigator.clipboard.writeText(full); say("Link copied: " + full); }
  catch { say("Copy this link: " + full); }
}

function likeButton(button) {
  button.addEventListener("click", async () => {
    const liked = button.dataset.liked === "true";
    try {
      setLiked(button, await api(liked ? "DELETE" : "POST", `/api/v1/videos/${button.dataset.videoId}/like`));
    } catch (error) { say(error.message); }
  });
}

// Save is a bookmark kept in the Saved list (Download is the file): a toggle on the feed's
// rail, the watch page and the Saved list itself.
function saveButton(button) {
  button.addEventListener("click", async () => {
    const saving = button.dataset.saved !== "true";
    button.disabled = true;
    try {
      const video = await api(saving ? "POST" : "DELETE", `/api/v1/videos/${button.dataset.videoId}/save`);
      const label = video.saved ? "Saved" : "Save";
      button.dataset.saved = String(video.saved);
      button.setAttribute("aria-pressed", String(video.saved));
      const text = button.querySelector(".count");
      if (text) { button.setAttribute("aria-label", label); button.title = label; text.textContent = label; }
      else button.textContent = label;
    } catch (error) { say(error.message); }
    button.disabled = false;
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
const SVG = "http://www.w3.org/2000/svg";
// Icons drawn as strokes on a 24-unit square; the strings are fixed here, never user text.
const ICONS = {
  heart: '<path d="M12 20s-7.2-4.4-9-8.7C1.7 8.2 3.6 5 6.8 5c2 0 3.5 1 5.2 2.9C13.7 6 15.2 5 17.2 5c3.2 0 5.1 3.2 3.8 6.3C19.2 15.6 12 20 12 20z"/>',
  comment: '<path d="M4 5h16v11H10l-5 4v-4H4z"/>',
  remix: '<path d="M4 11a7 7 0 0 1 12.5-4.3L19 9M19 4v5h-5M20 13a7 7 0 0 1-12.5 4.3L5 15M5 20v-5h5"/>',
  bookmark: '<path d="M6 3.5h12V21l-6-4.2L6 21z"/>',
  share: '<path d="M4 13v7h16v-7M12 3.5V15M7.5 8 12 3.5 16.5 8"/>',
  more: '<circle cx="5" cy="12" r="1.6"/><circle cx="12" cy="12" r="1.6"/><circle cx="19" cy="12" r="1.6"/>',
  soundOn: '<path d="M3.5 9.5h4l5-4v13l-5-4h-4z"/><path d="M16 9a4.5 4.5 0 0 1 0 6M18.6 6.4a8.2 8.2 0 0 1 0 11.2"/>',
  soundOff: '<path d="M3.5 9.5h4l5-4v13l-5-4h-4z"/><path d="m16 9.5 5 5M21 9.5l-5 5"/>',
  play: '<path d="M8 5v14l11-7z"/>',
  plus: '<path d="M12 6v12M6 12h12"/>',
  tune: '<path d="M4 7h9M17 7h3M4 17h3M11 17h9"/><circle cx="15" cy="7" r="2"/><circle cx="9" cy="17" r="2"/>',
};

function icon(name) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.innerHTML = ICONS[name];
  return svg;
}

// One sound setting for the whole feed, kept between visits. Browsers start videos with
// sound only after a tap: where one refuses, the video plays silently until then.
const sound = {
  on: localStorage.getItem("openreel.sound") === "on",
  apply(video) { video.muted = !this.on; },
  set(on) {
    this.on = on;
    localStorage.setItem("openreel.sound", on ? "on" : "off");
    document.querySelectorAll("#feed video").forEach((video) => this.apply(video));
    const button = document.getElementById("sound-toggle");
    if (button) {
      button.setAttribute("aria-pressed", String(on));
      button.replaceChildren(icon(on ? "soundOn" : "soundOff"), el("span", { class: "label" }, on ? "Sound on" : "Sound off"));
    }
  },
};

function play(video) {
  sound.apply(video);
  video.play().catch(() => { video.muted = true; video.play().catch(() => {}); });
}

function railButton(cls, iconName, label, text, attrs = {}) {
  return el("button", { class: cls, "aria-label": label, title: label, type: "button", ...attrs },
    icon(iconName), el("span", { class: "count" }, text));
}

function setLiked(button, video) {
  button.dataset.liked = String(video.liked);
  button.setAttribute("aria-pressed", String(video.liked));
  button.querySelector(".count").textContent = video.likes;
}

function feedItem(item, signedIn) {
  const v = item.video;
  const video = el("video", { src: v.video_url, poster: v.poster_url, loop: "", playsinline: "", muted: "", preload: "metadata",
                              "aria-label": `Video: ${v.caption || v.prompt}` });
  video.muted = true;
  const like = railButton("like", "heart", "Like", String(v.likes),
    { dataset: { videoId: v.id, liked: String(v.liked) }, "aria-pressed": String(v.liked), disabled: signedIn ? null : "" });
  likeButton(like);
  const comments = railButton("comments", "comment", "Comments", String(v.comments), { "aria-haspopup": "dialog" });
  const saved = Boolean(v.saved);
  const save = railButton("save", "bookmark", saved ? "Saved" : "Save", saved ? "Saved" : "Save",
    { "aria-pressed": String(saved), dataset: { videoId: v.id, saved: String(saved) }, disabled: signedIn ? null : "" });
  const creator = el("div", { class: "creator" },
    el("a", { href: `/@${v.owner}`, "aria-label": `@${v.owner}'s profile` },
      el("span", { class: "avatar placeholder", "aria-hidden": "true" }, v.owner.slice(0, 1).toUpperCase()),
      item.owner_avatar_url ? el("img", { class: "avatar", src: item.owner_avatar_url, alt: "" }) : null),
    signedIn && !item.following ? el("button", { class: "follow-plus", type: "button", "aria-label": `Follow @${v.owner}`, dataset: { handle: v.owner } }, icon("plus")) : null);
  const section = el("section", { class: "reel", dataset: { videoId: v.id, seconds: v.seconds, owner: v.owner }, "aria-label": `@${v.owner}: ${v.caption || v.prompt}` },
    el("div", { class: "stage" },
      video,
      el("div", { class: "paused", hidden: "" }, icon("play")),
      el("div", { class: "burst", hidden: "" }, icon("heart")),
      el("div", { class: "overlay" },
        el("p", { class: "byline" }, el("a", { href: `/@${v.owner}` }, `@${v.owner}`),
          v.parent_id ? el("a", { class: "muted", href: `/v/${v.parent_id}` }, " · remix") : null),
        el("p", { class: "caption" }, v.caption || v.prompt),
        el("p", { class: "sound-line" }, `♫ original sound · @${v.owner}`)),
      el("div", { class: "rail" },
        creator, like, comments,
        el("a", { class: "button remix", href: `/v/${v.id}#remix-form`, "aria-label": "Remix", title: "Remix" },
          icon("remix"), el("span", { class: "count" }, String(v.remixes))),
        save,
        railButton("share", "share", "Share", "Share"),
        railButton("more", "more", "More", "More", { "aria-haspopup": "dialog" }))));
  section.item = item;
  wireReel(section, signedIn);
  return section;
}

function wireReel(section, signedIn) {
  const v = section.item.video, video = section.querySelector("video");
  const like = section.querySelector("button.like");
  const paused = section.querySelector(".paused"), burst = section.querySelector(".burst");
  // One tap pauses or plays; two quick taps like (and never unlike).
  let pending = null;
  video.addEventListener("click", () => {
    if (pending) {
      clearTimeout(pending);
      pending = null;
      burst.hidden = false;
      setTimeout(() => { burst.hidden = true; }, 700);
      if (signedIn && like.dataset.liked !== "true") like.click();
      return;
    }
    pending = setTimeout(() => {
      pending = null;
      if (video.paused) { play(video); paused.hidden = true; }
      else { video.pause(); paused.hidden = false; }
    }, 260);
  });
  section.querySelector("button.comments").addEventListener("click", () => openComments(section));
  section.querySelector("button.share").addEventListener("click", () => share(v.share_url, v.caption || v.prompt));
  section.querySelector("button.more").addEventListener("click", () => openMore(section));
  saveButton(section.querySelector("button.save"));
  const follow = section.querySelector("button.follow-plus");
  follow?.addEventListener("click", async () => {
    try {
      await api("POST", `/api/v1/users/${follow.dataset.handle}/follow`);
      document.querySelectorAll(`.reel[data-owner="${CSS.escape(v.owner)}"] .follow-plus`).forEach((b) => b.remove());
      say(`Following @${v.owner}`);
    } catch (error) { say(error.message); }
  });
}

function openSheet(id) {
  const sheet = document.getElementById(id);
  if (!sheet.open) sheet.showModal();
  return sheet;
}

function wireSheets() {
  document.querySelectorAll("dialog.sheet").forEach((sheet) => {
    sheet.querySelectorAll("button.close").forEach((b) => b.addEventListener("click", () => sheet.close()));
    // a tap on the dimmed page above the sheet closes it
    sheet.addEventListener("click", (event) => { if (event.target === sheet) sheet.close(); });
  });
}

function commentNode(comment) {
  return el("li", {}, el("a", { href: `/@${comment.author}` }, `@${comment.author}`), " ", comment.body,
    comment.replies?.length ? el("ul", { class: "replies" }, ...comment.replies.map(commentNode)) : null);
}

async function openComments(section) {
  const v = section.item.video;
  const sheet = openSheet("comments-sheet");
  const list = sheet.querySelector("#comment-list");
  sheet.dataset.videoId = v.id;
  sheet.reel = section;
  list.replaceChildren(el("li", { class: "muted" }, "Loading…"));
  try {
    const threads = await api("GET", `/api/v1/videos/${v.id}/comments`);
    list.replaceChildren(...threads.map(commentNode));
    if (!threads.length) list.append(el("li", { class: "muted" }, "No comments yet. Say something nice."));
  } catch (error) { list.replaceChildren(el("li", { class: "error" }, error.message)); }
}

function wireComments() {
  const sheet = document.getElementById("comments-sheet");
  const form = sheet?.querySelector("form");
  if (!form) return;
  onSubmit(form, async (data) => {
    const comment = await api("POST", `/api/v1/videos/${sheet.dataset.videoId}/comments`, { body: data.get("body") });
    const list = sheet.querySelector("#comment-list");
    list.querySelector(".muted")?.remove();
    list.append(commentNode({ ...comment, replies: [] }));
    form.reset();
    const count = sheet.reel?.querySelector("button.comments .count");
    if (count) count.textContent = String(Number(count.textContent) + 1);
  });
}

function openMore(section) {
  const v = section.item.video;
  const sheet = openSheet("more-sheet");
  sheet.querySelector("#why-list").replaceChildren(...section.item.reasons.map((r) => el("li", {}, r.text)));
  sheet.querySelector("#more-download").href = v.download_url;
  const less = sheet.querySelector("#more-less");
  if (less) {
    less.onclick = async () => {
      sheet.close();
      await showLess(section);
    };
  }
}

async function showLess(section) {
  const id = section.dataset.videoId;
  try { await api("POST", `/api/v1/videos/${id}/not-interested`); }
  catch (error) { say(error.message); return; }
  section.classList.add("dismissed");
  section.querySelector("video").pause();
  const next = section.nextElementSibling;
  next?.scrollIntoView({ behavior: "smooth" });
  say("You will see less like this.", { label: "Undo", run: async () => {
    await api("DELETE", `/api/v1/videos/${id}/not-interested`);
    section.classList.remove("dismissed");
    section.scrollIntoView({ behavior: "smooth" });
    say("Undone: it can show up again.");
  } });
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
        play(video);
        section.querySelector(".paused").hidden = true;
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
    } catch (error) { say(error.message); }
    loading = false;
  }
  more();
}

// ---- steering: what the feed is told, what it understood, and a way back ----------------
function describeSteer(result) {
  const parts = result.changed.filter((t) => !result.hidden.includes(t.topic))
    .map((t) => `${t.weight > 0 ? "more" : "less"} ${t.topic}`)
    .concat(result.changed.filter((t) => result.hidden.includes(t.topic)).map((t) => `no ${t.topic}`))
    .concat((result.allowed || []).map((t) => `${t} is fine`));
  let text = parts.length ? "Now: " + parts.join(", ") + "." : "";
  if (result.not_understood.length) text += ` Not understood: ${result.not_understood.join(", ")}.`;
  return text.trim();
}

function renderPreferences(state) {
  const list = document.getElementById("prefs");
  if (!list) return;
  const chips = state.hidden.map((t) => el("li", { class: "chip never" }, `no ${t}`))
    .concat(state.preferences.filter((p) => !state.hidden.includes(p.topic) && p.weight !== 0)
      .map((p) => el("li", { class: `chip ${p.weight > 0 ? "more" : "less"}` }, `${p.weight > 0 ? "more" : "less"} ${p.topic}`)))
    .concat((state.fine || []).map((t) => el("li", { class: "chip fine" }, `${t} is fine`)));
  list.replaceChildren(...chips);
  document.getElementById("prefs-empty").hidden = chips.length > 0;
  document.getElementById("prefs-reset").hidden = chips.length === 0;
}

function restartFeed() {
  const feed = document.getElementById("feed");
  if (!feed) return;
  feed.replaceChildren();
  startFeed(feed);
}

function wireSteering() {
  const steer = document.getElementById("steer-form");
  if (!steer) return;
  const out = document.getElementById("steer-result");
  const tune = async () => {
    openSheet("steer-sheet");
    try { renderPreferences(await api("GET", "/api/v1/feed/preferences")); } catch (error) { say(error.message); }
  };
  const tuneButton = document.getElementById("tune");
  tuneButton?.prepend(icon("tune"));
  tuneButton?.addEventListener("click", tune);
  document.getElementById("why-steer")?.addEventListener("click", (event) => {
    event.preventDefault();
    document.getElementById("more-sheet").close();
    tune();
  });
  onSubmit(steer, async (data) => {
    steer.querySelector(".error").hidden = true;
    const result = await api("POST", "/api/v1/feed/steer", { sentence: data.get("sentence") });
    out.textContent = describeSteer(result);
    out.hidden = false;
    renderPreferences(result);
    restartFeed();
  });
  document.getElementById("prefs-reset")?.addEventListener("click", async () => {
    try {
      await api("DELETE", "/api/v1/feed/preferences");
      renderPreferences({ hidden: [], preferences: [] });
      out.textContent = "Your feed is back to its starting point.";
      out.hidden = false;
      restartFeed();
    } catch (error) { say(error.message); }
  });
}

function wireFeedTools() {
  const toggle = document.getElementById("sound-toggle");
  if (toggle) {
    sound.set(sound.on);
    toggle.addEventListener("click", () => {
      sound.set(!sound.on);
      const active = document.querySelector('#feed .reel[data-active="true"] video');
      if (active) play(active);
    });
  }
  const welcome = document.getElementById("welcome");
  if (welcome) {
    if (localStorage.getItem("openreel.welcome") === "closed") welcome.hidden = true;
    welcome.querySelector("button.close")?.addEventListener("click", () => {
      welcome.hidden = true;
      localStorage.setItem("openreel.welcome", "closed");
    });
  }
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

// ---- character counters: a field with data-counter="ID" keeps element ID saying
// "used / max" (a polite live region), in the warning colour past 90 % of the limit ----
function wireCounter(field) {
  const counter = document.getElementById(field.dataset.counter);
  const max = Number(field.getAttribute("maxlength"));
  if (!counter || !max) return;
  const update = () => {
    const used = field.value.length;
    counter.textContent = `${used} / ${max}`;
    counter.classList.toggle("near", used >= Math.floor(max * 0.9));
  };
  field.addEventListener("input", update);
  update();
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
  document.querySelectorAll("button.save[data-video-id]:enabled").forEach(saveButton);
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
  document.querySelectorAll("[data-counter]").forEach(wireCounter);
  wireSheets();
  wireComments();
  wireSteering();
  wireFeedTools();
  const feed = document.getElementById("feed");
  if (feed) startFeed(feed);
  const job = document.getElementById("job");
  if (job) startJob(job);
}

document.addEventListener("DOMContentLoaded", wirePage);
document.addEventListener("DOMContentLoaded", wireBatch);

// A cameo recording: the camera and microphone straight into the form's file input, so the
// recording goes up exactly as an uploaded file would (the upload stays for phones without
// MediaRecorder, and for recordings made elsewhere).
const RECORD_SECONDS = 8;

function wireCameo() {
  document.querySelectorAll("form[data-confirm]").forEach((form) => form.addEventListener("submit", (event) => {
    if (!confirm(form.dataset.confirm)) event.preventDefault();
  }));
  const box = document.getElementById("recorder");
  if (!box || !navigator.mediaDevices?.getUserMedia || !window.MediaRecorder) return;
  box.hidden = false;
  const form = document.getElementById("cameo-form");
  const input = document.getElementById("cameo-file");
  const preview = document.getElementById("recorder-preview");
  const state = document.getElementById("recorder-state");
  const button = document.getElementById("record");
  button.addEventListener("click", async () => {
    button.disabled = true;
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: "user", width: 640, height: 480 }, audio: true });
    } catch (error) {
      state.textContent = `The camera could not be opened (${error.message}): upload a recording instead.`;
      button.disabled = false;
      return;
    }
    preview.srcObject = stream;
    preview.hidden = false;
    const recorder = new MediaRecorder(stream);
    const chunks = [];
    recorder.addEventListener("dataavailable", (event) => { if (event.data.size) chunks.push(event.data); });
    recorder.addEventListener("stop", () => {
      stream.getTracks().forEach((track) => track.stop());
      const type = (recorder.mimeType || "video/webm").split(";")[0];
      const file = new File(chunks, type.includes("mp4") ? "cameo.mp4" : "cameo.webm", { type });
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      state.textContent = "Recorded: checking it…";
      form.requestSubmit();
    });
    recorder.start(500);
    let left = RECORD_SECONDS;
    state.textContent = `Recording: ${left} s left. Say the digits, then turn your head.`;
    const tick = setInterval(() => {
      left -= 1;
      if (left > 0) {
        state.textContent = `Recording: ${left} s left. Say the digits, then turn your head.`;
        return;
      }
      clearInterval(tick);
      recorder.stop();
    }, 1000);
  });
}

document.addEventListener("DOMContentLoaded", wireCameo);
