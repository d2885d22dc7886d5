// How the audit log reads in words (修改历史, 审计日志): for each audited entity, its name in
// the message catalogue, how its id is named, its page, the fields its rows carry and the
// actions written on it. Pure data: lib/audit/describe.ts turns a row into words with it.
//
// Adding an audited entity (plans, notices, problems, meetings…) is one entry in
// `auditEntities` and its words in lib/i18n/messages (history.entities / actions / fields);
// tests/unit/audit-catalogue.test.ts fails while a writer's entity or action has none.
// A field not listed for an entity is not shown: list it, with its kind, to show it.

/** Records an id in an audit row may point at; all are named in one batched query (names.ts). */
export const refKinds = [
  "user",
  "industry",
  "park",
  "department",
  "link",
  "enterprise",
  "project",
  "permitCase",
  "permitType",
  "permitItem",
  "chain",
  "apiToken",
  "plan",
  "notice",
] as const;
export type RefKind = (typeof refKinds)[number];

/** How a field's value is written out. */
export type FieldKind =
  | { type: "text" }
  /** 万元, through the one money formatter (万元 below 1 亿, 亿元 above). */
  | { type: "money" }
  /** A decimal in another unit (万美元, 亩, m²): grouped, two places, the unit's catalogue key. */
  | { type: "amount"; unit: string }
  | { type: "number"; unit?: string }
  | { type: "date" }
  | { type: "datetime" }
  | { type: "bool" }
  | { type: "list" }
  | { type: "contacts" }
  | { type: "bytes" }
  /** A code of a fixed set (stages, industries' kinds, roles…): `${labels}.${code}` in the catalogue. */
  | { type: "code"; labels: string }
  /** An id (or a list of ids) of a record, named by its current name; `fallback`: a field of the row with the name it had. */
  | { type: "ref"; ref: RefKind; fallback?: string };

/** A field as the history shows it; `label` is its key under history.fields (the field's own name unless given). */
export type FieldEntry = FieldKind & { label?: string };
export type FieldMap = Record<string, FieldEntry>;

type Snapshot = Record<string, unknown> | null;

export type ActionEntry = {
  /** Key under history.actions. */
  label: string;
  /** The fields this action's rows show (default: the entity's). */
  fields?: FieldMap;
  /** The row's before/after as the fields read them, for actions that nest or rename what they record. */
  reshape?: (before: Snapshot, after: Snapshot) => { before: Snapshot; after: Snapshot };
  /** A field (of the reshaped after, else before) naming what the action was about: "准予许可 · 建设工程规划许可证". */
  subject?: string;
  /** false: the action alone, without fields (a creation's whole snapshot says nothing more). */
  details?: false;
};

/** An action whose code carries codes of its own (`stage:NEGOTIATING->SIGNED`). */
export type ActionPattern = {
  /** The start of the codes it matches (also the audit filter's choice). */
  prefix: string;
  match: RegExp;
  entry: ActionEntry;
  /** The label's placeholders: the match's groups as codes of a catalogue section. */
  params: Record<string, { group: number; labels: string }>;
  /** Key under history.actions naming every action it matches (the audit filter's choice). */
  filterLabel: string;
};

export type EntityEntry = {
  /** How the entity's id is named (none: the id is itself readable, e.g. a calendar date). */
  ref?: RefKind;
  /** A field of the snapshot naming the entity when it no longer exists (a merged enterprise). */
  nameField?: string;
  /** The entity's id read as a date (CalendarDay). */
  idIsDate?: boolean;
  /** Its page, where it has one. */
  href?: (id: string) => string;
  fields: FieldMap;
  actions: Record<string, ActionEntry>;
  patterns?: ActionPattern[];
};

const text: FieldEntry = { type: "text" };
const money: FieldEntry = { type: "money" };
const date: FieldEntry = { type: "date" };
const bool: FieldEntry = { type: "bool" };
const num: FieldEntry = { type: "number" };
const code = (labels: string, label?: string): FieldEntry => ({ type: "code", labels, label });
const ref = (r: RefKind, fallback?: string, label?: string): FieldEntry => ({ type: "ref", ref: r, fallback, label });
const amount = (unit: string, label?: string): FieldEntry => ({ type: "amount", unit, label });
const workingDays = (label?: string): FieldEntry => ({ type: "number", unit: "history.units.workingDays", label });

const pick = (from: Snapshot, keys: string[]): Snapshot =>
  from ? Object.fromEntries(keys.filter((k) => k in from).map((k) => [k, from[k]])) : null;
const nested = (from: Snapshot, key: string): Snapshot => {
  const v = from?.[key];
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
};

/** A measure's tiers as lines people read: "1000.00–5000.00: 1%" (the last band open: "≥ 50000.00: 3%"). */
const tierLines = (from: Snapshot): Snapshot => {
  if (!from || !Array.isArray(from.tiers)) return from;
  const pct = (rate: unknown) => {
    const [i, f = ""] = String(rate).split(".");
    const digits = (i + f.padEnd(2, "0")).replace(/^0+(?=\d)/, "");
    const whole = digits.slice(0, digits.length - Math.max(0, f.length - 2)) || "0";
    const frac = f.length > 2 ? f.slice(2).replace(/0+$/, "") : "";
    return `${whole}${frac ? `.${frac}` : ""}%`;
  };
  const tiers = (from.tiers as { from: unknown; to: unknown; rate: unknown }[]).map((t) =>
    t.to === null || t.to === undefined
      ? `≥ ${String(t.from)}: ${pct(t.rate)}`
      : `${String(t.from)}–${String(t.to)}: ${pct(t.rate)}`,
  );
  return { ...from, tiers };
};

const attachmentAdded: ActionEntry = {
  label: "attachmentAdd",
  fields: { fileName: text, category: code("attachments.categories", "attachmentCategory"), size: { type: "bytes" } },
  subject: "fileName",
};

const projectFields: FieldMap = {
  code: text,
  name: text,
  enterpriseName: text,
  creditCode: text,
  industryId: ref("industry", "industryName", "industry"),
  parkId: ref("park", "parkName", "park"),
  sourceChannel: code("sourceChannels"),
  stage: code("stages"),
  suspendedFrom: code("stages"),
  closeReason: text,
  warning: code("warnings"),
  keyProject: bool,
  ownerId: ref("user", "ownerName", "owner"),
  leaderId: ref("user", "leaderName", "leader"),
  totalInvestment: money,
  fixedAssetInvestment: money,
  foreignCapital: amount("history.units.wanUsd"),
  expectedAnnualOutput: money,
  expectedAnnualTax: money,
  landArea: amount("history.units.mu"),
  contractInvestment: money,
  signingDate: date,
  registrationDate: date,
  plannedStartDate: date,
  constructionDate: date,
  completionDate: date,
  productionDate: date,
  linkIds: ref("link", undefined, "links"),
  tags: { type: "list" },
  contacts: { type: "contacts" },
  description: text,
};
const { stage: _stage, ...projectFieldsBesideStage } = projectFields;
void _stage;

const warningOverrideFields: FieldMap = {
  warning: code("warnings"),
  warningOverrideColor: code("warnings"),
  warningOverrideReason: text,
  warningOverrideUntil: date,
};

const enterpriseFields: FieldMap = {
  name: text,
  creditCode: text,
  region: text,
  isLocal: bool,
  isChainLeader: bool,
  scale: text,
  contact: text,
  links: ref("link", undefined, "links"),
};

const caseFields: FieldMap = {
  applicant: text,
  landParcel: text,
  floorArea: amount("history.units.squareMetres"),
  buildingUse: text,
  designUnit: text,
  constructionUnit: text,
  plannedStartDate: date,
  contactPerson: text,
  contactPhone: text,
  description: text,
  fastTrack: bool,
  state: code("permits.caseStates", "caseState"),
  dueDate: date,
};

const itemDecision: ActionEntry = {
  label: "itemDecision",
  fields: {
    state: code("permits.itemStates", "itemState"),
    certificateNo: text,
    certificateDate: date,
    missing: { type: "list" },
    rejectReason: text,
    caseState: code("permits.caseStates"),
  },
  // before: {itemId, state, version}; after: {item: the item's view, caseState}
  reshape: (before, after) => ({
    before: pick(before, ["state"]),
    after: after ? { ...nested(after, "item"), caseState: after.caseState } : null,
  }),
  subject: "permitTypeName",
};

const linkFields: FieldMap = {
  name: text,
  position: code("chains.positions"),
  parentId: ref("link", undefined, "parentLink"),
  targetCount: num,
  importance: num,
  sortOrder: num,
};

// A plan (责任书) with its four milestones flattened into fields of their own, so a change
// reads "二季度节点 · 累计投资: 3,000.00 万元 → 4,000.00 万元".
const planFields: FieldMap = {
  year: num,
  goalStage: code("stages"),
  goalInvestment: money,
  leaderId: ref("user", undefined, "planLeader"),
  signedAt: { type: "datetime" },
  signedBy: ref("user", undefined, "signedBy"),
  ...Object.fromEntries(
    [1, 2, 3, 4].flatMap((q) => [
      [`q${q}Stage`, code("stages")],
      [`q${q}Investment`, money],
      [`q${q}Task`, text],
      [`q${q}DueDate`, date],
    ]),
  ),
  reason: { type: "text", label: "changeReason" },
};
const flatPlan = (plan: Snapshot): Snapshot => {
  if (!plan) return null;
  const { milestones, ...rest } = plan;
  const flat: Record<string, unknown> = { ...rest };
  for (const m of Array.isArray(milestones) ? (milestones as Record<string, unknown>[]) : []) {
    const q = m.quarter;
    flat[`q${q}Stage`] = m.stage;
    flat[`q${q}Investment`] = m.investment;
    flat[`q${q}Task`] = m.task;
    flat[`q${q}DueDate`] = m.dueDate;
  }
  return flat;
};
const planAction = (label: string, details?: false): ActionEntry => ({
  label,
  reshape: (before, after) => ({ before: flatPlan(before), after: flatPlan(after) }),
  ...(details === false ? { details } : {}),
});
const noticeFields: FieldMap = {
  projectId: ref("project", undefined, "project"),
  subject: { type: "text", label: "noticeSubject" },
  state: code("notices.states", "noticeState"),
  replyDue: { type: "date", label: "noticeReplyDue" },
  resolveDue: { type: "date", label: "noticeResolveDue" },
  reply: { type: "text", label: "noticeReply" },
  attachments: { type: "list", label: "noticeEvidence" },
  rejectReason: { type: "text", label: "noticeRejectReason" },
  extension: code("notices.extensions", "noticeExtension"),
  extensionDays: workingDays("noticeExtensionDays"),
  extensionReason: { type: "text", label: "noticeExtensionReason" },
};

const problemFields: FieldMap = {
  projectId: ref("project", undefined, "project"),
  title: { type: "text", label: "problemTitle" },
  category: code("problems.categories", "problemCategory"),
  department: text,
  dueDate: date,
  state: code("problems.states", "problemState"),
  level: { type: "number", label: "problemLevel" },
  resolution: { type: "text", label: "problemResolution" },
  closeReason: { type: "text", label: "problemCloseReason" },
  description: text,
  reason: { type: "text", label: "problemReason" },
};

const meetingFields: FieldMap = {
  kind: code("meetings.kinds", "meetingKind"),
  title: { type: "text", label: "meetingTitle" },
  startsAt: { type: "datetime", label: "meetingStartsAt" },
  place: { type: "text", label: "meetingPlace" },
  chairId: ref("user", undefined, "meetingChair"),
  attendeeIds: ref("user", undefined, "meetingAttendees"),
  attendeesText: { type: "text", label: "meetingAttendeesText" },
  state: code("meetings.states", "meetingState"),
  items: { type: "list", label: "meetingItems" },
  minutes: { type: "list", label: "meetingMinutes" },
  signedOffAt: { type: "datetime", label: "meetingSignedOffAt" },
  item: { type: "text", label: "meetingItem" },
  decisionType: code("meetings.decisionTypes", "meetingDecisionType"),
  decision: { type: "text", label: "meetingDecision" },
  reason: { type: "text", label: "meetingReason" },
};

export const auditEntities: Record<string, EntityEntry> = {
  Project: {
    ref: "project",
    href: (id) => `/projects/${id}?tab=history`,
    fields: projectFields,
    actions: {
      create: { label: "create", details: false },
      "import:create": { label: "importCreate", details: false },
      "create:from-target": { label: "createFromTarget", details: false },
      update: { label: "update" },
      "activity:add": {
        label: "activityAdd",
        fields: {
          type: code("activities.types", "activityType"),
          date,
          participants: text,
          notes: text,
        },
      },
      "capital-increase:add": {
        label: "capitalIncrease",
        fields: {
          increaseDate: date,
          increaseAmount: money,
          totalInvestment: money,
          fixedAssetInvestment: money,
          foreignCapital: amount("history.units.wanUsd"),
          note: text,
        },
        reshape: (before, after) => {
          const increase = nested(after, "capitalIncrease");
          const figures = ["totalInvestment", "fixedAssetInvestment", "foreignCapital"];
          return {
            before: { ...pick(before, figures), increaseDate: null, increaseAmount: null, note: null },
            after: {
              ...pick(after, figures),
              increaseDate: increase?.date ?? null,
              increaseAmount: increase?.amount ?? null,
              note: increase?.note || null,
            },
          };
        },
      },
      "attachment:add": attachmentAdded,
      // 政策兑现: a grant of a measure's payment year (lib/incentives/grants.ts).
      "incentive:grant": {
        label: "incentiveGrant",
        fields: { measureName: text, year: num, amount: money, grantedOn: date, note: text },
        subject: "measureName",
      },
      // 日调度: a progress entry (its attachments named by their files).
      "progress:add": {
        label: "progressAdd",
        fields: {
          date,
          investmentCompleted: money,
          percent: { type: "number", unit: "history.units.percent" },
          note: text,
          problems: text,
          attachments: { type: "list", label: "progressAttachments" },
        },
        reshape: (_before, after) => {
          const p = nested(after, "progress");
          const files = Array.isArray(p?.attachments)
            ? (p.attachments as { fileName?: string }[]).map((a) => a.fileName ?? "")
            : [];
          return { before: null, after: p ? { ...p, attachments: files } : null };
        },
      },
      // 红黄蓝: a manager's override of the colour and its early end (lib/supervision).
      "warning:override": { label: "warningOverride", fields: warningOverrideFields },
      "warning:override-end": { label: "warningOverrideEnd", fields: warningOverrideFields },
      "enterprise:merge": {
        label: "enterpriseMerge",
        fields: { enterpriseId: ref("enterprise", "enterpriseName", "enterprise") },
      },
    },
    patterns: [
      {
        prefix: "stage:",
        match: /^stage:(\w+)->(\w+)$/,
        entry: { label: "stage", fields: projectFieldsBesideStage },
        params: { from: { group: 1, labels: "stages" }, to: { group: 2, labels: "stages" } },
        filterLabel: "stageAny",
      },
    ],
  },
  Enterprise: {
    ref: "enterprise",
    nameField: "name",
    href: (id) => `/enterprises/${id}`,
    fields: enterpriseFields,
    actions: {
      "import:create": { label: "importCreate" },
      "import:update": { label: "importUpdate" },
      chains: { label: "enterpriseChains" },
      "target:lead": {
        label: "targetLead",
        fields: { chain: text, link: text, code: { type: "text", label: "projectCode" } },
        subject: "projectId",
      },
      merge: {
        label: "merge",
        fields: { mergedFrom: text, movedProjects: num },
        // before: {target, source}; after: the kept enterprise and the number of projects moved
        reshape: (before, after) => ({
          before: null,
          after: { mergedFrom: nested(before, "source")?.name ?? null, movedProjects: after?.movedProjects ?? null },
        }),
      },
      "merge:deleted": {
        label: "mergeDeleted",
        fields: { mergedInto: ref("enterprise") },
        reshape: (_b, a) => ({ before: null, after: a }),
      },
    },
  },
  PermitCase: {
    ref: "permitCase",
    href: (id) => `/permits/${id}`,
    fields: caseFields,
    actions: {
      open: { label: "permitOpen", details: false },
      update: { label: "permitUpdate" },
      submit: {
        label: "permitSubmit",
        fields: { state: caseFields.state, dueDate: { type: "date", label: "caseDue" } },
      },
      "item:approve": { ...itemDecision, label: "itemApprove" },
      "item:return": { ...itemDecision, label: "itemReturn" },
      "item:reject": { ...itemDecision, label: "itemReject" },
      "item:resubmit": {
        label: "itemResubmit",
        fields: {
          state: code("permits.itemStates", "itemState"),
          dueDate: date,
          pausedDays: workingDays(),
        },
        subject: "itemId",
      },
      "attachment:add": attachmentAdded,
    },
  },
  PermitType: {
    ref: "permitType",
    nameField: "name",
    href: () => "/admin/permit-types",
    fields: {
      code: text,
      name: text,
      departmentId: ref("department", undefined, "department"),
      statutoryDays: workingDays(),
      fastTrackDays: workingDays(),
      sortOrder: num,
      active: bool,
    },
    actions: { create: { label: "create" }, update: { label: "update" } },
  },
  /** 督办规则: the one row of thresholds and timers (SPEC §5). */
  SupervisionSettings: {
    href: () => "/admin/supervision",
    fields: {
      yellowBehindPoints: { type: "number", unit: "history.units.points" },
      redBehindPoints: { type: "number", unit: "history.units.points" },
      quarterEndDays: { type: "number", unit: "history.units.days" },
      startOverdueMonths: { type: "number", unit: "history.units.months" },
      noProgressDays: { type: "number", unit: "history.units.days" },
      noticeReplyDays: workingDays(),
      noticeResolveDays: workingDays(),
      noticeMaxDays: workingDays(),
      noticeReminderPercent: { type: "number", unit: "history.units.percent" },
      noticeBulletinDays: workingDays(),
      problemEscalateDays: workingDays(),
      problemDueDays: workingDays(),
      bulletinRankingSize: { type: "number" },
    },
    actions: { update: { label: "update" } },
  },
  CalendarDay: {
    idIsDate: true,
    href: () => "/admin/calendar",
    fields: { kind: code("permits.admin.kinds", "dayKind"), name: { type: "text", label: "dayName" } },
    actions: {
      create: { label: "create" },
      update: { label: "update" },
      delete: { label: "delete" },
      // A holiday period with its 调休 days, entered or pasted from the notice at once.
      "period:create": { label: "holidayPeriodCreate", subject: "name", details: false },
      "period:replace": { label: "holidayPeriodReplace", subject: "name", details: false },
    },
  },
  Chain: {
    ref: "chain",
    nameField: "name",
    href: (id) => `/chains/${id}`,
    fields: {
      code: text,
      name: text,
      industryId: ref("industry", undefined, "industry"),
      description: text,
      sortOrder: num,
    },
    actions: {
      create: { label: "create" },
      update: { label: "update" },
      "link:create": { label: "linkCreate", fields: linkFields, subject: "name" },
      "link:update": { label: "linkUpdate", fields: linkFields, subject: "name" },
      "link:delete": { label: "linkDelete", fields: linkFields, subject: "name" },
    },
  },
  Industry: {
    ref: "industry",
    nameField: "name",
    href: () => "/chains",
    fields: { code: text, name: text, kind: code("chains.kinds", "industryKind"), sortOrder: num },
    actions: { create: { label: "create" }, update: { label: "update" } },
  },
  /** 年度目标 (lib/targets): one row per save, naming each changed target with its quarters. */
  TargetYear: {
    href: () => "/targets",
    fields: { year: { type: "number", label: "targetYear" }, targets: { type: "list", label: "targets" } },
    actions: { save: { label: "targetSave" } },
  },
  /** 协调会 / 月例会 (lib/meetings): the header, the agenda and minutes, decisions, the chair's sign-off. */
  Meeting: {
    nameField: "title",
    href: (id) => `/supervision/meetings/${id}`,
    fields: meetingFields,
    actions: {
      create: { label: "meetingCreate", details: false },
      update: { label: "meetingUpdate" },
      "update:afterSignOff": { label: "meetingUpdateAfterSignOff" },
      signOff: { label: "meetingSignOff" },
      decide: { label: "meetingDecide" },
      "decide:afterSignOff": { label: "meetingDecideAfterSignOff" },
    },
  },
  /** 政策措施 (lib/incentives/measures.ts): the tiers read as "1000–5000: 1%" lines. */
  IncentiveMeasure: {
    nameField: "name",
    href: () => "/admin/incentive-measures",
    fields: {
      name: text,
      category: code("incentives.categories", "incentiveCategory"),
      field: code("incentives.fields", "incentiveField"),
      tiers: { type: "list", label: "incentiveTiers" },
      threshold: { ...money, label: "incentiveThreshold" },
      cap: { ...money, label: "incentiveCap" },
      years: { ...num, label: "incentiveYears" },
      validFrom: date,
      validTo: date,
      description: text,
      active: bool,
    },
    actions: {
      create: { label: "create", reshape: (b, a) => ({ before: tierLines(b), after: tierLines(a) }) },
      update: { label: "update", reshape: (b, a) => ({ before: tierLines(b), after: tierLines(a) }) },
      deactivate: { label: "deactivate", reshape: (b, a) => ({ before: tierLines(b), after: tierLines(a) }) },
      activate: { label: "activate", reshape: (b, a) => ({ before: tierLines(b), after: tierLines(a) }) },
    },
  },
  /** 签约周 (lib/signing-weeks): the event and its candidates. */
  SigningWeek: {
    nameField: "name",
    href: (id) => `/signing-weeks/${id}`,
    fields: { name: text, startDate: date, endDate: date, note: text },
    actions: {
      create: { label: "create" },
      update: { label: "update" },
      candidateAdd: {
        label: "signingWeekCandidateAdd",
        fields: {
          projectId: ref("project", "projectName", "project"),
          manual: { ...bool, label: "signingWeekManual" },
        },
        subject: "projectName",
      },
      candidateConfirm: {
        label: "signingWeekCandidateConfirm",
        fields: { projectId: ref("project", "projectName", "project") },
        subject: "projectName",
      },
      candidateUnconfirm: {
        label: "signingWeekCandidateUnconfirm",
        fields: { projectId: ref("project", "projectName", "project") },
        subject: "projectName",
      },
      candidateRemove: {
        label: "signingWeekCandidateRemove",
        fields: { projectId: ref("project", "projectName", "project") },
        subject: "projectName",
      },
    },
  },
  User: {
    ref: "user",
    nameField: "displayName",
    href: () => "/admin/users",
    fields: {
      username: text,
      displayName: text,
      role: code("roles"),
      departmentId: ref("department", "department", "department"),
      active: bool,
    },
    actions: {
      create: { label: "create" },
      update: { label: "update" },
      resetPassword: { label: "resetPassword", details: false },
      endSessions: { label: "endSessions", fields: { sessions: num } },
    },
  },
  /** The year's plan and responsibility letter (责任书). */
  ProjectPlan: {
    ref: "plan",
    href: (id) => `/supervision/plans/${id}`,
    fields: planFields,
    actions: {
      create: planAction("planCreate"),
      update: planAction("planUpdate"),
      sign: planAction("planSign"),
      change: planAction("planChange"),
    },
  },
  /** 督办通知, named by its number (督办〔2026〕12号). */
  SupervisionNotice: {
    ref: "notice",
    nameField: "number",
    href: (id) => `/supervision/notices/${id}`,
    fields: noticeFields,
    actions: {
      issue: { label: "noticeIssue" },
      reply: { label: "noticeReply" },
      accept: { label: "noticeAccept", details: false },
      reject: { label: "noticeReject" },
      close: { label: "noticeClose" },
      "extension:request": { label: "noticeExtensionRequest" },
      "extension:grant": { label: "noticeExtensionGrant" },
      "extension:refuse": { label: "noticeExtensionRefuse" },
    },
  },
  /** 要素保障 problems (lib/problems). */
  Problem: {
    nameField: "title",
    href: (id) => `/supervision/problems/${id}`,
    fields: problemFields,
    actions: {
      raise: { label: "problemRaise", details: false },
      start: { label: "problemStart" },
      resolve: { label: "problemResolve" },
      "close-unresolved": { label: "problemCloseUnresolved" },
      reopen: { label: "problemReopen" },
      escalate: { label: "problemEscalate" },
      "escalation:propose": { label: "problemEscalationPropose", details: false },
      update: { label: "problemUpdate" },
    },
  },
  /** 周通报: a week's frozen snapshot, one row per generated revision (the job's rows have no actor). */
  Bulletin: {
    href: (id) => `/supervision/bulletins/${id}`,
    fields: { weekStart: { type: "date" }, weekEnd: { type: "date" }, revision: { type: "number" } },
    actions: { generate: { label: "bulletinGenerate" } },
  },
  /** 群机器人: the URL is kept masked and the secret only as whether one is set (lib/notifications/webhook-view.ts). */
  Webhook: {
    nameField: "name",
    href: () => "/admin/webhooks",
    fields: {
      name: text,
      kind: code("webhooks.kinds", "robotKind"),
      url: text,
      secretSet: bool,
      departmentId: ref("department", undefined, "department"),
      events: code("notifications.kindNames", "events"),
      active: bool,
    },
    actions: { create: { label: "create" }, update: { label: "update" }, delete: { label: "delete" } },
  },
  ApiToken: {
    ref: "apiToken",
    nameField: "name",
    fields: { name: { type: "text", label: "tokenName" }, prefix: text, revokedAt: { type: "datetime" } },
    actions: { create: { label: "tokenCreate" }, revoke: { label: "tokenRevoke" } },
  },
};

/** The entry of an action on an entity, with the label's placeholders (as codes to name); null when unknown. */
export function actionEntryOf(
  entity: EntityEntry | undefined,
  action: string,
): { entry: ActionEntry; params: Record<string, { code: string; labels: string }> } | null {
  if (!entity) return null;
  const exact = entity.actions[action];
  if (exact) return { entry: exact, params: {} };
  for (const p of entity.patterns ?? []) {
    const m = p.match.exec(action);
    if (m)
      return {
        entry: p.entry,
        params: Object.fromEntries(
          Object.entries(p.params).map(([name, { group, labels }]) => [name, { code: m[group], labels }]),
        ),
      };
  }
  return null;
}

/** The audit filter's choices: every entity, and every action (a pattern by its prefix), as catalogue keys. */
export function auditFilterChoices() {
  const entities = Object.keys(auditEntities).map((value) => ({ value, label: `history.entities.${value}` }));
  const seen = new Map<string, string>();
  for (const e of Object.values(auditEntities)) {
    for (const [value, a] of Object.entries(e.actions)) if (!seen.has(value)) seen.set(value, a.label);
    for (const p of e.patterns ?? []) if (!seen.has(p.prefix)) seen.set(p.prefix, p.filterLabel);
  }
  const actions = [...seen].map(([value, label]) => ({ value, label: `history.actions.${label}` }));
  return { entities, actions };
}
