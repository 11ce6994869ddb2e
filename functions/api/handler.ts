// Replaced by the real handler in this same change.
export const handler = async (): Promise<void> => {
  throw new Error('not wired yet');
};
