-- AlterTable
ALTER TABLE "import_jobs" ADD COLUMN     "skipped" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "import_job_projects" (
    "jobId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_job_projects_pkey" PRIMARY KEY ("jobId","projectId")
);

-- CreateIndex
CREATE INDEX "import_job_projects_projectId_idx" ON "import_job_projects"("projectId");

-- AddForeignKey
ALTER TABLE "import_job_projects" ADD CONSTRAINT "import_job_projects_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_job_projects" ADD CONSTRAINT "import_job_projects_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
