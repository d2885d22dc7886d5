import { apiRoute } from "@/lib/api/handler";
import { endUserSessions } from "@/lib/auth/sessions";

/** Ends every open session of the user (ADMIN): `{"sessions": n}` ended. */
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => endUserSessions({ actor, id: params.id }));
