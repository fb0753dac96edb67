import { h } from '@collab/ui'

/** Tabs (WAI-ARIA tab pattern: arrow keys switch, each tab controls its panel). */
export function tabs (label: string, items: Array<{ id: string, title: string, content: HTMLElement, onShow?: () => void }>): HTMLElement {
  const buttons: HTMLButtonElement[] = []
  const panels: HTMLElement[] = []
  const select = (index: number, focus: boolean): void => {
    buttons.forEach((b, i) => {
      b.setAttribute('aria-selected', String(i === index))
      b.tabIndex = i === index ? 0 : -1
      panels[i].hidden = i !== index
    })
    if (focus) buttons[index].focus()
    items[index].onShow?.()
  }
  items.forEach((item, index) => {
    buttons.push(h('button', {
      type: 'button', role: 'tab', id: `tab-${item.id}`, 'aria-controls': `panel-${item.id}`, onclick: () => select(index, false)
    }, item.title))
    panels.push(h('div', { role: 'tabpanel', id: `panel-${item.id}`, 'aria-labelledby': `tab-${item.id}`, class: 'tab-panel' }, item.content))
  })
  const list = h('div', { role: 'tablist', 'aria-label': label }, ...buttons)
  list.addEventListener('keydown', event => {
    const current = buttons.findIndex(b => b.getAttribute('aria-selected') === 'true')
    if (event.key === 'ArrowRight') select((current + 1) % buttons.length, true)
    else if (event.key === 'ArrowLeft') select((current + buttons.length - 1) % buttons.length, true)
  })
  select(0, false)
  return h('div', { class: 'tabs' }, list, ...panels)
}
