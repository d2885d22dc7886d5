// npm run fuzz [-- --bodies 10000]
// tests/integration/route-fuzz.test.ts with that many generated requests per API route (300
// unless asked; CI runs 25 with a fixed seed), each with a fresh random seed: never a 5xx, and a
// refused request changes nothing. Prints the answers by status at the end.
import { spawnSync } from "node:child_process";
import path from "node:path";

const i = process.argv.indexOf("--bodies");
const bodies = i >= 0 ? Number(process.argv[i + 1]) : Number(process.env.FUZZ_RUNS ?? 300);
if (!Number.isInteger(bodies) || bodies < 1) {
  console.error("usage: npm run fuzz -- --bodies <a whole number ≥ 1>");
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
const t0 = Date.now();
const run = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "jest", "bin", "jest.js"), "tests/integration/route-fuzz.test.ts"],
  { cwd: root, stdio: "inherit", env: { ...process.env, FUZZ_RUNS: String(bodies) } },
);
console.log(`fuzz: ${bodies} bodies per route in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
process.exit(run.status ?? 1);
