// Running cells from the browser on the server's shared kernel: a real Jupyter Server (Debian's
// jupyter-server + ipykernel) behind a real CollabServer, two editors in separate browsers.
import assert from 'node:assert/strict'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { CollabServer, tokenFor } from '../../../test-support/collab-server.mjs'
import { JupyterServer, freePort, jupyterAvailable } from '../../../test-support/jupyter-server.mjs'
import { launchBrowser, openUser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const project = 'run'
const notebook = 'shared-kernel.ipynb'
const code = (id, source) => ({ id, cell_type: 'code', metadata: {}, source, outputs: [], execution_count: null })
const cells = [
  code('greet', 'print("hello from alice")'),
  code('square', 'x = 7\nx * x'),
  code('slow', 'import time\ntime.sleep(3)\nprint("finished after bob left")'),
  code('loop', 'import time\nfor i in range(600):\n    print(i, flush=True)\n    time.sleep(0.1)')
]

let jupyter, server, browser, alice, bob

beforeAll(async () => {
  if (!jupyterAvailable()) return
  jupyter = await JupyterServer.start()
  server = await CollabServer.start({ webRoot, settings: jupyter.settings })
  await server.createProject(project, { alice: 'owner', bob: 'editor' })
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks`, { name: notebook, content: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells } })
  browser = await launchBrowser()
  ;[alice, bob] = await Promise.all(['alice', 'bob'].map(user => openUser(browser, server, user, tokenFor(user))))
  for (const s of [alice, bob]) {
    await s.page.goto(`${server.url}/#/p/${project}/${notebook}`)
    await s.page.locator('.cell').nth(3).waitFor()
  }
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await jupyter?.dispose()
})

const cell = (s, id) => s.page.locator(`.cell[data-cell-id="${id}"]`)

test('Shift+Enter runs a cell on the shared kernel; both see the output and the counter', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  await cell(alice, 'greet').locator('.cm-content').click()
  await alice.page.keyboard.press('Shift+Enter')
  for (const s of [alice, bob]) {
    await cell(s, 'greet').locator('.output.stream', { hasText: 'hello from alice' }).waitFor({ timeout: 60_000 })
    await cell(s, 'greet').getByTestId('prompt').filter({ hasText: '[1]' }).waitFor()
  }
  assert.equal(await alice.page.evaluate(() => document.activeElement.dataset.cellId), 'square', 'the next cell is selected')
  await bob.page.getByTestId('kernel-status').filter({ hasText: 'Idle' }).waitFor()
  assert.match(await bob.page.getByTestId('kernel-picker').inputValue(), /python3/)
})

test('bob runs the next cell with the toolbar; alice sees its result', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  await cell(bob, 'square').click({ position: { x: 5, y: 5 } })
  await bob.page.getByRole('button', { name: 'Run the selected cell and select the next (Shift+Enter)' }).click()
  await cell(alice, 'square').locator('.output', { hasText: '49' }).waitFor({ timeout: 30_000 })
  await cell(alice, 'square').getByTestId('prompt').filter({ hasText: '[2]' }).waitFor()
  await screenshot(alice.page, 'execution-shared')
})

test('a run bob started goes on after he closes his tab; alice sees it finish', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  await cell(bob, 'slow').click({ position: { x: 5, y: 5 } })
  await bob.page.keyboard.press('Control+Enter')
  await cell(alice, 'slow').getByTestId('prompt').filter({ hasText: '[*]' }).waitFor({ timeout: 10_000 })
  await bob.context.close()
  await cell(alice, 'slow').locator('.output.stream', { hasText: 'finished after bob left' }).waitFor({ timeout: 30_000 })
  await cell(alice, 'slow').getByTestId('prompt').filter({ hasText: '[3]' }).waitFor()
})

test('Interrupt stops a long loop: a KeyboardInterrupt shows and the kernel is idle again', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  await cell(alice, 'loop').click({ position: { x: 5, y: 5 } })
  await alice.page.keyboard.press('Control+Enter')
  await cell(alice, 'loop').locator('.output.stream', { hasText: '3' }).waitFor({ timeout: 30_000 })
  await alice.page.getByTestId('kernel-status').filter({ hasText: 'Busy' }).waitFor()
  await screenshot(alice.page, 'execution-busy')
  await alice.page.getByRole('button', { name: 'Interrupt the kernel' }).click()
  await cell(alice, 'loop').locator('.output.error', { hasText: 'KeyboardInterrupt' }).waitFor({ timeout: 30_000 })
  await alice.page.getByTestId('kernel-status').filter({ hasText: 'Idle' }).waitFor()
  assert.doesNotMatch(await cell(alice, 'loop').getByTestId('prompt').textContent(), /\*/)
  await screenshot(alice.page, 'execution-interrupted')
})

test('0 0 restarts the kernel, as in JupyterLab; so does the toolbar button', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  await cell(alice, 'square').click({ position: { x: 5, y: 5 } })
  await alice.page.keyboard.press('0')
  await alice.page.keyboard.press('0')
  await alice.page.getByTestId('kernel-status').filter({ hasText: 'Idle' }).waitFor({ timeout: 30_000 })
  // A new kernel counts from 1 again.
  await alice.page.keyboard.press('Control+Enter')
  await cell(alice, 'square').getByTestId('prompt').filter({ hasText: '[1]' }).waitFor({ timeout: 30_000 })
  await alice.page.getByRole('button', { name: 'Restart the kernel' }).click()
  await alice.page.getByTestId('kernel-status').filter({ hasText: 'Idle' }).waitFor({ timeout: 30_000 })
})

test('Run all runs every cell top to bottom', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  await cell(alice, 'loop').locator('.cm-content').click()
  await alice.page.keyboard.press('Control+a')
  await alice.page.keyboard.type('print(x * x + 1)')
  await alice.page.getByRole('button', { name: 'Run all cells' }).click()
  await cell(alice, 'loop').locator('.output.stream', { hasText: '50' }).waitFor({ timeout: 60_000 })
  assert.equal(await cell(alice, 'greet').getByTestId('prompt').textContent(), '[1]', 'run on the restarted kernel')
})

test('Shut down frees the kernel; the next run starts a new one', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  await alice.page.getByRole('button', { name: /^Shut the kernel down/ }).click()
  await alice.page.getByTestId('kernel-status').filter({ hasText: 'No kernel' }).waitFor({ timeout: 30_000 })
  await cell(alice, 'greet').click({ position: { x: 5, y: 5 } })
  await alice.page.keyboard.press('Control+Enter')
  await cell(alice, 'greet').getByTestId('prompt').filter({ hasText: '[1]' }).waitFor({ timeout: 60_000 })
})

test('no console errors', t => {
  if (!jupyter) return t.skip('no jupyter_server')
  assert.deepEqual([...alice.errors, ...bob.errors], [])
})

test('a Jupyter server that is down: the notebook says so where people look', async () => {
  const down = await CollabServer.start({ webRoot, settings: { Jupyter__Url: `http://127.0.0.1:${await freePort()}/`, Jupyter__Token: 'unused' } })
  const b = await launchBrowser()
  try {
    await down.createProject('down', { carl: 'owner' })
    await down.api('carl', 'POST', '/api/projects/down/notebooks', { name: 'down.ipynb', content: { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [code('c0', 'print(1)')] } })
    const carl = await openUser(b, down, 'carl', tokenFor('carl'))
    await carl.page.goto(`${down.url}/#/p/down/down.ipynb`)
    await carl.page.locator('.cell').first().click({ position: { x: 5, y: 5 } })
    await carl.page.getByRole('button', { name: 'Run all cells' }).click()
    await carl.page.getByTestId('kernel-message').filter({ hasText: 'not reachable' }).waitFor({ timeout: 30_000 })
    await carl.page.getByTestId('kernel-status').filter({ hasText: 'unavailable' }).waitFor()
    await screenshot(carl.page, 'execution-unavailable')
  } finally {
    await b.close()
    await down.dispose()
  }
})

test('owners move a project to another allowed Jupyter server on its page; editors see where cells run', async t => {
  if (!jupyter) return t.skip('no jupyter_server')
  const settings = { ...jupyter.settings, Jupyter__Servers__spare__Url: jupyter.url, Jupyter__Servers__spare__Token: jupyter.settings.Jupyter__Token }
  const multi = await CollabServer.start({ webRoot, settings })
  const b = await launchBrowser()
  try {
    await multi.createProject('choose', { olga: 'owner', ed: 'editor' })
    const [olga, ed] = await Promise.all(['olga', 'ed'].map(user => openUser(b, multi, user, tokenFor(user))))
    olga.page.on('dialog', dialog => { void dialog.accept() })
    await olga.page.goto(`${multi.url}/#/p/choose`)
    const select = olga.page.getByRole('combobox', { name: 'Jupyter server' })
    assert.equal(await select.inputValue(), 'default')
    await select.selectOption('spare')
    for (let i = 0; (await multi.api('olga', 'GET', '/api/projects/choose/jupyter-server')).server !== 'spare'; i++) {
      assert.ok(i < 100, 'the choice was not stored')
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    await screenshot(olga.page, 'project-jupyter-server')
    await ed.page.goto(`${multi.url}/#/p/choose`)
    await ed.page.getByText('Cells run on spare').waitFor()
    assert.deepEqual([...olga.errors, ...ed.errors], [])
  } finally {
    await b.close()
    await multi.dispose()
  }
})
