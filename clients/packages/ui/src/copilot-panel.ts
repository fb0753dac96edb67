import { askCopilot, type Citation } from './copilot-client'
import { h } from './dom'
import { codeBlock } from './code-block'
import { renderMarkdown } from './markdown'
import type { Session } from './session'

/** Where a citation opens: the server's own link when it gives one, else the docs page and heading. */
export function citationHref (citation: Citation, serverUrl = ''): string {
  return citation.url ?? `${serverUrl}/docs/${citation.path}${citation.anchor ? `#${citation.anchor}` : ''}`
}

/**
 * Ask the copilot: a question box with a "paste an error" mode (monospace, sent as a fenced
 * block so logs keep their shape), and the streamed answer with code blocks and clickable citations.
 */
export function copilotPanel (session: Session, projectId: string, notebook: () => string | undefined): HTMLElement {
  const errorMode = h('input', { type: 'checkbox', id: 'copilot-error-mode' })
  const input = h('textarea', { id: 'copilot-input', rows: 3, placeholder: 'How do I request a GPU?' })
  const askButton = h('button', { type: 'submit' }, 'Ask')
  const answer = h('div', { class: 'answer', 'aria-live': 'polite', 'aria-busy': 'false', 'data-testid': 'copilot-answer' })
  const form = h('form', { class: 'composer copilot-form', 'aria-label': 'Ask the copilot' },
    h('label', { for: 'copilot-input' }, 'Question'), input,
    h('div', { class: 'row' }, h('label', { for: 'copilot-error-mode' }, errorMode, ' Paste an error (kubectl describe, logs, traceback)'), askButton))
  errorMode.addEventListener('change', () => {
    input.classList.toggle('mono', errorMode.checked)
    input.rows = errorMode.checked ? 8 : 3
    input.placeholder = errorMode.checked ? 'Paste the error output here…' : 'How do I request a GPU?'
  })

  let running: AbortController | null = null
  form.addEventListener('submit', event => {
    event.preventDefault()
    const text = input.value.trim()
    if (!text) return
    running?.abort()
    running = new AbortController()
    const question = errorMode.checked ? `Diagnose this error:\n\`\`\`\n${text}\n\`\`\`` : text
    void stream(question, running.signal)
  })

  async function stream (question: string, signal: AbortSignal): Promise<void> {
    let markdown = ''
    let citations: Citation[] = []
    const blocks: HTMLElement[] = []
    const body = h('div')
    const sources = h('ol', { class: 'citations', 'aria-label': 'Sources' })
    const footer = h('p', { class: 'muted' })
    const hrefFor = (n: number): string | null => {
      const c = citations.find(x => x.number === n)
      return c ? citationHref(c, session.serverUrl) : null
    }
    const redraw = (): void => body.replaceChildren(renderMarkdown(markdown, { citationHref: hrefFor }), ...blocks)
    answer.replaceChildren(body, sources, footer)
    answer.setAttribute('aria-busy', 'true')
    askButton.disabled = true
    try {
      for await (const event of askCopilot(session, { projectId, question, notebook: notebook() }, signal)) {
        if (event.kind === 'text') markdown += event.text
        else if (event.kind === 'code') blocks.push(codeBlock(event.code, event.language, event.caption))
        else if (event.kind === 'citations') {
          citations = event.citations
          sources.replaceChildren(...citations.map(c => h('li', {},
            h('a', { href: citationHref(c, session.serverUrl), target: '_blank', rel: 'noopener', class: 'citation' }, `[${c.number}] ${c.heading || c.path}`))))
        } else if (event.kind === 'final') footer.textContent = event.mode ? `Answer mode: ${event.mode}` : ''
        else footer.textContent = event.message
        redraw()
      }
    } catch (e) {
      if (!signal.aborted) footer.textContent = (e as Error).message
    } finally {
      answer.setAttribute('aria-busy', 'false')
      askButton.disabled = false
    }
  }

  return h('div', { class: 'copilot collab-ui' }, form, answer)
}
