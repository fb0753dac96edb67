// A real Jupyter Server for the execution browser tests: Debian's python3-jupyter-server with
// python3-ipykernel, on 127.0.0.1, a free port, a random token and a throwaway root folder.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const python = '/usr/bin/python3'

export function freePort () {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/** True when this machine can run one (python3 with the jupyter_server and ipykernel modules). */
export function jupyterAvailable () {
  return existsSync(python)
}

export class JupyterServer {
  /** Starts one and waits for `/api/status`; `settings` are the Collab environment settings that point at it. */
  static async start () {
    const root = mkdtempSync(join(tmpdir(), 'collab-jupyter-'))
    const port = await freePort()
    const token = randomBytes(16).toString('hex')
    const child = spawn(python, ['-m', 'jupyter_server', '--no-browser', '--allow-root', `--port=${port}`, '--ServerApp.ip=127.0.0.1',
      `--ServerApp.token=${token}`, `--ServerApp.root_dir=${root}`, '--ServerApp.port_retries=0'], {
      cwd: root,
      env: { ...process.env, JUPYTER_RUNTIME_DIR: join(root, '.runtime'), JUPYTER_DATA_DIR: join(root, '.data'), IPYTHONDIR: join(root, '.ipython') },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true
    })
    const server = new JupyterServer(child, root, port, token)
    child.stdout.on('data', c => { server.log += c })
    child.stderr.on('data', c => { server.log += c })
    const deadline = Date.now() + 60_000
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`jupyter_server exited with ${child.exitCode}:\n${server.log}`)
      try {
        if ((await fetch(`${server.url}api/status?token=${token}`)).ok) return server
      } catch { /* not listening yet */ }
      await new Promise(r => setTimeout(r, 200))
    }
    await server.dispose()
    throw new Error(`jupyter_server did not start:\n${server.log}`)
  }

  constructor (child, root, port, token) {
    Object.assign(this, { child, root, port, token, log: '' })
    this.url = `http://127.0.0.1:${port}/`
    this.settings = { Jupyter__Url: this.url, Jupyter__Token: token }
  }

  /** Stops it and its kernels (its process group: the kernels are its children). */
  async dispose () {
    if (this.child.exitCode === null) {
      const exited = new Promise(r => this.child.once('exit', r))
      try { process.kill(-this.child.pid, 'SIGKILL') } catch { this.child.kill('SIGKILL') }
      await exited
    }
    rmSync(this.root, { recursive: true, force: true })
  }
}
