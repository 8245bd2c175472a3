/** Addresses of the procedures area's pages, for links from anywhere in the app. */

/** A task's procedure page, on one of its tabs (ways, procedure, history, forms). */
export const taskPath = (taskId: string, tab?: string) =>
  `/procedures/tasks/${encodeURIComponent(taskId)}${tab ? `?tab=${tab}` : ''}`;
