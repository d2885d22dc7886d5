// The URL of every page.tsx and route.ts under app/ (route groups dropped, dynamic
// segments filled with a sample value), for the tests that prove each needs a session.
import fs from "node:fs";
import path from "node:path";

export type AppRoute = { file: string; url: string; sample: string; params: string[] };

const appDir = path.resolve(__dirname, "../../app");

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

function toRoute(file: string): AppRoute {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter(Boolean);
  const visible = segments.filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  const params = visible.filter((s) => s.startsWith("[")).map((s) => s.replace(/^\[(\.\.\.)?/, "").replace(/\]$/, ""));
  const url = "/" + visible.join("/");
  const sample = "/" + visible.map((s) => (s.startsWith("[") ? "sample-id" : s)).join("/");
  return { file, url, sample, params };
}

export function appRoutes() {
  const files = walk(appDir);
  return {
    routes: files.filter((f) => /[/\\]route\.tsx?$/.test(f)).map(toRoute),
    pages: files.filter((f) => /[/\\]page\.tsx?$/.test(f)).map(toRoute),
  };
}
