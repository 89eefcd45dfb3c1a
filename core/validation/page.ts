import { z } from 'zod'

/** What every cursor-paged list answers: its rows, how many there are in all, where the next page starts. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), total: z.number(), nextCursor: z.string().nullable() })
}
