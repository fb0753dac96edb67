import type * as nbformat from '@jupyterlab/nbformat'
import { h } from '@collab/ui'

/** Renders a code cell's outputs: streams, plain text, PNG/JPEG images and errors (never raw HTML). */
export function renderOutputs (outputs: nbformat.IOutput[]): HTMLElement {
  const area = h('div', { class: 'outputs', 'aria-label': 'Cell output' })
  for (const output of outputs) area.append(renderOutput(output))
  return area
}

function renderOutput (output: nbformat.IOutput): HTMLElement {
  switch (output.output_type) {
    case 'stream':
      return h('pre', { class: `output stream ${String(output.name)}` }, joined(output.text))
    case 'error':
      return h('pre', { class: 'output error' }, `${String(output.ename)}: ${String(output.evalue)}\n`,
        stripAnsi(joined(output.traceback as string[] | undefined, '\n')))
    case 'execute_result':
    case 'display_data':
      return renderMimeBundle((output.data ?? {}) as Record<string, unknown>)
    default:
      return h('pre', { class: 'output' }, `[${String(output.output_type)} output]`)
  }
}

function renderMimeBundle (data: Record<string, unknown>): HTMLElement {
  for (const mime of ['image/png', 'image/jpeg']) {
    if (typeof data[mime] === 'string') {
      return h('img', { class: 'output image', src: `data:${mime};base64,${String(data[mime]).replace(/\s/g, '')}`, alt: String(joined(data['text/plain'] as string) || 'Image output') })
    }
  }
  const text = data['text/plain'] ?? data['text/markdown'] ?? (data['application/json'] ? JSON.stringify(data['application/json'], null, 2) : undefined)
  if (text !== undefined) return h('pre', { class: 'output' }, joined(text as string | string[]))
  return h('pre', { class: 'output muted' }, `[${Object.keys(data).join(', ')}]`)
}

function joined (value: unknown, separator = ''): string {
  if (Array.isArray(value)) return value.join(separator)
  return typeof value === 'string' ? value : ''
}

function stripAnsi (text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '')
}
