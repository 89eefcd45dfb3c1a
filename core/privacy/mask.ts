/**
 * Masking of personal data (DESIGN.md §4), applied on the server before data leaves it for anyone
 * who does not need to see it in full.
 */

/** 张秀兰 → 张*兰, 李明 → 李*, 欧阳娜娜 → 欧**娜. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** 13812345678 → 138****5678; 0728-6231234 → 0728-***1234; anything else keeps only its last 2. */
export function maskPhone(phone: string): string {
  const mobile = /^(1\d{2})\d{4}(\d{4})$/.exec(phone)
  if (mobile) return `${mobile[1]}****${mobile[2]}`
  const landline = /^(0\d{2,3})(-?)(\d{7,8})(-\d{1,6})?$/.exec(phone)
  if (landline) {
    const number = landline[3] as string
    return `${landline[1]}${landline[2]}${'*'.repeat(number.length - 4)}${number.slice(-4)}${landline[4] ?? ''}`
  }
  return phone.length <= 2 ? '*'.repeat(phone.length) : `${'*'.repeat(phone.length - 2)}${phone.slice(-2)}`
}

/** 18-digit (or 15-digit) ID-card numbers: the first 4 and last 4 stay. */
export function maskIdCard(id: string): string {
  return id.length <= 8 ? '*'.repeat(id.length) : `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`
}

const ID_CARD_IN_TEXT = /(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)/g
/** A mobile as people write it: +86 or 0086 in front, spaces or dashes between the groups. */
const MOBILE_IN_TEXT = /(?<![\d+])((?:\+86|0086)[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g
/** A landline with its area code, with or without a dash, or with the code in brackets. */
const LANDLINE_IN_TEXT = /(?<!\d)(\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})([\s-]?)(\d{7,8})(?!\d)/g
/**
 * Door and room numbers: 501室, 12号, 3户, 501房, the number after 单元 (2单元501), a room straight
 * after the building or floor (3栋101, 3号楼501, A座1203, 5楼501 — not the unit in 3栋2单元), and
 * the last of 3-2-501.
 */
const HOUSE_NUMBER_IN_TEXT =
  /(\d+)(?=\s*(室|户|房|号(?!楼)))|(?<=单元)\s*(\d+)|(?<=[栋幢座楼])\s*(\d+)(?!\d)(?!\s*单元)|(?<=\d+-\d+-)(\d+)/g

/** 柳岸小区3栋2单元501室 → 柳岸小区3栋2单元***室: building and unit stay, the door does not. */
export function maskHouseNumbers(address: string): string {
  return address.replace(HOUSE_NUMBER_IN_TEXT, '***')
}

/** Phone and ID-card numbers anywhere in a text. */
export function maskPhonesAndIds(text: string): string {
  return text
    .replace(ID_CARD_IN_TEXT, (id) => maskIdCard(id))
    .replace(
      MOBILE_IN_TEXT,
      (_all, prefix: string | undefined, head: string, _middle: string, tail: string) =>
        `${prefix?.trim() ?? ''}${head}****${tail}`,
    )
    .replace(
      LANDLINE_IN_TEXT,
      (_all, area: string, separator: string, number: string) =>
        `${area}${separator}${'*'.repeat(number.length - 4)}${number.slice(-4)}`,
    )
}

/** Free text (a description, a note) with any phone, ID-card or house numbers in it masked. */
export function maskPersonalText(text: string): string {
  return maskHouseNumbers(maskPhonesAndIds(text))
}

/** Every occurrence of the given names in a text, longest first; one-character names are left alone. */
export function maskNamesIn(text: string, names: readonly string[]): string {
  const hunted = [...new Set(names.map((name) => name.trim()).filter((name) => Array.from(name).length >= 2))].sort(
    (a, b) => b.length - a.length,
  )
  return hunted.reduce((masked, name) => masked.split(name).join(maskName(name)), text)
}

/** What kind of personal detail a text still holds (the publish check, DESIGN.md §4). */
export type PersonalDetail = 'phone' | 'idNumber' | 'doorNumber' | 'name'

export const PERSONAL_DETAIL_LABELS: Record<PersonalDetail, string> = {
  phone: '电话号码',
  idNumber: '身份证号',
  doorNumber: '门牌号',
  name: '群众姓名',
}

/**
 * The personal details a text still holds, found with the same patterns that mask them (so a text
 * the public rule masked always passes); `names` are the people the record is about.
 */
export function personalDetailsIn(text: string, names: readonly string[]): PersonalDetail[] {
  const found: PersonalDetail[] = []
  const matches = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text)
  if (matches(MOBILE_IN_TEXT) || matches(LANDLINE_IN_TEXT)) found.push('phone')
  if (matches(ID_CARD_IN_TEXT)) found.push('idNumber')
  if (matches(HOUSE_NUMBER_IN_TEXT)) found.push('doorNumber')
  if (maskNamesIn(text, names) !== text) found.push('name')
  return found
}
