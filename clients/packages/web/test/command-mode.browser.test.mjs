// JupyterLab's command-mode keys in a real browser against the real server: each edit is checked
// in the notebook the server exports, so it reached the shared document, not just the page.
import assert from 'node:assert/strict'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { CollabServer, tokenFor } from '../../../test-support/collab-server.mjs'
import { launchBrowser, openUser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const project = 'keys'
const notebook = 'keys.ipynb'
const cell = (id, cell_type, source) => ({ id, cell_type, metadata: {}, source, ...(cell_type === 'code' ? { outputs: [], execution_count: null } : {}) })

let server, browser, alice, viola

beforeAll(async () => {
  server = await CollabServer.start({ webRoot })
  await server.createProject(project, { alice: 'owner', viola: 'viewer' })
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks`, {
    name: notebook,
    content: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [cell('one', 'code', 'one = 1'), cell('two', 'code', 'two = 2'), cell('three', 'markdown', '# Three')] }
  })
  browser = await launchBrowser()
  ;[alice, viola] = await Promise.all(['alice', 'viola'].map(user => openUser(browser, server, user, tokenFor(user))))
  for (const s of [alice, viola]) {
    await s.page.goto(`${server.url}/#/p/${project}/${notebook}`)
    await s.page.locator('.cell').nth(2).waitFor()
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

/** The cells as the server has them: "type:source" each. */
async function serverCells () {
  const ipynb = await server.api('alice', 'GET', `/api/projects/${project}/notebooks/${notebook}/export`)
  return ipynb.cells.map(c => `${c.cell_type}:${Array.isArray(c.source) ? c.source.join('') : c.source}`)
}

async function expectCells (expected) {
  const deadline = Date.now() + 10_000
  let actual
  while (Date.now() < deadline) {
    actual = await serverCells()
    if (JSON.stringify(actual) === JSON.stringify(expected)) return
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  assert.deepEqual(actual, expected)
}

const selectedIndex = page => page.evaluate(() => [...document.querySelectorAll('.cell')].indexOf(document.activeElement))
const press = async (...keys) => { for (const key of keys) await alice.page.keyboard.press(key) }

test('Escape leaves the editor for command mode; Enter goes back in', async () => {
  await alice.page.locator('.cell .cm-content').first().click()
  await press('Escape')
  assert.equal(await selectedIndex(alice.page), 0)
  await press('Enter')
  assert.ok(await alice.page.evaluate(() => document.activeElement.classList.contains('cm-content')))
  await press('Escape')
})

test('J/K and the arrows move the selection', async () => {
  await press('j')
  assert.equal(await selectedIndex(alice.page), 1)
  await press('ArrowDown')
  assert.equal(await selectedIndex(alice.page), 2)
  await press('k', 'ArrowUp')
  assert.equal(await selectedIndex(alice.page), 0)
})

test('A and B insert cells above and below; D D deletes; Z brings the deleted cell back', async () => {
  await press('b')
  assert.equal(await selectedIndex(alice.page), 1)
  await press('a')
  assert.equal(await selectedIndex(alice.page), 1)
  await expectCells(['code:one = 1', 'code:', 'code:', 'code:two = 2', 'markdown:# Three'])
  await press('d', 'd', 'd', 'd')
  await expectCells(['code:one = 1', 'code:two = 2', 'markdown:# Three'])
  await press('k', 'd', 'd')
  await expectCells(['code:two = 2', 'markdown:# Three'])
  await press('z')
  await expectCells(['code:one = 1', 'code:two = 2', 'markdown:# Three'])
  assert.equal(await selectedIndex(alice.page), 0)
})

test('a single D deletes nothing', async () => {
  await press('d')
  await new Promise(resolve => setTimeout(resolve, 900))
  await press('d')
  await new Promise(resolve => setTimeout(resolve, 300))
  await expectCells(['code:one = 1', 'code:two = 2', 'markdown:# Three'])
})

test('M, Y and R change the cell type; the toolbar shows it', async () => {
  await press('m')
  await expectCells(['markdown:one = 1', 'code:two = 2', 'markdown:# Three'])
  assert.equal(await alice.page.getByLabel('Cell type').inputValue(), 'markdown')
  await press('r')
  await expectCells(['raw:one = 1', 'code:two = 2', 'markdown:# Three'])
  await press('y')
  await expectCells(['code:one = 1', 'code:two = 2', 'markdown:# Three'])
  await alice.page.getByLabel('Cell type').selectOption('markdown')
  await expectCells(['markdown:one = 1', 'code:two = 2', 'markdown:# Three'])
  await alice.page.locator('.cell').first().focus()
  await press('y')
  await expectCells(['code:one = 1', 'code:two = 2', 'markdown:# Three'])
})

test('C and V copy a cell below; X and V move one', async () => {
  await alice.page.locator('.cell').first().focus()
  await press('c', 'j', 'v')
  await expectCells(['code:one = 1', 'code:two = 2', 'code:one = 1', 'markdown:# Three'])
  assert.equal(await selectedIndex(alice.page), 2)
  await press('x')
  await expectCells(['code:one = 1', 'code:two = 2', 'markdown:# Three'])
  await press('k', 'k', 'x')
  await expectCells(['code:two = 2', 'markdown:# Three'])
  await press('j', 'v')
  await expectCells(['code:two = 2', 'markdown:# Three', 'code:one = 1'])
  await screenshot(alice.page, 'command-mode')
})

test('Shift+Enter on a markdown cell renders it and selects the next', async () => {
  const markdown = alice.page.locator('.cell.markdown')
  await markdown.locator('.markdown-preview').dblclick()
  await press('Shift+Enter')
  await markdown.locator('.markdown-preview h1', { hasText: 'Three' }).waitFor()
  assert.equal(await selectedIndex(alice.page), 2)
})

test('a viewer can move the selection but the keys change nothing, and run controls are disabled', async () => {
  await viola.page.locator('.cell').first().focus()
  for (const key of ['j', 'b', 'a', 'm', 'd', 'd', 'x']) await viola.page.keyboard.press(key)
  assert.equal(await selectedIndex(viola.page), 1)
  await new Promise(resolve => setTimeout(resolve, 500))
  await expectCells(['code:two = 2', 'markdown:# Three', 'code:one = 1'])
  for (const name of [/^Run the selected cell and select/, 'Run the selected cell and all below', 'Run all cells', 'Interrupt the kernel', 'Restart the kernel']) {
    assert.equal(await viola.page.getByRole('button', { name }).isDisabled(), true, String(name))
  }
  assert.equal(await viola.page.getByTestId('kernel-picker').isDisabled(), true)
  await screenshot(viola.page, 'command-mode-viewer')
})

test('no console errors', () => {
  assert.deepEqual([...alice.errors, ...viola.errors], [])
})
