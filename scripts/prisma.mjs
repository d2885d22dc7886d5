// Runs the Prisma CLI without its downloaded native engines (see STACK.md):
// the CLI only checks that these files exist; with engine "js" in prisma.config.ts
// and engineType "client" it never executes them.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const placeholder = require.resolve("prisma/package.json");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = path.join(path.dirname(placeholder), "build", "index.js");
const unrefWasmTimers = path.join(path.dirname(new URL(import.meta.url).pathname), "prisma-unref-wasm-timers.cjs");
const result = spawnSync(process.execPath, ["--require", unrefWasmTimers, cli, ...process.argv.slice(2)], {
  stdio: "inherit",
  env,
});
process.exit(result.status ?? 1);
