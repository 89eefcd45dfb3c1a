/** Mainland mobile: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/
/** Mainland landline: area code 0xx or 0xxx, a 7–8 digit number, optional extension. */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/

/** Drops the spaces and the +86 prefix people type, keeps the area-code hyphen. */
export function normalizePhone(raw: string): string {
  let phone = raw
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(]/g, '')
    .replace(/[）)]/g, '-')
  if (phone.startsWith('+86')) phone = phone.slice(3)
  else if (phone.startsWith('0086')) phone = phone.slice(4)
  return phone.replace(/-+/g, '-').replace(/^-|-$/g, '')
}

export function isMainlandPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone)
}
