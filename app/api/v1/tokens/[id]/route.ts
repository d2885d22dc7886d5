import { apiRoute } from "@/lib/api/handler";
import { revokeApiToken } from "@/lib/auth/api-tokens";

export const DELETE = apiRoute<{ id: string }>(async ({ actor, params }) => revokeApiToken({ actor, id: params.id }));
