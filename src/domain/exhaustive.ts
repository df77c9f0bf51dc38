/**
 * The `default` of a switch that must handle every member of a union (list keys, import kinds,
 * repository kinds): `value` is `never` there, so adding a member without its case fails to
 * compile instead of falling through to another kind's branch. At run time (a value from
 * outside the type system) it throws.
 */
export function unreachable(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${String(value)}`);
}
