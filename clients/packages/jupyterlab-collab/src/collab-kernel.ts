import { HubMethods, type CollabConnection, type HubMethod } from '@collab/signalr-provider'

/** A refusal or failure from the hub: `code` is the server's `[code]` (`forbidden`, `unavailable`, …). */
export class KernelRequestError extends Error {
  constructor (message: string, readonly code: string | null) {
    super(message)
  }
}

/** The hub's kernel methods for one Collab notebook (docs/execution.md). */
export class CollabKernel {
  constructor (private readonly connection: CollabConnection, readonly projectId: string, readonly docName: string) {}

  /** Queues the cells on the notebook's shared kernel; resolves with the ids queued. */
  run (cellIds: string[]): Promise<string[]> {
    return this.invoke<string[]>(HubMethods.RunCells, this.projectId, this.docName, 'cells', cellIds)
  }

  interrupt (): Promise<void> {
    return this.invoke(HubMethods.InterruptKernel, this.projectId, this.docName)
  }

  restart (): Promise<void> {
    return this.invoke(HubMethods.RestartKernel, this.projectId, this.docName)
  }

  private async invoke<T> (method: HubMethod, ...args: unknown[]): Promise<T> {
    try {
      return await this.connection.hub.invoke<T>(method, ...args)
    } catch (e) {
      throw kernelError(e)
    }
  }
}

/** `HubException: [forbidden] Viewers cannot run cells.` → code `forbidden`, message `Viewers cannot run cells.` */
export function kernelError (error: unknown): KernelRequestError {
  const text = (error instanceof Error ? error.message : String(error)).replace(/^.*HubException: /, '')
  const code = /^\[([a-z_]+)[^\]]*\] /.exec(text)
  return new KernelRequestError(code ? text.slice(code[0].length) : text, code ? code[1] : null)
}
