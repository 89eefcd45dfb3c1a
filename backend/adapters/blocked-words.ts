/**
 * Words a public notice of the government must not carry, for the local content check
 * (keyword.content-check.ts). A short stand-in for WeChat's checker, not a full list: enough for
 * the local server and the tests to see publishing refused.
 */
export const BLOCKED_WORDS: readonly string[] = [
  // Not 赌博, 吸毒, 色情 …: residents report those as problems, and the lists must be able to say so.
  // 违法广告
  '代开发票',
  '办假证',
  '出售枪支',
  '裸聊',
  '约炮',
  // 邪教与违禁组织
  '法轮功',
  '全能神',
  // 辱骂与脏话: what an angry report may hold, and a public list may not repeat
  '傻逼',
  '王八蛋',
  '他妈的',
  '狗日的',
  '去死吧',
  '混蛋',
  '废物',
  'fuck',
]
