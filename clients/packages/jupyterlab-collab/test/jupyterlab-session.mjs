// A user in their own browser context on the test JupyterLab, signed in to Collab through the
// extension's panel, with helpers that read JupyterLab's own notebook DOM.
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const artifacts = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-results', 'jupyterlab')

/** Messages of a JupyterLab 4.5 front end on jupyter_server 1.x that say nothing about Collab. */
const knownNoise = [
  /api\/events\/subscribe/, // the events API arrived in jupyter_server 2
  /Failed to load resource: the server responded with a status of 404/,
  /Plugin '@jupyterlab\/[a-z-]+:[a-z-]+' failed to activate/, // needs a core plugin this test app leaves out
  // JupyterLab's toolkit in this build overflows its stack on any notebook, a Collab one or a local file alike.
  /RangeError: Maximum call stack size exceeded \(\S+web-components_dist_esm_index_js/,
  // jupyter_server 1.23 lists a local kernel that is still starting and fails on its missing last_activity
  // (a race of the test app's own kernel manager, seen on a loaded machine); JupyterLab polls again.
  /status of 500 \(Internal Server Error\) \(http:\/\/[^/]+\/api\/kernels\?/,
  /AttributeError: '\w*KernelManager' object has no attribute 'last_activity'/
]

export async function launchBrowser () {
  mkdirSync(artifacts, { recursive: true })
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args })
}

export async function openLab (browser, lab, user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } })
  const page = await context.newPage()
  const errors = []
  page.on('console', message => {
    const text = `${message.text()} (${message.location().url}:${message.location().lineNumber})`
    if (message.type() === 'error' && !knownNoise.some(n => n.test(text))) errors.push(`console: ${text}`)
  })
  page.on('pageerror', error => errors.push(`page: ${error.message}`))
  await page.goto(lab.labUrl)
  await page.waitForFunction(() => window.jupyterapp)
  await page.evaluate(() => window.jupyterapp.restored)
  return { user, page, context, errors }
}

/** Opens the Collab side panel and connects with `token`. */
/** Shows the Collab side panel (its tab toggles, so only when hidden). */
export async function showCollabPanel (page) {
  if (!await page.locator('#jupyterlab-collab-panel').isVisible()) await page.getByRole('tab', { name: 'Collab' }).click()
  await page.locator('#jupyterlab-collab-panel').waitFor()
}

export async function signIn (session, serverUrl, token) {
  const { page } = session
  await showCollabPanel(page)
  await page.getByLabel('Collab server URL').fill(serverUrl)
  await page.getByRole('button', { name: 'Continue' }).click()
  // The test server takes pasted tokens (dev mode); sign-in with a provider is tested elsewhere.
  await page.getByLabel('Access token').fill(token)
  await page.getByRole('button', { name: 'Connect with token' }).click()
  await page.getByText(`as ${session.user}`).waitFor()
}

export function cells (page) {
  return page.locator('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell')
}

/** The source of cell `index` as JupyterLab's editor shows it, without the remote carets. */
export function cellText (page, index) {
  return cells(page).nth(index).locator('.cm-content').evaluate(content => {
    const copy = content.cloneNode(true)
    copy.querySelectorAll('.jp-CollabCursor, .cm-widgetBuffer').forEach(e => e.remove())
    return [...copy.querySelectorAll('.cm-line')].map(line => line.textContent).join('\n')
  })
}

/** All cell sources, through JupyterLab's own model of the open notebook. */
export function modelSources (page) {
  return page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget
    return panel.content.model.sharedModel.cells.map(c => c.getSource())
  })
}

export function runCommand (page, id, args = {}) {
  return page.evaluate(([id, args]) => window.jupyterapp.commands.execute(id, args), [id, args])
}

export function screenshot (page, name) {
  return page.screenshot({ path: join(artifacts, `${name}.png`) })
}

export async function waitFor (condition, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  let last
  while (Date.now() < deadline) {
    try { if (await condition()) return } catch (e) { last = e }
    await new Promise(r => setTimeout(r, 150))
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`)
}
