import DOMPurify from 'dompurify'

/**
 * HTML, SVG and MathML from notebooks and messages, as inert DOM: DOMPurify drops scripts, event
 * handlers and javascript: URLs (the CSP would block them too; this keeps them out of the page).
 */
export function sanitizeHtml (html: string): DocumentFragment {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true, svg: true, svgFilters: true, mathMl: true },
    RETURN_DOM_FRAGMENT: true
  })
}

/** An SVG document (an `image/svg+xml` output) as inert DOM. */
export function sanitizeSvg (svg: string): DocumentFragment {
  return DOMPurify.sanitize(svg, { USE_PROFILES: { svg: true, svgFilters: true }, RETURN_DOM_FRAGMENT: true })
}
