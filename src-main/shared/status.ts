// What `tether status --json` prints and what the window shows: one entry per product.
// Pure data + zod, so the renderer may import it.
import { z } from 'zod';

export const productSchema = z.enum(['confluence', 'jira']);
export type Product = z.infer<typeof productSchema>;

/** classic/scoped: Cloud API tokens; pat: Server/DC personal access token; basic: Server/DC user + password; oauth: 3LO. */
export const tokenTypeSchema = z.enum(['classic', 'scoped', 'pat', 'basic', 'oauth']);
export type TokenType = z.infer<typeof tokenTypeSchema>;

export const credentialSourceSchema = z.enum(['env', 'keychain', 'file']);
export type CredentialSource = z.infer<typeof credentialSourceSchema>;

/**
 * One scope Tether recommends: works (a read with it succeeded), granted (an OAuth grant lists it),
 * missing (Atlassian refused for want of it, or the grant lacks it), unchecked (not tried, see note).
 */
export const scopeFindingSchema = z.object({
  scope: z.string(),
  access: z.enum(['read', 'write']),
  state: z.enum(['works', 'granted', 'missing', 'unchecked']),
  note: z.string().optional(),
});
export type ScopeFinding = z.infer<typeof scopeFindingSchema>;

/** probed: one read per scope was tried at checkedAt; recommended: nothing tried yet; granted: from the OAuth grant. */
export const scopeReportSchema = z.object({
  basis: z.enum(['probed', 'recommended', 'granted']),
  checkedAt: z.string().nullable(),
  findings: z.array(scopeFindingSchema),
});
export type ScopeReport = z.infer<typeof scopeReportSchema>;

export const productStatusSchema = z.object({
  product: productSchema,
  authenticated: z.boolean(),
  source: credentialSourceSchema.nullable(),
  site: z.string().nullable(),
  email: z.string().nullable(),
  tokenType: tokenTypeSchema.nullable(),
  maskedToken: z.string().nullable(),
  storedAt: z.string().nullable(),
  cloudId: z.string().nullable(),
  /** Where the secret lives: "keychain (Secret Service)", a file path, or the variable names it came from. */
  location: z.string().nullable(),
  /** false only when the user turned TLS verification off; shown loudly. */
  sslVerify: z.boolean(),
  /** Why the product is not usable, in one sentence, when authenticated is false. */
  problem: z.string().nullable(),
  /** OAuth: the scopes granted, and when the current access token expires (ISO time). */
  scopes: z.array(z.string()).nullable().optional(),
  expiresAt: z.string().nullable().optional(),
  /** Scoped API tokens and OAuth: the scopes Tether recommends, against what works (see scope-check.ts). */
  scopeReport: scopeReportSchema.nullable().optional(),
  /** When Atlassian last answered this product's credential with success, in this process (ISO time). */
  lastGoodCallAt: z.string().nullable().optional(),
});
export type ProductStatus = z.infer<typeof productStatusSchema>;

export const statusReportSchema = z.object({
  confluence: productStatusSchema,
  jira: productStatusSchema,
});
export type StatusReport = z.infer<typeof statusReportSchema>;
