-- The server settings write latency hangs on (WAL volume, checkpoints, the buffer cache), as one
-- line, for printing beside the figures: bench:api (tests/bench/api-harness.ts) and the page of
-- npm run bench (scripts/bench-all.mjs) read this file.
SELECT 'PostgreSQL ' || current_setting('server_version') || ': '
       || string_agg(name || ' ' || current_setting(name), ', ' ORDER BY ord) AS settings
  FROM unnest(ARRAY['shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_compression',
                    'synchronous_commit']) WITH ORDINALITY AS s(name, ord)
