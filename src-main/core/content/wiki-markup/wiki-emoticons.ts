// Jira's wiki emoticons and the ADF emoji short names they stand for (the ones Atlassian's own
// converter uses, so `(/)` reads as `:check_mark:` here as it does in Jira Cloud).

const EMOTICONS: [string, string][] = [
  [':)', ':slight_smile:'],
  [':-)', ':slight_smile:'],
  [':(', ':disappointed:'],
  [':-(', ':disappointed:'],
  [':P', ':stuck_out_tongue:'],
  [':-P', ':stuck_out_tongue:'],
  [':p', ':stuck_out_tongue:'],
  [':-p', ':stuck_out_tongue:'],
  [':D', ':smiley:'],
  [':-D', ':smiley:'],
  [';)', ':wink:'],
  [';-)', ':wink:'],
  ['(y)', ':thumbsup:'],
  ['(n)', ':thumbsdown:'],
  ['(i)', ':info:'],
  ['(/)', ':check_mark:'],
  ['(x)', ':cross_mark:'],
  ['(!)', ':warning:'],
  ['(+)', ':plus:'],
  ['(-)', ':minus:'],
  ['(?)', ':question:'],
  ['(on)', ':light_bulb_on:'],
  ['(off)', ':light_bulb_off:'],
  ['(*)', ':yellow_star:'],
  ['(*y)', ':yellow_star:'],
  ['(*r)', ':red_star:'],
  ['(*g)', ':green_star:'],
  ['(*b)', ':blue_star:'],
  ['(flag)', ':flag_on:'],
  ['(flagoff)', ':flag_off:'],
];

const BY_TEXT = new Map(EMOTICONS);
/** The first spelling of each short name is the one we write. */
const BY_NAME = new Map([...EMOTICONS].reverse().map(([text, name]) => [name, text]));
const LONGEST = Math.max(...EMOTICONS.map(([text]) => text.length));

/** The emoticon at `at` (followed by neither a letter nor a digit), as [its text, the short name]. */
export function emoticonAt(text: string, at: number): [string, string] | undefined {
  for (let length = Math.min(LONGEST, text.length - at); length >= 2; length--) {
    const candidate = text.slice(at, at + length);
    const name = BY_TEXT.get(candidate);
    if (name && !/[A-Za-z0-9]/.test(text[at + length] ?? '')) return [candidate, name];
  }
  return undefined;
}

/** The wiki emoticon for an emoji short name (`:check_mark:` → `(/)`), when there is one. */
export function emoticonFor(shortName: string): string | undefined {
  return BY_NAME.get(shortName);
}
