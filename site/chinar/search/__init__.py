"""Search: Whoosh index at build time, exported as static shards for the browser client."""
