import { getWebClientConfig } from '@collab/ui'

/** Roles as this site calls them (`WebClient:RoleNames`, e.g. owner → instructor); the wire name otherwise. */
let names: Record<string, string> = {}

export async function loadRoleNames (): Promise<void> {
  names = (await getWebClientConfig()).roleNames ?? {}
}

export function roleName (role: string): string {
  return names[role] ?? role
}

export const roles = ['viewer', 'editor', 'owner'] as const
