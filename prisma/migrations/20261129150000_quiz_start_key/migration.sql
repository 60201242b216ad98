-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN "startKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "QuizAttempt_learnerId_startKey_key" ON "QuizAttempt"("learnerId", "startKey");
