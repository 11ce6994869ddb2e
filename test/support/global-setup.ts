// Placeholder until DynamoDB Local is wired in (same change).
export default async function setup(): Promise<void> {}
