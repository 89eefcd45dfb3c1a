/**
 * Stable error codes and the default Chinese message for each. Callers may pass a more
 * specific message, but the code is the contract that pages and tools branch on.
 */
export const ERROR_MESSAGES = {
  'INPUT.INVALID': '填写的内容有误，请检查后再提交',
  'INPUT.UNKNOWN_ACTION': '不支持的操作，请升级小程序后再试',
  'AUTH.LOGIN_REQUIRED': '请先登录后再操作',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  'AUTH.DEACTIVATED': '您的账号已停用，如有疑问请联系管理员',
  'CASE.NOT_FOUND': '没有找到这条诉求，请核对编号',
  'CASE.UNKNOWN_AREA': '所选的社区或小区不存在，请重新选择',
  'CASE.PHOTO_NOT_FOUND': '有照片没有上传成功，请删除后重新添加',
  'RECORD.CONFLICT': '这条记录刚被别人修改过，请刷新后再试',
  'USER.NOT_FOUND': '没有找到这个用户',
  'USER.SELF_CHANGE': '不能修改自己的角色或停用自己，请另一位管理员操作',
  'ORG.NOT_FOUND': '没有找到这个组织',
  'ORG.BAD_PARENT': '这类组织不能放在所选的上级组织下',
  'ORG.CYCLE': '不能把组织移到它自己的下级组织下',
  'ORG.NOT_EMPTY': '这个组织及其下级还有人员或诉求，不能移动；请先调整人员和诉求',
  'ORG.HAS_CHILDREN': '这个组织还有启用中的下级组织，请先停用下级组织',
  'ORG.INACTIVE': '所选组织已停用',
  'INVITE.INVALID': '邀请码不正确，请核对后重新输入',
  'INVITE.EXPIRED': '邀请码已过期，请联系管理员重新发放',
  'INVITE.REVOKED': '邀请码已作废，请联系管理员',
  'INVITE.USED': '邀请码已被使用过，每个邀请码只能用一次',
  'INVITE.RATE_LIMITED': '尝试次数过多，请一小时后再试',
  'SYSTEM.ERROR': '系统繁忙，请稍后再试',
  // Transport errors of the local server: the request never reached a function.
  'HTTP.UNKNOWN_FUNCTION': '没有这个功能',
  'HTTP.NOT_FOUND': '页面或资源不存在',
  'HTTP.BAD_JSON': '请求内容不是有效的 JSON',
  'HTTP.BODY_TOO_LARGE': '提交的内容过大',
  'HTTP.UNSUPPORTED_MEDIA_TYPE': '不支持的请求格式',
  'HTTP.BAD_IDENTITY': '用户标识格式不正确',
  'FILE.MISSING': '请选择要上传的图片',
  'FILE.NOT_IMAGE': '只能上传图片（JPG、PNG、GIF、WEBP、HEIC）',
  'FILE.TOO_LARGE': '图片太大，请选择 10MB 以内的图片',
  'FILE.NOT_FOUND': '图片不存在或已删除',
  'JOB.UNKNOWN': '没有这个定时任务',
  'CLOCK.INVALID': '时间调整参数不正确：offsetHours 须为 0 到 8760 之间的数字',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES
