import { h } from './dom'

/** A code block with its language (or a caption) and a Copy button. */
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
