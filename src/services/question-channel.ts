import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'

/** A question waiting for the person's answer, shown over the page that asked it. */
export interface PendingQuestion<Q> {
  question: Q
  /** The page that asked (the one in view then): pages beneath it do not show the question. */
  pagePath: string | undefined
  answer: (yes: boolean) => void
}

/**
 * One place a kind of question (the privacy notice, a confirmation) waits for its answer: a service
 * raises it, the component in every `Page` shows it on the page that asked, and the answer goes back.
 */
export function questionChannel<Q>() {
  let current: PendingQuestion<Q> | null = null
  const watchers = new Set<(pending: PendingQuestion<Q> | null) => void>()
  const set = (pending: PendingQuestion<Q> | null) => {
    current = pending
    for (const watch of watchers) watch(pending)
  }

  /** Shows the question; `onAnswer` hears the answer once it is given (the question is then gone). */
  const raise = (question: Q, onAnswer: (yes: boolean) => void): void =>
    set({
      question,
      pagePath: Taro.getCurrentInstance().router?.$taroPath,
      answer: (yes) => {
        set(null)
        onAnswer(yes)
      },
    })

  return {
    raise,
    ask: (question: Q): Promise<boolean> => new Promise((resolve) => raise(question, resolve)),
    /** The question this page should show, if any. */
    usePending(): PendingQuestion<Q> | null {
      const [pending, setPending] = useState(current)
      const here = Taro.useRouter().$taroPath
      useEffect(() => {
        watchers.add(setPending)
        setPending(current)
        return () => void watchers.delete(setPending)
      }, [])
      return pending && (pending.pagePath === undefined || pending.pagePath === here) ? pending : null
    },
  }
}
