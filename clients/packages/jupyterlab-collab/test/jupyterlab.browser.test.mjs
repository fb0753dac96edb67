// End to end inside a real JupyterLab 4.5 (the test app LabServerApp serves, the extension
// pip-installed from its wheel): two editors and a viewer, each in their own browser context, on a
// real CollabServer; cells of Collab notebooks run on Collab's shared kernel (a real jupyter_server
// with ipykernel behind the CollabServer), not JupyterLab's. Screenshots: clients/test-results/jupyterlab/.
import assert from 'node:assert/strict'
import { once } from 'node:events'
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, test } from 'vitest'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { CollabServer, freePort, tokenFor } from '../../../test-support/collab-server.mjs'
import { JupyterServer } from '../../../test-support/jupyter-server.mjs'
import { JupyterLabServer } from './jupyterlab-server.mjs'
import { cellText, cells, launchBrowser, modelSources, openLab, runCommand, screenshot, showCollabPanel, signIn, waitFor } from './jupyterlab-session.mjs'

const project = 'jl'
const notebook = 'shared.ipynb'
const starter = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: { kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' } },
  cells: [
    { id: 'intro', cell_type: 'markdown', metadata: {}, source: '# Shared analysis' },
    { id: 'calc', cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: 'x = 6 * 7' }
  ]
}

let server, jupyter, labOrigin, lab, browser, alice, bob, carol

/** Whether the server answers a CORS preflight from `origin` (Cors:AllowedOrigins). */
async function allowsOrigin (origin) {
  const response = await fetch(`${server.url}/api/projects`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' }
  })
  return response.headers.get('access-control-allow-origin') === origin
}

/** Sends `user`'s forged first cell straight to the room over the y-websocket endpoint, past any UI. */
async function forgeCellAs (user) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/yjs/${project}/${notebook}?access_token=${tokenFor(user)}`)
  const denials = []
  socket.on('message', data => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    // y-websocket auth message (2), permission denied (0), then the reason.
    if (decoding.readVarUint(decoder) === 2 && decoding.readVarUint(decoder) === 0) denials.push(decoding.readVarString(decoder))
  })
  await once(socket, 'open')
  const doc = new Y.Doc()
  doc.getArray('cells').insert(0, [new Y.Map([['id', 'forged'], ['cell_type', 'raw'], ['source', new Y.Text('forged')], ['metadata', new Y.Map()]])])
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, 0) // y-websocket: sync
  syncProtocol.writeUpdate(message, Y.encodeStateAsUpdate(doc))
  socket.send(encoding.toUint8Array(message))
  await new Promise(resolve => setTimeout(resolve, 1500))
  socket.close()
  return denials
}

async function openNotebook (session) {
  await session.page.getByRole('button', { name: notebook }).click()
  await cells(session.page).nth(1).locator('.cm-content').waitFor()
  await waitFor(async () => (await modelSources(session.page)).length >= 2, `${session.user}'s notebook to sync`)
}

beforeAll(async () => {
  const labPort = await freePort()
  labOrigin = `http://127.0.0.1:${labPort}`
  // Collab's shared kernels live on their own jupyter_server, apart from JupyterLab's.
  jupyter = await JupyterServer.start()
  server = await CollabServer.start({ settings: { 'Cors:AllowedOrigins:0': labOrigin, ...jupyter.settings } })
  await server.createProject(project, { alice: 'owner', bob: 'editor', carol: 'viewer' })
  await server.api('alice', 'POST', `/api/projects/${project}/notebooks`, { name: notebook, content: starter })
  lab = await JupyterLabServer.start(labPort)
  // JupyterLab and Collab are two origins, as in a real deployment: the browser's CORS checks apply.
  assert.ok(await allowsOrigin(labOrigin), 'the server allows the JupyterLab origin (Cors:AllowedOrigins)')
  browser = await launchBrowser()
  ;[alice, bob, carol] = await Promise.all(['alice', 'bob', 'carol'].map(user => openLab(browser, lab, user)))
  for (const s of [alice, bob, carol]) await signIn(s, server.url, tokenFor(s.user))
})

afterAll(async () => {
  await browser?.close()
  await lab?.dispose()
  if (process.env.COLLAB_TEST_SERVER_LOG) writeFileSync(process.env.COLLAB_TEST_SERVER_LOG, server?.log ?? '')
  await server?.dispose()
  await jupyter?.dispose()
})

test('the extension is a federated extension loaded from the wheel\'s labextensions folder', async () => {
  const config = await alice.page.evaluate(() => JSON.parse(document.getElementById('jupyter-config-data').textContent))
  const ours = config.federated_extensions.find(e => e.name === 'jupyterlab-collab')
  assert.ok(ours, 'jupyterlab-collab is in the page config')
  assert.match(config.labextensionsPath[0], /share\/jupyter\/labextensions$/)
  assert.ok(await alice.page.evaluate(() => window.jupyterapp.isPluginActivated('jupyterlab-collab:plugin')))
  // Ours replaces JupyterLab's cell executor (the test app bundles that default one too).
  assert.ok(await alice.page.evaluate(() => window.jupyterapp.hasPlugin('@jupyterlab/notebook-extension:cell-executor')))
  assert.ok(await alice.page.evaluate(() => window.jupyterapp.isPluginActivated('jupyterlab-collab:cell-executor')))
  await screenshot(alice.page, '01-signed-in-alice')
})

test('two editors open the same Collab notebook in JupyterLab and see each other', async () => {
  for (const s of [alice, bob, carol]) await openNotebook(s)
  assert.equal(await cellText(alice.page, 0), '# Shared analysis')
  assert.equal(await cellText(bob.page, 1), 'x = 6 * 7')
  // Presence: the panel lists who is in the open notebooks.
  const here = page => page.getByRole('list', { name: 'People in your open notebooks' })
  await here(alice.page).getByText(`bob – ${project}/${notebook}`).waitFor()
  await here(bob.page).getByText(`alice – ${project}/${notebook}`).waitFor()
  // Cursor: bob's caret, with his name, in alice's editor of the cell he is in.
  await cells(bob.page).nth(1).locator('.cm-content').click()
  await bob.page.keyboard.press('End')
  await cells(alice.page).nth(1).locator('.jp-CollabCursor', { hasText: 'bob' }).waitFor()
  await cells(alice.page).nth(1).locator('.cm-content').click()
  await cells(bob.page).nth(1).locator('.jp-CollabCursor', { hasText: 'alice' }).waitFor()
  await screenshot(alice.page, '02-presence-alice')
  await screenshot(bob.page, '02-presence-bob')
})

test('text typed by one editor appears for the other', async () => {
  await cells(bob.page).nth(1).locator('.cm-content').click()
  await bob.page.keyboard.press('Control+End')
  await bob.page.keyboard.type('\nprint(x)', { delay: 20 })
  await waitFor(async () => (await cellText(alice.page, 1)) === 'x = 6 * 7\nprint(x)', 'alice to see bob\'s text')
  await screenshot(alice.page, '03-typed-by-bob')
})

test('cells added, moved and deleted by one change for the other', async () => {
  await cells(alice.page).nth(1).locator('.jp-InputPrompt').click()
  await alice.page.keyboard.press('Escape')
  await alice.page.keyboard.press('b') // JupyterLab's "insert cell below"
  await alice.page.keyboard.press('Enter')
  await alice.page.keyboard.type('y = x + 1', { delay: 20 })
  await waitFor(async () => (await modelSources(bob.page)).join('|') === '# Shared analysis|x = 6 * 7\nprint(x)|y = x + 1', 'bob to get the new cell')
  await cells(bob.page).nth(2).locator('.cm-content').waitFor()
  await screenshot(bob.page, '04-added-by-alice')

  // bob moves the new cell to the top, as the "move cell up" command does.
  await cells(bob.page).nth(2).locator('.jp-InputPrompt').click()
  await bob.page.keyboard.press('Escape')
  await runCommand(bob.page, 'notebook:move-cell-up')
  await runCommand(bob.page, 'notebook:move-cell-up')
  await waitFor(async () => (await modelSources(alice.page))[0] === 'y = x + 1', 'alice to see the moved cell')
  assert.equal(await cellText(alice.page, 0), 'y = x + 1')
  await screenshot(alice.page, '05-moved-by-bob')

  // alice deletes it.
  await cells(alice.page).nth(0).locator('.jp-InputPrompt').click()
  await alice.page.keyboard.press('Escape')
  await runCommand(alice.page, 'notebook:delete-cell')
  await waitFor(async () => (await modelSources(bob.page)).length === 2, 'bob to see the deletion')
  assert.equal(await cells(bob.page).count(), 2)
  await screenshot(bob.page, '06-deleted-by-alice')
})

/** Adds a code cell with `text` below cell `index` in `session`'s JupyterLab, as the "b" key does. */
async function insertBelow (session, index, text) {
  await cells(session.page).nth(index).locator('.jp-InputPrompt').click()
  await session.page.keyboard.press('Escape')
  await session.page.keyboard.press('b')
  await session.page.keyboard.press('Enter')
  await session.page.keyboard.type(text, { delay: 20 })
  await session.page.keyboard.press('Escape')
  await waitFor(async () => (await modelSources(alice.page)).includes(text) && (await modelSources(bob.page)).includes(text), `the cell "${text}" for both`)
}

/** The notebook's cell ids, in order, from the server's export. */
async function cellIds () {
  const ipynb = await server.api('alice', 'GET', `/api/projects/${project}/notebooks/${notebook}/export`)
  return ipynb.cells.map(c => c.id)
}

const output = (page, index, text) => cells(page).nth(index).locator('.jp-OutputArea-output', { hasText: text })
const prompt = (page, index, count) => cells(page).nth(index).locator('.jp-InputPrompt', { hasText: `[${count}]` })

test('cells run from JupyterLab go to Collab\'s shared kernel: variables cross between JupyterLab and REST runs', async () => {
  // A run asked through REST (as the web client's would be) sets x on Collab's kernel.
  await server.api('bob', 'POST', `/api/projects/${project}/notebooks/${notebook}/run`, { mode: 'cells', cellIds: ['calc'] })
  for (const s of [alice, bob]) {
    await output(s.page, 1, '42').waitFor({ timeout: 60_000 })
    await prompt(s.page, 1, 1).waitFor()
  }
  const status = alice.page.getByRole('status', { name: 'Collab kernel' })
  await status.getByText(/Collab kernel \(Python 3.*\): idle/).waitFor()
  assert.ok((await status.boundingBox()).height >= 18, 'the kernel status line takes room above the cells')
  await screenshot(alice.page, '07-rest-run-alice')

  // alice runs a cell that reads x in JupyterLab: it runs where x is (JupyterLab's own kernel
  // has no x), and bob gets the output and the count through the document.
  await insertBelow(alice, 1, 'z = x + 1\nprint(z)')
  await cells(alice.page).nth(2).locator('.jp-InputPrompt').click()
  await runCommand(alice.page, 'notebook:run-cell')
  for (const s of [alice, bob]) {
    await output(s.page, 2, '43').waitFor({ timeout: 60_000 })
    await prompt(s.page, 2, 2).waitFor()
  }
  assert.equal(await output(alice.page, 2, 'NameError').count(), 0)
  await screenshot(alice.page, '08-jupyterlab-run-alice')
  await screenshot(bob.page, '08-jupyterlab-run-bob')

  // And the other way: z, set by alice's JupyterLab run, is there for a REST run.
  await insertBelow(bob, 2, 'print(z * 2)')
  const ids = await cellIds()
  await server.api('bob', 'POST', `/api/projects/${project}/notebooks/${notebook}/run`, { mode: 'cells', cellIds: [ids[3]] })
  for (const s of [alice, bob]) {
    await output(s.page, 3, '86').waitFor({ timeout: 60_000 })
    await prompt(s.page, 3, 3).waitFor()
  }
  await screenshot(bob.page, '09-rest-run-reads-jupyterlab-variable-bob')

  // JupyterLab's run-all runs every cell on the shared kernel, one after the other.
  await runCommand(bob.page, 'notebook:run-all-cells')
  for (const [index, count] of [[1, 4], [2, 5], [3, 6]]) await prompt(alice.page, index, count).waitFor({ timeout: 60_000 })
  await screenshot(alice.page, '10-run-all-by-bob-alice')

  // JupyterLab's interrupt (toolbar, Kernel menu) reaches Collab's kernel.
  await insertBelow(alice, 3, 'import time\ntime.sleep(120)')
  await cells(alice.page).nth(4).locator('.jp-InputPrompt').click()
  await alice.page.evaluate(() => { void window.jupyterapp.commands.execute('notebook:run-cell') })
  await bob.page.getByRole('status', { name: 'Collab kernel' }).getByText(/: busy/).waitFor({ timeout: 30_000 })
  await screenshot(bob.page, '10-busy-bob')
  await runCommand(alice.page, 'notebook:interrupt-kernel')
  for (const s of [alice, bob]) await output(s.page, 4, 'KeyboardInterrupt').waitFor({ timeout: 30_000 })
  await alice.page.getByRole('status', { name: 'Collab kernel' }).getByText(/: idle/).waitFor()
  await screenshot(alice.page, '10-interrupted-alice')

  // Leave the notebook with its two cells (later tests read it), its calc cell's output kept.
  for (let i = 0; i < 3; i++) {
    await cells(alice.page).nth(2).locator('.jp-InputPrompt').click()
    await alice.page.keyboard.press('Escape')
    await runCommand(alice.page, 'notebook:delete-cell')
  }
  await waitFor(async () => (await modelSources(bob.page)).length === 2, 'the added cells to be gone')
  // JupyterLab's restart (after its dialog) restarts Collab's kernel too: the count starts again.
  await alice.page.evaluate(() => { void window.jupyterapp.commands.execute('notebook:restart-kernel') })
  await alice.page.locator('.jp-Dialog .jp-mod-accept').click()
  await bob.page.getByRole('status', { name: 'Collab kernel' }).getByText(/: (restarting|starting)/).waitFor({ timeout: 30_000 })
  await bob.page.getByRole('status', { name: 'Collab kernel' }).getByText(/: idle/).waitFor({ timeout: 60_000 })
  await server.api('bob', 'POST', `/api/projects/${project}/notebooks/${notebook}/run`, { mode: 'cells', cellIds: ['calc'] })
  await prompt(bob.page, 1, 1).waitFor({ timeout: 60_000 })
  await output(bob.page, 1, '42').waitFor()
})

test('the server holds what JupyterLab wrote, and a reload shows everything', async () => {
  await waitFor(async () => {
    const ipynb = await server.api('bob', 'GET', `/api/projects/${project}/notebooks/${notebook}/export`)
    const calc = ipynb.cells[1]
    return ipynb.cells.length === 2 && calc.source === 'x = 6 * 7\nprint(x)' && calc.execution_count === 1 &&
      calc.outputs.some(o => o.output_type === 'stream' && o.text.includes('42'))
  }, 'the server export to have the edits, the output and the execution count')

  // Each change is saved once the server acknowledges it, and JupyterLab's tab says so.
  await waitFor(async () => await alice.page.locator('.lm-TabBar-tab.jp-mod-dirty').count() === 0, 'alice\'s tab to read as saved')

  await bob.page.reload()
  await bob.page.waitForFunction(() => window.jupyterapp)
  await bob.page.evaluate(() => window.jupyterapp.restored)
  // JupyterLab's layout restorer reopens the notebook; open it from the panel only if it does not.
  const restored = await cells(bob.page).nth(1).waitFor({ timeout: 15_000 }).then(() => true, () => false)
  if (!restored) {
    await showCollabPanel(bob.page)
    await openNotebook(bob)
  }
  await waitFor(async () => (await modelSources(bob.page)).join('|') === '# Shared analysis|x = 6 * 7\nprint(x)', 'bob\'s notebook after reload')
  await cells(bob.page).nth(1).locator('.jp-OutputArea-output', { hasText: '42' }).waitFor()
  await cells(bob.page).nth(1).locator('.jp-InputPrompt', { hasText: '[1]' }).waitFor()
  await waitFor(async () => await bob.page.locator('.lm-TabBar-tab.jp-mod-dirty').count() === 0, 'bob\'s reopened notebook to read as saved')
  await screenshot(bob.page, '11-reloaded-bob')
})

test('a viewer can change nothing in JupyterLab, and the server refuses her anyway', async () => {
  const page = carol.page
  await waitFor(async () => (await modelSources(page)).join('|') === '# Shared analysis|x = 6 * 7\nprint(x)', 'carol to follow along')
  await page.locator('.jp-NotebookPanel.jp-mod-collabViewer').waitFor()
  assert.equal(await page.locator('.jp-NotebookPanel-toolbar').isVisible(), false, 'no notebook toolbar for a viewer')
  await cells(page).nth(1).locator('.cm-content').click()
  await page.keyboard.type('carol was here')
  await page.keyboard.press('Escape')
  for (const key of ['b', 'a', 'd', 'd', 'x', 'Shift+Enter', 'm']) await page.keyboard.press(key)
  // The Run menu's commands (not only its keys) do nothing for a viewer.
  for (const command of ['notebook:run-cell', 'notebook:run-all-cells']) await runCommand(page, command)
  await page.waitForTimeout(1500)
  assert.ok(await cells(page).nth(1).locator('.jp-InputPrompt', { hasText: '[1]' }).isVisible(), 'nothing ran')
  assert.deepEqual(await modelSources(page), ['# Shared analysis', 'x = 6 * 7\nprint(x)'])
  assert.equal(await cellText(page, 1), 'x = 6 * 7\nprint(x)')
  // Her runs still go to the server, which refuses them; JupyterLab tells her why.
  await page.getByText(/Collab did not run the cell: Viewers can't run cells/).first().waitFor()
  await page.getByRole('status', { name: 'Collab kernel' }).waitFor()
  await screenshot(page, '12-viewer-carol')

  // Past the UI: the server refuses a viewer's writes.
  const refused = await fetch(`${server.url}/api/projects/${project}/notebooks`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokenFor('carol')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'carols.ipynb', content: starter })
  })
  assert.equal(refused.status, 403)
  const denials = await forgeCellAs('carol')
  assert.match(denials.join('\n'), /viewers cannot change this document/)
  assert.deepEqual(await modelSources(alice.page), ['# Shared analysis', 'x = 6 * 7\nprint(x)'])
  const ipynb = await server.api('alice', 'GET', `/api/projects/${project}/notebooks/${notebook}/export`)
  assert.equal(ipynb.cells.length, 2, 'the server kept the notebook as it was')
  // The same forged update from an editor does arrive: the check above would have seen it.
  assert.deepEqual(await forgeCellAs('bob'), [])
  await waitFor(async () => (await modelSources(alice.page)).includes('forged'), 'an editor\'s update to arrive')
  // Leave the notebook as it was.
  await cells(alice.page).nth((await modelSources(alice.page)).indexOf('forged')).locator('.jp-InputPrompt').click()
  await alice.page.keyboard.press('Escape')
  await runCommand(alice.page, 'notebook:delete-cell')
  await waitFor(async () => (await modelSources(bob.page)).length === 2, 'the forged cell to be gone')
})

test('the project chat and the copilot work in JupyterLab\'s side panel', async (t) => {
  for (const s of [alice, bob]) {
    await showCollabPanel(s.page)
    await s.page.getByRole('button', { name: new RegExp(`^${project} \\(`) }).click()
  }
  const input = alice.page.getByRole('textbox', { name: 'Chat message' })
  await input.fill('Results look right: 42.')
  await input.press('Enter')
  await bob.page.getByTestId('chat-log').getByText('Results look right: 42.').waitFor()
  await screenshot(bob.page, '13-chat-bob')

  const probe = await fetch(`${server.url}/api/copilot/ask`, { method: 'POST' })
  if (probe.status === 404) return t.skip('this server build has no /api/copilot/ask')
  await alice.page.getByLabel('Question').fill('How do I request a GPU?')
  await alice.page.getByRole('button', { name: 'Ask' }).click()
  const answer = alice.page.getByTestId('copilot-answer')
  await answer.locator('p').first().waitFor({ timeout: 60_000 })
  await waitFor(async () => await answer.getAttribute('aria-busy') === 'false', 'the answer to finish', 60_000)
  assert.ok((await answer.textContent()).length > 20, 'an answer arrived')
  await screenshot(alice.page, '14-copilot-alice')
})

test('no errors from the extension in any browser', () => {
  assert.deepEqual([...alice.errors, ...bob.errors, ...carol.errors], [])
})

// Last: alice leaves the main server for one that has no Jupyter server behind it.
test('on a Collab server without Jupyter, a run from JupyterLab is refused as unavailable', async () => {
  const bare = await CollabServer.start({ settings: { 'Cors:AllowedOrigins:0': labOrigin } })
  try {
    await bare.createProject('bare', { alice: 'owner' })
    await bare.api('alice', 'POST', '/api/projects/bare/notebooks', { name: notebook, content: starter })
    await showCollabPanel(alice.page)
    await alice.page.getByRole('button', { name: 'Sign out' }).click()
    await signIn(alice, bare.url, tokenFor('alice'))
    await openNotebook(alice)
    await cells(alice.page).nth(1).locator('.jp-InputPrompt').click()
    assert.equal(await runCommand(alice.page, 'notebook:run-cell'), false)
    await alice.page.getByText(/Collab did not run the cell: Running cells is not set up on this server/).first().waitFor()
    await alice.page.waitForTimeout(800) // the toast slides in
    await screenshot(alice.page, '15-unavailable-alice')
  } finally {
    await bare.dispose()
  }
})
