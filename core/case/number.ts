/** Case numbers look like 2026-000123: the UTC+8 year, then a per-year sequence. */
export const CASE_NUMBER_PATTERN = /^(\d{4})-(\d{6,})$/

export function formatCaseNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`)
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence ${sequence}`)
  return `${year}-${String(sequence).padStart(6, '0')}`
}

export function parseCaseNumber(text: string): { year: number; sequence: number } | null {
  const match = CASE_NUMBER_PATTERN.exec(text.trim())
  if (!match) return null
  const sequence = Number(match[2])
  return sequence >= 1 ? { year: Number(match[1]), sequence } : null
}

/** Key of the counter document that hands out one year's sequence numbers. */
export function caseNumberCounterId(year: number): string {
  return `case-number-${year}`
}
