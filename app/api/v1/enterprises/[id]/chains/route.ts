import { apiRoute, readJson } from "@/lib/api/handler";
import { setEnterpriseChains } from "@/lib/enterprises/set-enterprise-chains";

/** `{"linkIds", "isChainLeader", "isLocal", "scale", "version"}` */
export const PUT = apiRoute<{ id: string }>(async ({ actor, params, req }) =>
  setEnterpriseChains({ actor, enterpriseId: params.id, input: await readJson(req) }),
);
