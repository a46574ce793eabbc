// Tools load the content layer (and the diff library) on their first call, never at server start.
export const loadContent = () => import('../../../content/index.ts');
export const loadDiff = () => import('diff');
