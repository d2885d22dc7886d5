-- CreateTable
CREATE TABLE "job_runs" (
    "name" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "result" JSONB,

    CONSTRAINT "job_runs_pkey" PRIMARY KEY ("name","slot")
);
