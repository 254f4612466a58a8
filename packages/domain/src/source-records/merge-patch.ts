import { isJsonObject, type JsonValue } from '../shared/json.ts';

/**
 * A JSON merge patch (RFC 7396) applied to `target`, which is left as it is: an object patch
 * merges key by key, a null removes its key, anything else replaces. Keys are set as own
 * properties, so that `__proto__` is a key like any other.
 */
export function applyMergePatch(target: JsonValue | undefined, patch: JsonValue): JsonValue {
  if (!isJsonObject(patch)) return patch;
  const merged = new Map(Object.entries(isJsonObject(target) ? target : {}));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else merged.set(key, applyMergePatch(merged.get(key), value));
  }
  return Object.fromEntries(merged);
}
