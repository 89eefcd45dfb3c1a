import { questionChannel } from './question-channel'

/** A confirmation the person is asked for (ConfirmDialog shows it). */
export interface Confirmation {
  title: string
  text: string
  confirmText: string
}

export const confirmations = questionChannel<Confirmation>()

/**
 * Asks before something a person would regret doing by a slip of the finger (停用): the question,
 * what follows, and two answers in words; true when they confirm.
 */
export function confirmAction(title: string, text: string, confirmText: string): Promise<boolean> {
  return confirmations.ask({ title, text, confirmText })
}
