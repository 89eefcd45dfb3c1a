import type { RecordScope } from '../permissions'
import type { Case } from './case'

/**
 * What a case is, for permission questions: whose it is (its followers and whoever typed it in),
 * where it sits (area and responsible unit with their ancestors), who handles it and has handled
 * it, and from whom the reporter is hidden (匿名: everyone who has handled it).
 */
export function caseScope(
  doc: Pick<Case, 'followerOpenids' | 'createdBy' | 'scopeUnitIds' | 'assignment' | 'handledBy' | 'reporter'>,
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
  }
}
