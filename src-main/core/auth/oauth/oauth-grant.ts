// An OAuth grant as Tether keeps it: the whole JSON is the secret in the keychain (client secret
// and tokens together), so it is saved and replaced in one step.
import { z } from 'zod';

export const oauthGrantSchema = z.object({
  clientId: z.string(),
  clientSecret: z.string().optional(),
  tokenUrl: z.string().url(),
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  /** Milliseconds since the epoch. */
  expiresAt: z.number(),
  scope: z.array(z.string()),
  /** Set when the authorization server said the grant is gone: only a new sign-in helps. */
  revoked: z.string().optional(),
});
export type OAuthGrant = z.infer<typeof oauthGrantSchema>;

export function parseGrant(secret: string): OAuthGrant | undefined {
  try {
    const parsed = oauthGrantSchema.safeParse(JSON.parse(secret));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const serializeGrant = (grant: OAuthGrant): string => JSON.stringify(grant);
