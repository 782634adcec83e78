/**
 * Freezes plain objects and arrays all the way down, so no request can change the shared catalogue.
 * Class instances (Decimal) are left alone: they are immutable through their API, and freezing them could
 * break a library that caches on its own instances. An already frozen object is still walked, since a shallow
 * freeze elsewhere leaves its children open.
 */
export function deepFreeze<T>(value: T, visited: WeakSet<object> = new WeakSet()): T {
  if (value === null || typeof value !== 'object' || visited.has(value)) return value;
  visited.add(value);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return value;
  for (const child of Object.values(value)) deepFreeze(child, visited);
  return Object.isFrozen(value) ? value : Object.freeze(value);
}
