-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "rosterLockedAt" DATETIME;

-- AlterTable
ALTER TABLE "AssignmentStudent" ADD COLUMN "leftAt" DATETIME;

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN "resetAt" DATETIME;

-- CreateIndex
CREATE INDEX "AssignmentStudent_assignmentId_joinedAt_idx" ON "AssignmentStudent"("assignmentId", "joinedAt");
