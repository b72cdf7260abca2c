/** The event page-state dispatches on window after it rewrites the URL (replaceState fires none); print captions listen for it. */
export const URL_CHANGE_EVENT = 'unrolled:urlchange';
