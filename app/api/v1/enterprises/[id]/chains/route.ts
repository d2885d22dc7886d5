import { apiRoute, readJson } from "@/lib/api/handler";
import { setEnterpriseChains } from "@/lib/chains/manage";

/** `{"linkIds", "isChainLeader", "isLocal", "scale", "version"}` */
export const PUT = apiRoute<{ id: string }>(async ({ actor, params, req, locale }) =>
  setEnterpriseChains({ actor, enterpriseId: params.id, input: await readJson(req, locale) }),
);
