import { z } from "zod";
import { blankToUndefined as blank, idRef, labelled, versionField } from "../schemas";

export const mergeSchema = labelled(
  "enterprise",
  z.object({
    /** The duplicate, folded into the target and then deleted. */
    sourceId: idRef,
    sourceVersion: versionField,
    targetVersion: versionField,
  }),
);

export const listEnterprisesSchema = labelled(
  "enterprise",
  z.object({
    q: z.preprocess(blank, z.string().trim().max(100).optional()),
    local: z.preprocess(blank, z.enum(["yes", "no"], "validation.choice").optional()),
    page: z.preprocess(blank, z.coerce.number().int().min(1).max(100_000).default(1)),
    pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(30)),
  }),
);

/** An enterprise's place in the chains: its links, 龙头企业 flag, local/external, scale. */
export const enterpriseChainsSchema = labelled(
  "enterprise",
  z.object({
    linkIds: z.array(idRef).max(50),
    isChainLeader: z.boolean(),
    isLocal: z.boolean(),
    scale: z.preprocess((v) => (v === "" ? null : v), z.string().trim().max(20).nullable()),
    version: versionField,
  }),
);
