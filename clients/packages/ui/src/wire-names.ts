/**
 * The hub's MessagePack protocol keeps .NET's PascalCase property names, while REST JSON is
 * camelCase; objects from either go through this so the UI reads one shape.
 */
export function camelize<T> (value: unknown): T {
  if (Array.isArray(value)) return value.map(v => camelize(v)) as T
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof Uint8Array) return value as T
  const result: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) result[key.charAt(0).toLowerCase() + key.slice(1)] = camelize(v)
  return result as T
}

/** A .NET DateTimeOffset: ISO text over JSON, `[Date, offsetMinutes]` over MessagePack. */
export function toDate (value: unknown): Date | null {
  const raw = Array.isArray(value) ? value[0] : value
  if (raw instanceof Date) return raw
  if (typeof raw === 'string' || typeof raw === 'number') return new Date(raw)
  return null
}
