-- CreateEnum
CREATE TYPE "PermitCaseState" AS ENUM ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'ISSUED', 'REJECTED');

-- CreateEnum
CREATE TYPE "PermitItemState" AS ENUM ('PENDING', 'APPROVED', 'RETURNED', 'REJECTED');

-- CreateEnum
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

-- AlterTable
ALTER TABLE "attachments" ADD COLUMN     "permitCaseId" TEXT;

-- CreateTable
CREATE TABLE "permit_types" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "statutoryDays" INTEGER NOT NULL,
    "fastTrackDays" INTEGER NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "permit_types_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permit_cases" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "state" "PermitCaseState" NOT NULL DEFAULT 'DRAFT',
    "fastTrack" BOOLEAN NOT NULL DEFAULT false,
    "applicant" TEXT NOT NULL,
    "landParcel" TEXT NOT NULL DEFAULT '',
    "floorArea" DECIMAL(14,2),
    "buildingUse" TEXT NOT NULL DEFAULT '',
    "designUnit" TEXT NOT NULL DEFAULT '',
    "constructionUnit" TEXT NOT NULL DEFAULT '',
    "plannedStartDate" DATE,
    "contactPerson" TEXT NOT NULL DEFAULT '',
    "contactPhone" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "startDate" DATE,
    "dueDate" DATE,
    "closedAt" TIMESTAMP(3),
    "closedDate" DATE,
    "openedById" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "permit_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permit_items" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "permitTypeId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "state" "PermitItemState" NOT NULL DEFAULT 'PENDING',
    "limitDays" INTEGER NOT NULL,
    "startDate" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "pausedDays" INTEGER NOT NULL DEFAULT 0,
    "returnedDate" DATE,
    "missing" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "returns" INTEGER NOT NULL DEFAULT 0,
    "certificateNo" TEXT,
    "certificateDate" DATE,
    "rejectReason" TEXT,
    "decidedDate" DATE,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "workingDays" INTEGER,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "permit_items_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "permit_events" (
    "id" BIGSERIAL NOT NULL,
    "caseId" TEXT NOT NULL,
    "itemId" TEXT,
    "type" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "data" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "permit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "calendar_days" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "calendar_days_pkey" PRIMARY KEY ("date")
);

-- CreateIndex
CREATE UNIQUE INDEX "permit_types_code_key" ON "permit_types"("code");

-- CreateIndex
CREATE UNIQUE INDEX "permit_types_name_key" ON "permit_types"("name");

-- CreateIndex
CREATE UNIQUE INDEX "permit_cases_projectId_key" ON "permit_cases"("projectId");

-- CreateIndex
CREATE INDEX "permit_cases_state_dueDate_idx" ON "permit_cases"("state", "dueDate");

-- CreateIndex
CREATE INDEX "permit_items_departmentId_state_dueDate_idx" ON "permit_items"("departmentId", "state", "dueDate");

-- CreateIndex
CREATE INDEX "permit_items_permitTypeId_state_idx" ON "permit_items"("permitTypeId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "permit_items_caseId_permitTypeId_key" ON "permit_items"("caseId", "permitTypeId");

-- CreateIndex
CREATE INDEX "permit_events_caseId_id_idx" ON "permit_events"("caseId", "id");

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_permitCaseId_fkey" FOREIGN KEY ("permitCaseId") REFERENCES "permit_cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_types" ADD CONSTRAINT "permit_types_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_cases" ADD CONSTRAINT "permit_cases_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_items" ADD CONSTRAINT "permit_items_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "permit_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_items" ADD CONSTRAINT "permit_items_permitTypeId_fkey" FOREIGN KEY ("permitTypeId") REFERENCES "permit_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_items" ADD CONSTRAINT "permit_items_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_items" ADD CONSTRAINT "permit_items_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "permit_cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "permit_items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "permit_events" ADD CONSTRAINT "permit_events_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
