import 'server-only';
import { assignmentWriteDecision } from '@/lib/classroom/write-rules';
import { AppError } from './errors';

/**
 * The one server check every write tied to an assignment makes (join, start, answer, submit,
 * rate): the pure rule in lib/classroom/write-rules, refused as 409 with the student's reason.
 */
export function checkAssignmentWrite(input: Parameters<typeof assignmentWriteDecision>[0]): { late: boolean } {
  const decision = assignmentWriteDecision(input);
  if (!decision.allowed) throw new AppError('conflict', decision.reason);
  return { late: decision.late };
}
