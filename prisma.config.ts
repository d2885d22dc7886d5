// Prisma CLI configuration: the WebAssembly schema engine through @prisma/adapter-pg,
// so migrate works without Prisma's downloaded native engines (see STACK.md).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// Workaround for prisma/orm#27403: the wasm engine reads catalog columns of type
// `name` (oid 19), which adapter-pg cannot deserialize. Report them as text (oid 25).
// This patch lives here so that it only affects the CLI, never the application.
type Field = { dataTypeID: number };
type Result = { fields?: Field[] } | Result[];
function nameToText(result: Result): Result {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const f of (r as { fields?: Field[] })?.fields ?? []) if (f.dataTypeID === 19) f.dataTypeID = 25;
  }
  return result;
}
const patched = Symbol.for("crm.prisma.nameToText");
const proto = pg.Client.prototype as unknown as Record<string | symbol, unknown>;
if (!proto[patched]) {
  proto[patched] = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const cb = args[cbIndex] as (err: unknown, res: Result) => void;
      args[cbIndex] = (err: unknown, res: Result) => cb(err, res && nameToText(res));
      return original.apply(this, args);
    }
    const out = original.apply(this, args);
    return out instanceof Promise ? out.then((res: Result) => nameToText(res)) : out;
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set (run through scripts/migrate.ts)");
    // allowExitOnIdle: the CLI never ends its pool, whose idle connections would keep every
    // command alive for pg's idle timeout (10 s) after it had finished. With the engine's own
    // stray timer (scripts/prisma-unref-wasm-timers.cjs) that was 10 s on each `npm start`.
    const factory = new PrismaPg({ connectionString, allowExitOnIdle: true });
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      // adapter-pg runs a migration by splitting it on every ";" (inside a function's $$ body
      // too) and sending the parts one by one, outside any transaction. Sent whole, PostgreSQL's
      // simple query protocol runs the script as one implicit transaction, as Prisma's native
      // engine does: functions work, and a migration that fails leaves nothing half-applied.
      const raw = adapter as unknown as { client: pg.Pool; onError: (e: unknown) => never };
      adapter.executeScript = async (script: string) => {
        try {
          await raw.client.query(script);
        } catch (error) {
          raw.onError(error);
        }
      };
      return adapter;
    };
    return factory;
  },
});
