import { z } from "zod";
import { blankToUndefined as blank, labelled } from "../schemas";

export const securityEventTypes = [
  "LOGIN_SUCCESS",
  "LOGIN_FAILURE",
  "LOGIN_LOCKED",
  "LOGOUT",
  "ACCESS_DENIED",
  "SESSION_REVOKED",
  "CROSS_SITE_REFUSED",
  "RATE_LIMITED",
  "LOGIN_UNLOCKED",
  "SESSIONS_ENDED",
] as const;

export const securityQuerySchema = labelled(
  "security",
  z.object({
    type: z.preprocess(blank, z.enum(securityEventTypes).optional()),
    username: z.preprocess(blank, z.string().trim().toLowerCase().max(100).optional()),
    page: z.preprocess(blank, z.coerce.number().int().min(1).default(1)),
    pageSize: z.preprocess(blank, z.coerce.number().int().min(1).max(200).default(50)),
  }),
);
