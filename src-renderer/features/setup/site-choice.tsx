// When the OAuth sign-in reaches several sites: one radio per site, then "Use this site".
import { useId, useState } from 'react';
import type { OAuthSite } from '../../../src-main/shared/bridge.ts';

export function SiteChoice({ sites, onChoose }: { sites: OAuthSite[]; onChoose: (cloudId: string) => void }) {
  const id = useId();
  const [chosen, setChosen] = useState(sites[0]?.id ?? '');
  return (
    <fieldset className="site-choice">
      <legend>Which site should Tether use?</legend>
      {sites.map((site) => (
        <label key={site.id}>
          <input type="radio" name={`${id}-site`} checked={chosen === site.id} onChange={() => setChosen(site.id)} /> {site.name} ({site.url})
        </label>
      ))}
      <button type="button" disabled={!chosen} onClick={() => onChoose(chosen)}>
        Use this site
      </button>
    </fieldset>
  );
}
