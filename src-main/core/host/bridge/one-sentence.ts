// Errors cross the Bridge as one sentence the window can show: the first line of the message, no
// stack, no cause chain (the log keeps those).
export function oneSentence(error: unknown, fallback: string): string {
  const message = error instanceof Error ? error.message : '';
  const first = message.split('\n').find((line) => line.trim() !== '')?.trim();
  return first || fallback;
}
