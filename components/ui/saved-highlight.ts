"use client";

// "Say what happened": after a save, the row or card it changed lights up for a moment.
// Lists mark their rows with `data-saved-id={record.id}`; the form's answer names the id. The
// row may only appear once the page's data is refreshed, so it is awaited for a few seconds.

const WAIT_MS = 5000;
const SHOW_MS = 3000;
const classes = ["bg-emerald-50", "transition-colors"];

export function highlightSaved(id: string) {
  if (typeof document === "undefined") return;
  const selector = `[data-saved-id="${CSS.escape(id)}"]`;
  const light = (el: Element) => {
    el.classList.add(...classes);
    el.setAttribute("data-just-saved", "true");
    (el as HTMLElement).scrollIntoView?.({ block: "nearest" });
    setTimeout(() => {
      el.classList.remove(...classes);
      el.removeAttribute("data-just-saved");
    }, SHOW_MS);
  };
  const found = document.querySelector(selector);
  if (found) return light(found);
  const observer = new MutationObserver(() => {
    const el = document.querySelector(selector);
    if (!el) return;
    observer.disconnect();
    light(el);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), WAIT_MS);
}

/** The id of what a save answered (`{ id }`), if it names one. */
export function savedIdOf(data: unknown): string | null {
  const id = (data as { id?: unknown } | null)?.id;
  return typeof id === "string" ? id : null;
}
