// A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 for the sign-in tests: one
// public client, PKCE required, RS256, JWT access tokens for the audience `collab`, and the
// package's own login page (any login name; the password is not checked). Consent is granted
// on first login, as a platform does for its own first-party apps.
//
//   import { startTestProvider } from '.../oidc-test-provider.mjs'   (the browser tests)
//   node oidc-test-provider.mjs '{"redirectUris":[...]}'             (the .NET tests: prints READY {json})
import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { fileURLToPath } from 'node:url'
import Provider from 'oidc-provider'

export const clientId = 'collab-test-client'
export const audience = 'collab'
export const resource = 'urn:collab'
export const scopes = 'openid profile email collab'

/** The claims of an end user who logged in as `login`; `email` lets tests map Auth:UserClaim elsewhere than `sub`. */
const account = login => ({
  accountId: login,
  claims: () => ({ sub: login, name: login, email: `${login}@example.test`, preferred_username: login })
})

/**
 * Starts the provider on `port` (0: any free one). `redirectUris` are the exact URIs the client may
 * return to; their origins and `corsOrigins` (a JupyterLab's, say) may call the token endpoint. Resolves to `{ issuer, jwk, sign, close }`:
 * `jwk` is the private signing key and `sign(claims)` an RS256 JWT made with it, for tests that need
 * a token of the provider's without a login (setting a scene up) or one it signed but must be refused.
 */
export async function startTestProvider ({ redirectUris, corsOrigins = [], port = 0, accessTokenSeconds = 3600 }) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' }
  const server = createServer()
  await new Promise(resolve => server.listen(port, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${server.address().port}`

  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      token_endpoint_auth_method: 'none',
      redirect_uris: redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code']
    }],
    jwks: { keys: [jwk] },
    findAccount: (_ctx, id) => account(id),
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    scopes: ['openid', 'profile', 'email'],
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin) => [...redirectUris.map(uri => new URL(uri).origin), ...corsOrigins].includes(origin),
    ttl: { AccessToken: accessTokenSeconds, IdToken: 3600 },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator) => {
          if (indicator !== resource) throw new Provider.errors.InvalidTarget()
          return { scope: 'collab', audience, accessTokenFormat: 'jwt', accessTokenTTL: accessTokenSeconds, jwt: { sign: { alg: 'RS256' } } }
        }
      }
    },
    // The access token names the user the way an identity provider's usually do.
    extraTokenClaims: (_ctx, token) => token.accountId ? account(token.accountId).claims() : undefined,
    loadExistingGrant: async ctx => {
      const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId)
      if (existing) return ctx.oidc.provider.Grant.find(existing)
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId })
      grant.addOIDCScope('openid profile email')
      grant.addResourceScope(resource, 'collab')
      await grant.save()
      return grant
    }
  })
  server.on('request', provider.callback())
  const b64 = value => Buffer.from(JSON.stringify(value)).toString('base64url')
  const sign = claims => {
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: jwk.kid })}.${b64(claims)}`
    return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`
  }
  return {
    issuer,
    jwk,
    sign,
    close: () => new Promise(resolve => { server.closeAllConnections(); server.close(resolve) })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = JSON.parse(process.argv[2] ?? '{}')
  const started = await startTestProvider(options)
  console.log('READY ' + JSON.stringify({ issuer: started.issuer, clientId, audience, scopes, jwk: started.jwk }))
  process.stdin.resume()
  process.stdin.on('end', () => process.exit(0)) // the test closed our stdin: it is done with us
}
