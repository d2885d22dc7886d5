import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { isAppError } from "../errors";

/**
 * A detail page's record, read once per request for both its browser title
 * (`generateMetadata`) and the page itself; a record the reader may not see is the 404 page.
 * `load` runs the page's own lib query (with its session check), so the title never names
 * more than the page shows.
 */
export function recordLoader<T>(load: (id: string) => Promise<T>): (id: string) => Promise<T> {
  return cache(async (id: string) => {
    try {
      return await load(id);
    } catch (e) {
      if (isAppError(e) && e.code === "NOT_FOUND") notFound();
      throw e;
    }
  });
}
