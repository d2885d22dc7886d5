import { apiRoute } from "@/lib/api/handler";
import { unlockLogin } from "@/lib/auth/authenticate";

/** Lifts the user's login lock (ADMIN). */
export const POST = apiRoute<{ id: string }>(async ({ actor, params }) => unlockLogin({ actor, id: params.id }));
