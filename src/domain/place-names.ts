/**
 * How a place's name is matched within its parent: the name key (names.ts) without the words
 * gazetteers add for the kind of division ("Timbuktu region", "Région de Tombouctou", "Niafunké
 * cercle", "Léré town"), so "Timbuktu" under Mali finds the seed's "Timbuktu region". Only ever
 * compared among one parent's places (or inside one parent): a name never matches across regions.
 */
import { normaliseName } from './names.js';

// Diacritics are gone by then (normaliseName): "région" is matched as "region".

const LEADING =
  /^(?:region|cercle|circle|province|district|commune|prefecture|department|departement|wilaya|state|county)\s+(?:de\s+|du\s+|d'\s*|of\s+)?/;
const TRAILING =
  /\s+(?:region|region administrative|circle|cercle|province|district|commune|prefecture|department|governorate|state|county|municipality|town|village|city)$/;

/** The key a place's name (or alias) is matched by within its parent. */
export function placeMatchKey(name: string): string {
  const key = normaliseName(name).replace(/[()]/g, ' ').replace(/\s+/g, ' ').trim();
  const stripped = key.replace(LEADING, '').replace(TRAILING, '').trim();
  return stripped || key;
}
