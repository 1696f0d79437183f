-- An idempotent schema.sql, as a project run before driftless: run at every start of the application.
CREATE TABLE IF NOT EXISTS public.legacy_notes (
    id bigint PRIMARY KEY,
    body text NOT NULL,
    written_at timestamp with time zone DEFAULT now()
);
CREATE INDEX IF NOT EXISTS legacy_notes_written_at_idx ON public.legacy_notes (written_at);
CREATE SEQUENCE IF NOT EXISTS public.legacy_note_ids;
