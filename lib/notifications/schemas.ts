import { z } from "zod";
import { blankToUndefined, idRef, labelled, nfkc, optionalBool, versionField } from "../schemas";
import { notificationKinds } from "./kinds";

export const webhookKinds = ["WECOM", "DINGTALK"] as const;

const page = z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(10_000).default(1));
const pageSize = (max: number, fallback: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(max).default(fallback));

/** The inbox: `unread=true` only the unread ones, newest first. */
export const listNotificationsSchema = labelled(
  "notification",
  z.object({ unread: optionalBool, page, pageSize: pageSize(100, 20) }),
);

/** Marking read: some of one's own (`ids`), or all of them (`all: true`). */
export const markReadSchema = labelled(
  "notification",
  z
    .object({
      ids: z.array(idRef).min(1).max(500).optional(),
      all: z.literal(true, "validation.choice").optional(),
    })
    .refine((v) => v.ids !== undefined || v.all === true, { message: "validation.readWhich", path: ["ids"] }),
);

/** A robot's address: http or https only, NFKC-normalised and trimmed (pasted from a chat). */
const webhookUrl = z.preprocess(
  nfkc,
  z
    .string("validation.required")
    .trim()
    .min(1, "validation.required")
    .max(1000)
    .refine((v) => {
      try {
        const u = new URL(v);
        return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
      } catch {
        return false;
      }
    }, "validation.webhookUrl"),
);

/** Checkboxes of the known kinds: none ticked is every kind. */
const events = z.preprocess(
  (v) => (v === undefined || v === null || v === false || v === "" ? [] : typeof v === "string" ? [v] : v),
  z.array(z.enum(notificationKinds, "validation.choice")).max(notificationKinds.length),
);

const secret = z.preprocess(blankToUndefined, z.string().trim().max(200).optional());
const departmentId = z.preprocess((v) => (v === "" ? null : v), idRef.nullable().optional());

export const createWebhookSchema = labelled(
  "webhook",
  z.object({
    name: z.string().trim().min(1, "validation.required").max(60),
    kind: z.enum(webhookKinds, "validation.choice"),
    url: webhookUrl,
    secret,
    departmentId,
    events: events.default([]),
    active: z.boolean().default(true),
  }),
);
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

/**
 * A change: the fields given. The saved URL and secret are never shown again (they hold the
 * robot's key): blank keeps them, `clearSecret` removes the secret.
 */
export const updateWebhookSchema = labelled(
  "webhook",
  z.object({
    name: z.string().trim().min(1, "validation.required").max(60).optional(),
    kind: z.enum(webhookKinds, "validation.choice").optional(),
    url: z.preprocess(blankToUndefined, webhookUrl.optional()),
    secret,
    clearSecret: optionalBool,
    departmentId,
    events: events.optional(),
    active: z.boolean().optional(),
    version: versionField,
  }),
);

export const listDeliveriesSchema = labelled(
  "webhook",
  z.object({
    status: z.preprocess(blankToUndefined, z.enum(["PENDING", "SENT", "FAILED"], "validation.choice").optional()),
    page,
    pageSize: pageSize(200, 50),
  }),
);

/** Deleting: `version` optional (the API's DELETE may come without a body; the page sends it). */
export const deleteWebhookSchema = labelled(
  "webhook",
  z.object({ version: z.preprocess(blankToUndefined, versionField.optional()) }),
);
