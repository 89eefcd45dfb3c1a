/** Every action the lifecycle table knows (core/case/lifecycle.ts), in its order. */
export const CASE_ACTIONS = [
  'assign',
  'acknowledge',
  'sendBack',
  'reassign',
  'addProgress',
  'requestExtension',
  'approveExtension',
  'rejectExtension',
  'requestClosure',
  'approveClosure',
  'rejectClosure',
  'decline',
  'merge',
  'rate',
  'rateByCall',
  'rateByDefault',
  'addSupervisionNote',
  'replySupervisionNote',
  'markPledge',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]
