// npm run check: the type check and the linters (ESLint, Prettier) side by side — each is mostly
// one core's work, and CI has two. Each one's output is printed when it ends, not interleaved;
// the exit code is non-zero when either fails.
import { spawn } from "node:child_process";

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

Promise.all([run("typecheck"), run("lint")]).then((codes) => process.exit(codes.some((c) => c !== 0) ? 1 : 0));
