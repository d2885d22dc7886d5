-- AlterTable
ALTER TABLE "import_jobs" ADD COLUMN     "headerRow" INTEGER,
ADD COLUMN     "ignoredColumns" TEXT[] DEFAULT ARRAY[]::TEXT[];
