// npm test, after the checks: the production build when the sources are newer than it, made
// alone (beside the type check and the linters it took 101 s instead of 40 on two cores), so that
// the tests that start the app (Jest's process tests, the browser tests) find it made. On
// TEST_NODE when set (scripts/lib/test-node.ts: CI's Node 24 leg).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsStale, root } from "./lib/runtime";
import { testNode } from "./lib/test-node";

if (buildIsStale()) {
  const node = testNode();
  console.log(`next build on Node ${node.version}`);
  const build = spawnSync(node.bin, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...node.env, NODE_ENV: "production" },
  });
  process.exit(build.status ?? 1);
}
