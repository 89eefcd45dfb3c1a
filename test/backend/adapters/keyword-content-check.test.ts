import { KeywordContentCheck } from '../../../backend/adapters/keyword.content-check'
import { BLOCKED_WORDS } from '../../../backend/adapters/blocked-words'

const BY = { openid: 'supervisor-1' }

describe('the repository word list', () => {
  const check = new KeywordContentCheck()

  test.each([
    ['a listed word', '物业的人都是王八蛋', '含有不宜公开的词语“王八蛋”，请修改'],
    ['a word spaced out', '这帮混 蛋不管事', '含有不宜公开的词语“混蛋”，请修改'],
    ['a word cut by a hyphen', '宣传法-轮-功的传单', '含有不宜公开的词语“法轮功”，请修改'],
    ['a word cut by full-width punctuation and a newline', '裸，\n聊广告', '含有不宜公开的词语“裸聊”，请修改'],
    ['a Latin word in capitals, full width', 'ＦＵＣＫ', '含有不宜公开的词语“fuck”，请修改'],
    ['two words: the first in the text is named', '他妈的，这个废物', '含有不宜公开的词语“他妈的”，请修改'],
  ])('%s is blocked, the word named', async (_label, text, message) => {
    expect(await check.check([{ key: 'row-1.title', text }], BY)).toEqual([
      { key: 'row-1.title', verdict: 'blocked', message },
    ])
  })

  test.each([
    ['a plain notice', '3号楼路灯已修复，感谢居民反映'],
    ['the characters of a word apart, with others between', '混乱之后蛋糕店关门'],
    ['a problem residents report, said plainly', '小区里有人聚众赌博，深夜吸毒，张贴色情小广告'],
    ['an empty text', ''],
  ])('%s passes', async (_label, text) => {
    expect(await check.check([{ key: 'k', text }], BY)).toEqual([{ key: 'k', verdict: 'pass' }])
  })

  test('the list is short and every word is kept once', () => {
    expect(BLOCKED_WORDS.length).toBeGreaterThanOrEqual(15)
    expect(BLOCKED_WORDS.length).toBeLessThanOrEqual(30)
    expect(new Set(BLOCKED_WORDS).size).toBe(BLOCKED_WORDS.length)
  })
})

test('verdicts come in the order given, each with its key', async () => {
  const check = new KeywordContentCheck()
  expect(
    await check.check(
      [
        { key: 'c', text: '楼道堆物已清理' },
        { key: 'a', text: '出售枪支' },
        { key: 'b', text: '' },
        { key: 'a2', text: '办 假 证' },
      ],
      BY,
    ),
  ).toEqual([
    { key: 'c', verdict: 'pass' },
    { key: 'a', verdict: 'blocked', message: '含有不宜公开的词语“出售枪支”，请修改' },
    { key: 'b', verdict: 'pass' },
    { key: 'a2', verdict: 'blocked', message: '含有不宜公开的词语“办假证”，请修改' },
  ])
})

test('no texts, no verdicts', async () => {
  expect(await new KeywordContentCheck().check([], BY)).toEqual([])
})

test('a list of its own replaces the repository list; the repository list can be added to', async () => {
  const own = new KeywordContentCheck(['违规测试词'])
  expect(
    await own.check(
      [
        { key: 'x', text: '含违规 测试词的句子' },
        { key: 'y', text: '王八蛋' },
      ],
      BY,
    ),
  ).toEqual([
    { key: 'x', verdict: 'blocked', message: '含有不宜公开的词语“违规测试词”，请修改' },
    { key: 'y', verdict: 'pass' },
  ])
  const more = new KeywordContentCheck([...BLOCKED_WORDS, '违规测试词'])
  expect(
    await more.check(
      [
        { key: 'x', text: '违规测试词' },
        { key: 'y', text: '王八蛋' },
      ],
      BY,
    ),
  ).toEqual([
    { key: 'x', verdict: 'blocked', message: '含有不宜公开的词语“违规测试词”，请修改' },
    { key: 'y', verdict: 'blocked', message: '含有不宜公开的词语“王八蛋”，请修改' },
  ])
})

test('a listed word made only of punctuation is ignored, not matched everywhere', async () => {
  expect(await new KeywordContentCheck(['——', '']).check([{ key: 'k', text: '你好——再见' }], BY)).toEqual([
    { key: 'k', verdict: 'pass' },
  ])
})
