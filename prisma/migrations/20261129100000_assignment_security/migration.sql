-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN "security" TEXT NOT NULL DEFAULT 'practice';
