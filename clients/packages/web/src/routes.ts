/** Routes look like `#/p/{project}/{notebook}` (main.ts reads them). */
export const projectHref = (project: string) => `#/p/${encodeURIComponent(project)}`
export const notebookHref = (project: string, name: string) => `${projectHref(project)}/${encodeURIComponent(name)}`
