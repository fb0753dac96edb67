// Rendering in a real browser under the server's real CSP: Markdown cells (with KaTeX math), rich
// outputs (HTML and SVG sanitized, images, LaTeX, JSON, ANSI colours, an error shown once) and
// Markdown in chat. Screenshots go to clients/test-results/.
import assert from 'node:assert/strict'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { CollabServer, tokenFor } from '../../../test-support/collab-server.mjs'
import { launchBrowser, openUser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const project = 'render'
const notebook = 'rich.ipynb'
const png = 'iVBORw0KGgoAAAANSUhEUgAAADAAAAAYCAIAAAAzn+mLAAAALUlEQVR4nO3OMQ0AAAgDMKRPOi4YR5MK6EzyS38gJCQk1B4ICQkJtQdCQkK3FphTgD2AGTmrAAAAAElFTkSuQmCC'
const red = '\u001b[31m'
const reset = '\u001b[0m'
const markdown = [
  '# Results', '', '> Quoted _emphasis_ here.', '', '| model | accuracy |', '| --- | --- |', '| small | 0.91 |', '',
  'Energy $E = mc^2$, and', '', '$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$', '',
  '<img src="data:," onerror="window.__pwned = \'markdown\'">', '', '```python', 'print("fenced")', '```'
].join('\n')
const cells = [
  { id: 'md', cell_type: 'markdown', metadata: {}, source: markdown },
  {
    id: 'rich', cell_type: 'code', metadata: {}, execution_count: 3, source: 'show()',
    outputs: [
      { output_type: 'stream', name: 'stdout', text: `${red}red warning${reset} then plain\n` },
      {
        output_type: 'display_data', metadata: {},
        data: {
          'text/html': '<b class="safe">bold html</b><script>window.__pwned = "script"</script><img src="data:," onerror="window.__pwned = \'onerror\'"><a href="javascript:window.__pwned=1">link</a>',
          'text/plain': 'fallback'
        }
      },
      { output_type: 'display_data', metadata: {}, data: { 'image/svg+xml': '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="30" onload="window.__pwned=\'svg\'"><rect width="60" height="30" fill="teal"/></svg>' } },
      { output_type: 'display_data', metadata: {}, data: { 'image/png': png, 'text/plain': 'a teal square' } },
      { output_type: 'execute_result', execution_count: 3, metadata: {}, data: { 'text/latex': '$$\\sum_{i=1}^n i = \\frac{n(n+1)}{2}$$', 'text/plain': 'sum' } },
      { output_type: 'display_data', metadata: {}, data: { 'application/json': { accuracy: 0.91, layers: [64, 32] } } }
    ]
  },
  {
    id: 'fails', cell_type: 'code', metadata: {}, execution_count: 4, source: '1/0',
    outputs: [{
      output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero',
      traceback: [`${red}---------------------------------------------------------------------------${reset}`,
        `${red}ZeroDivisionError${reset}                         Traceback (most recent call last)`,
        'Cell In[4], line 1\n----> 1 1/0', `${red}ZeroDivisionError${reset}: division by zero`]
    }]
  },
  { id: 'wide', cell_type: 'code', metadata: {}, source: `x = "${'a very long line '.repeat(30)}"`, outputs: [] }
]

let server, browser, alice

beforeAll(async () => {
  server = await CollabServer.start({ webRoot })
  await server.createProject(project, { alice: 'owner' })
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks`, { name: notebook, content: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells } })
  browser = await launchBrowser()
  alice = await openUser(browser, server, 'alice', tokenFor('alice'))
  await alice.page.goto(`${server.url}/#/p/${project}/${notebook}`)
  await alice.page.locator('.cell').nth(3).waitFor()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

test('a markdown cell renders headings, quotes, tables and KaTeX math, its fonts allowed by the CSP', async () => {
  const preview = alice.page.locator('.cell.markdown .markdown-preview')
  await preview.locator('h1', { hasText: 'Results' }).waitFor()
  assert.equal(await preview.locator('blockquote em').textContent(), 'emphasis')
  assert.equal(await preview.locator('table td').first().textContent(), 'small')
  assert.equal(await preview.locator('.katex').count(), 2, 'inline and display math')
  assert.equal(await preview.locator('.katex-display').count(), 1)
  assert.equal(await preview.locator('.code-block button', { hasText: 'Copy' }).count(), 1)
  const fontsLoaded = await alice.page.evaluate(async () => { await document.fonts.ready; return document.fonts.check('16px KaTeX_Main') })
  assert.ok(fontsLoaded, 'KaTeX fonts load')
  await screenshot(alice.page, 'render-markdown')
})

test('double-click edits a markdown cell; Shift+Enter renders it again', async () => {
  const cell = alice.page.locator('.cell.markdown')
  await cell.locator('.markdown-preview').dblclick()
  await cell.locator('.cm-content').waitFor({ state: 'visible' })
  assert.equal(await cell.locator('.markdown-preview').isVisible(), false)
  await alice.page.keyboard.press('Control+End')
  await alice.page.keyboard.type('\n\nAdded **live**.')
  await alice.page.keyboard.press('Shift+Enter')
  await cell.locator('.markdown-preview strong', { hasText: 'live' }).waitFor()
})

test('rich outputs render; scripts and event handlers in them do not run', async () => {
  const rich = alice.page.locator('.cell[data-cell-id="rich"]')
  assert.equal(await rich.locator('.output.html b.safe').textContent(), 'bold html')
  assert.equal(await rich.locator('.output script, .output [onerror], .output [onload]').count(), 0)
  assert.equal(await rich.locator('.output.html a').getAttribute('href'), null, 'javascript: link dropped')
  assert.equal(await rich.locator('.output.svg svg rect').count(), 1)
  await alice.page.waitForFunction(() => document.querySelector('img.output.image')?.naturalWidth === 48)
  assert.equal(await rich.locator('img.output.image').getAttribute('alt'), 'a teal square')
  assert.equal(await rich.locator('.latex .katex-display').count(), 1)
  assert.match(await rich.locator('.output.json').textContent(), /"accuracy": 0.91/)
  const coloured = rich.locator('.output.stream span', { hasText: 'red warning' })
  assert.match(await coloured.getAttribute('style'), /color:rgb\(187,0,0\)/)
  assert.equal(await alice.page.evaluate(() => window.__pwned), undefined)
  assert.equal(await rich.locator('[data-testid="prompt"]').textContent(), '[3]')
})

test('an error shows once, with its traceback coloured', async () => {
  const error = alice.page.locator('.cell[data-cell-id="fails"] .output.error')
  const text = await error.textContent()
  assert.equal(text.split('ZeroDivisionError: division by zero').length - 1, 1, text)
  assert.ok(await error.locator('span[style*="color"]').count() > 0)
})

test('long lines scroll inside their cell; the notebook pane never scrolls sideways', async () => {
  const pane = alice.page.locator('.workspace-main')
  const [scrollWidth, clientWidth] = await pane.evaluate(e => [e.scrollWidth, e.clientWidth])
  assert.ok(scrollWidth <= clientWidth, `pane ${scrollWidth} > ${clientWidth}`)
  const scroller = alice.page.locator('.cell[data-cell-id="wide"] .cm-scroller')
  assert.ok(await scroller.evaluate(e => e.scrollWidth > e.clientWidth), 'the long line scrolls in its editor')
  const toolbar = alice.page.locator('.cell[data-cell-id="wide"] .cell-actions')
  const box = await toolbar.boundingBox()
  assert.ok(box.x + box.width <= await pane.evaluate(e => e.getBoundingClientRect().right), 'cell toolbar on screen')
  await alice.page.locator('.cell[data-cell-id="fails"]').scrollIntoViewIfNeeded()
  await screenshot(alice.page, 'render-outputs')
})

test('on a narrow window the toolbars wrap and still nothing scrolls sideways', async () => {
  await alice.page.setViewportSize({ width: 900, height: 800 })
  const pane = alice.page.locator('.workspace-main')
  const [scrollWidth, clientWidth] = await pane.evaluate(e => [e.scrollWidth, e.clientWidth])
  assert.ok(scrollWidth <= clientWidth, `pane ${scrollWidth} > ${clientWidth}`)
  const right = await pane.evaluate(e => e.getBoundingClientRect().right)
  for (const selector of ['.notebook-toolbar', '.cell[data-cell-id="wide"] .cell-actions']) {
    const box = await alice.page.locator(selector).boundingBox()
    assert.ok(box.x + box.width <= right + 1, `${selector} on screen`)
  }
  await screenshot(alice.page, 'render-narrow')
  await alice.page.setViewportSize({ width: 1366, height: 800 })
})

test('chat renders Markdown: quotes, headings, tables, emphasis and copyable code', async () => {
  const input = alice.page.getByRole('textbox', { name: 'Chat message' })
  await input.fill('## Plan\n> from the docs\n\n| gpu | hours |\n| --- | --- |\n| A100 | 4 |\n\n_soon_ and `nvidia-smi`\n```bash\nsbatch train.sh\n```')
  await input.press('Enter')
  const message = alice.page.getByTestId('chat-log').locator('.message').last()
  await message.locator('h2', { hasText: 'Plan' }).waitFor()
  assert.equal(await message.locator('blockquote').textContent(), '\nfrom the docs\n')
  assert.equal(await message.locator('td').first().textContent(), 'A100')
  assert.equal(await message.locator('em').textContent(), 'soon')
  assert.equal(await message.locator('.code-block code').textContent(), 'sbatch train.sh')
  await screenshot(alice.page, 'render-chat')
})

test('no console errors but the CSP blocking the payloads\' handlers', () => {
  // Chromium reports an inline handler as blocked as soon as any document of the page parses it,
  // the inert one DOMPurify parses in included; nothing ran (window.__pwned is unset above).
  const blockedHandler = /Executing inline event handler violates .* The action has been blocked/
  assert.deepEqual(alice.errors.filter(e => !blockedHandler.test(e)), [])
})
