import MarkdownIt from 'markdown-it'
import katexPluginModule from '@vscode/markdown-it-katex'
import katex from 'katex'
import { codeBlock } from './code-block'
import { h } from './dom'
import { sanitizeHtml } from './sanitize'

// The plugin is CommonJS; bundlers hand over either the function or its module object.
const katexPlugin = ((katexPluginModule as unknown as { default?: unknown }).default ?? katexPluginModule) as typeof katexPluginModule

const mathOptions = { throwOnError: false, katex }
/** Notebook Markdown may hold HTML, as in Jupyter; chat and copilot text may not. */
const withHtml = new MarkdownIt({ html: true, linkify: true }).use(katexPlugin, mathOptions)
const withoutHtml = new MarkdownIt({ html: false, linkify: true, breaks: true }).use(katexPlugin, mathOptions)

export interface MarkdownOptions {
  /** Allow raw HTML (sanitized); notebook cells do. */
  html?: boolean
  /** Turns `[n]` in the text into a link to citation n (copilot answers). */
  citationHref?: (n: number) => string | null
}

/**
 * Markdown (CommonMark, tables, `$math$` and `$$math$$` with KaTeX) as sanitized DOM. Code blocks
 * get a Copy button; links open in a new tab.
 */
export function renderMarkdown (markdown: string, options: MarkdownOptions = {}): HTMLElement {
  const root = h('div', { class: 'md' })
  root.append(sanitizeHtml((options.html === true ? withHtml : withoutHtml).render(markdown)))
  for (const pre of [...root.querySelectorAll('pre')]) {
    const code = pre.querySelector('code')
    if (!code || pre.closest('.katex')) continue
    const language = /language-([\w+-]+)/.exec(code.className)?.[1] ?? ''
    pre.replaceWith(codeBlock((code.textContent ?? '').replace(/\n$/, ''), language))
  }
  for (const link of root.querySelectorAll('a[href]')) {
    if ((link.getAttribute('href') ?? '').startsWith('#')) continue
    link.setAttribute('target', '_blank')
    link.setAttribute('rel', 'noopener noreferrer')
  }
  if (options.citationHref) linkCitations(root, options.citationHref)
  return root
}

function linkCitations (root: HTMLElement, hrefFor: (n: number) => string | null): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const texts: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.parentElement?.closest('a, code, pre, .katex'))) texts.push(node as Text)
  }
  for (const text of texts) {
    const value = text.data
    const parts: Array<Node | string> = []
    let last = 0
    for (const m of value.matchAll(/\[(\d+)\]/g)) {
      const href = hrefFor(Number(m[1]))
      if (!href) continue
      parts.push(value.slice(last, m.index), h('a', { href, class: 'citation-ref', target: '_blank', rel: 'noopener' }, m[0]))
      last = m.index + m[0].length
    }
    if (last > 0) text.replaceWith(...parts, value.slice(last))
  }
}

/** LaTeX as KaTeX (a `text/latex` output): `$…$`, `$$…$$` and `\[…\]` delimiters are dropped. */
export function renderLatex (latex: string): HTMLElement {
  const inner = latex.trim().replace(/^\$\$([\s\S]*)\$\$$/, '$1').replace(/^\$([\s\S]*)\$$/, '$1').replace(/^\\\[([\s\S]*)\\\]$/, '$1')
  const root = h('div', { class: 'md latex' })
  root.append(sanitizeHtml(katex.renderToString(inner, { displayMode: true, throwOnError: false })))
  return root
}
