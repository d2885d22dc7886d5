import "server-only";
import type { Prisma } from "../db";
import { isoDate } from "../dates";
import { warningSelect } from "../supervision/warning-view";

export const projectDetailSelect = {
  id: true,
  code: true,
  name: true,
  enterpriseId: true,
  enterpriseName: true,
  enterprise: { select: { id: true, name: true, creditCode: true } },
  industryId: true,
  industry: { select: { code: true, name: true } },
  parkId: true,
  park: { select: { code: true, name: true } },
  totalInvestment: true,
  fixedAssetInvestment: true,
  foreignCapital: true,
  expectedAnnualOutput: true,
  expectedAnnualTax: true,
  landArea: true,
  sourceChannel: true,
  stage: true,
  stageEnteredAt: true,
  suspendedFrom: true,
  closeReason: true,
  ...warningSelect,
  keyProject: true,
  ownerId: true,
  owner: { select: { displayName: true, username: true } },
  leaderId: true,
  leader: { select: { displayName: true, username: true } },
  contacts: true,
  tags: true,
  description: true,
  signingDate: true,
  contractInvestment: true,
  registrationDate: true,
  plannedStartDate: true,
  constructionDate: true,
  completionDate: true,
  productionDate: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  links: {
    select: { link: { select: { id: true, name: true, chain: { select: { id: true, name: true } } } } },
    orderBy: { createdAt: "asc" },
  },
} as const satisfies Prisma.ProjectSelect;

type Row = Prisma.ProjectGetPayload<{ select: typeof projectDetailSelect }>;

const money = (d: { toFixed: (n: number) => string } | null) => (d ? d.toFixed(2) : null);

/** The full project as the API and the project page see it (SPEC §10 field names). */
export function toProjectDetail(p: Row) {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    creditCode: p.enterprise?.creditCode ?? null,
    industryId: p.industryId,
    industry: p.industry.code,
    industryName: p.industry.name,
    parkId: p.parkId,
    park: p.park?.code ?? null,
    parkName: p.park?.name ?? null,
    totalInvestment: p.totalInvestment.toFixed(2),
    fixedAssetInvestment: money(p.fixedAssetInvestment),
    foreignCapital: money(p.foreignCapital),
    expectedAnnualOutput: money(p.expectedAnnualOutput),
    expectedAnnualTax: money(p.expectedAnnualTax),
    landArea: money(p.landArea),
    sourceChannel: p.sourceChannel,
    stage: p.stage,
    stageEnteredAt: p.stageEnteredAt.toISOString(),
    suspendedFrom: p.suspendedFrom,
    closeReason: p.closeReason,
    warning: p.warning,
    keyProject: p.keyProject,
    ownerId: p.ownerId,
    ownerName: p.owner.displayName,
    leaderId: p.leaderId,
    leaderName: p.leader?.displayName ?? null,
    contacts: (Array.isArray(p.contacts) ? p.contacts : []) as { name: string; title: string; phone: string }[],
    tags: p.tags,
    description: p.description,
    signingDate: isoDate(p.signingDate),
    contractInvestment: money(p.contractInvestment),
    registrationDate: isoDate(p.registrationDate),
    plannedStartDate: isoDate(p.plannedStartDate),
    constructionDate: isoDate(p.constructionDate),
    completionDate: isoDate(p.completionDate),
    productionDate: isoDate(p.productionDate),
    linkIds: p.links.map((l) => l.link.id),
    links: p.links.map((l) => ({
      id: l.link.id,
      name: l.link.name,
      chainId: l.link.chain.id,
      chainName: l.link.chain.name,
    })),
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type ProjectDetail = ReturnType<typeof toProjectDetail>;

/** A project as its reader may see it: without contacts for those who see only the basics (readWork). */
export type ProjectView = Omit<ProjectDetail, "contacts"> & { contacts?: ProjectDetail["contacts"] };

export function projectViewFor(p: ProjectDetail, { work }: { work: boolean }): ProjectView {
  if (work) return p;
  const { contacts, ...basics } = p;
  void contacts;
  return basics;
}
