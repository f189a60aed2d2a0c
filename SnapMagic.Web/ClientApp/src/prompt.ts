/** The prompt rule the Api enforces (SnapMagic.Cards.PromptRules), checked here before sending. */
export const PROMPT_MIN = 10;
export const PROMPT_MAX = 1024;

// Control characters other than tab, line feed and carriage return (what .NET's char.IsControl reports).
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export type PromptCheck = { ok: true; prompt: string } | { ok: false; message: string };

export function checkPrompt(value: string): PromptCheck {
  const prompt = value.trim();
  if (prompt.length < PROMPT_MIN)
    return { ok: false, message: `Your prompt needs at least ${PROMPT_MIN} characters; it has ${prompt.length}. Describe your card a little more.` };
  if (prompt.length > PROMPT_MAX)
    return { ok: false, message: `Your prompt can be at most ${PROMPT_MAX} characters; it has ${prompt.length}. Please shorten it.` };
  if (controlCharacters.test(prompt))
    return { ok: false, message: "Your prompt contains invisible control characters. Please type it as plain text." };
  return { ok: true, prompt };
}
