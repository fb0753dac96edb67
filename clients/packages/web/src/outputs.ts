import type * as nbformat from '@jupyterlab/nbformat'
import { AnsiUp } from 'ansi_up'
import { h, renderLatex, renderMarkdown, sanitizeHtml, sanitizeSvg } from '@collab/ui'

/**
 * Renders a code cell's outputs as Jupyter does: the richest MIME type we can show safely (HTML and
 * SVG sanitized, images, LaTeX, Markdown, JSON, text), ANSI colours in streams and tracebacks.
 */
export function renderOutputs (outputs: nbformat.IOutput[]): HTMLElement {
  const area = h('div', { class: 'outputs', 'aria-label': 'Cell output' })
  for (const output of outputs) area.append(renderOutput(output))
  return area
}

function renderOutput (output: nbformat.IOutput): HTMLElement {
  switch (output.output_type) {
    case 'stream':
      return ansiBlock(`output stream ${String(output.name)}`, joined(output.text))
    case 'error': {
      // The traceback ends with "Name: value" already; show that line alone only when there is none.
      const traceback = joined(output.traceback as string[] | undefined, '\n')
      return ansiBlock('output error', traceback || `${String(output.ename)}: ${String(output.evalue)}`)
    }
    case 'execute_result':
    case 'display_data':
      return renderMimeBundle((output.data ?? {}) as Record<string, unknown>)
    default:
      return h('pre', { class: 'output' }, `[${String(output.output_type)} output]`)
  }
}

const renderers: Array<[string, (value: string, data: Record<string, unknown>) => HTMLElement]> = [
  ['text/html', value => withClass(h('div', {}, sanitizeHtml(value)), 'output html')],
  ['image/svg+xml', value => withClass(h('div', {}, sanitizeSvg(value)), 'output svg')],
  ['image/png', (value, data) => image('image/png', value, data)],
  ['image/jpeg', (value, data) => image('image/jpeg', value, data)],
  ['image/gif', (value, data) => image('image/gif', value, data)],
  ['text/latex', value => withClass(renderLatex(value), 'output')],
  ['text/markdown', value => withClass(renderMarkdown(value, { html: true }), 'output')],
  ['application/json', value => h('pre', { class: 'output json' }, value)],
  ['text/plain', value => ansiBlock('output', value)]
]

function renderMimeBundle (data: Record<string, unknown>): HTMLElement {
  for (const [mime, render] of renderers) {
    const raw = data[mime]
    if (raw === undefined || raw === null) continue
    const value = mime === 'application/json' && typeof raw === 'object' ? JSON.stringify(raw, null, 2) : joined(raw)
    return render(value, data)
  }
  return h('pre', { class: 'output muted' }, `[${Object.keys(data).join(', ') || 'empty output'}]`)
}

function image (mime: string, base64: string, data: Record<string, unknown>): HTMLElement {
  const alt = joined(data['text/plain']) || 'Image output'
  return h('img', { class: 'output image', src: `data:${mime};base64,${base64.replace(/\s/g, '')}`, alt })
}

/** ANSI escapes as coloured spans; ansi_up escapes the text, so its HTML carries no markup of the output's own. */
function ansiBlock (className: string, text: string): HTMLElement {
  const ansi = new AnsiUp()
  const pre = h('pre', { class: className })
  pre.innerHTML = ansi.ansi_to_html(text)
  return pre
}

function withClass (element: HTMLElement, className: string): HTMLElement {
  element.className = `${element.className} ${className}`.trim()
  return element
}

function joined (value: unknown, separator = ''): string {
  if (Array.isArray(value)) return value.join(separator)
  return typeof value === 'string' ? value : ''
}
