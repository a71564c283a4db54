"""首页看板: counts, the due list and charts."""
