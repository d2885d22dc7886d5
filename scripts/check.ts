// npm run check: the type check and the linters (ESLint, Prettier) side by side — each is mostly
// one core's work, and CI has two. Each one's output is printed when it ends, not interleaved;
// the exit code is non-zero when either fails. `--build` (npm test) also makes the production
// build beside them when it is stale, so that the tests that start the app (Jest's process
// tests, the browser tests) find it made.
import { spawn } from "node:child_process";
import { buildIsStale } from "./lib/runtime";

function run(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (code) => {
      process.stdout.write(`\n> npm run ${script}: ${code === 0 ? "ok" : `failed (${code})`}\n${out}`);
      resolve(code ?? 1);
    });
  });
}

const build = process.argv.includes("--build") && buildIsStale() ? [run("build")] : [];
Promise.all([run("typecheck"), run("lint"), ...build]).then((codes) =>
  process.exit(codes.some((c) => c !== 0) ? 1 : 0),
);
