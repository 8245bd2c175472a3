/** Ids for rows a factory makes itself: unique within a test file, readable in a failure message. */
let n = 0;

export function factoryId(kind: string): string {
  n++;
  return `${kind}-f${n}`;
}

/** A name no other factory call in this test file has used: "Task 7". */
export function uniqueName(prefix: string): string {
  n++;
  return `${prefix} ${n}`;
}
