import * as z from 'zod/mini'

/** What every cursor-paged list answers: its rows, how many there are in all, where the next page starts. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.strictObject({ items: z.array(item), total: z.number(), nextCursor: z.nullable(z.string()) })
}
