-- CreateEnum
CREATE TYPE "AttemptState" AS ENUM ('in_progress', 'finished');

-- CreateTable
CREATE TABLE "Attempt" (
    "id" UUID NOT NULL,
    "userId" TEXT NOT NULL,
    "moduleId" UUID NOT NULL,
    "state" "AttemptState" NOT NULL DEFAULT 'in_progress',
    "settings" JSONB NOT NULL,
    "questions" JSONB NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deadlineAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3),
    "points" DOUBLE PRECISION,
    "score" DOUBLE PRECISION,
    "lastActivityAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Response" (
    "attemptId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "answer" JSONB NOT NULL,
    "locale" TEXT NOT NULL,
    "savedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "score" DOUBLE PRECISION,
    "correct" BOOLEAN,

    CONSTRAINT "Response_pkey" PRIMARY KEY ("attemptId","position")
);

-- CreateIndex
CREATE INDEX "Attempt_userId_startedAt_idx" ON "Attempt"("userId", "startedAt");

-- CreateIndex
CREATE INDEX "Attempt_state_deadlineAt_idx" ON "Attempt"("state", "deadlineAt");

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attempt" ADD CONSTRAINT "Attempt_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "Module"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Response" ADD CONSTRAINT "Response_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;
