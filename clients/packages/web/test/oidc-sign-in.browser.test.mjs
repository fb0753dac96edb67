// Sign-in through a real OpenID provider (tests/interop/oidc-test-provider.mjs: `oidc-provider`,
// PKCE required, RS256) in a real browser: Alice clicks "Sign in with …" on the web client, logs
// in on the provider's page, comes back signed in and sees the project Olivia added her to by her
// user id. Her token lives briefly, so the test also sees it expire and her sign in again.
// Screenshots of each step go to clients/test-results/oidc-*.png.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { afterAll, beforeAll, test } from 'vitest'
import { fileURLToPath } from 'node:url'
import { CollabServer, freePort } from '../../../test-support/collab-server.mjs'
import { audience, clientId, scopes, startTestProvider } from '../../../../tests/interop/oidc-test-provider.mjs'
import { launchBrowser, screenshot } from './browser-session.mjs'

const webRoot = fileURLToPath(new URL('../../../../CollabServer/wwwroot', import.meta.url))
const project = 'oidc-lab'
const tokenSeconds = 45

let provider, server, browser

beforeAll(async () => {
  assert.ok(existsSync(`${webRoot}/index.html`), 'build the web client first (clients/build.sh)')
  const port = await freePort()
  provider = await startTestProvider({
    redirectUris: [`http://127.0.0.1:${port}/`, `http://127.0.0.1:${port}/api/auth/callback`],
    accessTokenSeconds: tokenSeconds
  })
  server = await CollabServer.start({
    webRoot,
    port,
    settings: {
      'Auth:Authority': provider.issuer,
      'Auth:RequireHttpsMetadata': 'false', // a loopback http provider, for this test only
      'Auth:ClientId': clientId,
      'Auth:Scopes': scopes,
      'Auth:SigningKey': '' // only the provider's tokens
    }
  })
  // Olivia owns the project and adds Alice by her user id (her `sub` at the provider).
  const now = Math.floor(Date.now() / 1000)
  const olivia = provider.sign({ iss: provider.issuer, aud: audience, sub: 'olivia', iat: now, exp: now + 600 })
  const call = async (method, path, body) => {
    const response = await fetch(server.url + path, {
      method, headers: { Authorization: `Bearer ${olivia}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body)
    })
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.text()}`)
  }
  await call('POST', '/api/projects', { id: project, name: 'OIDC lab' })
  await call('PUT', `/api/projects/${project}/members/alice`, { role: 'editor' })
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.dispose()
  await provider?.close()
})

test('alice signs in at the provider, lands back signed in, sees her project, and signs in again when the token expires', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 760 } })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', error => errors.push(error.message))
  const button = page.getByRole('button', { name: `Sign in with 127.0.0.1:${new URL(provider.issuer).port}` })

  await page.goto(server.url + '/')
  await button.waitFor()
  assert.equal(await page.getByLabel('Access token').count(), 0, 'no token box outside dev mode')
  await screenshot(page, 'oidc-1-sign-in')

  await button.click()
  await page.waitForURL(url => url.href.startsWith(provider.issuer))
  await page.locator('input[name=login]').fill('alice')
  await page.locator('input[name=password]').fill('any password')
  await screenshot(page, 'oidc-2-provider-login')
  await page.getByRole('button', { name: 'Sign-in' }).click()

  await page.getByRole('heading', { name: 'Your projects' }).waitFor()
  const signedInAt = Date.now()
  assert.equal(new URL(page.url()).search, '', 'the code and state are gone from the address bar')
  assert.equal(await page.getByTestId('user').textContent(), 'alice')
  await page.getByRole('link', { name: 'OIDC lab' }).waitFor()
  await screenshot(page, 'oidc-3-signed-in')

  // The session is kept across a reload, and the project opens with its notebooks.
  await page.reload()
  await page.getByRole('link', { name: 'OIDC lab' }).click()
  await page.getByRole('link', { name: 'welcome.ipynb' }).waitFor()
  await screenshot(page, 'oidc-4-project')

  // The token expires: the web client asks her to sign in again; the provider still knows her.
  await page.getByText('Your session expired').waitFor({ timeout: (tokenSeconds + 15) * 1000 })
  assert.ok(Date.now() - signedInAt >= (tokenSeconds - 10) * 1000, 'not before the token expired')
  await screenshot(page, 'oidc-5-expired')
  await button.click()
  await page.getByRole('heading', { name: 'Your projects' }).waitFor()
  await page.getByRole('link', { name: 'OIDC lab' }).waitFor()
  await screenshot(page, 'oidc-6-signed-in-again')
  assert.deepEqual(errors, [])
  await context.close()
})
