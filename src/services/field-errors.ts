import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type * as z from 'zod/mini'

/** A problem with what was typed: the field it concerns (its path in the schema, e.g. `reporter.phone`), if any. */
export interface FieldIssue {
  field: string | undefined
  message: string
}

/** The element id a field's error is shown under (the page scrolls to it). */
export function fieldErrorId(field: string): string {
  return `mq-field-${field.replace(/[^\w-]/g, '-')}`
}

function issuesOf(error: z.core.$ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : undefined,
    message: issue.message,
  }))
}

/**
 * Errors shown beside their fields. `show` puts each problem under its field (the first, in the
 * order the page lists its fields, is scrolled into view) and answers the problems no field on the
 * page shows; `recheck` runs after every change and keeps only the errors whose field still fails,
 * so an error goes away as soon as its field is fixed.
 */
export function useFieldErrors(pageOrder: readonly string[]) {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const shown = useRef(errors)
  shown.current = errors
  const onPage = (field: string | undefined): field is string => field !== undefined && pageOrder.includes(field)

  const show = (issues: readonly FieldIssue[]): FieldIssue[] => {
    const next: Record<string, string> = {}
    for (const issue of issues) if (onPage(issue.field) && !next[issue.field]) next[issue.field] = issue.message
    setErrors(next)
    const first = pageOrder.find((field) => next[field])
    if (first) {
      // After the error is on screen, so the view lands on it.
      setTimeout(() => void Taro.pageScrollTo({ selector: `#${fieldErrorId(first)}`, offsetTop: -160, duration: 200 }))
    }
    return issues.filter((issue) => !onPage(issue.field))
  }

  const recheck = (result: { success: true } | { success: false; error: z.core.$ZodError }) => {
    if (Object.keys(shown.current).length === 0) return
    const failing = result.success ? [] : issuesOf(result.error)
    const next: Record<string, string> = {}
    for (const field of Object.keys(shown.current)) {
      const still = failing.find((issue) => issue.field === field)
      if (still) next[field] = still.message
    }
    setErrors(next)
  }

  return {
    errorOf: (field: string): string => errors[field] ?? '',
    show,
    showParse: (error: z.core.$ZodError) => show(issuesOf(error)),
    recheck,
    clear: () => setErrors({}),
  }
}
