// `tsx scripts/test-node.ts <script.js> [args…]`: runs a package's script (Jest) on the Node of
// scripts/lib/test-node.ts and says which; exits with its code.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { root } from "./lib/runtime";
import { testNode } from "./lib/test-node";

const [script, ...args] = process.argv.slice(2);
if (!script) throw new Error("usage: tsx scripts/test-node.ts <script.js> [args…]");
const node = testNode();
console.log(`${path.basename(script)} on Node ${node.version} (${node.bin})`);
const run = spawnSync(node.bin, [path.resolve(root, script), ...args], { cwd: root, stdio: "inherit", env: node.env });
process.exit(run.status ?? 1);
