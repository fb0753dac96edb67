import type { Session } from './session'

export interface Citation { number: number, path: string, anchor: string, heading: string, url?: string }

/** One event of a streamed answer, as the copilot's server-sent events carry them. */
export type CopilotEvent =
  | { kind: 'text', text: string }
  | { kind: 'code', language: string, code: string, caption?: string }
  | { kind: 'citations', citations: Citation[] }
  | { kind: 'final', mode?: string, disclaimer?: string }
  | { kind: 'error', message: string }

export interface CopilotQuestion { projectId: string, question: string, notebook?: string, cellId?: string }

/**
 * POSTs a question to `/api/copilot/ask` and yields the answer's events as they stream
 * (`text/event-stream`: text chunks and code blocks, then citations, then a final event).
 */
export async function * askCopilot (session: Session, question: CopilotQuestion, signal?: AbortSignal): AsyncGenerator<CopilotEvent> {
  const response = await fetch(`${session.serverUrl}/api/copilot/ask`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
    body: JSON.stringify(question),
    signal
  })
  if (response.status === 404) throw new Error('The copilot is not available on this server.')
  if (!response.ok || !response.body) throw new Error(await problemText(response))
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += value.replace(/\r\n/g, '\n')
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = parseEvent(buffer.slice(0, end))
      buffer = buffer.slice(end + 2)
      if (event) yield event
    }
  }
  const rest = parseEvent(buffer)
  if (rest) yield rest
}

function parseEvent (block: string): CopilotEvent | null {
  let name = ''
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
  }
  if (data.length === 0) return null
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the server's JSON in several event shapes, read field by field below
  let payload: any
  try {
    payload = JSON.parse(data.join('\n'))
  } catch {
    return { kind: 'text', text: data.join('\n') }
  }
  const kind = String(name || payload.type || payload.kind || '').toLowerCase()
  if (kind.includes('citation')) return { kind: 'citations', citations: payload.citations ?? payload }
  if (kind.includes('code')) return { kind: 'code', language: payload.language ?? '', code: payload.code ?? payload.text ?? '', caption: payload.caption ?? undefined }
  if (kind.includes('final') || kind === 'done') return { kind: 'final', mode: payload.mode, disclaimer: payload.disclaimer }
  if (kind.includes('error')) return { kind: 'error', message: payload.message ?? payload.detail ?? 'The copilot failed.' }
  return { kind: 'text', text: payload.text ?? '' }
}

async function problemText (response: Response): Promise<string> {
  try {
    const problem = await response.json()
    return problem.detail ?? problem.title ?? `HTTP ${response.status}`
  } catch {
    return `HTTP ${response.status}`
  }
}
