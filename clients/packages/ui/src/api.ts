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
