// Every route of the API, every method, as each role, fed with the inputs that crashed servers
// before: NUL bytes, lone surrogates, year 0 and year 9999, numbers past their columns, very
// long text, wrong types, nested junk, missing and extra fields — in bodies, queries and path
// ids, on the seeded demo data (so ids are real and the use-cases get past their lookups).
// Never a 5xx, and a refused request (4xx) changes nothing: no row of any table is inserted,
// updated or deleted by it (a row trigger on every table counts committed changes).
// `npm run fuzz -- --bodies 10000` runs that many per route (CI: 25, with a fixed seed).
import fc from "fast-check";
import { getDb } from "../../lib/db";
import { raiseProblem } from "../../lib/problems/raise-problem";
import { createMeeting } from "../../lib/meetings/create-meeting";
import { generateBulletin } from "../../lib/bulletins/generate-bulletin";
import { previousWeek } from "../../lib/bulletins/week";
import { shanghaiToday } from "../../lib/dates";
import { issueNotice } from "../../lib/supervision/issue-notice";
import { actorOf, apiRequest, sessionCookie } from "../factories";
import { appRoutes } from "../support/app-routes";
import { useSeededDatabase } from "../support/seeded";

const nasty = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "0000-01-01",
  "9999-12-31",
  "2026-02-30",
  "-1",
  "99999999999999.99",
  "999999999999.99",
  "1e309",
  "NaN",
  "",
  " ",
  "\u200b",
  "evil_\u202eFDP.txt",
  "'; drop table projects; --",
  "x".repeat(5000),
);
const value = fc.oneof(
  nasty,
  fc.integer(),
  fc.constantFrom(-1, 0, 1e21, 2 ** 53, Number.MAX_VALUE, 1.5),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("name", "date", "x"), nasty, { maxKeys: 2 }),
);
const keys = [
  "name",
  "code",
  "date",
  "to",
  "note",
  "notes",
  "type",
  "action",
  "version",
  "amount",
  "fixedAssetAmount",
  "totalInvestment",
  "landArea",
  "industryId",
  "parkId",
  "leaderId",
  "ownerId",
  "linkIds",
  "linkId",
  "enterpriseId",
  "enterpriseName",
  "creditCode",
  "signingDate",
  "contractInvestment",
  "certificateNo",
  "certificateDate",
  "missing",
  "reason",
  "password",
  "role",
  "departmentId",
  "displayName",
  "username",
  "active",
  "kind",
  "position",
  "parentId",
  "targetCount",
  "importance",
  "statutoryDays",
  "fastTrackDays",
  "applicant",
  "floorArea",
  "plannedStartDate",
  "skipErrors",
  "sourceId",
  "sourceVersion",
  "targetVersion",
  "expiresInDays",
  "isLocal",
  "scale",
  "goalStage",
  "goalInvestment",
  "milestones",
  "investmentCompleted",
  "percent",
  "problems",
  "attachmentIds",
  "projectId",
  "subject",
  "content",
  "replyDays",
  "resolveDays",
  "reply",
  "days",
  "grant",
  "url",
  "secret",
  "clearSecret",
  "events",
  "ids",
  "all",
  "color",
  "until",
  "title",
  "category",
  "department",
  "dueDate",
  "dueDays",
  "description",
  "to",
  "resolution",
  "startsAt",
  "place",
  "chairId",
  "attendeeIds",
  "attendeesText",
  "items",
  "agendaItemId",
  "problem",
  "notice",
  "weekStart",
  "field",
  "tiers",
  "threshold",
  "cap",
  "years",
  "validFrom",
  "validTo",
  "measureId",
  "year",
  "grantedOn",
  "startDate",
  "endDate",
  "confirmed",
  "proposed",
  "sourceChannel",
  "annual",
  "quarters",
  "unit",
  "unitId",
  "indicator",
];
// A target PUT's item (年度目标) with nasty figures, so the item checks themselves are fuzzed.
const targetItem = fc.record({
  unit: fc.constantFrom("DISTRICT", "USER", "PARK", "x"),
  unitId: fc.oneof(nasty, fc.constant(null)),
  indicator: fc.constantFrom("SIGNED_COUNT", "SIGNED_INVESTMENT", "nope"),
  annual: value,
  quarters: fc.oneof(fc.array(value, { maxLength: 5 }), value),
});
const body = fc.oneof(
  { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 6 }) },
  {
    weight: 1,
    arbitrary: fc.record({
      year: fc.oneof(value, fc.constant(2026)),
      items: fc.array(targetItem, { maxLength: 3 }),
      version: value,
    }),
  },
  { weight: 1, arbitrary: nasty },
  { weight: 1, arbitrary: fc.array(value, { maxLength: 2 }) },
);
const query = fc.dictionary(
  fc.constantFrom(
    "q",
    "year",
    "page",
    "pageSize",
    "stage",
    "signedFrom",
    "updatedTo",
    "kind",
    "name",
    "minInvestment",
    "state",
    "overdue",
    "category",
    "department",
    "level",
    "sort",
    "park",
    "mine",
    "todo",
    "projectId",
    "unread",
    "status",
    "version",
    "from",
    "to",
    "weekStart",
    "table",
    "entered",
    "enteredFrom",
    "enteredTo",
    "channel",
  ),
  nasty,
  { maxKeys: 3 },
);

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * Tables every request may write whatever its answer: sessions (last seen), rate counters,
 * the security log (a refusal is logged there), the job runner's bookkeeping and migrations.
 */
const alwaysWritten = ["user_sessions", "rate_counters", "security_events", "job_runs", "_prisma_migrations"];

describe("every API route survives hostile input", () => {
  const ids = new Map<string, string>();
  const cookies: string[] = [];
  // Committed row changes so far: a row trigger on every table (but those always written) adds
  // one per row inserted, updated or deleted, in the changing transaction (a rollback undoes it).
  const changes = async () =>
    (
      await getDb().$queryRawUnsafe<{ n: string }[]>(
        `select n::text || ' (' || coalesce(last, '') || ')' as n from fuzz_changes`,
      )
    )[0].n;
  const statuses = new Map<number, number>();

  // Every generated request reaches its route: the API's rate limit (600 a minute per session,
  // tested in security.test.ts) refused more than half of a 1,000-per-route run with 429.
  const rateLimit = process.env.API_RATE_PER_MINUTE;
  beforeAll(async () => {
    process.env.API_RATE_PER_MINUTE = String(1e9);
    await useSeededDatabase();
    const db = getDb();
    const first = async <T extends { id: string }>(p: Promise<T | null>) => (await p)?.id ?? "none";
    ids.set("projects", await first(db.project.findFirst({ where: { stage: "SIGNED" }, select: { id: true } })));
    ids.set("permit-cases", await first(db.permitCase.findFirst({ select: { id: true } })));
    ids.set(
      "permit-items",
      await first(db.permitItem.findFirst({ where: { state: "PENDING" }, select: { id: true } })),
    );
    ids.set("users", await first(db.user.findFirst({ where: { username: "staff" }, select: { id: true } })));
    ids.set("chains", await first(db.chain.findFirst({ select: { id: true } })));
    ids.set("chain-links", await first(db.chainLink.findFirst({ select: { id: true } })));
    ids.set("industries", await first(db.industry.findFirst({ select: { id: true } })));
    ids.set("enterprises", await first(db.enterprise.findFirst({ select: { id: true } })));
    ids.set("permit-types", await first(db.permitType.findFirst({ select: { id: true } })));
    ids.set("attachments", await first(db.attachment.findFirst({ select: { id: true } })));
    ids.set("calendar", "2026-10-01");
    // A notice to act on (the seed has none yet): on a story project with a leader.
    const manager = await db.user.findUniqueOrThrow({ where: { username: "manager" }, include: { department: true } });
    const led = await db.project.findFirstOrThrow({ where: { leaderId: { not: null } }, select: { id: true } });
    ids.set(
      "notices",
      (
        await issueNotice({
          actor: actorOf(manager),
          input: { projectId: led.id, subject: "模糊测试", content: "模糊测试" },
        })
      ).id,
    );
    // A problem to act on (要素保障), raised by the manager on the same project.
    ids.set(
      "problems",
      (
        await raiseProblem({
          actor: actorOf(manager),
          input: { projectId: led.id, title: "模糊测试", category: "LAND", department: "ZRZY" },
        })
      ).id,
    );
    // A meeting to act on, chaired by the manager, with an item.
    const meetingProject = await db.project.findFirstOrThrow({ select: { id: true } });
    ids.set(
      "meetings",
      (
        await createMeeting({
          actor: actorOf(manager),
          input: {
            kind: "COORDINATION",
            title: "模糊测试",
            startsAt: "2026-12-01T09:00",
            chairId: manager.id,
            items: [{ kind: "PROJECT", projectId: meetingProject.id, title: "模糊测试", minutes: "模糊测试" }],
          },
        })
      ).id,
    );
    // A stored 周通报 (the seed has none): its reads and export get a real id.
    ids.set(
      "bulletins",
      (await generateBulletin(db, { actor: null, input: { weekStart: previousWeek(shanghaiToday()).weekStart } }))!.id,
    );
    // An inactive robot (nothing is sent from here): its changes, test message and log get real ids.
    ids.set(
      "webhooks",
      (
        await db.webhook.create({
          data: { name: "模糊测试", kind: "WECOM", url: "http://127.0.0.1:9/x", active: false },
        })
      ).id,
    );
    // The seeded 政策措施 and 签约周: their changes and candidates get real ids.
    ids.set("incentive-measures", await first(db.incentiveMeasure.findFirst({ select: { id: true } })));
    ids.set("signing-weeks", await first(db.signingWeek.findFirst({ select: { id: true } })));
    for (const username of ["admin", "manager", "leader", "staff", "approver"])
      cookies.push(await sessionCookie(await db.user.findUniqueOrThrow({ where: { username } })));
    await db.$executeRawUnsafe(`create table fuzz_changes (n bigint not null, last text)`);
    await db.$executeRawUnsafe(`insert into fuzz_changes values (0, null)`);
    await db.$executeRawUnsafe(
      `create function fuzz_count() returns trigger language plpgsql as $$
         begin update fuzz_changes set n = n + 1, last = TG_TABLE_NAME; return null; end $$`,
    );
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      `select table_name::text as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'fuzz_changes'`,
    );
    for (const t of tables.filter((t) => !alwaysWritten.includes(t.name)))
      await db.$executeRawUnsafe(
        `create trigger fuzz_count after insert or update or delete on "${t.name}" for each row execute function fuzz_count()`,
      );
  }, 120_000);

  afterAll(() => {
    if (rateLimit === undefined) delete process.env.API_RATE_PER_MINUTE;
    else process.env.API_RATE_PER_MINUTE = rateLimit;
    // With `npm run fuzz`: what the run answered, for the README.
    if (process.env.FUZZ_RUNS)
      console.log(
        `fuzz: ${[...statuses.values()].reduce((a, b) => a + b, 0)} requests; by status ${JSON.stringify(
          Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])),
        )}`,
      );
  });

  // `npm run fuzz -- --shards n` runs n of these side by side (each its own database): FUZZ_SHARD=k/n takes every n-th route.
  const [shard, shards] = (process.env.FUZZ_SHARD ?? "1/1").split("/").map(Number);
  const routes = appRoutes()
    .routes.filter((r) => r.url.startsWith("/api/v1/") && !r.url.includes("[..."))
    .filter((_, i) => i % shards === shard - 1);

  it.each(routes.map((r) => [r.url, r] as const))(
    "%s",
    async (_url, route) => {
      const mod = (await import(route.file)) as Record<string, Handler>;
      const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
      const area = route.url.split("/")[3];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...methods),
          fc.constantFrom(...cookies),
          body,
          query,
          fc.oneof({ weight: 4, arbitrary: fc.constant("real") }, { weight: 1, arbitrary: nasty }),
          async (method, cookie, payload, q, idKind) => {
            const id = idKind === "real" ? (ids.get(area) ?? "none") : idKind;
            const params = Object.fromEntries(route.params.map((p) => [p, id]));
            // The URL cannot hold a lone surrogate; the route still gets the raw id as its parameter.
            const path = route.sample.replace(/sample-id/g, encodeURIComponent(id.toWellFormed()));
            const search = new URLSearchParams(q as Record<string, string>).toString();
            const before = method === "GET" ? null : await changes();
            const res = await mod[method](
              apiRequest(`${path}${search ? `?${search}` : ""}`, {
                method,
                cookie,
                body: method === "GET" || method === "DELETE" ? undefined : payload,
              }),
              { params: Promise.resolve(params) },
            );
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const what = () => `${method} ${path}?${search} ${JSON.stringify(payload)?.slice(0, 200)} → ${res.status}`;
            if (res.status >= 500) throw new Error(`${what()} ${await res.text()}`);
            if (res.status === 429) throw new Error(`${what()}: rate-limited, the body never reached the route`);
            if (before !== null && res.status >= 400 && (await changes()) !== before)
              throw new Error(`${what()} was refused but changed rows: ${before} → ${await changes()}`);
          },
        ),
        // `npm run fuzz` runs many more (FUZZ_RUNS, with a fresh seed each time).
        process.env.FUZZ_RUNS ? { numRuns: Number(process.env.FUZZ_RUNS) } : { numRuns: 25, seed: 20261127 },
      );
    },
    600_000,
  );
});
