// npm run fuzz [-- --bodies 10000] [--shards 2]
// tests/integration/route-fuzz.test.ts with that many generated requests per API route (300
// unless asked; CI runs 25 with a fixed seed), each with a fresh random seed: never a 5xx, and a
// refused request changes nothing. Prints the answers by status at the end. `--shards n` splits
// the routes over n Jest runs side by side, each with its own PostgreSQL (n cores kept busy).
import { spawn } from "node:child_process";
import path from "node:path";

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const bodies = Number(arg("--bodies") ?? process.env.FUZZ_RUNS ?? 300);
const shards = Number(arg("--shards") ?? 1);
if (!Number.isInteger(bodies) || bodies < 1 || !Number.isInteger(shards) || shards < 1 || shards > 8) {
  console.error("usage: npm run fuzz -- --bodies <a whole number ≥ 1> [--shards <1 to 8>]");
  process.exit(2);
}
const root = path.resolve(__dirname, "..");
const t0 = Date.now();
const runs = Array.from(
  { length: shards },
  (_, k) =>
    new Promise<number>((resolve) =>
      spawn(
        process.execPath,
        [path.join(root, "node_modules", "jest", "bin", "jest.js"), "tests/integration/route-fuzz.test.ts"],
        {
          cwd: root,
          stdio: "inherit",
          env: { ...process.env, FUZZ_RUNS: String(bodies), FUZZ_SHARD: `${k + 1}/${shards}` },
        },
      ).on("exit", (code) => resolve(code ?? 1)),
    ),
);
void Promise.all(runs).then((codes) => {
  console.log(`fuzz: ${bodies} bodies per route in ${((Date.now() - t0) / 1000).toFixed(0)} s (${shards} shard(s))`);
  process.exit(codes.every((c) => c === 0) ? 0 : 1);
});
