// Jekyll's `sort` filter: a hash sorts into [key, value] pairs (`site.categories | sort`), a list by a property
// with nils first or last, numbers as numbers and text by its characters, as Ruby compares them.

function compare(a: unknown, b: unknown): number {
  const [x, y] = [a instanceof Date ? a.getTime() : a, b instanceof Date ? b.getTime() : b];
  if (typeof x === "number" && typeof y === "number") return x - y;
  const [s, t] = [String(x), String(y)];
  return s < t ? -1 : s > t ? 1 : 0;
}

function propertyOf(item: unknown, property: string): unknown {
  return typeof item === "object" && item !== null ? (item as Record<string, unknown>)[property] : undefined;
}

export function jekyllSort(input: unknown, property?: unknown, nils: unknown = "first"): unknown[] {
  if (input === null || input === undefined) throw new Error("Cannot sort a null object.");
  const list: unknown[] = Array.isArray(input)
    ? [...(input as unknown[])]
    : typeof input === "object"
      ? Object.entries(input as Record<string, unknown>)
      : [input];
  if (property === undefined || property === null) return list.sort((a, b) => compare(a, b));
  const order = nils === "last" ? 1 : -1;
  const key = String(property);
  return list.sort((a, b) => {
    const [x, y] = [propertyOf(a, key), propertyOf(b, key)];
    const [xNil, yNil] = [x === null || x === undefined, y === null || y === undefined];
    if (xNil && yNil) return 0;
    if (xNil) return order;
    if (yNil) return -order;
    return compare(x, y);
  });
}
