// Preloaded into the Prisma CLI by scripts/prisma.mjs. The WebAssembly schema engine starts a
// 10 s timer (its advisory-lock timeout) for every migrate command and never clears it, so
// each `migrate deploy` stayed alive for 10 s after it had finished: ~10 s on every `npm start`
// and every test database. Timers started from inside the engine are unref'd: while the engine
// still waits on PostgreSQL its connection keeps the process alive and the timeout still fires.
"use strict";
const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = function setTimeout(...args) {
  const timer = setTimeoutOriginal.apply(this, args);
  if (typeof timer?.unref === "function" && (new Error().stack ?? "").includes("wasm://")) timer.unref();
  return timer;
};
