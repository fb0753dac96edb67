import type { SignalRProvider } from '@collab/signalr-provider'
import type { CollabDrive } from './collab-drive'
import { CollabKernel } from './collab-kernel'
import type { CollabSession } from './collab-session'

/** A Collab notebook open in JupyterLab: its room and the hub calls for its shared kernel. */
export interface CollabRoom {
  projectId: string
  docName: string
  provider: SignalRProvider
  kernel: CollabKernel
}

/**
 * What the cell executor needs from the main plugin. The executor is its own plugin (it replaces
 * JupyterLab's, which the notebook tracker requires), so the two meet here rather than through a
 * token that would make the tracker wait for the whole Collab plugin.
 */
export const collabRooms = {
  drive: null as CollabDrive | null,
  session: null as CollabSession | null,

  /** The room of a notebook's shared model, or null for a notebook not on the Collab drive. */
  of (sharedModel: object): CollabRoom | null {
    const room = this.drive?.roomOf(sharedModel)
    const connection = this.session?.docs
    if (!room || !connection) return null
    return { ...room, kernel: new CollabKernel(connection, room.projectId, room.docName) }
  }
}
