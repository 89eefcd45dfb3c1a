import type { Role } from '@core/roles'
import { stillHandlingMessage, takesOffDuty } from '@core/user/user'

describe('which changes take an official off duty (and so wait until their open cases are reassigned)', () => {
  test.each<{ role: Role; active: boolean; change: { active?: boolean; role?: Role }; expected: boolean }>([
    { role: 'cadre', active: true, change: { active: false }, expected: true },
    { role: 'supervisor', active: true, change: { active: false }, expected: true },
    { role: 'cadre', active: true, change: { role: 'resident' }, expected: true },
    { role: 'supervisor', active: true, change: { role: 'admin' }, expected: true },
    { role: 'cadre', active: true, change: { role: 'supervisor' }, expected: false },
    { role: 'supervisor', active: true, change: { role: 'cadre' }, expected: false },
    { role: 'cadre', active: true, change: { active: true }, expected: false },
    // Re-activating, or changing someone already off duty, never waits.
    { role: 'cadre', active: false, change: { active: true }, expected: false },
    { role: 'cadre', active: false, change: { role: 'resident' }, expected: false },
    { role: 'resident', active: true, change: { active: false }, expected: false },
    { role: 'admin', active: true, change: { active: false }, expected: false },
  ])('$role (active: $active) + $change → $expected', ({ role, active, change, expected }) => {
    expect(takesOffDuty({ role, active }, change)).toBe(expected)
  })
})

describe('the refusal names the open cases', () => {
  test('a few: all of them, in number order', () => {
    expect(stillHandlingMessage('王强', ['2026-000012', '2026-000003'], 2)).toBe(
      '王强还在承办 2 条未办结的诉求：2026-000003、2026-000012。请督办领导先在诉求页“改派”给别人，再停用或更改角色。',
    )
  })

  test('exactly five: all of them, nothing more to count', () => {
    const numbers = ['2026-000001', '2026-000002', '2026-000003', '2026-000004', '2026-000005']
    expect(stillHandlingMessage('李娜', numbers, 5)).toBe(
      '李娜还在承办 5 条未办结的诉求：2026-000001、2026-000002、2026-000003、2026-000004、2026-000005。请督办领导先在诉求页“改派”给别人，再停用或更改角色。',
    )
  })

  test('many: the first five and how many more', () => {
    const numbers = ['2026-000009', '2026-000001', '2026-000002', '2026-000003', '2026-000004']
    expect(stillHandlingMessage('', numbers, 12)).toBe(
      '此人还在承办 12 条未办结的诉求：2026-000001、2026-000002、2026-000003、2026-000004、2026-000009等，另有 7 条。请督办领导先在诉求页“改派”给别人，再停用或更改角色。',
    )
  })
})
