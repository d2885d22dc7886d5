// Seeds reference data, the demo accounts and the source story. Idempotent: upserts by
// natural keys, and a story project's history is written only once.
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";
import { creditCodeCheckChar } from "../lib/enterprises/credit-code";
import { nameColumns } from "../lib/enterprises/name-key";
import { addWorkingDays, workingDaysBetween, type Calendar } from "../lib/calendar/working-days";
import {
  DEMO_PASSWORD,
  chains,
  demoUsers,
  departments,
  holidays2026,
  industries,
  parks,
  permitTypes,
  storyDetails,
  storyProjects,
  type StoryDetail,
} from "./seed-data";
import { seedSupervision } from "./seed-supervision";
import { seedDistrictYear } from "./seed-district-year";
import { seedProblems } from "./seed-problems";
import { seedMeetings } from "./seed-meetings";
import { seedIncentives } from "./seed-incentives";
import { seedSigningWeek } from "./seed-signing-week";
import { seedTargets } from "./seed-targets";
import { seedBulletins } from "./seed-bulletins";
import { shanghaiToday } from "../lib/dates";

const day = (d?: string) => (d ? new Date(`${d}T00:00:00Z`) : null);

export async function seed(db: PrismaClient, log: (line: string) => void = () => {}) {
  const deptIds = new Map<string, string>();
  for (const [i, d] of departments.entries()) {
    const row = await db.department.upsert({
      where: { code: d.code },
      update: {},
      create: { code: d.code, name: d.name, kind: d.kind, sortOrder: i },
    });
    deptIds.set(d.code, row.id);
  }
  const parkIds = new Map<string, string>();
  for (const [i, p] of parks.entries()) {
    const row = await db.park.upsert({ where: { code: p.code }, update: {}, create: { ...p, sortOrder: i } });
    parkIds.set(p.code, row.id);
  }
  const industryIds = new Map<string, string>();
  for (const [i, ind] of industries.entries()) {
    const row = await db.industry.upsert({
      where: { code: ind.code },
      update: {},
      create: { ...ind, kind: "TOP_TEN", sortOrder: i },
    });
    industryIds.set(ind.code, row.id);
  }
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
  const userIds = new Map<string, string>();
  for (const u of demoUsers) {
    const row = await db.user.upsert({
      where: { username: u.username },
      update: {},
      create: {
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        passwordHash,
        departmentId: deptIds.get(u.department),
      },
    });
    userIds.set(u.username, row.id);
  }
  const typeIds = new Map<
    string,
    { id: string; departmentId: string; statutoryDays: number; fastTrackDays: number; name: string }
  >();
  for (const [i, t] of permitTypes.entries()) {
    const { department, ...rest } = t;
    const row = await db.permitType.upsert({
      where: { code: t.code },
      update: {},
      create: { ...rest, departmentId: deptIds.get(department)!, sortOrder: i },
    });
    typeIds.set(t.code, row);
  }
  for (const h of holidays2026) {
    await db.calendarDay.upsert({
      where: { date: day(h.date)! },
      update: {},
      create: { date: day(h.date)!, kind: h.kind, name: h.name },
    });
  }
  const approverOf = new Map(
    demoUsers.filter((u) => u.role === "APPROVER").map((u) => [deptIds.get(u.department)!, userIds.get(u.username)!]),
  );
  const staffId = userIds.get("staff")!;
  for (const p of storyProjects) {
    const d = storyDetails[p.code];
    const creditCode = d.creditBase ? d.creditBase + creditCodeCheckChar(d.creditBase) : null;
    const enterprise =
      (creditCode && (await db.enterprise.findUnique({ where: { creditCode } }))) ||
      (await db.enterprise.findFirst({ where: { name: p.enterpriseName } })) ||
      (await db.enterprise.create({
        data: { ...nameColumns(p.enterpriseName), creditCode, isLocal: p.stage !== "SIGNED" },
      }));
    const project = await db.project.upsert({
      where: { code: p.code },
      update: {},
      create: {
        code: p.code,
        name: p.name,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        industryId: industryIds.get(p.industry)!,
        parkId: parkIds.get(p.park),
        totalInvestment: p.totalInvestment,
        stage: p.stage,
        stageEnteredAt: day(d.path.at(-1)![1])!,
        // Logged when its story began (a bulletin's 新增线索 counts projects by this), not at seeding.
        createdAt: day(d.path[0][1])!,
        keyProject: p.keyProject,
        ownerId: staffId,
        leaderId: userIds.get("leader"),
        sourceChannel: d.sourceChannel,
        description: d.description,
        signingDate: day(d.signingDate),
        contractInvestment: d.contractInvestment ?? null,
        registrationDate: day(d.registrationDate),
        constructionDate: day(d.constructionDate),
        completionDate: day(d.completionDate),
        productionDate: day(d.productionDate),
        plannedStartDate: day(d.plannedStartDate),
        landArea: d.landArea ?? null,
        fixedAssetInvestment: d.fixedAssetInvestment ?? null,
        expectedAnnualOutput: d.expectedAnnualOutput ?? null,
        expectedAnnualTax: d.expectedAnnualTax ?? null,
        contacts: [{ name: "项目负责人", title: "总经理助理", phone: "0532-8000000" }],
        tags: p.keyProject ? ["十强产业", "重点项目"] : ["十强产业"],
      },
    });
    if (d.permit && !(await db.permitCase.findUnique({ where: { projectId: project.id } }))) {
      await seedPermitCase(db, {
        projectId: project.id,
        applicant: enterprise.name,
        permit: d.permit,
        details: d,
        typeIds,
        approverOf,
        ownerId: staffId,
      });
    }
    if ((await db.stageChange.count({ where: { projectId: project.id } })) > 0) continue;
    await db.stageChange.createMany({
      data: d.path.map(([stage, date], i) => ({
        projectId: project.id,
        fromStage: i === 0 ? null : (d.path[i - 1][0] as never),
        toStage: stage as never,
        userId: staffId,
        note: "",
        createdAt: new Date(`${date}T09:00:00+08:00`),
      })),
    });
    await db.projectActivity.createMany({
      data: d.activities.map(([type, date, notes]) => ({
        projectId: project.id,
        type,
        date: day(date)!,
        participants: "张伟",
        notes,
        createdById: staffId,
      })),
    });
  }
  await seedChains(db, industryIds);
  // The supervision story, then what grows from it: problems at each level, a signed-off
  // 协调会 whose decisions became problems and next month's 月例会, and the last two weeks'
  // bulletins (frozen over all of it).
  const today = shanghaiToday();
  await seedDistrictYear(db, today);
  await seedSupervision(db, today);
  await seedProblems(db, today);
  await seedMeetings(db, today);
  await seedIncentives(db);
  await seedSigningWeek(db);
  await seedTargets(db);
  await seedBulletins(db, today);
  log(
    `seeded ${departments.length} departments, ${parks.length} parks, ${industries.length} industries, ${demoUsers.length} users, ${storyProjects.length} story projects`,
  );
}

/** How the certificates of each permit are numbered (for the demo's issued cases). */
const certificatePrefix: Record<string, string> = {
  LAND_USE_PLANNING: "地字",
  LAND_APPROVAL: "用地批字",
  REAL_ESTATE_TITLE: "鲁（2026）青岛市黄岛区不动产权",
  CONSTRUCTION_PLANNING: "建字",
  DRAWING_REVIEW: "施审字",
  CONSTRUCTION_PERMIT: "建施字",
  EIA_APPROVAL: "青环审",
};
let certificateSerial = 1;

const calendar2026: Calendar = {
  holidays: new Set(holidays2026.filter((h) => h.kind === "HOLIDAY").map((h) => h.date)),
  workdays: new Set(holidays2026.filter((h) => h.kind === "WORKDAY").map((h) => h.date)),
};

/**
 * A story project's 七证合一 case as it happened: submitted on its start date, each item
 * decided after its working days (with a 补正 return where the story has one), the case
 * ISSUED when all seven are approved. Decisions are by the department's demo approver.
 */
export async function seedPermitCase(
  db: PrismaClient,
  o: {
    projectId: string;
    applicant: string;
    permit: NonNullable<StoryDetail["permit"]>;
    details: StoryDetail;
    typeIds: Map<
      string,
      { id: string; departmentId: string; statutoryDays: number; fastTrackDays: number; name: string }
    >;
    approverOf: Map<string, string>;
    ownerId: string;
  },
) {
  const cal = calendar2026;
  const today = new Date().toISOString().slice(0, 10);
  const { start, fastTrack } = o.permit;
  const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
  const c = await db.permitCase.create({
    data: {
      projectId: o.projectId,
      state: "SUBMITTED",
      fastTrack,
      applicant: o.applicant,
      landParcel: "西海岸新区地块 " + o.projectId.slice(-4).toUpperCase(),
      floorArea: o.details.landArea ? String(Number(o.details.landArea) * 400) : "20000",
      buildingUse: "工业厂房",
      designUnit: "青岛市建筑设计研究院",
      constructionUnit: "中建八局第一建设有限公司",
      plannedStartDate: day(o.details.plannedStartDate ?? start),
      contactPerson: "项目负责人",
      contactPhone: "0532-8000000",
      submittedAt: at(start),
      startDate: day(start),
      openedById: o.ownerId,
      createdAt: at(start),
    },
  });
  const events: { type: string; itemId?: string; userId: string; note?: string; data?: object; createdAt: Date }[] = [
    { type: "OPENED", userId: o.ownerId, createdAt: at(start) },
    { type: "SUBMITTED", userId: o.ownerId, createdAt: at(start), data: { items: o.typeIds.size, fastTrack } },
  ];
  let latestDue = start;
  let latestDecision = start;
  let allApproved = true;
  for (const [code, spec] of Object.entries(o.permit.items)) {
    const t = o.typeIds.get(code)!;
    const approver = o.approverOf.get(t.departmentId)!;
    const limitDays = fastTrack ? t.fastTrackDays : t.statutoryDays;
    const plan = typeof spec === "object" ? spec : { days: spec, returned: undefined };
    let pausedDays = 0;
    let state: "PENDING" | "APPROVED" | "RETURNED" = "PENDING";
    let returnedDate: string | null = null;
    let missing: string[] = [];
    const itemEvents: typeof events = [];
    if (plan.returned) {
      returnedDate = addWorkingDays(cal, start, plan.returned.after);
      const back = addWorkingDays(cal, returnedDate, plan.returned.wait);
      itemEvents.push({
        type: "RETURNED",
        userId: approver,
        createdAt: at(returnedDate),
        data: { missing: plan.returned.missing },
      });
      if (back <= today) {
        pausedDays = plan.returned.wait;
        itemEvents.push({
          type: "RESUBMITTED",
          userId: o.ownerId,
          note: "已补齐材料",
          createdAt: at(back),
          data: { missing: plan.returned.missing, pausedDays },
        });
        returnedDate = null;
      } else {
        state = "RETURNED";
        missing = plan.returned.missing;
      }
    }
    const due = addWorkingDays(cal, start, limitDays + pausedDays);
    if (due > latestDue) latestDue = due;
    let decided: string | null = null;
    if (state === "PENDING" && plan.days !== "pending") {
      decided = addWorkingDays(cal, start, plan.days + pausedDays);
      state = "APPROVED";
      if (decided > latestDecision) latestDecision = decided;
    }
    if (state !== "APPROVED") allApproved = false;
    const certificateNo = decided
      ? `${certificatePrefix[code] ?? code}第 ${decided.slice(0, 4)}${decided.slice(5, 7)}${String(certificateSerial++).padStart(4, "0")} 号`
      : null;
    const item = await db.permitItem.create({
      data: {
        caseId: c.id,
        permitTypeId: t.id,
        departmentId: t.departmentId,
        state,
        limitDays,
        startDate: day(start)!,
        dueDate: day(due)!,
        pausedDays,
        returnedDate: day(returnedDate ?? undefined),
        missing,
        returns: plan.returned ? 1 : 0,
        certificateNo,
        certificateDate: day(decided ?? undefined),
        decidedDate: day(decided ?? undefined),
        decidedAt: decided ? at(decided) : null,
        decidedById: decided ? approver : null,
        workingDays: decided ? workingDaysBetween(cal, start, decided) - pausedDays : null,
      },
    });
    if (decided)
      itemEvents.push({
        type: "APPROVED",
        userId: approver,
        createdAt: at(decided),
        data: { certificateNo, certificateDate: decided },
      });
    for (const e of itemEvents) events.push({ ...e, itemId: item.id });
  }
  if (allApproved)
    events.push({
      type: "ISSUED",
      userId: events.at(-1)!.userId,
      createdAt: at(latestDecision),
      data: { workingDays: workingDaysBetween(cal, start, latestDecision) },
    });
  await db.permitCase.update({
    where: { id: c.id },
    data: {
      state: allApproved ? "ISSUED" : "IN_REVIEW",
      dueDate: day(latestDue),
      ...(allApproved ? { closedAt: at(latestDecision), closedDate: day(latestDecision) } : {}),
    },
  });
  events.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  await db.permitEvent.createMany({
    data: events.map((e) => ({
      caseId: c.id,
      itemId: e.itemId ?? null,
      type: e.type,
      userId: e.userId,
      note: e.note ?? "",
      data: e.data ?? undefined,
      createdAt: e.createdAt,
    })),
  });
  // 一套材料: the documents are files under the upload directory in a real case; the
  // demo records their names only as events, so no attachment rows are made here.
}

/** The story's chains, links, enterprises (local ones and external targets) and project links. Idempotent. */
async function seedChains(db: PrismaClient, industryIds: Map<string, string>) {
  for (const [i, c] of chains.entries()) {
    const chain = await db.chain.upsert({
      where: { code: c.code },
      update: {},
      create: {
        code: c.code,
        name: c.name,
        industryId: industryIds.get(c.industry)!,
        description: c.description,
        sortOrder: i,
      },
    });
    const linkIds = new Map<string, string>();
    for (const [j, l] of c.links.entries()) {
      const row = await db.chainLink.upsert({
        where: { chainId_name: { chainId: chain.id, name: l.name } },
        update: {},
        create: {
          chainId: chain.id,
          name: l.name,
          position: l.position,
          targetCount: l.target,
          importance: l.importance,
          sortOrder: j,
          parentId: l.parent ? linkIds.get(l.parent) : null,
        },
      });
      linkIds.set(l.name, row.id);
    }
    for (const e of c.enterprises) {
      const enterprise =
        (await db.enterprise.findFirst({ where: { name: e.name } })) ??
        (await db.enterprise.create({
          data: {
            ...nameColumns(e.name),
            isLocal: e.local,
            isChainLeader: !!e.leader,
            region: e.region,
            scale: e.scale,
          },
        }));
      if (enterprise.isLocal !== e.local || enterprise.isChainLeader !== !!e.leader) {
        await db.enterprise.update({
          where: { id: enterprise.id },
          data: {
            isLocal: e.local,
            isChainLeader: !!e.leader,
            region: e.region ?? enterprise.region,
            scale: e.scale ?? enterprise.scale,
          },
        });
      }
      for (const l of e.links) {
        await db.enterpriseLink.upsert({
          where: { enterpriseId_linkId: { enterpriseId: enterprise.id, linkId: linkIds.get(l)! } },
          update: {},
          create: { enterpriseId: enterprise.id, linkId: linkIds.get(l)! },
        });
      }
    }
    for (const [code, links] of Object.entries(c.projects)) {
      const project = await db.project.findUnique({ where: { code }, select: { id: true } });
      if (!project) continue;
      for (const l of links) {
        await db.projectLink.upsert({
          where: { projectId_linkId: { projectId: project.id, linkId: linkIds.get(l)! } },
          update: {},
          create: { projectId: project.id, linkId: linkIds.get(l)! },
        });
      }
    }
  }
}
