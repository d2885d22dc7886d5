// Shared by the command-line scripts: paths, secrets, a Prisma client, the build check.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../generated/prisma/client";

export const root = path.resolve(__dirname, "..", "..");

export function dataDir(): string {
  const dir = path.resolve(process.env.DATA_DIR ?? path.join(root, ".data"));
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/** NEXTAUTH_SECRET when set, else one generated on first start and kept in DATA_DIR. */
export function authSecret(dir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dir, "nextauth.secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export function prismaFor(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}

const sourceEntries = [
  "app",
  "components",
  "lib",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when there is no production build, or a source file is newer than it. */
export function buildIsStale(): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return sourceEntries.some((e) => newestMtime(path.join(root, e)) > built);
}
