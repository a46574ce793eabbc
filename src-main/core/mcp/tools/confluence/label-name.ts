// Confluence label names: lower case, no spaces (Confluence refuses others).
import { z } from 'zod';

export const labelName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .transform((v) => v.toLowerCase())
  .refine((v) => !/[\s:;,.!&#()[\]{}<>|^*?"'\\/]/.test(v), 'a label is one word without spaces or punctuation, such as release-notes');
