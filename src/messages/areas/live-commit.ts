/** Messages of the live-commit area: codes TCRM4xxx (live-commit owns this range). */
export const EN = {
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
};
