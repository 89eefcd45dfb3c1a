/** A valid 1×1 PNG, for upload tests. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

export async function upload(
  baseUrl: string,
  bytes: Buffer,
  fileName: string,
  type: string,
  openid?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName)
  const response = await fetch(`${baseUrl}/files`, {
    method: 'POST',
    headers: openid ? { 'x-demo-user': openid } : {},
    body: form,
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
