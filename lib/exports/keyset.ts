import "server-only";

/** Rows read from the database at a time by an export. */
export const EXPORT_BATCH = 2000;

/**
 * An export's rows in batches: `read(last, take)` reads the `take` rows after the row `last`
 * (Prisma's cursor: the sort key and id of that row, never an offset; its orderBy ends in id),
 * `limit` rows at most. The next batch is read while the caller writes the current one.
 */
export async function* keysetBatches<T extends { id: string }>(
  read: (last: T | undefined, take: number) => Promise<T[]>,
  limit: number,
  batch = EXPORT_BATCH,
): AsyncGenerator<T[]> {
  let left = limit;
  if (left <= 0) return;
  let next = read(undefined, Math.min(batch, left));
  for (;;) {
    const rows = await next;
    left -= rows.length;
    const more = rows.length === batch && left > 0;
    if (more) next = read(rows[rows.length - 1], Math.min(batch, left));
    yield rows;
    if (!more) return;
  }
}

/** Prisma's arguments for the rows after `after` (none: from the first). */
export const after = (last: { id: string } | undefined): { cursor?: { id: string }; skip?: number } =>
  last ? { cursor: { id: last.id }, skip: 1 } : {};
