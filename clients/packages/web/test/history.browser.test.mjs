// The history panel in a real browser against a real CollabServer: an editor saves a checkpoint,
// previews it against the notebook now (cell-level diff), restores one cell and then the whole
// version while the owner watches the notebook change live; a viewer sees the timeline and the
// diff but no checkpoint form and no restore buttons. Screenshots go to clients/test-results/.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { CollabServer, tokenFor } from '../../../test-support/collab-server.mjs'
import { cellText, launchBrowser, openUser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const project = 'hist'
const notebook = 'timeline.ipynb'
const notebookHash = `#/p/${project}/${notebook}`
const ipynb = cells => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: cells.map(([id, source]) => ({ id, cell_type: 'code', metadata: {}, execution_count: null, source, outputs: [] }))
})

let server, browser, alice, bob, carol

beforeAll(async () => {
  assert.ok(existsSync(`${webRoot}/index.html`), 'build the web client first (clients/build.sh)')
  server = await CollabServer.start({ webRoot })
  await server.createProject(project, { alice: 'owner', bob: 'editor', carol: 'viewer' })
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks`,
    { name: notebook, content: ipynb([['a', 'x = 1'], ['b', 'print(x)']]) })
  browser = await launchBrowser()
  ;[alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map(user => openUser(browser, server, user, tokenFor(user))))
  for (const user of [alice, bob, carol]) {
    await user.page.goto(server.url + '/' + notebookHash)
    await user.page.locator('.cell .cm-content').first().waitFor()
  }
  bob.page.on('dialog', dialog => { void dialog.accept() })
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const cells = page => page.locator('.cell')
const historyTab = page => page.getByRole('tab', { name: 'History' })
const versions = page => page.getByRole('list', { name: 'Versions' }).locator('li')

test('an editor saves a checkpoint and sees it in the timeline with their name', async () => {
  await historyTab(bob.page).click()
  await bob.page.getByLabel('Checkpoint name').fill('before cleanup')
  await bob.page.getByRole('button', { name: 'Save checkpoint' }).click()
  const entry = versions(bob.page).filter({ hasText: 'Checkpoint “before cleanup”' })
  await entry.waitFor()
  assert.match(await entry.textContent(), /bob/)
})

test('after the notebook changed, the preview shows the cell-level diff against now', async () => {
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks/${notebook}/import`, ipynb([['a', 'x = 2']]))
  await cells(bob.page).nth(1).waitFor({ state: 'detached' })
  await bob.page.getByRole('button', { name: 'Refresh' }).click()
  await versions(bob.page).filter({ hasText: 'Before an upload' }).waitFor()
  await versions(bob.page).filter({ hasText: 'Checkpoint “before cleanup”' }).getByRole('button').click()
  const preview = bob.page.getByRole('region', { name: 'Version preview' })
  await preview.locator('[data-cell="b"]').getByText('code cell deleted since').waitFor()
  const changed = preview.locator('[data-cell="a"]')
  await changed.getByText('code cell changed since').waitFor()
  assert.equal(await changed.locator('.del').textContent(), '-x = 1\n')
  assert.equal(await changed.locator('.add').textContent(), '+x = 2\n')
  await screenshot(bob.page, 'history-preview')
})

test('restoring one cell brings back only that cell, live for everyone', async () => {
  const preview = bob.page.getByRole('region', { name: 'Version preview' })
  await preview.getByRole('button', { name: 'Restore cell b' }).click()
  await cells(alice.page).nth(1).waitFor()
  assert.equal(await cellText(alice.page, 1), 'print(x)')
  assert.equal(await cellText(alice.page, 0), 'x = 2')
})

test('restoring the whole version brings the notebook back for everyone and is itself in the timeline', async () => {
  const preview = bob.page.getByRole('region', { name: 'Version preview' })
  await preview.getByRole('button', { name: 'Restore this version' }).click()
  await preview.getByText('No changes since this version.').waitFor()
  await bob.page.waitForFunction(() => document.querySelector('.cell .cm-content')?.textContent?.includes('x = 1'))
  for (const user of [alice, bob, carol]) {
    await user.page.waitForFunction(() => document.querySelector('.cell .cm-content')?.textContent?.includes('x = 1'))
    assert.equal(await cellText(user.page, 0), 'x = 1')
    assert.equal(await cellText(user.page, 1), 'print(x)')
  }
  await versions(bob.page).filter({ hasText: 'Restore' }).first().waitFor()
  await versions(bob.page).filter({ hasText: 'Before a restore' }).first().waitFor()
  await screenshot(bob.page, 'history-restored')
})

test('a viewer sees the timeline and the diff, without the checkpoint form or restore buttons', async () => {
  await historyTab(carol.page).click()
  await versions(carol.page).filter({ hasText: 'Before an upload' }).getByRole('button').click()
  const preview = carol.page.getByRole('region', { name: 'Version preview' })
  await preview.locator('h3').waitFor()
  assert.equal(await carol.page.getByLabel('Checkpoint name').isVisible(), false)
  assert.equal(await preview.getByRole('button', { name: /Restore/ }).count(), 0)
  await screenshot(carol.page, 'history-viewer')
  for (const user of [alice, bob, carol]) assert.deepEqual(user.errors, [])
})
