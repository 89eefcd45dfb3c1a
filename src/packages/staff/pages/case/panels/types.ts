import type { CaseAction } from '@core/case/lifecycle'
import type { CaseView, HandedOverView, StaffCaseView } from '@core/case/views'
import type { Outcome } from '../../../../../services/backend'

/** Runs an action with the version on screen, shows the outcome, and reloads on a conflict. */
/** What an action on a case answers: the case as its actor now sees it. */
type AfterAction = Outcome<CaseView | HandedOverView>
export type Run = (done: string, call: () => Promise<AfterAction>) => Promise<void>
/** What every change to a case carries: which case, and the version the person saw. */
type Base = { id: string; expectedVersion: number }

export interface PanelProps {
  view: StaffCaseView
  run: Run
  base: Base
  /** What this person may do now, as the server decided: panels show only these. */
  can: (action: CaseAction) => boolean
}
