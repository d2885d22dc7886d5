// npm test, after the checks: the production build when the sources are newer than it, made
// alone (beside the type check and the linters it took 101 s instead of 40 on two cores), so that
// the tests that start the app (Jest's process tests, the browser tests) find it made.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale, root } from "./lib/runtime";

if (buildIsStale()) {
  const build = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  process.exit(build.status ?? 1);
}
