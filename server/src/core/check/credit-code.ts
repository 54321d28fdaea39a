// The check characters of a unified social credit code (统一社会信用代码, GB 32100-2015) and of the GB 11714
// organisation code it embeds at positions 9–17. Pure: imports nothing.
//
// Pitfalls avoided: position 1 may be a letter (registrars A, N, Y exist), so nothing requires digits there; the
// credit code's letters take their values from the 31-symbol alphabet without I, O, Z, S, V (not from A = 10 …),
// while the organisation code's letters are A = 10 … Z = 35.

/** The 31 symbols of a credit code, in value order 0–30. */
export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The expected 18th character for the first 17 characters, or undefined when one of them is not in the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let position = 0; position < 17; position++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[position]);
    if (value < 0) return undefined;
    sum += value * CREDIT_CODE_WEIGHTS[position];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

function organizationCodeValue(character: string): number | undefined {
  if (/^[0-9]$/.test(character)) return Number(character);
  if (/^[A-Z]$/.test(character)) return character.charCodeAt(0) - "A".charCodeAt(0) + 10;
  return undefined;
}

/** The expected 9th character of a GB 11714 organisation code for its first 8 characters. */
export function organizationCodeCheckCharacter(first8: string): string | undefined {
  if (first8.length !== 8) return undefined;
  let sum = 0;
  for (let position = 0; position < 8; position++) {
    const value = organizationCodeValue(first8[position]);
    if (value === undefined) return undefined;
    sum += value * ORGANIZATION_CODE_WEIGHTS[position];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? "X" : check === 11 ? "0" : String(check);
}

export interface CreditCodeVerdict {
  /** False when the text is not 18 characters of the alphabet (the schema's pattern reports that). */
  wellFormed: boolean;
  checkCharacterValid: boolean;
  expectedCheckCharacter: string | undefined;
  organizationCodeValid: boolean;
  expectedOrganizationCheck: string | undefined;
}

/** Checks both check characters of an 18-character credit code. */
export function verifyCreditCode(code: string): CreditCodeVerdict {
  const wellFormed = code.length === 18 && [...code].every((character) => CREDIT_CODE_ALPHABET.includes(character));
  const expectedCheckCharacter = wellFormed ? creditCodeCheckCharacter(code.slice(0, 17)) : undefined;
  const expectedOrganizationCheck = wellFormed ? organizationCodeCheckCharacter(code.slice(8, 16)) : undefined;
  return {
    wellFormed,
    checkCharacterValid: wellFormed && expectedCheckCharacter === code[17],
    expectedCheckCharacter,
    organizationCodeValid: wellFormed && expectedOrganizationCheck === code[16],
    expectedOrganizationCheck,
  };
}
