/**
 * Freezes plain objects and arrays all the way down, so no request can change the shared catalogue.
 * Class instances (Decimal) are left alone: they are immutable through their API, and freezing them could
 * break a library that caches on its own instances.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
