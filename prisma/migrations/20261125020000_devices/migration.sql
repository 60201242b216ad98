-- CreateTable
CREATE TABLE "LearnerToken" (
    "tokenHash" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LearnerToken_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ResumeCode" (
    "codeHash" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ResumeCode_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Every existing learner keeps its device.
INSERT INTO "LearnerToken" ("tokenHash", "learnerId", "createdAt") SELECT "tokenHash", "id", "createdAt" FROM "Learner";

-- DropIndex
DROP INDEX "Learner_tokenHash_key";

-- AlterTable
ALTER TABLE "Learner" DROP COLUMN "tokenHash";

-- CreateIndex
CREATE INDEX "LearnerToken_learnerId_idx" ON "LearnerToken"("learnerId");

-- CreateIndex
CREATE INDEX "ResumeCode_learnerId_idx" ON "ResumeCode"("learnerId");
