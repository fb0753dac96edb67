import { h } from './dom'

/**
 * Renders the Markdown subset chat and copilot answers use, as DOM nodes (never innerHTML):
 * fenced code blocks with a copy button, paragraphs, `inline code`, **bold** and [links](url).
 */
export function renderMarkdown (markdown: string, citationHref?: (n: number) => string | null): HTMLElement {
  const root = h('div', { class: 'md' })
  const fence = /```([\w+-]*)[^\n]*\n([\s\S]*?)(?:```|$)/g
  let last = 0
  for (const match of markdown.matchAll(fence)) {
    appendParagraphs(root, markdown.slice(last, match.index), citationHref)
    root.append(codeBlock(match[2].replace(/\n$/, ''), match[1]))
    last = match.index! + match[0].length
  }
  appendParagraphs(root, markdown.slice(last), citationHref)
  return root
}

export function codeBlock (code: string, language = '', caption?: string): HTMLElement {
  const copy = h('button', { type: 'button', class: 'copy', 'aria-label': `Copy ${language || 'code'} to clipboard` }, 'Copy')
  copy.addEventListener('click', () => {
    void copyText(code).then(ok => { copy.textContent = ok ? 'Copied' : 'Select and copy' })
  })
  return h('figure', { class: 'code-block' },
    h('figcaption', {}, h('span', {}, caption ?? language ?? ''), copy),
    h('pre', {}, h('code', { 'data-language': language }, code)))
}

async function copyText (text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

function appendParagraphs (root: HTMLElement, text: string, citationHref?: (n: number) => string | null): void {
  for (const block of text.split(/\n{2,}/)) {
    if (block.trim()) root.append(h('p', {}, ...inline(block.trim(), citationHref)))
  }
}

function inline (text: string, citationHref?: (n: number) => string | null): Node[] {
  const nodes: Node[] = []
  const pattern = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)|\[(\d+)\]/g
  let last = 0
  for (const m of text.matchAll(pattern)) {
    nodes.push(document.createTextNode(text.slice(last, m.index)))
    if (m[1] !== undefined) nodes.push(h('code', {}, m[1]))
    else if (m[2] !== undefined) nodes.push(h('strong', {}, m[2]))
    else if (m[3] !== undefined) nodes.push(safeLink(m[3], m[4]))
    else {
      const href = citationHref?.(Number(m[5]))
      nodes.push(href ? h('a', { href, class: 'citation-ref', target: '_blank', rel: 'noopener' }, `[${m[5]}]`) : document.createTextNode(m[0]))
    }
    last = m.index! + m[0].length
  }
  nodes.push(document.createTextNode(text.slice(last)))
  return nodes
}

function safeLink (label: string, href: string): Node {
  // Only web and same-site links: a javascript: URL in a chat message must not run.
  if (!/^(https?:\/\/|\/|#)/i.test(href)) return document.createTextNode(label)
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label)
}
