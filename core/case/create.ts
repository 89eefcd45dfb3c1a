import type { Actor, Principal } from '../roles'
import type { Case, CaseSource, EventActor } from './case'
import type { SubmitCaseInput } from './case.schemas'
import type * as z from 'zod/mini'
import type { recordOnTheSpotInput } from './lifecycle.schemas'

export interface NewCaseParams {
  id: string
  /** The area unit with its ancestors (see unitPath in org.ts). */
  areaUnitPath: string[]
  number: string
  input: SubmitCaseInput
  actor: Actor
  source: CaseSource
  now: number
  visitId?: string
}

export function eventActor(actor: Principal): EventActor {
  return { openid: actor.openid, role: actor.role, name: actor.name }
}

/** Builds a freshly submitted case with the first event of its timeline. */
export function newCase(params: NewCaseParams): Case {
  const { id, areaUnitPath, number, input, actor, source, now } = params
  const by = eventActor(actor)
  const reporterOpenid = input.reporter.relation === 'self' && actor.role === 'resident' ? actor.openid : null
  // A resident follows what they report (for themselves or family); an official who types a case in
  // for someone else sees it as staff, and it stays out of their own 我的诉求.
  const followers = actor.role === 'resident' ? [actor.openid] : []
  return {
    _id: id,
    number,
    category: input.category,
    urgency: input.urgency,
    description: input.description,
    photos: input.photos,
    location: input.location ?? null,
    areaUnitId: input.areaUnitId,
    areaUnitPath,
    scopeUnitIds: areaUnitPath,
    responsibleUnitPath: [],
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
    assignment: null,
    handledBy: [],
    pendingExtension: null,
    closureRequest: null,
    onTheSpot: false,
    closedAt: null,
    ratings: [],
    reopened: false,
    mergedInto: null,
    mergeFollowersPending: false,
    visitId: params.visitId ?? null,
    dueAt: null,
    superviseAt: null,
    supervisionNote: null,
    pledge: null,
    awaitingRating: false,
    needsCallback: false,
    subscriptions: Object.fromEntries((input.subscriptions ?? []).map((template) => [template, 1])),
  }
}

export type OnTheSpotInput = z.output<typeof recordOnTheSpotInput>

/**
 * 立行立改: a case solved on the spot, recorded with its evidence. It starts in pending_closure with
 * the recording official as its handler, so someone else must approve it.
 */
export function newOnTheSpotCase(params: Omit<NewCaseParams, 'input' | 'source'> & { input: OnTheSpotInput }): Case {
  const { input, actor, now } = params
  const base = newCase({ ...params, source: 'visit', input: { ...input, action: 'submit', subscriptions: [] } })
  return {
    ...base,
    reporter: { ...base.reporter, openid: null },
    status: 'pending_closure',
    onTheSpot: true,
    handledBy: [actor.openid],
    closureRequest: {
      note: input.resolution,
      evidence: input.evidence,
      standardMet: input.standardMet,
      requestedBy: actor.openid,
      requestedAt: now,
    },
    timeline: [
      {
        type: 'recordOnTheSpot',
        at: now,
        by: eventActor(actor),
        from: null,
        to: 'pending_closure',
        note: input.resolution,
        attachments: [...input.photos, ...input.evidence],
        visibleToReporter: true,
        data: { standardMet: input.standardMet },
      },
    ],
  }
}
