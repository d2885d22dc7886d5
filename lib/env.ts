import path from "node:path";
import { z } from "zod";

// Every process.env read of the application happens here (STYLE.md rule 8).
// Parsed on first use, so that tests can point DATABASE_URL at their own database.

/** S3 storage: all four of these, or none (the files then stay in UPLOAD_DIR). */
export const s3Required = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
const s3Optional = ["S3_REGION", "S3_FORCE_PATH_STYLE"] as const;
/** A variable set to "" counts as unset (a blank line in a unit file or a compose file). */
const unsetIfBlank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (message: string) => z.preprocess(unsetIfBlank, z.string().trim().min(1, message).optional());

/** Where the app keeps its files (attachments, uploaded imports): lib/attachments/file-store.ts. */
const storageShape = {
  DATA_DIR: z.string().default(".data"),
  /** Where files are stored when S3 is not set; default DATA_DIR/uploads. */
  UPLOAD_DIR: z.string().optional(),
  /** The S3-compatible service's URL (MinIO, Ceph, a cloud's object storage, AWS: https://s3.<region>.amazonaws.com). */
  S3_ENDPOINT: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s/]+(\/\S*)?$/i, "S3_ENDPOINT must be an http:// or https:// URL")
      .optional(),
  ),
  S3_BUCKET: z.preprocess(
    unsetIfBlank,
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/, "S3_BUCKET must be a bucket name (letters, digits, . _ -)")
      .optional(),
  ),
  S3_ACCESS_KEY_ID: optionalText("S3_ACCESS_KEY_ID is empty"),
  S3_SECRET_ACCESS_KEY: optionalText("S3_SECRET_ACCESS_KEY is empty"),
  /** The bucket's region; most S3-compatible services accept the default. */
  S3_REGION: optionalText("S3_REGION is empty"),
  /** `true`: bucket in the path (http://host/bucket/key; MinIO and most self-hosted stores); `false`: in the host name. */
  S3_FORCE_PATH_STYLE: z.preprocess(
    unsetIfBlank,
    z.enum(["true", "false", "1", "0"], { message: "S3_FORCE_PATH_STYLE must be true or false" }).optional(),
  ),
};

/** All four S3 variables or none; S3_REGION and S3_FORCE_PATH_STYLE only beside them. */
function s3AllOrNone(
  v: Partial<Record<(typeof s3Required)[number] | (typeof s3Optional)[number], unknown>>,
  ctx: z.RefinementCtx,
) {
  const set = [...s3Required, ...s3Optional].filter((k) => v[k] !== undefined);
  const lacking = s3Required.filter((k) => v[k] === undefined);
  if (set.length && lacking.length)
    ctx.addIssue({
      code: "custom",
      path: [lacking[0]],
      message: `S3 storage needs all of ${s3Required.join(", ")}: ${set.join(", ")} ${set.length === 1 ? "is" : "are"} set, ${lacking.join(", ")} ${lacking.length === 1 ? "is" : "are"} not (or unset every S3_ variable to keep the files in UPLOAD_DIR)`,
    });
}

const schema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it)"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  NEXTAUTH_URL: z.string().optional(),
  ...storageShape,
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
/** The settings checked together: S3 storage all or nothing. */
const checked = schema.superRefine(s3AllOrNone);

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
  const parsed = checked.safeParse(process.env);
  if (!parsed.success) throw invalid(parsed.error);
  cached = { source, env: parsed.data };
  return parsed.data;
}

const invalid = (error: z.ZodError) =>
  new Error(`Invalid environment:\n${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}`);

export type S3Settings = {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  forcePathStyle: boolean;
};
/** Where the files go: an S3-compatible bucket, or (s3 null) the upload directory. */
export type FileStorageEnv = { uploadDir: string; s3: S3Settings | null };

const storageSchema = z.object(storageShape).superRefine(s3AllOrNone);

/**
 * The file storage settings alone, checked as env() checks them: for the app's file store
 * (lib/attachments/store.ts) and for the scripts that run without the app's other settings
 * (db:backup, db:restore).
 */
export function fileStorageEnv(source: Record<string, string | undefined> = process.env): FileStorageEnv {
  const parsed = storageSchema.safeParse(source);
  if (!parsed.success) throw invalid(parsed.error);
  const e = parsed.data;
  // A directory of the running machine, not of the project: the build must not trace it.
  const uploadDir = path.resolve(/*turbopackIgnore: true*/ e.UPLOAD_DIR ?? path.join(e.DATA_DIR, "uploads"));
  if (!e.S3_ENDPOINT || !e.S3_BUCKET || !e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY) return { uploadDir, s3: null };
  return {
    uploadDir,
    s3: {
      endpoint: e.S3_ENDPOINT,
      bucket: e.S3_BUCKET,
      accessKeyId: e.S3_ACCESS_KEY_ID,
      secretAccessKey: e.S3_SECRET_ACCESS_KEY,
      region: e.S3_REGION ?? "us-east-1",
      forcePathStyle: e.S3_FORCE_PATH_STYLE === "true" || e.S3_FORCE_PATH_STYLE === "1",
    },
  };
}
