import { z } from 'zod'

/** The places a resident can choose as what a report concerns (社区/小区/生产队, by 办事处). */
export const listAreasInput = z.object({ action: z.literal('listAreas') })
