// The unified social credit code (GB 32100-2015) and its embedded organisation code (GB 11714) check characters.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
  verifyCreditCode,
} from "../../server/src/core/check/credit-code";

test("the test vector 91110000600037341L passes both checks", () => {
  const verdict = verifyCreditCode("91110000600037341L");
  assert.equal(verdict.wellFormed, true);
  assert.equal(verdict.checkCharacterValid, true);
  assert.equal(verdict.organizationCodeValid, true);
  assert.equal(creditCodeCheckCharacter("91110000600037341"), "L");
  assert.equal(organizationCodeCheckCharacter("60003734"), "1");
});

test("position 1 may be a letter (registrars A, N, Y …), valued by the 31-symbol alphabet", () => {
  assert.equal(creditCodeCheckCharacter("Y1110000600037341"), "Y");
  assert.equal(verifyCreditCode("Y1110000600037341Y").checkCharacterValid, true);
  assert.equal(verifyCreditCode("A1110000600037341L").checkCharacterValid, false);
});

test("a wrong check character is caught and the expected one given", () => {
  const verdict = verifyCreditCode("91110000600037341K");
  assert.equal(verdict.checkCharacterValid, false);
  assert.equal(verdict.expectedCheckCharacter, "L");
  assert.equal(verdict.organizationCodeValid, true);
});

test("the organisation code check is separate: a code can pass position 18 and fail GB 11714", () => {
  const verdict = verifyCreditCode("91110000600037342P");
  assert.equal(verdict.checkCharacterValid, true);
  assert.equal(verdict.organizationCodeValid, false);
  assert.equal(verdict.expectedOrganizationCheck, "1");
});

test("letters take different values in the two checks (A = 10 … Z = 35 in the organisation code)", () => {
  assert.equal(organizationCodeCheckCharacter("MA01ABC3"), "3");
  assert.equal(verifyCreditCode("91110000MA01ABC33H").checkCharacterValid, true);
  assert.equal(verifyCreditCode("91110000MA01ABC33H").organizationCodeValid, true);
  // A remainder of 10 is written X, of 11 (a sum divisible by 11) 0.
  assert.equal(organizationCodeCheckCharacter("00000000"), "0");
  assert.equal(organizationCodeCheckCharacter("00000006"), "X");
});

test("a code that is not 18 characters of the alphabet is not judged (the schema reports its form)", () => {
  for (const code of ["9111000060003734IL", "91110000600037341", "91110000600037341l", ""]) {
    const verdict = verifyCreditCode(code);
    assert.equal(verdict.wellFormed, false, code);
    assert.equal(verdict.checkCharacterValid, false, code);
  }
});

/** GB 32100-2015 computed here on its own: weight of position i (from 0) is 3^i mod 31, C18 = 31 − (Σ mod 31), 31 written 0. */
function independentCheckCharacter(first17: string): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let sum = 0;
  let weight = 1;
  for (const character of first17) {
    sum += alphabet.indexOf(character) * weight;
    weight = (weight * 3) % 31;
  }
  const check = 31 - (sum % 31);
  return check === 31 ? "0" : alphabet[check];
}

test("a sum divisible by 31 gives the check character 0", () => {
  // 60003744 + 8 is a valid GB 11714 organisation code; its position-17 sum is a multiple of 31.
  const code = "911100006000374480";
  assert.equal(independentCheckCharacter(code.slice(0, 17)), "0");
  assert.equal(independentCheckCharacter("91110000600037341"), "L");
  assert.equal(creditCodeCheckCharacter(code.slice(0, 17)), "0");
  const verdict = verifyCreditCode(code);
  assert.equal(verdict.checkCharacterValid, true);
  assert.equal(verdict.organizationCodeValid, true);
  assert.equal(verifyCreditCode("911100006000374481").expectedCheckCharacter, "0");
});
