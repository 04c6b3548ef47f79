/** What a money field holds, as cents; undefined when it is empty or cannot be read, so that validation names the field. */
import { MoneyParseError, parseMoney } from '@tp/domain';

export function centsOrUndefined(text: string): bigint | undefined {
  try {
    return text.trim() === '' ? undefined : parseMoney(text);
  } catch (error) {
    if (error instanceof MoneyParseError) return undefined;
    throw error;
  }
}
