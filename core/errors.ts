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
