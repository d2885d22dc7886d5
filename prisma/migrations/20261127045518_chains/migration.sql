-- CreateEnum
CREATE TYPE "LinkPosition" AS ENUM ('UPSTREAM', 'MIDSTREAM', 'DOWNSTREAM');

-- AlterTable
ALTER TABLE "enterprises" ADD COLUMN     "isChainLeader" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "scale" TEXT;

-- CreateTable
CREATE TABLE "chains" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "industryId" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chains_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "chain_links" (
    "id" TEXT NOT NULL,
    "chainId" TEXT NOT NULL,
    "parentId" TEXT,
    "name" TEXT NOT NULL,
    "position" "LinkPosition" NOT NULL,
    "targetCount" INTEGER NOT NULL DEFAULT 1,
    "importance" INTEGER NOT NULL DEFAULT 3,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "chain_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enterprise_links" (
    "enterpriseId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enterprise_links_pkey" PRIMARY KEY ("enterpriseId","linkId")
);

-- CreateTable
CREATE TABLE "project_links" (
    "projectId" TEXT NOT NULL,
    "linkId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_links_pkey" PRIMARY KEY ("projectId","linkId")
);

-- CreateIndex
CREATE UNIQUE INDEX "chains_code_key" ON "chains"("code");

-- CreateIndex
CREATE UNIQUE INDEX "chains_name_key" ON "chains"("name");

-- CreateIndex
CREATE INDEX "chain_links_chainId_position_idx" ON "chain_links"("chainId", "position");

-- CreateIndex
CREATE INDEX "chain_links_parentId_idx" ON "chain_links"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "chain_links_chainId_name_key" ON "chain_links"("chainId", "name");

-- CreateIndex
CREATE INDEX "enterprise_links_linkId_idx" ON "enterprise_links"("linkId");

-- CreateIndex
CREATE INDEX "project_links_linkId_idx" ON "project_links"("linkId");

-- AddForeignKey
ALTER TABLE "chains" ADD CONSTRAINT "chains_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "industries"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_chainId_fkey" FOREIGN KEY ("chainId") REFERENCES "chains"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "chain_links"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise_links" ADD CONSTRAINT "enterprise_links_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enterprise_links" ADD CONSTRAINT "enterprise_links_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "chain_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "project_links" ADD CONSTRAINT "project_links_linkId_fkey" FOREIGN KEY ("linkId") REFERENCES "chain_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;
