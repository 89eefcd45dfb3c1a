import type { Actor } from '../roles'
import type { Case, CaseSource, EventActor } from './case'
import type { SubmitCaseInput } from './case.schemas'

export interface NewCaseParams {
  id: string
  /** The area unit with its ancestors (see unitPath in org.ts). */
  areaUnitPath: string[]
  number: string
  input: SubmitCaseInput
  actor: Actor
  source: CaseSource
  now: number
}

export function eventActor(actor: Actor): EventActor {
  return { openid: actor.openid, role: actor.role, name: actor.name }
}

/** Builds a freshly submitted case with the first event of its timeline. */
export function newCase({ id, areaUnitPath, number, input, actor, source, now }: NewCaseParams): Case {
  const by = eventActor(actor)
  const reporterOpenid = input.reporter.relation === 'self' && actor.role === 'resident' ? actor.openid : null
  const followers = reporterOpenid && reporterOpenid !== actor.openid ? [actor.openid, reporterOpenid] : [actor.openid]
  return {
    _id: id,
    number,
    category: input.category,
    urgency: input.urgency,
    description: input.description,
    photos: input.photos,
    location: input.location ?? null,
    areaUnitId: input.areaUnitId,
    scopeUnitIds: areaUnitPath,
    source,
    reporter: { ...input.reporter, openid: reporterOpenid },
    createdBy: by,
    followerOpenids: followers,
    status: 'submitted',
    createdAt: now,
    updatedAt: now,
    version: 1,
    timeline: [
      {
        type: 'submit',
        at: now,
        by,
        from: null,
        to: 'submitted',
        note: '',
        attachments: input.photos,
        visibleToReporter: true,
      },
    ],
    clientRequestId: input.clientRequestId,
  }
}
