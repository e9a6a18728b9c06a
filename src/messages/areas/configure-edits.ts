/** Messages of the configure-edits area: codes TCRM8xxx (configure-edits owns this range). */
export const EN = {
} as const satisfies Record<string, string>;

export const FR: Partial<Record<keyof typeof EN, string>> = {
};
