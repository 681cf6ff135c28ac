export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,119}$/;
export const ID_MESSAGE = '$property must be 1-120 characters: letters, digits, and _ . : - (not first)';
