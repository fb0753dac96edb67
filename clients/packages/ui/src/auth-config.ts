/** How a Collab server lets people sign in (`GET /api/auth/config`). */
export interface AuthConfig {
  /** The OIDC issuer to sign in at; null when the server has no sign-in set up. */
  authority: string | null
  /** The public (PKCE) client registered there for Collab's front ends. */
  clientId: string | null
  /** Space-separated scopes to ask for. */
  scopes: string
  /** The token claim that names the user (`Auth:UserClaim`). */
  userClaim: string
  /** True when the server takes pasted tokens (no authority: HS256 dev tokens). */
  devTokens: boolean
  /** Origins the sign-in popup's callback page hands its code to (`Cors:AllowedOrigins`). */
  allowedOrigins: string[]
}

/** Reads the server's sign-in settings; `serverUrl` is empty for the page's own origin. */
export async function fetchAuthConfig (serverUrl: string): Promise<AuthConfig> {
  const response = await fetch(`${serverUrl.replace(/\/$/, '')}/api/auth/config`)
  if (!response.ok) throw new Error(`Could not read the sign-in settings: HTTP ${response.status}`)
  return await response.json() as AuthConfig
}

export const canSignInWithProvider = (config: AuthConfig): boolean => config.authority !== null && config.clientId !== null
