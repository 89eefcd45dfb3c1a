import type * as z from 'zod/mini'

/** The first problem of a failed parse, as a message a person can act on and the field it concerns. */
export function firstIssue(error: z.core.$ZodError): { message: string; field: string | undefined } {
  const issue = error.issues[0]
  if (!issue) return { message: '填写的内容有误', field: undefined }
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : undefined
  return { message: issue.message, field }
}
