// The JupyterLab extension's sign-in, without JupyterLab: a page on another origin (standing in
// for JupyterLab) runs @collab/ui's signInWithPopup against a real OpenID provider
// (tests/interop/oidc-test-provider.mjs). The popup returns to the Collab server's
// /auth-callback.html, which hands the code back only to origins in Cors:AllowedOrigins; the
// page then calls Collab's REST API across origins with the token. A page on an origin that is
// not allowed gets no code. Screenshots go to clients/test-results/oidc-popup-*.png.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { after, before, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { CollabServer, freePort } from '../../../test-support/collab-server.mjs'
import { audience, clientId, scopes, startTestProvider } from '../../../../tests/interop/oidc-test-provider.mjs'
import { launchBrowser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const files = {
  '/ui/oidc-sign-in.js': new URL('../../ui/dist/oidc-sign-in.js', import.meta.url),
  '/ui/auth-config.js': new URL('../../ui/dist/auth-config.js', import.meta.url),
  '/oauth4webapi.js': new URL('../../../node_modules/oauth4webapi/build/index.js', import.meta.url)
}

// `?collab=` is the Collab server; with `&forged`, the page skips Collab's config (which its origin
// may not read) and uses the one the test serves it, as a page that wants someone's code would.
const page = `<!doctype html><meta charset="utf-8"><title>Notebook host</title>
<script type="importmap">{"imports":{"oauth4webapi":"/oauth4webapi.js"}}</script>
<h1>A JupyterLab on another origin</h1><button id="go">Sign in with the platform</button><p id="out"></p>
<script type="module">
import { fetchAuthConfig } from '/ui/auth-config.js'
import { signInWithPopup } from '/ui/oidc-sign-in.js'
const query = new URLSearchParams(location.search)
const collab = query.get('collab')
const out = document.getElementById('out')
const config = query.has('forged') ? await (await fetch('/config.json')).json() : await fetchAuthConfig(collab)
document.getElementById('go').onclick = () => signInWithPopup(config, collab).then(async token => {
  const projects = await (await fetch(collab + '/api/projects', { headers: { Authorization: 'Bearer ' + token } })).json()
  out.textContent = 'projects: ' + projects.map(p => p.name).join(', ')
}, e => { out.textContent = 'failed: ' + e.message })
</script>`

let provider, server, browser, host, evilHost

/** A static server for the stand-in page and the ES modules it loads. */
async function startHost (configJson) {
  const http = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname
    if (files[path]) response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(files[path]))
    else if (path === '/config.json') response.writeHead(200, { 'Content-Type': 'application/json' }).end(configJson)
    else response.writeHead(200, { 'Content-Type': 'text/html' }).end(page)
  })
  await new Promise(resolve => http.listen(0, '127.0.0.1', resolve))
  return { http, origin: `http://127.0.0.1:${http.address().port}` }
}

before(async () => {
  const port = await freePort()
  host = await startHost('{}')
  provider = await startTestProvider({
    redirectUris: [`http://127.0.0.1:${port}/`, `http://127.0.0.1:${port}/auth-callback.html`],
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
  evilHost = await startHost(config)
  const now = Math.floor(Date.now() / 1000)
  const olivia = provider.sign({ iss: provider.issuer, aud: audience, sub: 'olivia', iat: now, exp: now + 600 })
  for (const [method, path, body] of [['POST', '/api/projects', { id: 'popup-lab', name: 'Popup lab' }],
    ['PUT', '/api/projects/popup-lab/members/alice', { role: 'viewer' }]]) {
    const response = await fetch(server.url + path, { method, headers: { Authorization: `Bearer ${olivia}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
    assert.ok(response.ok, `${method} ${path}: ${response.status}`)
  }
  browser = await launchBrowser()
})

after(async () => {
  await browser?.close()
  await server?.dispose()
  await provider?.close()
  host?.http.close()
  evilHost?.http.close()
})

/** Opens the stand-in page, clicks sign-in and logs in as alice in the popup; returns the page and the popup. */
async function signInThroughPopup (origin, query, name) {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 } })
  const opener = await context.newPage()
  await opener.goto(`${origin}/?collab=${encodeURIComponent(server.url)}${query}`)
  const popupOpened = context.waitForEvent('page')
  await opener.getByRole('button', { name: 'Sign in with the platform' }).click()
  const popup = await popupOpened
  await popup.locator('input[name=login]').fill('alice')
  await popup.locator('input[name=password]').fill('any password')
  await screenshot(popup, `oidc-popup-${name}-login`)
  await popup.getByRole('button', { name: 'Sign-in' }).click()
  return { context, opener, popup }
}

test('a page on an allowed origin signs in through the popup and calls Collab across origins', async () => {
  const { context, opener, popup } = await signInThroughPopup(host.origin, '', 'allowed')
  await opener.getByText('projects: Popup lab').waitFor()
  if (!popup.isClosed()) await popup.waitForEvent('close') // the page closes it once it has the code
  await screenshot(opener, 'oidc-popup-allowed-signed-in')
  await context.close()
})

test('a page on another origin gets no code from the callback page', async () => {
  const { context, opener, popup } = await signInThroughPopup(evilHost.origin, '&forged', 'other-origin')
  await popup.waitForURL(url => url.href.startsWith(`${server.url}/auth-callback.html`))
  await popup.getByText('You can close this window').waitFor()
  await new Promise(resolve => setTimeout(resolve, 1500))
  assert.equal(await opener.locator('#out').textContent(), '', 'no code reached the other origin')
  await screenshot(popup, 'oidc-popup-other-origin-callback')
  await context.close()
})
