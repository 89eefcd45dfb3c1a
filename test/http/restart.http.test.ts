import { submitEvent } from '../support/backend'
import { callFn, startServer } from '../support/server-process'
import { tempDir } from '../support/temp-dir'

test('kill -9 and restart on the same DATA_DIR: every acknowledged case is there, and numbering continues', async () => {
  const dataDir = tempDir()
  const first = await startServer({ DATA_DIR: dataDir, DEMO_DATA: 'on' })
  const acknowledged: Array<{ id: string; number: string; openid: string }> = []
  // From three residents: one person's reports are capped at 20 an hour.
  await Promise.all(
    Array.from({ length: 30 }, async (_, i) => {
      const openid = `restart-resident-${i % 3}`
      const { body } = await callFn(first, 'cases', submitEvent({ areaUnitId: 'unit-donghu-community' }), openid)
      if (body.ok) acknowledged.push({ ...(body.data as { id: string; number: string }), openid })
    }),
  )
  expect(acknowledged).toHaveLength(30)
  await first.stop('SIGKILL')

  const second = await startServer({ DATA_DIR: dataDir })
  try {
    for (const { id, number, openid } of acknowledged) {
      const { body } = await callFn(second, 'cases', { action: 'get', id }, openid)
      expect(body).toMatchObject({ ok: true, data: { id, number } })
    }
    const highest = Math.max(...acknowledged.map(({ number }) => Number(number.split('-')[1])))
    const { body } = await callFn(
      second,
      'cases',
      submitEvent({ areaUnitId: 'unit-donghu-community' }),
      'demo-resident-zhang',
    )
    expect(Number((body.data as { number: string }).number.split('-')[1])).toBe(highest + 1)
    expect(second.output()).not.toContain('已创建演示数据')
  } finally {
    await second.stop()
  }
})
