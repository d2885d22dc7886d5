import { z } from "zod";
import { codeField, idRef, labelled, versionField } from "../schemas";

export const positions = ["UPSTREAM", "MIDSTREAM", "DOWNSTREAM"] as const;
export const industryKinds = ["TOP_TEN", "CLUSTER"] as const;

/** One click: an external target of a link becomes a lead on that link. */
export const convertSchema = labelled(
  "chain",
  z.object({
    linkId: idRef,
    enterpriseId: idRef,
    /** The 招商专员 who owns the new lead (the converting user when left out; another one needs project.assign). */
    ownerId: z.preprocess((v) => (v === "" ? undefined : v), idRef.optional()),
  }),
);

const chainFields = {
  name: z.string().trim().min(1, "validation.required").max(60),
  industryId: idRef,
  description: z.string().trim().max(1000).default(""),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
};
export const createChainSchema = labelled("chain", z.object({ code: codeField, ...chainFields }));
export const updateChainSchema = labelled("chain", z.object(chainFields).partial().extend({ version: versionField }));

const linkFields = {
  name: z.string().trim().min(1, "validation.required").max(60),
  position: z.enum(positions, "validation.choice"),
  parentId: z.preprocess((v) => (v === "" ? null : v), idRef.nullable().default(null)),
  targetCount: z.coerce
    .number({ error: "validation.count" })
    .int("validation.count")
    .min(0, "validation.count")
    .max(1000, "validation.count")
    .default(1),
  importance: z.coerce
    .number({ error: "validation.importance" })
    .int("validation.importance")
    .min(1, "validation.importance")
    .max(5, "validation.importance")
    .default(3),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(0),
};
export const createLinkSchema = labelled("link", z.object(linkFields));
export const updateLinkSchema = labelled("link", z.object(linkFields).partial().extend({ version: versionField }));

const industryFields = {
  name: z.string().trim().min(1, "validation.required").max(40),
  kind: z.enum(industryKinds, "validation.choice"),
  sortOrder: z.coerce.number().int().min(0).max(1000).default(100),
};
export const createIndustrySchema = labelled("industry", z.object({ code: codeField, ...industryFields }));
export const updateIndustrySchema = labelled("industry", z.object(industryFields).partial());
