import { z } from "zod";

// 督办规则 (SPEC §5): every threshold and timer, with its default. Pure (no database), so
// the rule function and its tests use the same defaults as the app.
const days = (d: number, max = 365) => z.coerce.number().int().min(1).max(max).default(d);
const points = (d: number) => z.coerce.number().min(0.1).max(100).default(d);

export const supervisionSettingsSchema = z
  .object({
    /** YELLOW from this many points behind 序时进度 … */
    yellowBehindPoints: points(10),
    /** … RED beyond this many. */
    redBehindPoints: points(30),
    /** YELLOW when the quarter's milestone is unmet within its last N days. */
    quarterEndDays: days(15, 90),
    /** The planned start passed without a start: YELLOW up to N months, RED beyond. */
    startOverdueMonths: days(3, 24),
    /** YELLOW after N days without a progress entry (projects in CONSTRUCTION). */
    noProgressDays: days(7, 90),
    /** 督办通知: working days to reply and to resolve by default, and the most allowed. */
    noticeReplyDays: days(3, 30),
    noticeResolveDays: days(15, 60),
    noticeMaxDays: days(30, 120),
    /** Reminder at this share of a notice's time (percent). */
    noticeReminderPercent: z.coerce.number().int().min(10).max(90).default(50),
    /** Working days overdue after which a notice goes into the weekly bulletin as 通报. */
    noticeBulletinDays: days(5, 60),
    /** 要素保障: working days at a level before a problem is proposed for the next. */
    problemEscalateDays: days(2, 60),
    /** 要素保障: working days a new problem is due in when no date is given. */
    problemDueDays: days(10, 120),
    /** 周通报: how many leaders and staff the 红黑榜 shows at the top and at the bottom. */
    bulletinRankingSize: z.coerce.number().int().min(1).max(50).default(5),
  })
  .refine((s) => s.yellowBehindPoints < s.redBehindPoints, {
    path: ["yellowBehindPoints"],
    message: "validation.yellowBelowRed",
  })
  .refine((s) => s.noticeReplyDays <= s.noticeResolveDays && s.noticeResolveDays <= s.noticeMaxDays, {
    path: ["noticeResolveDays"],
    message: "validation.noticeDaysOrder",
  });

export type SupervisionSettings = z.infer<typeof supervisionSettingsSchema>;
export const defaultSupervisionSettings: SupervisionSettings = supervisionSettingsSchema.parse({});
