// CI's Node 24 leg (.ci/run sets TEST_NODE): Jest must really run on that Node, workers included.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { testNode } from "../../scripts/lib/test-node";

describe("the Node that Jest runs on", () => {
  it("is TEST_NODE when it is set, else the machine's", () => {
    const node = testNode();
    expect(process.version).toBe(node.version);
    if (process.env.TEST_NODE) {
      expect(execFileSync(process.env.TEST_NODE, ["--version"], { encoding: "utf8" }).trim()).toBe(process.version);
    }
  });

  it("puts its directory first on PATH, so that children started by name use it", () => {
    const node = testNode();
    expect(node.env.PATH!.split(":")[0]).toBe(path.dirname(node.bin));
  });
});
