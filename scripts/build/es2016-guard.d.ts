export function toEs2016Script(code: string, options: { minified: boolean }): string;
export function checkEs2016(code: string): void;
