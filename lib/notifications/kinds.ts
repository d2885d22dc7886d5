// The kinds of notification the app sends (SPEC §5: notices to answer, items due, problems
// assigned, plans to sign, reminders, warnings). A kind is a code; its sentence is
// `notifications.kinds.<kind>` (with the event's params) and its short name, for the
// robots' event choice, `notifications.kindNames.<kind>` — both in zh-CN.json and en.json.
// A new kind: add it here and give it its words (tests/unit/notification-message.test.ts).
export const notificationKinds = [
  "warningRed",
  "warningYellow",
  "noticeIssued",
  "noticeReplied",
  "noticeRejected",
  "noticeClosed",
  "noticeExtension",
  "noticeReminder",
  "noticeOverdue",
  "planToSign",
  "problemAssigned",
  "problemEscalated",
  "problemEscalationProposed",
  "problemResolved",
  "permitItemDue",
  "meetingScheduled",
  "meetingChanged",
  "meetingMinutes",
  "meetingSignedOff",
  "bulletinGenerated",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** The kind of the test message an admin sends to a robot (not an event anyone subscribes to). */
export const webhookTestKind = "webhookTest";
