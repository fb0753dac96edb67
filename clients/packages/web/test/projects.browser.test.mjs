// Projects and files in a real browser against the real server: create a project, upload,
// download, rename and delete notebooks, manage members and roles (shown under this site's role
// names, from WebClient:RoleNames); a lowered member's editor turns read-only live.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { CollabServer, tokenFor } from '../../../test-support/collab-server.mjs'
import { cellText, launchBrowser, openUser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const roleNames = { WebClient__RoleNames__owner: 'instructor', WebClient__RoleNames__editor: 'assistant', WebClient__RoleNames__viewer: 'student' }
const uploaded = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [{ id: 'u1', cell_type: 'code', metadata: {}, source: 'uploaded = True', outputs: [], execution_count: null }]
}

let server, browser, alice, bob

beforeAll(async () => {
  server = await CollabServer.start({ webRoot, settings: roleNames })
  browser = await launchBrowser()
  ;[alice, bob] = await Promise.all(['alice', 'bob'].map(user => openUser(browser, server, user, tokenFor(user))))
  for (const s of [alice, bob]) s.page.on('dialog', dialog => { void dialog.accept() })
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
})

const page = () => alice.page
const notebookRow = name => page().locator(`li[data-notebook="${name}"]`)

test('alice creates a project and becomes its owner, shown as "instructor"', async () => {
  await page().getByLabel('New project id').fill('course')
  await page().getByLabel('Name', { exact: true }).fill('Deep learning course')
  await page().getByRole('button', { name: 'Create project' }).click()
  await page().getByRole('heading', { name: /Deep learning course/ }).waitFor()
  assert.equal(await page().locator('#project-title .role').textContent(), 'instructor')
  const projects = await server.api('alice', 'GET', '/api/projects')
  assert.deepEqual(projects.map(p => [p.id, p.role]), [['course', 'owner']])
})

test('uploading an .ipynb creates the notebook and opens it', async () => {
  await page().getByLabel('Upload .ipynb').setInputFiles({ name: 'week1.ipynb', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(uploaded)) })
  await page().locator('.cell .cm-content').first().waitFor()
  assert.equal(await cellText(page(), 0), 'uploaded = True')
  await page().getByRole('link', { name: '← course' }).click()
  await notebookRow('week1.ipynb').waitFor()
})

test('download gives the notebook as .ipynb', async () => {
  const [download] = await Promise.all([page().waitForEvent('download'), notebookRow('week1.ipynb').getByRole('button', { name: 'Download week1.ipynb' }).click()])
  assert.equal(download.suggestedFilename(), 'week1.ipynb')
  const ipynb = JSON.parse(readFileSync(await download.path(), 'utf8'))
  assert.equal(ipynb.nbformat, 4)
  assert.deepEqual(ipynb.cells.map(c => [c.id, c.source]), [['u1', 'uploaded = True']])
})

test('rename keeps the content under the new name', async () => {
  await notebookRow('week1.ipynb').getByRole('button', { name: 'Rename week1.ipynb' }).click()
  const input = page().getByLabel('New name for week1.ipynb')
  assert.equal(await input.evaluate(e => e === document.activeElement), true)
  await input.press('Escape')
  await notebookRow('week1.ipynb').getByRole('button', { name: 'Rename week1.ipynb' }).click()
  await input.fill('final')
  await screenshot(page(), 'project-rename')
  await input.press('Enter')
  await notebookRow('final.ipynb').waitFor()
  assert.equal(await notebookRow('week1.ipynb').count(), 0)
  const ipynb = await server.api('alice', 'GET', '/api/projects/course/notebooks/final.ipynb/export')
  assert.equal(ipynb.cells[0].source, 'uploaded = True')
})

test('a new notebook is created from the form; delete removes it', async () => {
  await page().getByLabel('New notebook').fill('scratch')
  await page().getByRole('button', { name: 'Create', exact: true }).click()
  await page().locator('.notebook h2', { hasText: 'scratch.ipynb' }).waitFor()
  await page().getByRole('link', { name: '← course' }).click()
  await notebookRow('scratch.ipynb').getByRole('button', { name: 'Delete scratch.ipynb' }).click()
  await page().waitForFunction(() => !document.querySelector('li[data-notebook="scratch.ipynb"]'))
  await screenshot(page(), 'project-notebooks')
  const names = (await server.api('alice', 'GET', '/api/projects/course/notebooks')).map(n => n.name)
  assert.ok(names.includes('final.ipynb') && !names.includes('scratch.ipynb'), names.join())
})

test('the owner adds bob as an assistant; bob edits the notebook', async () => {
  await page().getByLabel('Add member').fill('bob')
  await page().getByLabel('Role of the new member').selectOption('editor')
  await page().getByRole('button', { name: 'Add', exact: true }).click()
  await page().locator('li[data-member="bob"]').waitFor()
  assert.equal(await page().getByLabel('Role of bob').inputValue(), 'editor')
  assert.equal(await page().getByLabel('Role of bob').locator('option:checked').textContent(), 'assistant')
  await screenshot(page(), 'project-members')

  await bob.page.goto(`${server.url}/#/p/course/final.ipynb`)
  await bob.page.locator('.cell .cm-content').first().waitFor()
  await bob.page.getByTestId('sync').filter({ hasText: 'All changes saved' }).waitFor()
  assert.equal(await bob.page.locator('.cell .cm-content').first().getAttribute('contenteditable'), 'true')
})

test('lowering bob to student turns his open editor read-only at once', async () => {
  await page().getByLabel('Role of bob').selectOption('viewer')
  await page().locator('li[data-member="bob"] select').evaluate(s => s.value === 'viewer')
  await bob.page.getByText('Read-only: you are a viewer').waitFor({ timeout: 15_000 })
  await bob.page.waitForFunction(() => document.querySelector('.cell .cm-content')?.getAttribute('contenteditable') === 'false')
  assert.equal(await bob.page.getByRole('button', { name: 'Run all cells' }).isDisabled(), true)
  const members = await server.api('alice', 'GET', '/api/projects/course/members')
  assert.deepEqual(members.map(m => [m.userId, m.role]).sort(), [['alice', 'owner'], ['bob', 'viewer']])
  await screenshot(bob.page, 'project-lowered-bob')
})

test('bob, now a student, sees the project without edit controls', async () => {
  await bob.page.goto(`${server.url}/#/p/course`)
  await bob.page.getByRole('heading', { name: /Deep learning course/ }).waitFor()
  assert.equal(await bob.page.locator('#project-title .role').textContent(), 'student')
  assert.equal(await bob.page.getByRole('button', { name: 'Rename final.ipynb' }).count(), 0)
  assert.equal(await bob.page.getByLabel('Role of alice').count(), 0)
  await screenshot(bob.page, 'project-student-view')
})

test('no console errors', () => {
  assert.deepEqual([...alice.errors, ...bob.errors], [])
})
