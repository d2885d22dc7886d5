// The Node that `npm test` builds the app and runs Jest with: TEST_NODE when set (CI points it
// at Node 24 LTS, which .ci/run installs from the npm registry into a temporary directory),
// else the Node running the script (the machine's own, Node 20). The type check, the linters
// and the browser tests' app server stay on the machine's Node, so CI covers both.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export function testNode(): { bin: string; version: string; env: NodeJS.ProcessEnv } {
  const given = process.env.TEST_NODE;
  if (given && !fs.existsSync(given)) throw new Error(`TEST_NODE=${given}: no such file`);
  const bin = given ? path.resolve(given) : process.execPath;
  const version = given ? execFileSync(bin, ["--version"], { encoding: "utf8" }).trim() : process.version;
  // Children started by name (npm, npx, scripts with `#!/usr/bin/env node`) find the same Node.
  const env = { ...process.env, PATH: `${path.dirname(bin)}${path.delimiter}${process.env.PATH ?? ""}` };
  return { bin, version, env };
}
