import type { Session } from './session'

export interface ProjectSummary { id: string, name: string, createdAt: string, role: string }
export interface NotebookInfo { name: string, createdAt: string }

export class ApiError extends Error {
  constructor (readonly status: number, message: string) {
    super(message)
  }
}

/** REST calls under `/api` with the session's bearer token; problem details become ApiError. */
export async function api<T> (session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(session.serverUrl + path, {
    method,
    headers: { Authorization: `Bearer ${session.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  if (!response.ok) {
    let detail = response.statusText
    try {
      const problem = await response.json()
      detail = problem.detail ?? problem.title ?? detail
    } catch { /* not JSON */ }
    throw new ApiError(response.status, detail || `HTTP ${response.status}`)
  }
  return (response.status === 204 ? null : await response.json()) as T
}

export const listProjects = (s: Session) => api<ProjectSummary[]>(s, 'GET', '/api/projects')
export const getProject = (s: Session, id: string) => api<ProjectSummary>(s, 'GET', `/api/projects/${encodeURIComponent(id)}`)
export const listNotebooks = (s: Session, project: string) =>
  api<NotebookInfo[]>(s, 'GET', `/api/projects/${encodeURIComponent(project)}/notebooks`)
export const createNotebook = (s: Session, project: string, name: string) =>
  api<NotebookInfo>(s, 'POST', `/api/projects/${encodeURIComponent(project)}/notebooks`, { name })

export interface Member { userId: string, role: string }
/** What the server tells every visitor about this site (`GET /api/web-client/config`). */
export interface WebClientConfig { roleNames: Record<string, string> }

const project = (id: string) => `/api/projects/${encodeURIComponent(id)}`
const notebookPath = (id: string, name: string) => `${project(id)}/notebooks/${encodeURIComponent(name)}`

export const createProject = (s: Session, id: string, name: string) => api<ProjectSummary>(s, 'POST', '/api/projects', { id, name })
export const listMembers = (s: Session, id: string) => api<Member[]>(s, 'GET', `${project(id)}/members`)
export const setMember = (s: Session, id: string, userId: string, role: string) =>
  api<Member>(s, 'PUT', `${project(id)}/members/${encodeURIComponent(userId)}`, { role })
export const removeMember = (s: Session, id: string, userId: string) =>
  api<null>(s, 'DELETE', `${project(id)}/members/${encodeURIComponent(userId)}`)
export const importNewNotebook = (s: Session, id: string, name: string, content: unknown) =>
  api<NotebookInfo>(s, 'POST', `${project(id)}/notebooks`, { name, content })
export const deleteNotebook = (s: Session, id: string, name: string) => api<null>(s, 'DELETE', notebookPath(id, name))
export const renameNotebook = (s: Session, id: string, name: string, newName: string) =>
  api<NotebookInfo>(s, 'POST', `${notebookPath(id, name)}/rename`, { name: newName })
/** The Jupyter Server the project runs on and the ones its owners may choose (null and none when running cells is off). */
export const getJupyterServer = (s: Session, id: string) =>
  api<{ server: string | null, servers: string[] }>(s, 'GET', `${project(id)}/jupyter-server`)
export const chooseJupyterServer = (s: Session, id: string, server: string) =>
  api<null>(s, 'PUT', `${project(id)}/jupyter-server`, { server })
/** The notebook as .ipynb text. */
export const exportNotebook = (s: Session, id: string, name: string) => api<unknown>(s, 'GET', `${notebookPath(id, name)}/export`)

export async function getWebClientConfig (serverUrl = ''): Promise<WebClientConfig> {
  try {
    const response = await fetch(`${serverUrl}/api/web-client/config`)
    if (response.ok) return await response.json() as WebClientConfig
  } catch { /* an older server: the wire names */ }
  return { roleNames: {} }
}
