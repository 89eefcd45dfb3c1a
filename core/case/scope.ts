import type { RecordScope } from '../permissions'
import type { Case } from './case'

/**
 * What a case is, for permission questions: whose it is (its followers and whoever typed it in),
 * where it sits (area and responsible unit with their ancestors), who handles it and has handled
 * it, and from whom the reporter is hidden (匿名: everyone who has handled it).
 */
export function caseScope(
  doc: Pick<
    Case,
    'followerOpenids' | 'createdBy' | 'scopeUnitIds' | 'assignment' | 'handledBy' | 'reporter' | 'timeline'
  >,
): RecordScope {
  return {
    ownerOpenids: [...doc.followerOpenids, doc.createdBy.openid],
    reporterOpenids: [doc.reporter.openid, doc.createdBy.role === 'resident' ? doc.createdBy.openid : null].filter(
      (openid): openid is string => openid !== null,
    ),
    unitIds: doc.scopeUnitIds,
    handlerOpenid: doc.assignment?.handlerOpenid ?? null,
    handledBy: doc.handledBy,
    reporterHiddenFrom: doc.reporter.anonymous ? doc.handledBy : [],
    approvedBy: doc.timeline.filter((event) => event.type === 'approveClosure').map((event) => event.by.openid),
  }
}

/** 匿名 hides the reporter from everyone who has handled the case. */
export function reporterHiddenFrom(openid: string, doc: Pick<Case, 'reporter' | 'handledBy'>): boolean {
  return doc.reporter.anonymous && doc.handledBy.includes(openid)
}

/** The names a case's texts may hold: its reporter's, and the family member's who reported for them. */
export function namesKnownTo(doc: Pick<Case, 'reporter' | 'createdBy'>): string[] {
  return doc.createdBy.role === 'resident' ? [doc.reporter.name, doc.createdBy.name] : [doc.reporter.name]
}
