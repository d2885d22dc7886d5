import { apiRoute } from "@/lib/api/handler";
import { permitInbox } from "@/lib/permits/queries";

/**
 * The approver's inbox: `items`, their department's pending items by due date (what they
 * decide), and `awaitingCorrection`, the items returned for 补正 whose clock stands.
 */
export const GET = apiRoute(async ({ actor }) => {
  const { toDecide, awaitingCorrection } = await permitInbox({ actor });
  return { items: toDecide, awaitingCorrection };
});
