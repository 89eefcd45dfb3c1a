/**
 * Words a public notice of the government must not carry, for the local content check
 * (keyword.content-check.ts). A short stand-in for WeChat's checker, not a full list: enough for
 * the local server and the tests to see publishing refused.
 */
export const BLOCKED_WORDS: readonly string[] = [
  // 黄赌毒
  '赌博',
  '赌场',
  '六合彩',
  '色情',
  '嫖娼',
  '卖淫',
  '裸聊',
  '约炮',
  '吸毒',
  '贩毒',
  '冰毒',
  '海洛因',
  // 邪教与违禁
  '法轮功',
  '邪教',
  '代开发票',
  '办假证',
  '出售枪支',
  // 辱骂
  '傻逼',
  '王八蛋',
  '他妈的',
  '狗日的',
  '去死吧',
  'fuck',
]
