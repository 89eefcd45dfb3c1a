import * as z from 'zod/mini'
import {
  draftViewSchema,
  editRowInput,
  getPublishedInput,
  listPublishedInput,
  listShowcasesInput,
  markShowcaseInput,
  omitRowInput,
  openDraftInput,
  publishedCatalogueSchema,
  publishedViewSchema,
  publishInput,
  restoreRowInput,
  showcaseSchema,
} from '../publication/publication.schemas'
import type { ActionSpec } from './action-spec'

/** 三个清单 and 典型案例: drafted, checked and published by supervisors, read by anyone. */
export const PUBLICATIONS_ACTIONS = {
  openDraft: { permission: 'publication.manage', input: openDraftInput, output: draftViewSchema },
  editRow: { permission: 'publication.manage', input: editRowInput, output: draftViewSchema },
  omitRow: { permission: 'publication.manage', input: omitRowInput, output: draftViewSchema },
  restoreRow: { permission: 'publication.manage', input: restoreRowInput, output: draftViewSchema },
  publish: { permission: 'publication.manage', input: publishInput, output: publishedViewSchema },
  markShowcase: { permission: 'publication.manage', input: markShowcaseInput, output: showcaseSchema },
  listPublished: { permission: 'publication.read', input: listPublishedInput, output: publishedCatalogueSchema },
  getPublished: { permission: 'publication.read', input: getPublishedInput, output: publishedViewSchema },
  listShowcases: { permission: 'publication.read', input: listShowcasesInput, output: z.array(showcaseSchema) },
} as const satisfies Record<string, ActionSpec>
