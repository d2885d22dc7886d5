// npm run check: the type check and the linters (ESLint, Prettier) side by side — each is mostly
// one core's work, and CI has two. Each one's output is printed when it ends, not interleaved;
// the exit code is non-zero when either fails. With script names (npm test: `test:jest:beside
// test:e2e`) it runs those side by side instead: Jest on one worker beside the browser tests,
// whose single app server leaves most of the second core idle.
import { spawn } from "node:child_process";

function run(script: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script], { stdio: ["ignore", "pipe", "pipe"], env });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => {
      process.stdout.write(`\n> npm run ${script}: ${code === 0 ? "ok" : `failed (${code})`}\n${out}`);
      resolve(code ?? 1);
    });
  });
}

// With TEST_NODE (CI's Node 24 leg: scripts/lib/test-node.ts) Jest runs on that Node; the unit
// tests also run here, on the machine's.
const checks = ["typecheck", "lint", ...(process.env.TEST_NODE ? ["test:unit"] : [])];
const given = process.argv.slice(2);
const scripts = given.length ? given : checks;
// The checks run on the machine's Node: without TEST_NODE, which only the scripts named by npm test use.
const env = { ...process.env };
if (!given.length) delete env.TEST_NODE;
Promise.all(scripts.map((s) => run(s, env))).then((codes) => process.exit(codes.some((c) => c !== 0) ? 1 : 0));
