/** The bell shows up to 99 and then "99+": counting further would only cost time. */
export const UNREAD_CAP = 100;

/**
 * The bell's number as one statement ($1 = the user): at most UNREAD_CAP unread entries read off
 * the index (userId, readAt, createdAt) — a bounded index-only scan however many a user has left
 * unread. Shared by the app (unread-count.ts) and the benchmark, which times exactly this.
 */
export const unreadCountSql = `select count(*)::int as n from (
  select 1 from notifications where "userId" = $1 and "readAt" is null limit ${UNREAD_CAP}
) capped`;
