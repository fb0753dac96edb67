// Starts the real CollabServer binary for the clients' tests: 127.0.0.1, a free port, a temp data
// directory, a known signing key (tokens are minted here, as tests/Collab.Server.Tests does).
// It can be stopped and started again on the same port and data, to test reconnects.
import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const signingKey = 'collab-clients-test-signing-key-0123456789'
const issuer = 'collab-clients-test'
const audience = 'collab'

/** COLLAB_SERVER_DLL, else the newest Release/Debug build of CollabServer. */
export function serverDll () {
  if (process.env.COLLAB_SERVER_DLL) return process.env.COLLAB_SERVER_DLL
  const candidates = ['Release', 'Debug']
    .map(c => join(repoRoot, 'CollabServer', 'bin', c, 'net10.0', 'Collab.Server.dll'))
    .filter(p => existsSync(p))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)
  if (candidates.length === 0) throw new Error('Collab.Server.dll not found: build CollabServer or set COLLAB_SERVER_DLL')
  return candidates[0]
}

/** A port free on 127.0.0.1 right now. */
export function freePort () {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolvePort(port))
    })
  })
}

const b64url = data => Buffer.from(data).toString('base64url')

/** An HS256 JWT for `user` that the test server accepts. */
export function tokenFor (user) {
  const now = Math.floor(Date.now() / 1000)
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))
  const body = b64url(JSON.stringify({ sub: user, iss: issuer, aud: audience, iat: now, nbf: now - 5, exp: now + 3600 }))
  const signature = createHmac('sha256', signingKey).update(`${head}.${body}`).digest('base64url')
  return `${head}.${body}.${signature}`
}

export class CollabServer {
  constructor (port, dataDir, webRoot, settings = {}) {
    this.port = port
    this.dataDir = dataDir
    this.webRoot = webRoot
    this.settings = settings
    this.url = `http://127.0.0.1:${port}`
    this.log = ''
    this.child = null
  }

  /** Starts a server; `webRoot` serves the built web client at `/`; `settings` ('Auth:Authority': … or 'WebClient__RoleNames__owner': …) override the test ones. */
  static async start ({ webRoot, port, settings = {} } = {}) {
    const server = new CollabServer(port ?? await freePort(), mkdtempSync(join(tmpdir(), 'collab-clients-')), webRoot, settings)
    await server.resume()
    return server
  }

  async resume () {
    const env = {
      ...process.env,
      ASPNETCORE_URLS: this.url,
      ASPNETCORE_ENVIRONMENT: 'Production',
      Storage__DataDirectory: this.dataDir,
      Auth__SigningKey: signingKey,
      Auth__Issuer: issuer,
      Auth__Audience: audience,
      Rooms__UnloadGraceSeconds: '2',
      Logging__LogLevel__Default: process.env.COLLAB_TEST_LOG_LEVEL ?? 'Warning',
      // No MiniLM embedding of the docs per test server (BM25 only): it would take the CPU the tests need.
      Indexer__Embeddings: 'None'
    }
    if (this.webRoot) env.ASPNETCORE_WEBROOT = this.webRoot
    for (const [key, value] of Object.entries(this.settings)) env[key.replaceAll(':', '__')] = value
    const child = spawn('dotnet', [serverDll()], { cwd: this.dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] })
    this.child = child
    const append = chunk => { this.log += chunk.toString() }
    child.stdout.on('data', append)
    child.stderr.on('data', append)
    const deadline = Date.now() + 90_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.log}`)
      try {
        if ((await fetch(`${this.url}/readyz`)).ok) return
      } catch { /* not listening yet */ }
      await new Promise(r => setTimeout(r, 150))
    }
    throw new Error(`server did not become ready:\n${this.log}`)
  }

  /** SIGKILL, like a crash: only what was acknowledged survives. */
  async kill () {
    const child = this.child
    if (!child || child.exitCode !== null) return
    const exited = new Promise(r => child.once('exit', r))
    child.kill('SIGKILL')
    await exited
  }

  async dispose () {
    await this.kill()
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  /** Calls the REST API as `user`; throws on a non-2xx answer. */
  async api (user, method, path, body) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tokenFor(user)}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    })
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return response.status === 204 ? null : response.json()
  }

  /** Creates `project` owned by the first member and gives the others their roles. */
  async createProject (project, members) {
    const [owner, ...others] = Object.keys(members)
    await this.api(owner, 'POST', '/api/projects', { id: project, name: project })
    for (const user of others) await this.api(owner, 'PUT', `/api/projects/${project}/members/${user}`, { role: members[user] })
    return owner
  }
}
