type Child = Node | string | null | undefined | false
type Attributes = Record<string, string | number | boolean | EventListener | undefined>

/** Builds an element: `on*` attributes become listeners, booleans toggle attributes; text is never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap> (tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value)
    else element.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children) if (child) element.append(child)
  return element
}

export function clear (element: Element): void {
  element.replaceChildren()
}
