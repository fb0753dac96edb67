// End to end in a real browser: the web client served by a real CollabServer, two editors and a
// viewer in separate browser contexts. Screenshots go to clients/test-results/.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { CollabServer, tokenFor } from '../../../test-support/collab-server.mjs'
import { cellText, launchBrowser, openUser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const project = 'e2e'
const notebook = 'shared.ipynb'
const notebookHash = `#/p/${project}/${notebook}`
const starter = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [{
    id: 'first', cell_type: 'code', metadata: {}, execution_count: 1, source: 'print("hi")',
    outputs: [{ output_type: 'stream', name: 'stdout', text: 'hello from the kernel\n' }]
  }]
}

let server, browser, alice, bob, carol

beforeAll(async () => {
  assert.ok(existsSync(`${webRoot}/index.html`), 'build the web client first (clients/build.sh)')
  server = await CollabServer.start({ webRoot })
  await server.createProject(project, { alice: 'owner', bob: 'editor', carol: 'viewer' })
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks`, { name: notebook, content: starter })
  browser = await launchBrowser()
  ;[alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map(user => openUser(browser, server, user, tokenFor(user))))
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const cells = page => page.locator('.cell')

test('alice finds the notebook through the project list; it opens with its outputs', async () => {
  await alice.page.getByRole('link', { name: project }).click()
  await alice.page.getByRole('link', { name: notebook }).click()
  await alice.page.locator('.cell .cm-content').first().waitFor()
  assert.equal(await cellText(alice.page, 0), 'print("hi")')
  await alice.page.getByText('hello from the kernel').waitFor()
  for (const other of [bob, carol]) {
    await other.page.goto(server.url + '/' + notebookHash)
    await other.page.locator('.cell .cm-content').first().waitFor()
  }
  await alice.page.getByTestId('connection').filter({ hasText: 'Online' }).waitFor()
})

test('two editors type into the same cell at once and converge, seeing each other', async () => {
  // At the two ends of the cell: two runs typed at the same place at once may interleave (the CRDT
  // orders concurrent inserts with the same left neighbour by client), which converges but splits
  // the words the later tests look for.
  const typeAt = async (session, key, text) => {
    await session.page.locator('.cell .cm-content').first().click()
    await session.page.keyboard.press(key)
    await session.page.keyboard.type(text, { delay: 15 })
  }
  await Promise.all([typeAt(alice, 'Control+End', ' # alice types'), typeAt(bob, 'Control+Home', '# bob types\n')])
  await waitFor(async () => {
    const [a, b] = [await cellText(alice.page, 0), await cellText(bob.page, 0)]
    return a === b && a.includes('alice types') && b.includes('bob types')
  }, 'the cell to converge with both edits')
  // Presence: the list and the badge on the cell the other one selected.
  await alice.page.getByTestId('presence').getByText('bob').waitFor()
  await bob.page.getByTestId('presence').getByText('alice').waitFor()
  await alice.page.locator('.cell-presence .badge', { hasText: 'bob' }).waitFor()
  await screenshot(alice.page, 'notebook-alice')
})

test('cells are added, moved and deleted for everyone', async () => {
  await alice.page.getByRole('button', { name: '+ Code cell' }).click()
  await alice.page.keyboard.type('second = 2')
  await waitFor(async () => await cells(bob.page).count() === 2, 'bob to see the new cell')
  await waitFor(async () => await cellText(bob.page, 1) === 'second = 2', 'bob to see its text')

  await cells(alice.page).nth(1).getByRole('button', { name: 'Move cell up' }).click()
  await waitFor(async () => await cellText(bob.page, 0) === 'second = 2', 'bob to see the cell moved up')
  assert.match(await cellText(bob.page, 1), /alice types/)

  await cells(alice.page).nth(0).getByRole('button', { name: 'Delete cell' }).click()
  await waitFor(async () => await cells(bob.page).count() === 1, 'bob to see the cell deleted')
  assert.match(await cellText(bob.page, 0), /bob types/)
})

test('a cell someone inserts above does not take the focus from the one typing', async () => {
  await alice.page.locator('.cell .cm-content').first().click()
  await alice.page.keyboard.press('Control+End')
  await bob.page.locator('.cell').first().focus()
  await bob.page.keyboard.press('a')
  await waitFor(async () => await cells(alice.page).count() === 2, 'alice to see the cell bob inserted above')
  await alice.page.keyboard.type(' # still typing')
  await waitFor(async () => /still typing/.test(await cellText(bob.page, 1)), 'bob to see alice typing on')
  await bob.page.locator('.cell').first().focus()
  await bob.page.keyboard.press('d')
  await bob.page.keyboard.press('d')
  await waitFor(async () => await cells(alice.page).count() === 1, 'the inserted cell gone again')
})

test('the viewer reads along but cannot edit, and the UI says so', async () => {
  await carol.page.getByText('Read-only: you are a viewer').waitFor()
  await waitFor(async () => /bob types/.test(await cellText(carol.page, 0)), 'carol to see the edits')
  assert.equal(await carol.page.locator('.cell .cm-content').first().getAttribute('contenteditable'), 'false')
  assert.equal(await carol.page.getByRole('button', { name: '+ Code cell' }).isVisible(), false)
  const before = await cellText(carol.page, 0)
  await carol.page.locator('.cell .cm-content').first().click()
  await carol.page.keyboard.type('carol was here')
  assert.equal(await cellText(carol.page, 0), before)
})

test('a chat message from one appears in the other browser', async () => {
  const input = alice.page.getByRole('textbox', { name: 'Chat message' })
  await input.fill('Shall we train on the A100 tonight?')
  await input.press('Enter')
  await bob.page.getByTestId('chat-log').getByText('Shall we train on the A100 tonight?').waitFor()
  await screenshot(bob.page, 'chat-bob')
})

test('the connection indicator follows a server restart, and offline edits arrive', async () => {
  for (const s of [alice, bob, carol]) s.expectOffline = true
  await server.kill()
  await alice.page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor()
  await bob.page.getByTestId('connection').filter({ hasText: 'Offline' }).waitFor()
  await alice.page.locator('.cell .cm-content').first().click()
  await alice.page.keyboard.press('Control+End')
  await alice.page.keyboard.type(' # typed offline')
  await screenshot(alice.page, 'offline-alice')

  await server.resume()
  await alice.page.getByTestId('connection').filter({ hasText: 'Online' }).waitFor({ timeout: 30_000 })
  await waitFor(async () => /typed offline/.test(await cellText(bob.page, 0)), 'bob to get the offline edit', 30_000)
  await alice.page.getByTestId('sync').filter({ hasText: 'All changes saved' }).waitFor()
  for (const s of [alice, bob, carol]) s.expectOffline = false
})

test('the copilot streams an answer with citation links', async (t) => {
  const probe = await fetch(`${server.url}/api/copilot/ask`, { method: 'POST' })
  if (probe.status === 404) return t.skip('this server build has no /api/copilot/ask')
  await alice.page.getByRole('tab', { name: 'Copilot' }).click()
  await alice.page.getByLabel('Question').fill('How do I request a GPU?')
  await alice.page.getByRole('button', { name: 'Ask' }).click()
  const answer = alice.page.getByTestId('copilot-answer')
  await answer.locator('p').first().waitFor({ timeout: 60_000 })
  await waitFor(async () => await answer.getAttribute('aria-busy') === 'false', 'the answer to finish', 60_000)
  const citation = answer.locator('a.citation').first()
  assert.ok(await citation.count() > 0, 'the answer cites its sources')
  const href = await citation.getAttribute('href')
  assert.match(href, /^\/docs\//)
  // The link works: the cited page opens, with the cited heading as an anchor target.
  const [page, anchor] = href.split('#')
  const response = await fetch(`${server.url}${page}`)
  assert.equal(response.status, 200)
  if (anchor) assert.ok((await response.text()).includes(`id="${anchor}"`), `the page has the heading #${anchor}`)
  await screenshot(alice.page, 'copilot-alice')
})

test('no console errors in any browser', () => {
  assert.deepEqual([...alice.errors, ...bob.errors, ...carol.errors], [])
})

async function waitFor (condition, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}
