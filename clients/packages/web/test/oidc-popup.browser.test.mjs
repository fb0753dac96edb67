// The JupyterLab extension's sign-in, without JupyterLab: the extension's own sign-in form and
// session (test/extension-host, built here with Vite) on a page of another origin sign in through
// a popup at a real OpenID provider (tests/interop/oidc-test-provider.mjs). The popup returns to
// the Collab server's /api/auth/callback, which hands the code back only to origins in
// Cors:AllowedOrigins; the page then calls Collab's REST API and hub across origins. A page on an
// origin that is not allowed gets no code. Screenshots go to clients/test-results/oidc-popup-*.png.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { CollabServer, freePort } from '../../../test-support/collab-server.mjs'
import { audience, clientId, scopes, startTestProvider } from '../../../../tests/interop/oidc-test-provider.mjs'
import { launchBrowser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const files = {
  '/ui/oidc-sign-in.js': new URL('../../ui/dist/oidc-sign-in.js', import.meta.url),
  '/ui/auth-config.js': new URL('../../ui/dist/auth-config.js', import.meta.url),
  '/oauth4webapi.js': new URL('../../../node_modules/oauth4webapi/build/index.js', import.meta.url)
}

// A page that wants someone's code: it skips Collab's config (which its origin may not read), uses
// the one the test serves it, and runs the same popup flow. `?collab=` is the Collab server.
const forgedPage = `<!doctype html><meta charset="utf-8"><title>Notebook host</title>
<script type="importmap">{"imports":{"oauth4webapi":"/oauth4webapi.js"}}</script>
<h1>A JupyterLab on another origin</h1><button id="go">Sign in with the platform</button><p id="out"></p>
<script type="module">
import { signInWithPopup } from '/ui/oidc-sign-in.js'
const query = new URLSearchParams(location.search)
const collab = query.get('collab')
const out = document.getElementById('out')
const config = await (await fetch('/config.json')).json()
document.getElementById('go').onclick = () => signInWithPopup(config, collab).then(async token => {
  const projects = await (await fetch(collab + '/api/projects', { headers: { Authorization: 'Bearer ' + token } })).json()
  out.textContent = 'projects: ' + projects.map(p => p.name).join(', ')
}, e => { out.textContent = 'failed: ' + e.message })
</script>`

let provider, server, browser, host, evilHost
const extensionBuild = mkdtempSync(join(tmpdir(), 'collab-extension-host-'))

/** A static server: the built extension page (`build`), or the forged page with its config and modules. */
async function startHost ({ build, configJson }) {
  const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' }
  const http = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname
    const built = build && join(build, path === '/' ? 'index.html' : path)
    if (built && existsSync(built)) response.writeHead(200, { 'Content-Type': types[built.slice(built.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(readFileSync(built))
    else if (files[path]) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(files[path]))
    else if (path === '/config.json') response.writeHead(200, { 'Content-Type': 'application/json' }).end(configJson)
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(forgedPage)
  })
  await new Promise(resolve => http.listen(0, '127.0.0.1', resolve))
  return { http, origin: `http://127.0.0.1:${http.address().port}` }
}

beforeAll(async () => {
  const port = await freePort()
  await build({
    root: fileURLToPath(new URL('./extension-host', import.meta.url)),
    base: './',
    logLevel: 'error',
    build: { outDir: extensionBuild, emptyOutDir: true, chunkSizeWarningLimit: 4000 }
  })
  host = await startHost({ build: extensionBuild })
  provider = await startTestProvider({
    redirectUris: [`http://127.0.0.1:${port}/`, `http://127.0.0.1:${port}/api/auth/callback`],
    corsOrigins: [host.origin]
  })
  server = await CollabServer.start({
    webRoot,
    port,
    settings: {
      'Auth:Authority': provider.issuer,
      'Auth:RequireHttpsMetadata': 'false',
      'Auth:ClientId': clientId,
      'Auth:Scopes': scopes,
      'Auth:SigningKey': '',
      'Cors:AllowedOrigins:0': host.origin
    }
  })
  const config = await (await fetch(`${server.url}/api/auth/config`)).text()
  evilHost = await startHost({ configJson: config })
  const now = Math.floor(Date.now() / 1000)
  const olivia = provider.sign({ iss: provider.issuer, aud: audience, sub: 'olivia', iat: now, exp: now + 600 })
  for (const [method, path, body] of [['POST', '/api/projects', { id: 'popup-lab', name: 'Popup lab' }],
    ['PUT', '/api/projects/popup-lab/members/alice', { role: 'viewer' }]]) {
    const response = await fetch(server.url + path, { method, headers: { Authorization: `Bearer ${olivia}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    assert.ok(response.ok, `${method} ${path}: ${response.status}`)
  }
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await provider?.close()
  host?.http.close()
  evilHost?.http.close()
  rmSync(extensionBuild, { recursive: true, force: true })
})

/** Logs in as alice in the provider's page the popup shows. */
async function logIn (popup, name) {
  await popup.locator('input[name=login]').fill('alice')
  await popup.locator('input[name=password]').fill('any password')
  await screenshot(popup, `oidc-popup-${name}-login`)
  await popup.getByRole('button', { name: 'Sign-in' }).click()
}

test('the extension signs in through the popup from an allowed origin and calls Collab across origins', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 } })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', error => errors.push(error.message))
  page.on('console', message => { if (message.type() === 'error') errors.push(message.text()) }) // a refused hub negotiate, say
  await page.goto(host.origin + '/')
  await page.getByLabel('Collab server URL').fill(server.url)
  await page.getByRole('button', { name: 'Continue' }).click()
  const button = page.getByRole('button', { name: `Sign in with 127.0.0.1:${new URL(provider.issuer).port}` })
  await button.waitFor()
  assert.equal(await page.getByLabel('Access token').count(), 0, 'no token box outside dev mode')
  await screenshot(page, 'oidc-popup-allowed-panel')
  const popupOpened = context.waitForEvent('page')
  await button.click()
  const popup = await popupOpened
  await logIn(popup, 'allowed')
  await page.getByTestId('signed-in').filter({ hasText: 'alice: Popup lab' }).waitFor()
  if (!popup.isClosed()) await popup.waitForEvent('close') // the page closes it once it has the code
  await screenshot(page, 'oidc-popup-allowed-signed-in')
  await new Promise(resolve => setTimeout(resolve, 1000)) // the panel's hub connections have started by now
  assert.deepEqual(errors, [])
  await context.close()
})

test('a page on another origin gets no code from the callback page', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 } })
  const page = await context.newPage()
  await page.goto(`${evilHost.origin}/?collab=${encodeURIComponent(server.url)}`)
  const popupOpened = context.waitForEvent('page')
  await page.getByRole('button', { name: 'Sign in with the platform' }).click()
  const popup = await popupOpened
  await logIn(popup, 'other-origin')
  await popup.waitForURL(url => url.href.startsWith(`${server.url}/api/auth/callback`))
  await popup.getByText('You can close this window').waitFor()
  await new Promise(resolve => setTimeout(resolve, 1500))
  assert.equal(await page.locator('#out').textContent(), '', 'no code reached the other origin')
  await screenshot(popup, 'oidc-popup-other-origin-callback')
  await context.close()
})
