import { z } from "zod";

// Every process.env read of the application happens here (STYLE.md rule 8).
// Parsed on first use, so that tests can point DATABASE_URL at their own database.
const schema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it)"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().optional(),
  DATA_DIR: z.string().default(".data"),
  /** Where attachments are stored; default DATA_DIR/uploads. */
  UPLOAD_DIR: z.string().optional(),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  /** Largest unpacked size of an imported .xlsx (its zip's declared sizes, checked before parsing). */
  IMPORT_MAX_UNPACKED_MB: z.coerce.number().positive().max(4096).default(200),
  /** Imports (dry runs and commits) running at once on the server; one per user in any case. */
  IMPORT_MAX_RUNNING: z.coerce.number().int().min(1).max(100).default(2),
  /** Days an uploaded import file is kept for its dry run to be imported (removed lazily). */
  IMPORT_RETENTION_DAYS: z.coerce.number().positive().max(365).default(7),
  /** Idle timeout of a session, minutes (ASVS 7.3.1). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(480),
  /** Absolute lifetime of a session, hours (ASVS 7.3.2). */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(168),
  /** Failures of one username that lock it; each further run of as many doubles the lock. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  /** The first lock, minutes; then 2×, 4× … up to LOGIN_LOCK_MAX_MINUTES. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(1),
  LOGIN_LOCK_MAX_MINUTES: z.coerce.number().int().min(1).default(60),
  /** Login attempts from one client address (any usernames) per window. */
  LOGIN_IP_MAX: z.coerce.number().int().min(1).default(30),
  LOGIN_IP_WINDOW_MINUTES: z.coerce.number().int().min(1).default(5),
  /** API requests per session or per token per minute. */
  API_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** The app's public URL; its origin is the one cookie-authenticated changes may come from. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** More origins the app is served under (reverse proxies), comma-separated. */
  TRUSTED_ORIGINS: z.string().default(""),
  /** How long one group-robot (webhook) request may take, milliseconds. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Attempts of one robot message before it is FAILED. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  /** The first retry's wait, seconds; each further one waits twice as long. */
  WEBHOOK_RETRY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  /** `off`: this instance serves requests but runs no jobs (others on the database do). */
  JOB_WORKERS: z.enum(["on", "off"]).default("on"),
  NODE_ENV: z.string().default("development"),
});

export type Env = z.infer<typeof schema>;

let cached: { source: string; env: Env } | undefined;

export function env(): Env {
  // The server's settings never reach a browser (a plain check rather than "server-only", so
  // that Node scripts such as the demo seed may import modules that read them).
  if (typeof window !== "undefined") throw new Error("lib/env.ts is for the server only");
  // Re-parsed whenever a variable changes (tests point DATABASE_URL and limits elsewhere).
  const source = Object.keys(schema.shape)
    .map((k) => process.env[k] ?? "")
    .join("\u0000");
  if (cached?.source === source) return cached.env;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = { source, env: parsed.data };
  return parsed.data;
}
