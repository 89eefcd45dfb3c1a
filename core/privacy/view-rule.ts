import { maskHouseNumbers, maskName, maskNamesIn, maskPhone, maskPhonesAndIds } from './mask'

/**
 * The one view rule for personal data (DESIGN.md §4). Every response that carries text that can
 * hold a name, a phone, an ID number or a door number passes it through a rule made here:
 * - `full`: the reporter, and the staff who work the case;
 * - `anonymousHandler`: whoever handled a 匿名 case — the reporter's name, and phones and ID numbers
 *   in free text, are masked; the door stays (the handler goes there);
 * - `other`: followers of a merged case, officials who did not visit a household, any other
 *   non-staff viewer — phones, ID numbers and door numbers masked, and the names known to the record;
 * - `public`: the public lists — as `other`, the caller passing every name known to the record.
 */
export type Disclosure = 'full' | 'anonymousHandler' | 'other' | 'public'

export interface ViewRule {
  level: Disclosure
  /** Free text: a description, a note, an opinion, a comment. */
  text(value: string): string
  address(value: string): string
  /** The name of a person the record is about. */
  name(value: string): string
  /** A phone number field. */
  phone(value: string): string
  /** Whether the exact place (coordinates) may be shown: a masked door is no use next to a GPS fix. */
  exactPlace: boolean
}

const identity = (value: string) => value

/** The rule at this level; `knownNames` are the names of the people the record is about. */
export function viewRule(level: Disclosure, knownNames: readonly string[]): ViewRule {
  if (level === 'full') {
    return { level, text: identity, address: identity, name: identity, phone: identity, exactPlace: true }
  }
  const hideDoors = level !== 'anonymousHandler'
  const text = (value: string) => {
    const masked = maskNamesIn(maskPhonesAndIds(value), knownNames)
    return hideDoors ? maskHouseNumbers(masked) : masked
  }
  return { level, text, address: text, name: maskName, phone: maskPhone, exactPlace: !hideDoors }
}
