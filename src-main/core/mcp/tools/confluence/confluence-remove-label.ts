import { z } from 'zod';
import { listPageLabels, removeLabel } from '../../../atlassian/confluence/labels.ts';
import { defineTool } from '../../define-tool.ts';
import { ToolInputError } from '../../tool-errors.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';
import { labelName } from './label-name.ts';

export default defineTool({
  name: 'confluence_remove_label',
  title: 'Remove a label',
  toolset: 'confluence_labels',
  description: 'Remove a label from a Confluence page.',
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page.'), name: labelName.describe('The label to remove.') }),
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    const before = await listPageLabels(http, args.page_id, 250);
    if (!before.results.some((l) => l.name === args.name)) {
      throw new ToolInputError(`Page ${args.page_id} has no label "${args.name}"; its labels are: ${before.results.map((l) => l.name).join(', ') || 'none'}.`);
    }
    await removeLabel(http, args.page_id, args.name);
    return jsonOutput({ page_id: args.page_id, removed: args.name, labels: before.results.map((l) => l.name).filter((n) => n !== args.name) });
  },
});
