// Playwright (playwright-core) driving Debian's Chromium for the web client's browser tests.
import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const artifacts = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-results')

export async function launchBrowser () {
  mkdirSync(artifacts, { recursive: true })
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
}

/**
 * A signed-in user in their own browser context. Console errors and page errors are collected;
 * network failures are expected only while the test has the server down (`expectOffline`).
 */
export async function openUser (browser, server, user, token) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } })
  const page = await context.newPage()
  const errors = []
  const session = { user, page, context, errors, expectOffline: false }
  const offlineNoise = /ERR_CONNECTION_REFUSED|WebSocket connection to .* failed|Failed to load resource/
  page.on('console', message => {
    if (message.type() !== 'error') return
    if (session.expectOffline && offlineNoise.test(message.text())) return
    errors.push(`console: ${message.text()}`)
  })
  page.on('pageerror', error => errors.push(`page: ${error.message}`))
  await page.goto(server.url + '/')
  await page.getByLabel('Access token').fill(token)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Your projects' }).waitFor()
  return session
}

/** The text of the cell editor at `index`, without the remote-cursor name tags CodeMirror shows inline. */
export function cellText (page, index) {
  return page.locator('.cell .cm-content').nth(index).evaluate(content => {
    const copy = content.cloneNode(true)
    copy.querySelectorAll('.cm-ySelectionInfo, .cm-ySelectionCaret, .cm-widgetBuffer').forEach(e => e.remove())
    return [...copy.querySelectorAll('.cm-line')].map(line => line.textContent).join('\n')
  })
}

export function screenshot (page, name) {
  return page.screenshot({ path: join(artifacts, `${name}.png`) })
}
