import "server-only";
import type { Tx } from "../db";
import type { PrismaClient } from "@/generated/prisma/client";
import { enterpriseNameKey } from "./name-key";

export type EnterpriseMatch = {
  id: string;
  name: string;
  creditCode: string | null;
  /** CREDIT_CODE: the same 统一社会信用代码; SAME_NAME: the same name; SIMILAR_NAME: the same or a near name core. */
  reason: "CREDIT_CODE" | "SAME_NAME" | "SIMILAR_NAME";
  /** 0..1, the trigram similarity of the name cores (1 for a credit code or the same core). */
  score: number;
};

export type ProjectMatch = {
  id: string;
  code: string;
  name: string;
  stage: string;
  enterpriseName: string;
  totalInvestment: string;
  /** SAME_ENTERPRISE: an open project of a matching enterprise (增资扩产?); SIMILAR_NAME: a near project name. */
  reason: "SAME_ENTERPRISE" | "SIMILAR_NAME";
  score: number;
};

/** Name cores this near (pg_trgm similarity) are shown as possible duplicates. */
export const SIMILARITY = 0.45;
/** A core found inside another core (word_similarity) this strongly is a match too: 安屯尼 ⊂ 安屯尼智能电子. */
export const CONTAINMENT = 0.8;

/**
 * Existing enterprises that may be the one named: the same credit code, the same name,
 * or a near name core (lib/enterprises/name-key.ts) by trigram similarity. Uses the
 * trigram indexes on name_key; short cores (under three characters) match only exactly.
 */
export async function findSimilarEnterprises(
  tx: Tx,
  input: { name: string; creditCode?: string | null; excludeId?: string | null },
  limit = 5,
): Promise<EnterpriseMatch[]> {
  const key = enterpriseNameKey(input.name);
  const code = input.creditCode || null;
  const fuzzy = [...key].length >= 3;
  const rows = await tx.$queryRaw<
    { id: string; name: string; creditCode: string | null; nameKey: string; score: number; contained: number }[]
  >`
    select id, name, "creditCode", "nameKey",
           similarity("nameKey", ${key})::float8 as score,
           word_similarity(${key}, "nameKey")::float8 as contained
      from enterprises
     where (id <> ${input.excludeId ?? ""})
       and ((${code}::text is not null and "creditCode" = ${code})
            or name = ${input.name}
            or "nameKey" = ${key}
            or (${fuzzy} and ("nameKey" % ${key} or ${key} <% "nameKey")))
     order by ("creditCode" = ${code}) desc nulls last, (name = ${input.name}) desc, score desc
     limit 30`;
  return matchesOf(rows, input, limit);
}

/** A candidate row of the duplicate query, before the thresholds. */
export type Candidate = {
  id: string;
  name: string;
  creditCode: string | null;
  nameKey: string;
  score: number;
  contained: number;
};

/** The candidates that pass the thresholds, as matches (the query's order kept). */
function matchesOf(rows: Candidate[], input: { name: string; creditCode?: string | null }, limit: number) {
  const key = enterpriseNameKey(input.name);
  const code = input.creditCode || null;
  const matches: EnterpriseMatch[] = [];
  for (const r of rows) {
    const reason = code && r.creditCode === code ? "CREDIT_CODE" : r.name === input.name ? "SAME_NAME" : "SIMILAR_NAME";
    const sameCore = r.nameKey === key;
    if (reason === "SIMILAR_NAME" && !sameCore && r.score < SIMILARITY && r.contained < CONTAINMENT) continue;
    matches.push({
      id: r.id,
      name: r.name,
      creditCode: r.creditCode,
      reason,
      score: reason === "SIMILAR_NAME" && !sameCore ? Math.round(Math.max(r.score, r.contained) * 100) / 100 : 1,
    });
    if (matches.length >= limit) break;
  }
  return matches;
}

/**
 * findSimilarEnterprises for many names at once (an import's chunk of rows): one statement,
 * planned once, each name's candidates by the same conditions and in the same order. With
 * `among`, only those enterprises are looked at (the ones an import created since its chunk's
 * candidates were read), and `also` (candidates read before) are merged in as if the
 * query had found them too.
 */
export async function findSimilarEnterprisesMany(
  tx: Tx,
  inputs: { name: string; creditCode?: string | null }[],
  limit = 5,
  options: { among?: string[]; also?: Candidate[][] } = {},
): Promise<{ matches: EnterpriseMatch[][]; candidates: Candidate[][] }> {
  const candidates: Candidate[][] = inputs.map(() => []);
  if (inputs.length && (!options.among || options.among.length)) {
    const keys = inputs.map((i) => enterpriseNameKey(i.name));
    const names = inputs.map((i) => i.name);
    const codes = inputs.map((i) => i.creditCode || null);
    const fuzzy = keys.map((k) => [...k].length >= 3);
    // Among a few enterprises: those rows alone (materialized, so the conditions are checked
    // on them rather than looked up in the indexes of the whole table).
    const few = options.among
      ? `with few as materialized (select id, name, "creditCode", "nameKey" from enterprises where id = any($5::text[]))`
      : "";
    const query = (t: Tx) =>
      t.$queryRawUnsafe<(Candidate & { i: number })[]>(
        `${few}
          select q.i::int as i, e.*
            from unnest($1::text[], $2::text[], $3::text[], $4::boolean[])
                 with ordinality as q(name, key, code, fuzzy, i)
            cross join lateral (
              select id, name, "creditCode", "nameKey",
                     similarity("nameKey", q.key)::float8 as score,
                     word_similarity(q.key, "nameKey")::float8 as contained
                from ${options.among ? "few" : "enterprises"}
               where (q.code is not null and "creditCode" = q.code)
                     or name = q.name
                     or "nameKey" = q.key
                     or (q.fuzzy and ("nameKey" % q.key or q.key <% "nameKey"))
               order by ("creditCode" = q.code) desc nulls last, (name = q.name) desc, score desc
               limit 30) e`,
        names,
        keys,
        codes,
        fuzzy,
        ...(options.among ? [options.among] : []),
      );
    // The trigram operators' thresholds just under the ones a candidate must pass (SIMILARITY,
    // CONTAINMENT): the index hands over far fewer rows, and every candidate that passes is
    // still found, in the same order. Local to a transaction (the caller's, or its own); not
    // needed among a few rows, which use no index.
    const thresholds = (t: Tx) =>
      t.$executeRaw`select set_config('pg_trgm.similarity_threshold', ${String(SIMILARITY - 0.01)}, true),
                           set_config('pg_trgm.word_similarity_threshold', ${String(CONTAINMENT - 0.01)}, true)`;
    const client = tx as Tx & Partial<Pick<PrismaClient, "$transaction">>;
    const rows = options.among
      ? await query(tx)
      : client.$transaction
        ? await client.$transaction(async (t) => {
            await thresholds(t);
            return query(t);
          })
        : await thresholds(tx).then(() => query(tx));
    for (const { i, ...c } of rows) candidates[i - 1].push(c);
  }
  // What the statement read now wins over what was read before.
  for (const [i, list] of candidates.entries())
    for (const c of options.also?.[i] ?? []) if (!list.some((x) => x.id === c.id)) list.push(c);
  // The query's order over both sets: the same credit code, then the same name, then the score.
  const rank = (c: Candidate, input: { name: string; creditCode?: string | null }) => {
    const code = input.creditCode || null;
    return [code === null || c.creditCode === null ? 2 : c.creditCode === code ? 0 : 1, c.name === input.name ? 0 : 1];
  };
  for (const [i, list] of candidates.entries()) {
    list.sort((a, b) => {
      const [ra, rb] = [rank(a, inputs[i]), rank(b, inputs[i])];
      return ra[0] - rb[0] || ra[1] - rb[1] || b.score - a.score;
    });
    list.splice(30);
  }
  return { matches: candidates.map((c, i) => matchesOf(c, inputs[i], limit)), candidates };
}

/**
 * Of many names (an import's chunk), the pairs that may match one another as
 * findSimilarEnterprises matches an enterprise to a name: the same credit code, the same
 * name, the same core, or cores near by either trigram measure (a little below the
 * thresholds, so that no pair the lookup would match is missed). Pure computation on the
 * names: one statement, on any connection.
 */
export async function relatedNames(
  db: Tx,
  inputs: { name: string; creditCode?: string | null }[],
): Promise<[number, number][]> {
  if (inputs.length < 2) return [];
  const rows = await db.$queryRawUnsafe<{ a: number; b: number }[]>(
    `select a.i::int - 1 as a, b.i::int - 1 as b
       from unnest($1::text[], $2::text[], $3::text[]) with ordinality as a(name, key, code, i)
       join unnest($1::text[], $2::text[], $3::text[]) with ordinality as b(name, key, code, i) on a.i < b.i
      where a.code = b.code or a.name = b.name or a.key = b.key
         or similarity(a.key, b.key) >= $4::real
         or word_similarity(a.key, b.key) >= $5::real or word_similarity(b.key, a.key) >= $5::real`,
    inputs.map((i) => i.name),
    inputs.map((i) => enterpriseNameKey(i.name)),
    inputs.map((i) => i.creditCode || null),
    SIMILARITY - 0.02,
    CONTAINMENT - 0.02,
  );
  return rows.map((r) => [r.a, r.b]);
}

/**
 * Projects a new one may duplicate: open projects of the given enterprises (a second
 * project of the same investor is usually a capital increase, 增资扩产) and projects
 * whose name is near (trigram similarity ≥ 0.6).
 */
export async function findSimilarProjects(
  tx: Tx,
  input: { name: string; enterpriseIds: string[]; excludeId?: string | null },
  limit = 5,
): Promise<ProjectMatch[]> {
  const rows = await tx.$queryRaw<
    (Omit<ProjectMatch, "reason" | "totalInvestment"> & { totalInvestment: string; sameEnterprise: boolean })[]
  >`
    select id, code, name, stage::text as stage, "enterpriseName", "totalInvestment"::text as "totalInvestment",
           similarity(name, ${input.name})::float8 as score,
           ("enterpriseId" = any(${input.enterpriseIds})) as "sameEnterprise"
      from projects
     where id <> ${input.excludeId ?? ""}
       and stage <> 'TERMINATED'
       and ("enterpriseId" = any(${input.enterpriseIds}) or (name % ${input.name} and similarity(name, ${input.name}) >= 0.6))
     order by "sameEnterprise" desc, score desc
     limit ${limit}`;
  return rows.map(({ sameEnterprise, ...r }) => ({
    ...r,
    totalInvestment: Number(r.totalInvestment).toFixed(2),
    reason: sameEnterprise ? "SAME_ENTERPRISE" : "SIMILAR_NAME",
    score: Math.round(r.score * 100) / 100,
  }));
}

export type DuplicateReport = { enterprises: EnterpriseMatch[]; projects: ProjectMatch[] };

/** What a new project named so, for this enterprise, may duplicate. */
export async function projectDuplicates(
  tx: Tx,
  input: { name: string; enterpriseName: string; creditCode?: string | null; enterpriseId?: string | null },
): Promise<DuplicateReport> {
  const enterprises = input.enterpriseId
    ? []
    : await findSimilarEnterprises(tx, { name: input.enterpriseName, creditCode: input.creditCode });
  // Projects of every matching enterprise, near names included: a second project of the same
  // investor is usually a capital increase, and the user should see it before choosing.
  const ids = input.enterpriseId ? [input.enterpriseId] : enterprises.map((e) => e.id);
  const projects = await findSimilarProjects(tx, { name: input.name, enterpriseIds: ids });
  return { enterprises, projects };
}

/** A report that asks the user to choose: a near (not exact) enterprise, or any project match. */
export function needsDecision(report: DuplicateReport): boolean {
  return report.projects.length > 0 || report.enterprises.some((e) => e.reason === "SIMILAR_NAME");
}
