import { apiRoute } from "@/lib/api/handler";
import { permitInbox } from "@/lib/permits/queries";

/** The approver's inbox: their department's open items, by due date. */
export const GET = apiRoute(async ({ actor }) => ({ items: await permitInbox({ actor }) }));
