import { YNotebook } from '@jupyter/ydoc'
import { SignalRProvider } from '@collab/signalr-provider'
import { listNotebooks, listProjects, userColour, userColourLight } from '@collab/ui'
import { Contents, ServerConnection } from '@jupyterlab/services'
import { Signal } from '@lumino/signaling'
import type { CollabSession } from './collab-session'

export const driveName = 'Collab'

/**
 * A JupyterLab contents drive over Collab: `Collab:` lists projects, `Collab:{project}` its
 * notebooks, and opening `Collab:{project}/{notebook}` gives JupyterLab's notebook model a
 * YNotebook joined to the room through the SignalR provider. Content never travels through
 * get/save: the room is the document, persisted by the server on every change.
 */
export class CollabDrive implements Contents.IDrive {
  readonly name = driveName
  readonly serverSettings = ServerConnection.makeSettings()
  readonly fileChanged = new Signal<this, Contents.IChangedArgs>(this)
  /** The open notebooks' providers by path, for presence and the side panel. */
  readonly providers = new Map<string, SignalRProvider>()
  readonly providersChanged = new Signal<this, void>(this)
  private readonly notebooks = new WeakMap<object, { projectId: string, docName: string, provider: SignalRProvider }>()
  isDisposed = false

  constructor (private readonly collab: CollabSession) {}

  readonly sharedModelFactory: Contents.ISharedFactory = {
    collaborative: true,
    createNew: options => {
      const connection = this.collab.docs
      const session = this.collab.session
      if (options.contentType !== 'notebook' || !connection || !session) return undefined
      const path = localPath(options.path)
      const [projectId, docName] = path.split('/')
      const notebook = new YNotebook()
      const provider = new SignalRProvider(notebook.ydoc, { connection, projectId, docName, awareness: notebook.awareness })
      this.notebooks.set(notebook, { projectId, docName, provider })
      notebook.awareness.setLocalStateField('user', {
        name: session.user, display_name: session.user, username: session.user,
        color: userColour(session.user), colorLight: userColourLight(session.user)
      })
      this.providers.set(path, provider)
      this.providersChanged.emit()
      notebook.disposed.connect(() => {
        provider.destroy()
        this.providers.delete(path)
        this.providersChanged.emit()
      })
      return notebook
    }
  }

  /** Whether `notebook` is a shared model this drive made (a live Collab room). */
  isCollabNotebook (notebook: object): boolean {
    return this.notebooks.has(notebook)
  }

  /** The project, notebook name and provider of a shared model this drive made. */
  roomOf (notebook: object): { projectId: string, docName: string, provider: SignalRProvider } | undefined {
    return this.notebooks.get(notebook)
  }

  async get (path: string, options?: Contents.IFetchOptions): Promise<Contents.IModel> {
    const session = this.requireSession()
    const parts = localPath(path).split('/').filter(Boolean)
    if (parts.length === 0) {
      const projects = await listProjects(session)
      return directory('', projects.map(p => directory(p.id, [])))
    }
    if (parts.length === 1) {
      const notebooks = await listNotebooks(session, parts[0])
      return directory(parts[0], notebooks.map(n => notebookModel(`${parts[0]}/${n.name}`, n.createdAt)))
    }
    const provider = this.providers.get(parts.join('/'))
    if (options?.content && provider) await provider.whenSynced()
    return notebookModel(parts.join('/'), new Date(0).toISOString())
  }

  async save (path: string): Promise<Contents.IModel> {
    // Saving is continuous; waiting for the acks makes "saved" true when JupyterLab says it.
    await this.providers.get(localPath(path))?.whenSynced()
    return notebookModel(localPath(path), new Date(0).toISOString())
  }

  getDownloadUrl (path: string): Promise<string> {
    const [projectId, name] = localPath(path).split('/')
    return Promise.resolve(`${this.requireSession().serverUrl}/api/projects/${projectId}/notebooks/${encodeURIComponent(name)}/export`)
  }

  newUntitled (): Promise<Contents.IModel> { return unsupported('Create notebooks from the Collab panel.') }
  delete (): Promise<void> { return unsupported('Delete notebooks in Collab itself.') }
  rename (): Promise<Contents.IModel> { return unsupported('Collab notebooks cannot be renamed.') }
  copy (): Promise<Contents.IModel> { return unsupported('Copy a Collab notebook by exporting it.') }
  createCheckpoint (_path: string): Promise<Contents.ICheckpointModel> {
    return Promise.resolve({ id: 'live', last_modified: new Date().toISOString() })
  }

  listCheckpoints (): Promise<Contents.ICheckpointModel[]> { return Promise.resolve([]) }
  restoreCheckpoint (): Promise<void> { return unsupported('Collab keeps history on the server.') }
  deleteCheckpoint (): Promise<void> { return Promise.resolve() }

  dispose (): void {
    if (this.isDisposed) return
    this.isDisposed = true
    for (const provider of this.providers.values()) provider.destroy()
    Signal.clearData(this)
  }

  private requireSession () {
    if (!this.collab.session) throw new Error('Sign in to a Collab server first (Collab panel).')
    return this.collab.session
  }
}

function localPath (path: string): string {
  return path.replace(new RegExp(`^${driveName}:`), '')
}

function directory (path: string, content: Contents.IModel[]): Contents.IModel {
  return {
    name: path.split('/').pop() ?? '', path, type: 'directory', writable: false, content,
    created: new Date(0).toISOString(), last_modified: new Date(0).toISOString(), mimetype: '', format: 'json'
  }
}

function notebookModel (path: string, created: string): Contents.IModel {
  return {
    name: path.split('/').pop() ?? '', path, type: 'notebook', writable: true, content: null,
    created, last_modified: created, mimetype: 'application/x-ipynb+json', format: 'json'
  }
}

function unsupported<T> (message: string): Promise<T> {
  return Promise.reject(new Error(message))
}
