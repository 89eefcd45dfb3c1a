import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button, Checkbox, Input, Radio, TextArea } from '@nutui/nutui-react-taro'
import { URGENCY_LABELS, type CaseLocation, type Category, type Urgency } from '@core/case/case'
import { DESCRIPTION_MAX, MAX_CASE_PHOTOS, submitCaseInput } from '@core/case/case.schemas'
import AreaPicker from '../../components/AreaPicker'
import CategoryChoice from '../../components/CategoryChoice'
import Page from '../../components/Page'
import PhotoPicker from '../../components/PhotoPicker'
import { callFunction, failureMessage, NetworkError } from '../../services/backend'
import { newRequestId, useDraft } from '../../services/draft'
import { getFix } from '../../services/location'
import { ensurePrivacyConsent } from '../../services/privacy'
import { useFieldErrors } from '../../services/field-errors'
import FieldError from '../../components/FieldError'
import { requestReporterSubscriptions } from '../../services/subscriptions'
import './index.scss'
import { useGatedMe, withPageAccess } from '../../components/PageGate'
import { PAGES } from '../../services/page-access'

const DRAFT_KEY = 'submit'

interface Draft {
  clientRequestId: string
  category: Category | ''
  urgency: Urgency
  areaUnitId: string
  description: string
  photos: string[]
  coords: CaseLocation['coords'] | null
  address: string
  reporterName: string
  reporterPhone: string
  relation: 'self' | 'family'
  anonymous: boolean
}

function emptyDraft(): Draft {
  return {
    clientRequestId: newRequestId(),
    category: '',
    urgency: 'normal',
    areaUnitId: '',
    description: '',
    photos: [],
    coords: null,
    address: '',
    reporterName: '',
    reporterPhone: '',
    relation: 'self',
    anonymous: false,
  }
}

const URGENCY_HINTS: Record<Urgency, string> = {
  urgent: '急：影响安全或基本生活，需要马上处理',
  hard: '难：长期没解决，可能要几个部门一起办',
  normal: '一般：希望尽快处理',
}

function toEvent(draft: Draft) {
  const location =
    draft.coords || draft.address.trim()
      ? {
          ...(draft.coords ? { coords: draft.coords } : {}),
          ...(draft.address.trim() ? { address: draft.address } : {}),
        }
      : undefined
  return {
    action: 'submit' as const,
    clientRequestId: draft.clientRequestId,
    category: draft.category,
    urgency: draft.urgency,
    description: draft.description,
    photos: draft.photos,
    areaUnitId: draft.areaUnitId,
    ...(location ? { location } : {}),
    reporter: {
      name: draft.reporterName,
      phone: draft.reporterPhone,
      relation: draft.relation,
      anonymous: draft.anonymous,
    },
  }
}

/** The fields in the order the page shows them (the first with an error is scrolled to). */
const FIELD_ORDER = [
  'category',
  'urgency',
  'areaUnitId',
  'description',
  'photos',
  'location.address',
  'reporter.relation',
  'reporter.name',
  'reporter.phone',
] as const

function Submit() {
  const { draft, update: saveDraft, reset, restored } = useDraft<Draft>(DRAFT_KEY, emptyDraft)
  const [message, setMessage] = useState('')
  const [locationMessage, setLocationMessage] = useState('')
  const [busy, setBusy] = useState<'' | 'location' | 'send'>('')
  const fields = useFieldErrors(FIELD_ORDER)
  const me = useGatedMe()

  /** Every change is saved on the phone, and clears the errors of the fields it fixed. */
  const update = (patch: Partial<Draft>) => {
    saveDraft(patch)
    fields.recheck(submitCaseInput.safeParse(toEvent({ ...draft, ...patch })))
  }

  // The resident's own name and phone, from their profile, for a report about themself.
  useEffect(() => {
    if (!me || draft.relation !== 'self') return
    const missing: Partial<Draft> = {}
    if (!draft.reporterName && me.name) missing.reporterName = me.name
    if (!draft.reporterPhone && me.phone) missing.reporterPhone = me.phone
    if (Object.keys(missing).length > 0) saveDraft(missing)
    // Only when the profile arrives: what the person types afterwards is theirs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [me])

  const locate = async () => {
    setBusy('location')
    const located = await getFix('resident')
    setBusy('')
    if (!located.fix) return setLocationMessage(`${located.why}请在下面的“详细地址”里写明位置。`)
    update({ coords: located.fix })
    setLocationMessage('')
  }

  const send = async () => {
    const parsed = submitCaseInput.safeParse(toEvent(draft))
    if (!parsed.success) {
      const elsewhere = fields.showParse(parsed.error)
      return setMessage(elsewhere[0]?.message ?? '请按红字提示修改后再提交。')
    }
    fields.clear()
    setMessage('')
    // Name and phone go to the server: the person is told why, first (the report goes on once they agree).
    if (!(await ensurePrivacyConsent('resident'))) {
      return setMessage('您没有同意个人信息保护提示，诉求没有提交：办理需要您的姓名和电话。同意后请再点“提交”。')
    }
    setBusy('send')
    try {
      const { action: _action, ...params } = parsed.data
      const subscriptions = await requestReporterSubscriptions()
      const result = await callFunction('cases', 'submit', { ...params, subscriptions })
      if (!result.ok) {
        const elsewhere = fields.show([{ field: result.field, message: result.message }])
        return setMessage(elsewhere[0]?.message ?? '请按红字提示修改后再提交。')
      }
      reset()
      const view = result.data
      void Taro.redirectTo({ url: `/pages/case/index?id=${view.id}&submitted=1` })
    } catch (error) {
      setMessage(
        error instanceof NetworkError
          ? '网络不畅，这次没有提交成功。您填写的内容已保存在手机上，请稍后再点“提交”。'
          : `提交没有成功。${failureMessage(error)}`,
      )
    } finally {
      setBusy('')
    }
  }

  return (
    <Page className="submit">
      {restored && <Text className="mq-hint submit__restored">已恢复您上次没有提交的内容。</Text>}

      <View className="mq-card">
        <Text className="mq-label">反映什么问题</Text>
        <CategoryChoice
          className="submit__choices"
          value={draft.category}
          onChange={(category) => update({ category })}
        />
        <FieldError field="category" message={fields.errorOf('category')} />

        <Text className="mq-label">紧急程度</Text>
        <Radio.Group
          className="submit__urgency"
          value={draft.urgency}
          onChange={(value) => update({ urgency: String(value) as Urgency })}
        >
          {(['urgent', 'hard', 'normal'] as const).map((urgency) => (
            <Radio key={urgency} value={urgency} className="submit__urgency-option">
              {URGENCY_HINTS[urgency] ?? URGENCY_LABELS[urgency]}
            </Radio>
          ))}
        </Radio.Group>

        <Text className="mq-label">问题在哪个社区或小区</Text>
        <AreaPicker
          className="submit__area"
          value={draft.areaUnitId}
          onChange={(areaUnitId) => update({ areaUnitId })}
          onError={setMessage}
        />
        <FieldError field="areaUnitId" message={fields.errorOf('areaUnitId')} />
      </View>

      <View className="mq-card">
        <Text className="mq-label">具体情况</Text>
        <TextArea
          className="submit__description"
          aria-label="问题描述"
          placeholder="请说说遇到了什么问题、在哪里、有多久了。可以用语音输入。"
          value={draft.description}
          maxLength={DESCRIPTION_MAX}
          showCount
          autoSize
          onChange={(value) => update({ description: value })}
        />
        <FieldError field="description" message={fields.errorOf('description')} />

        <Text className="mq-label">
          照片（可选，最多 {MAX_CASE_PHOTOS} 张，已添加 {draft.photos.length} 张）
        </Text>
        <PhotoPicker
          audience="resident"
          photos={draft.photos}
          max={MAX_CASE_PHOTOS}
          onChange={(photos) => update({ photos })}
          onError={setMessage}
        />
        <FieldError field="photos" message={fields.errorOf('photos')} />
      </View>

      <View className="mq-card">
        <Text className="mq-label">位置（可选）</Text>
        {draft.coords ? (
          <View className="mq-row">
            <Text className="mq-text submit__located">
              已定位{draft.coords.accuracy !== undefined ? `（精度约 ${draft.coords.accuracy} 米）` : ''}
            </Text>
            <Button className="mq-tap" fill="outline" onClick={() => update({ coords: null })}>
              清除定位
            </Button>
          </View>
        ) : (
          <Button className="mq-tap" fill="outline" loading={busy === 'location'} onClick={() => void locate()}>
            获取当前位置
          </Button>
        )}
        <Input
          className="submit__input"
          aria-label="详细地址"
          placeholder="详细地址，例如 柳岸小区3栋2单元"
          value={draft.address}
          maxLength={200}
          onChange={(value) => update({ address: value })}
        />
        {/* Right under the address box it asks the person to fill in. */}
        <FieldError field="location.address" message={fields.errorOf('location.address') || locationMessage} />
      </View>

      <View className="mq-card">
        <Text className="mq-label">反映人</Text>
        <Radio.Group
          direction="horizontal"
          value={draft.relation}
          onChange={(value) => update({ relation: String(value) as Draft['relation'] })}
        >
          <Radio value="self">我本人</Radio>
          <Radio value="family">替家人反映</Radio>
        </Radio.Group>
        <Input
          className="submit__input"
          aria-label="姓名"
          placeholder={draft.relation === 'self' ? '您的姓名' : '家人的姓名'}
          value={draft.reporterName}
          maxLength={20}
          onChange={(value) => update({ reporterName: value })}
        />
        <FieldError field="reporter.name" message={fields.errorOf('reporter.name')} />
        <Input
          className="submit__input"
          aria-label="联系电话"
          type="tel"
          placeholder="手机号或带区号的座机号"
          value={draft.reporterPhone}
          maxLength={20}
          onChange={(value) => update({ reporterPhone: value })}
        />
        <FieldError field="reporter.phone" message={fields.errorOf('reporter.phone')} />
        <Checkbox
          className="submit__anonymous mq-tap"
          checked={draft.anonymous}
          label="匿名：不向经办人员显示姓名和电话（督办领导仍可联系您）"
          onChange={(checked) => update({ anonymous: checked })}
        />
      </View>

      {/* Right above the button, where the eye is when a send fails. */}
      {message && (
        <Text className="mq-error submit__message" aria-live="assertive">
          {message}
        </Text>
      )}
      <Button
        className="submit__send mq-tap"
        type="primary"
        size="large"
        block
        loading={busy === 'send'}
        disabled={busy !== ''}
        onClick={() => void send()}
      >
        提交
      </Button>
    </Page>
  )
}

export default withPageAccess(PAGES.submit, Submit)
