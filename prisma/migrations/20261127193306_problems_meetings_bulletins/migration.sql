-- CreateEnum
CREATE TYPE "ProblemCategory" AS ENUM ('LAND', 'PLANNING', 'ENERGY', 'POWER', 'WATER', 'GAS', 'FINANCE', 'LABOUR', 'APPROVAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ProblemState" AS ENUM ('OPEN', 'IN_PROGRESS', 'RESOLVED', 'CLOSED_UNRESOLVED');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('COORDINATION', 'MONTHLY');

-- CreateEnum
CREATE TYPE "MeetingState" AS ENUM ('PLANNED', 'CLOSED');

-- CreateEnum
CREATE TYPE "AgendaItemKind" AS ENUM ('PROJECT', 'NOTICE', 'PROBLEM', 'OTHER');

-- AlterTable
ALTER TABLE "attachments" ADD COLUMN     "problemId" TEXT;

-- AlterTable
ALTER TABLE "supervision_notices" ADD COLUMN     "agendaItemId" TEXT,
ADD COLUMN     "meetingId" TEXT;

-- CreateTable
CREATE TABLE "problems" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "ProblemCategory" NOT NULL,
    "departmentId" TEXT NOT NULL,
    "description" TEXT,
    "dueDate" DATE NOT NULL,
    "state" "ProblemState" NOT NULL DEFAULT 'OPEN',
    "level" INTEGER NOT NULL DEFAULT 1,
    "levelSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "escalationProposedAt" TIMESTAMP(3),
    "resolution" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "closeReason" TEXT,
    "raisedById" TEXT NOT NULL,
    "progressEntryId" TEXT,
    "meetingId" TEXT,
    "agendaItemId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problem_events" (
    "id" TEXT NOT NULL,
    "problemId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromState" "ProblemState",
    "toState" "ProblemState" NOT NULL,
    "fromLevel" INTEGER,
    "toLevel" INTEGER NOT NULL,
    "note" TEXT,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "problem_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meetings" (
    "id" TEXT NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "place" TEXT,
    "chairId" TEXT NOT NULL,
    "attendeeIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "attendeesText" TEXT,
    "state" "MeetingState" NOT NULL DEFAULT 'PLANNED',
    "signedOffAt" TIMESTAMP(3),
    "signedOffById" TEXT,
    "createdById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_agenda_items" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "AgendaItemKind" NOT NULL,
    "projectId" TEXT,
    "noticeId" TEXT,
    "problemId" TEXT,
    "title" TEXT NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "minutes" TEXT,

    CONSTRAINT "meeting_agenda_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bulletins" (
    "id" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "weekEnd" DATE NOT NULL,
    "revision" INTEGER NOT NULL,
    "sections" JSONB NOT NULL,
    "generatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "generatedById" TEXT,

    CONSTRAINT "bulletins_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "problems_projectId_state_idx" ON "problems"("projectId", "state");

-- CreateIndex
CREATE INDEX "problems_departmentId_state_dueDate_idx" ON "problems"("departmentId", "state", "dueDate");

-- CreateIndex
CREATE INDEX "problems_state_level_dueDate_idx" ON "problems"("state", "level", "dueDate");

-- CreateIndex
CREATE INDEX "problems_category_state_idx" ON "problems"("category", "state");

-- CreateIndex
CREATE INDEX "problems_createdAt_idx" ON "problems"("createdAt");

-- CreateIndex
CREATE INDEX "problems_resolvedAt_idx" ON "problems"("resolvedAt");

-- CreateIndex
CREATE INDEX "problems_meetingId_idx" ON "problems"("meetingId");

-- CreateIndex
CREATE INDEX "problem_events_problemId_at_idx" ON "problem_events"("problemId", "at");

-- CreateIndex
CREATE INDEX "problem_events_action_at_idx" ON "problem_events"("action", "at");

-- CreateIndex
CREATE INDEX "meetings_startsAt_idx" ON "meetings"("startsAt");

-- CreateIndex
CREATE INDEX "meetings_kind_startsAt_idx" ON "meetings"("kind", "startsAt");

-- CreateIndex
CREATE INDEX "meeting_agenda_items_meetingId_position_idx" ON "meeting_agenda_items"("meetingId", "position");

-- CreateIndex
CREATE INDEX "meeting_agenda_items_problemId_idx" ON "meeting_agenda_items"("problemId");

-- CreateIndex
CREATE INDEX "bulletins_generatedAt_idx" ON "bulletins"("generatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "bulletins_weekStart_revision_key" ON "bulletins"("weekStart", "revision");

-- CreateIndex
CREATE INDEX "attachments_problemId_idx" ON "attachments"("problemId");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "problems"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "meeting_agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_progressEntryId_fkey" FOREIGN KEY ("progressEntryId") REFERENCES "progress_entries"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problems" ADD CONSTRAINT "problems_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "meeting_agenda_items"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "problem_events" ADD CONSTRAINT "problem_events_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "problems"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chairId_fkey" FOREIGN KEY ("chairId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_noticeId_fkey" FOREIGN KEY ("noticeId") REFERENCES "supervision_notices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_problemId_fkey" FOREIGN KEY ("problemId") REFERENCES "problems"("id") ON DELETE SET NULL ON UPDATE CASCADE;
