// Runs the test JupyterLab (clients/test-support/jupyterlab-app) with LabServerApp on 127.0.0.1,
// with the extension installed the way a user installs it: `pip install` of the wheel (here into a
// throwaway prefix), whose share/jupyter/labextensions folder is the labextensions path.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'

const here = dirname(fileURLToPath(import.meta.url))
const extensionDir = resolve(here, '..')
const appDir = resolve(here, '..', '..', '..', 'test-support', 'jupyterlab-app')
const python = process.env.COLLAB_TEST_PYTHON ?? '/usr/bin/python3'

/** The folder that holds `share/jupyter/labextensions` under `prefix` (Debian's pip adds `local/`). */
function findLabextensions (prefix) {
  for (const sub of ['', 'local']) {
    const candidate = join(prefix, sub, 'share', 'jupyter', 'labextensions')
    try { if (readdirSync(candidate).includes('jupyterlab-collab')) return candidate } catch { /* not here */ }
  }
  throw new Error(`pip did not install share/jupyter/labextensions/jupyterlab-collab under ${prefix}`)
}

export class JupyterLabServer {
  constructor (port, root) {
    this.port = port
    this.root = root
    this.token = randomBytes(16).toString('hex')
    this.url = `http://127.0.0.1:${port}`
    this.log = ''
  }

  /** Installs the wheel in dist/ and starts LabServerApp on `port`, serving notebooks from a temp folder. */
  static async start (port) {
    const server = new JupyterLabServer(port, mkdtempSync(join(tmpdir(), 'collab-jupyterlab-')))
    const wheel = readdirSync(join(extensionDir, 'dist')).find(f => f.endsWith('.whl'))
    if (!wheel) throw new Error('no wheel in clients/packages/jupyterlab-collab/dist: run build-wheel.sh')
    const prefix = join(server.root, '.prefix')
    execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--no-deps', '--no-index', '--disable-pip-version-check',
      '--root-user-action=ignore', '--prefix', prefix, join(extensionDir, 'dist', wheel)], { stdio: 'inherit' })
    const args = [join(appDir, 'serve.py'), String(port), server.token, server.root, findLabextensions(prefix)]
    server.child = spawn(python, args, { cwd: server.root, stdio: ['ignore', 'pipe', 'pipe'] })
    const append = chunk => { server.log += chunk.toString() }
    server.child.stdout.on('data', append)
    server.child.stderr.on('data', append)
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (server.child.exitCode !== null) throw new Error(`LabServerApp exited with ${server.child.exitCode}:\n${server.log}`)
      try {
        if ((await fetch(`${server.url}/api/status?token=${server.token}`)).ok) return server
      } catch { /* not listening yet */ }
      await new Promise(r => setTimeout(r, 200))
    }
    throw new Error(`LabServerApp did not start:\n${server.log}`)
  }

  /** The JupyterLab page, signed in to the Jupyter server with the token. */
  get labUrl () { return `${this.url}/lab?token=${this.token}` }

  async dispose () {
    const child = this.child
    if (child && child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGTERM') // the server shuts its kernels down on SIGTERM
      await Promise.race([exited, new Promise(r => setTimeout(r, 5000))])
      if (child.exitCode === null) child.kill('SIGKILL')
    }
    rmSync(this.root, { recursive: true, force: true })
  }
}
