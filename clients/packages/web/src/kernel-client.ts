import { HubMethods, type CollabConnection, type HubMethod } from '@collab/signalr-provider'
import { camelize } from '@collab/ui'

export type RunMode = 'cells' | 'all' | 'below'
export interface KernelSpec { name: string, displayName: string, language: string }
export interface KernelList { default: string, kernels: KernelSpec[] }

/** The hub's kernel methods for one notebook (docs/execution.md); errors read as the server's sentence. */
export class KernelClient {
  constructor (private readonly connection: CollabConnection, readonly projectId: string, readonly docName: string) {}

  run (mode: RunMode, cellIds: string[]): Promise<string[]> {
    return this.invoke<string[]>(HubMethods.RunCells, this.projectId, this.docName, mode, cellIds)
  }

  interrupt (): Promise<void> {
    return this.invoke(HubMethods.InterruptKernel, this.projectId, this.docName)
  }

  restart (): Promise<void> {
    return this.invoke(HubMethods.RestartKernel, this.projectId, this.docName)
  }

  /** Frees the kernel (a project may hold only so many); the next run starts a new one. */
  shutdown (): Promise<void> {
    return this.invoke(HubMethods.ShutdownKernel, this.projectId, this.docName)
  }

  change (kernelName: string): Promise<void> {
    return this.invoke(HubMethods.ChangeKernel, this.projectId, this.docName, kernelName)
  }

  async list (): Promise<KernelList> {
    return camelize<KernelList>(await this.invoke<unknown>(HubMethods.ListKernels, this.projectId))
  }

  private async invoke<T> (method: HubMethod, ...args: unknown[]): Promise<T> {
    try {
      return await this.connection.hub.invoke<T>(method, ...args)
    } catch (e) {
      throw new Error(hubErrorText(e), { cause: e })
    }
  }
}

/** `HubException: [forbidden] Viewers cannot run cells.` → `Viewers cannot run cells.` */
export function hubErrorText (error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^.*HubException: /, '').replace(/^\[[a-z_]+[^\]]*\] /, '')
}
