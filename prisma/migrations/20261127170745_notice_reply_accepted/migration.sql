-- AlterTable
ALTER TABLE "supervision_notices" ADD COLUMN     "replyAcceptedAt" TIMESTAMP(3),
ADD COLUMN     "replyAcceptedById" TEXT;
