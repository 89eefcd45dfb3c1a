import { viewRule, type Disclosure } from '@core/privacy/view-rule'

const NAMES = ['张秀兰', '李明']
const TEXT = '张秀兰的电话13812345678，身份证42900519800101123X，住3栋2单元501室，邻居李明也知道，座机0728-6231234'

/** DESIGN.md §4, written out: what each level shows of a sentence holding all four. */
const EXPECTED_TEXT: Record<Disclosure, string> = {
  full: TEXT,
  anonymousHandler:
    '张*兰的电话138****5678，身份证4290**********123X，住3栋2单元501室，邻居李*也知道，座机0728-***1234',
  other: '张*兰的电话138****5678，身份证4290**********123X，住3栋2单元***室，邻居李*也知道，座机0728-***1234',
  public: '张*兰的电话138****5678，身份证4290**********123X，住3栋2单元***室，邻居李*也知道，座机0728-***1234',
}

const ADDRESS = '柳岸小区3栋2单元501室（电话13812345678）'
const EXPECTED_ADDRESS: Record<Disclosure, string> = {
  full: ADDRESS,
  // The handler goes to the door: it stays; the phone does not.
  anonymousHandler: '柳岸小区3栋2单元501室（电话138****5678）',
  other: '柳岸小区3栋2单元***室（电话138****5678）',
  public: '柳岸小区3栋2单元***室（电话138****5678）',
}

describe('the one view rule', () => {
  test.each(Object.keys(EXPECTED_TEXT) as Disclosure[])('free text at the %s level', (level) => {
    expect(viewRule(level, NAMES).text(TEXT)).toBe(EXPECTED_TEXT[level])
  })

  test.each(Object.keys(EXPECTED_ADDRESS) as Disclosure[])('an address at the %s level', (level) => {
    expect(viewRule(level, NAMES).address(ADDRESS)).toBe(EXPECTED_ADDRESS[level])
  })

  test.each([
    ['full', '张秀兰', '13812345678'],
    ['anonymousHandler', '张*兰', '138****5678'],
    ['other', '张*兰', '138****5678'],
    ['public', '张*兰', '138****5678'],
  ] as const)('a name and a phone field at the %s level', (level, name, phone) => {
    const rule = viewRule(level, NAMES)
    expect(rule.name('张秀兰')).toBe(name)
    expect(rule.phone('13812345678')).toBe(phone)
  })

  test('longer names are masked before the shorter ones they contain', () => {
    expect(viewRule('other', ['欧阳娜娜', '欧阳']).text('欧阳娜娜和欧阳来过')).toBe('欧**娜和欧*来过')
  })

  test('a one-character or empty name is not hunted in text (it would mask every such character)', () => {
    expect(viewRule('other', ['王', '']).text('王府井大街')).toBe('王府井大街')
  })

  test('names are found with spaces around them, and text without personal data passes unchanged', () => {
    expect(viewRule('public', NAMES).text('联系人 张秀兰 说')).toBe('联系人 张*兰 说')
    expect(viewRule('public', NAMES).text('路灯坏了三天')).toBe('路灯坏了三天')
  })
})

describe('the public level (published lists)', () => {
  // Everyone a case can name: its reporter, the family member who typed it in, the household visited.
  const KNOWN = ['赵春梅', '钱多多', '欧阳娜娜']
  test.each([
    [
      'the reporter, a family member and a household, by name',
      '赵春梅的女儿钱多多替她反映，邻居欧阳娜娜作证',
      '赵*梅的女儿钱*多替她反映，邻居欧**娜作证',
    ],
    [
      'mobiles, landlines and ID numbers as people write them',
      '电话+86 139-8765-4321，座机(0728)6231234，身份证420106199001011234',
      '电话+86139****4321，座机(0728)***1234，身份证4201**********1234',
    ],
    [
      'door numbers after 单元, 栋, 号楼, 座 and in 3-2-501',
      '住2单元702室，对门3栋101，楼下5号楼302，A座1203，还有3-2-501',
      '住2单元***室，对门3栋***，楼下5号楼***，A座***，还有3-2-***',
    ],
    ['everything at once', '欧阳娜娜 13987654321 住1单元702室', '欧**娜 139****4321 住1单元***室'],
  ])('masks %s in free text', (_what, text, expected) => {
    expect(viewRule('public', KNOWN).text(text)).toBe(expected)
  })

  test('names, phones and exact places of the fields', () => {
    const rule = viewRule('public', KNOWN)
    expect([rule.name('欧阳娜娜'), rule.phone('0728-6231234'), rule.address('柳岸小区3栋2单元501室')]).toEqual([
      '欧**娜',
      '0728-***1234',
      '柳岸小区3栋2单元***室',
    ])
    expect(rule.exactPlace).toBe(false)
  })
})
