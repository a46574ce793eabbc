// What the Setup view's OAuth 2.0 (3LO) sign-in exchanges with the host. The client secret goes in
// with oauthStart and never comes back; no token ever appears here. Pure zod (the renderer imports it).
import { z } from 'zod';
import { productSchema } from './status.ts';

/** What the app in Atlassian's developer console needs: its scopes and its callback URL. */
export const oauthPlanInputSchema = z.object({
  products: z.array(productSchema).min(1, 'choose Confluence, Jira or both'),
  writes: z.boolean(),
  port: z.number().int().min(1).max(65535).optional(),
});
export type OAuthPlanInput = z.infer<typeof oauthPlanInputSchema>;

export const oauthPlanSchema = z.object({ scopes: z.array(z.string()), redirectUri: z.string() });
export type OAuthPlan = z.infer<typeof oauthPlanSchema>;

export const oauthStartInputSchema = oauthPlanInputSchema.extend({
  clientId: z.string().trim().min(1, 'give the client ID').max(200),
  clientSecret: z.string().min(1, 'give the client secret').max(500),
});
export type OAuthStartInput = z.infer<typeof oauthStartInputSchema>;

export const oauthStartedSchema = z.object({
  authorizeUrl: z.string(),
  redirectUri: z.string(),
  /** The wanted port was in use, so the callback listens on redirectUri's port instead. */
  portTaken: z.number().int().optional(),
});
export type OAuthStarted = z.infer<typeof oauthStartedSchema>;

export const oauthSiteSchema = z.object({ id: z.string(), name: z.string(), url: z.string() });
export type OAuthSite = z.infer<typeof oauthSiteSchema>;

export const oauthStatusSchema = z.object({
  state: z.enum(['idle', 'waiting', 'choose-site', 'connected', 'failed']),
  sites: z.array(oauthSiteSchema).optional(),
  /** connected: what was connected, to which site; failed: why, in one sentence. */
  message: z.string().optional(),
});
export type OAuthStatus = z.infer<typeof oauthStatusSchema>;

export const openedSchema = z.object({ opened: z.boolean() });
