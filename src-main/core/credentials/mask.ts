// How a token is shown anywhere: first four and last four characters, as ctk shows it (ATAT...61F3).
export function maskToken(token: string): string {
  if (token.length <= 12) return '****';
  return `${token.slice(0, 4)}...${token.slice(-4)}`;
}
