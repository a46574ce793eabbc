// Secrets must never reach a log line, an error or a snapshot. Known secrets are registered as soon
// as they are read; token-shaped strings and auth headers are caught by pattern as a second net.
const knownSecrets = new Set<string>();

export function registerSecret(secret: string | undefined): void {
  if (secret && secret.length >= 8) knownSecrets.add(secret);
}

const RULES: [RegExp, string][] = [
  [/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g, '$1 [redacted]'],
  [/\bATAT[A-Za-z0-9_=-]{20,}/g, '[redacted]'],
  [/\b(access_token|refresh_token|client_secret|api_token|password)(["']?\s*[:=]\s*["']?)[^"'\s&,}]{6,}/gi, '$1$2[redacted]'],
];

export function redact(text: string): string {
  let out = text;
  for (const secret of knownSecrets) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
  return out;
}
