// Distinct, readable colours (WCAG AA on white for text); a user keeps theirs across sessions.
const palette = ['#c0392b', '#1f6fb2', '#2e7d32', '#8e44ad', '#b35900', '#00796b', '#ad1457', '#5d4037']

export function userColour (user: string): string {
  let hash = 0
  for (const ch of user) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0
  return palette[hash % palette.length]
}

/** The same colour, faint: the background of remote selections. */
export function userColourLight (user: string): string {
  return `${userColour(user)}33`
}
