import { maskHouseNumbers, maskIdCard, maskName, maskPersonalText, maskPhone } from '@core/privacy/mask'

describe('masking personal data', () => {
  test.each([
    ['张秀兰', '张*兰'],
    ['李明', '李*'],
    ['欧阳娜娜', '欧**娜'],
    ['王', '*'],
    ['', ''],
  ])('name %p → %p', (name, masked) => expect(maskName(name)).toBe(masked))

  test.each([
    ['13812345678', '138****5678'],
    ['0728-6231234', '0728-***1234'],
    ['010-62345678', '010-****5678'],
    ['07286231234', '0728***1234'],
    ['0728-6231234-802', '0728-***1234-802'],
    ['12', '**'],
  ])('phone %p → %p', (phone, masked) => expect(maskPhone(phone)).toBe(masked))

  test.each([
    ['42900519800101123X', '4290**********123X'],
    ['429005800101123', '4290*******1123'],
  ])('ID card %p → %p', (id, masked) => expect(maskIdCard(id)).toBe(masked))

  test.each([
    ['柳岸小区3栋2单元501室', '柳岸小区3栋2单元***室'],
    ['东湖路12号', '东湖路***号'],
    ['东湖路3号楼', '东湖路3号楼'],
    ['西岭三队8户', '西岭三队***户'],
    ['柳岸小区3栋2单元501', '柳岸小区3栋2单元***'],
    ['A小区3栋101', 'A小区3栋***'],
    ['A小区12栋3单元', 'A小区12栋3单元'],
    ['柳岸小区3-2-501', '柳岸小区3-2-***'],
  ])('address %p → %p', (address, masked) => expect(maskHouseNumbers(address)).toBe(masked))

  test('free text: phones, ID numbers and door numbers inside a sentence', () => {
    expect(
      maskPersonalText('我是张三，电话13812345678，身份证42900519800101123X，住3栋2单元501室，座机0728-6231234'),
    ).toBe('我是张三，电话138****5678，身份证4290**********123X，住3栋2单元***室，座机0728-***1234')
  })
})

describe('numbers written the ways people write them', () => {
  test.each([
    ['电话+8613812345678', '电话+86138****5678'],
    ['电话 138 1234 5678 找我', '电话 138****5678 找我'],
    ['电话138-1234-5678', '电话138****5678'],
    ['座机07286231234', '座机0728***1234'],
    ['座机(0728)6231234', '座机(0728)***1234'],
    ['住3号楼501', '住3号楼***'],
    ['住5楼501房', '住5楼***房'],
    ['住A座1203', '住A座***'],
  ])('%p → %p', (text, masked) => expect(maskPersonalText(text)).toBe(masked))
})
