import { z } from 'zod';
import { addLabels, listPageLabels } from '../../../atlassian/confluence/labels.ts';
import { defineTool } from '../../define-tool.ts';
import { jsonOutput } from '../../tool-output.ts';
import { pageId } from './common-arguments.ts';
import { labelName } from './label-name.ts';

export default defineTool({
  name: 'confluence_add_label',
  title: 'Add a label',
  toolset: 'confluence_labels',
  description: 'Add a label to a Confluence page (lower case, one word such as release-notes).',
  input: () => z.strictObject({ page_id: pageId.describe('Id of the page.'), name: labelName.describe('The label, such as release-notes.') }),
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const http = await context.confluence();
    await context.spaces.assertPage(http, args.page_id);
    await addLabels(http, args.page_id, [args.name]);
    const { results } = await listPageLabels(http, args.page_id, 250);
    return jsonOutput({ page_id: args.page_id, added: args.name, labels: results.map((l) => l.name) });
  },
});
