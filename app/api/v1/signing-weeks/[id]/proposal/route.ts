import { apiRoute } from "@/lib/api/handler";
import { signingWeekProposal } from "@/lib/signing-weeks/signing-weeks";

/** NEGOTIATING projects with a NEGOTIATION activity in the last 60 days, not yet candidates. */
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => signingWeekProposal({ actor, id: params.id }));
