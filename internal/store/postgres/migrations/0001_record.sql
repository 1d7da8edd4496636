-- The record: documents, the events merged from their mentions, each
-- event's sources (a row each, so that a merge appends one instead of
-- rewriting the event) and the mentions themselves.
--
-- An event's row carries, besides its JSON body, the fields the filters
-- read, folded to lower case in Go as the filters fold what they look
-- for. Dates and codes sort byte by byte (COLLATE "C"), as Go and the
-- SQLite store sort them, whatever the database's locale.
CREATE TABLE documents (
	id text PRIMARY KEY,
	url text NOT NULL,
	title text NOT NULL,
	outlet text NOT NULL,
	published text NOT NULL,
	language text NOT NULL,
	format text NOT NULL,
	source text NOT NULL,
	text text NOT NULL,
	ingested_at text NOT NULL
);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url <> '';

CREATE TABLE events (
	seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id text NOT NULL UNIQUE,
	kind text COLLATE "C" NOT NULL,
	iso text COLLATE "C" NOT NULL,
	date_start text COLLATE "C" NOT NULL,
	date_end text COLLATE "C" NOT NULL,
	event_date text COLLATE "C" NOT NULL,
	sub_event_type text NOT NULL,
	admin1 text NOT NULL,
	lat double precision,
	lon double precision,
	fatalities integer,
	actors text NOT NULL,
	search text NOT NULL,
	body text NOT NULL,
	updated_at text NOT NULL
);
-- Listing order, and each filter's index ending in it, so that a filtered
-- page reads its own rows.
CREATE INDEX events_listing ON events (date_start, seq);
CREATE INDEX events_iso ON events (iso, date_start, seq);
CREATE INDEX events_kind ON events (kind, date_start, seq);
CREATE INDEX events_admin1 ON events (admin1, date_start, seq);
CREATE INDEX events_end ON events (date_end);
CREATE INDEX events_day ON events (event_date);
CREATE INDEX events_place ON events (lon, lat) WHERE lat IS NOT NULL AND lon IS NOT NULL;
-- Merging looks for a mention's event among those of its blocking key.
CREATE INDEX events_block ON events (kind, iso, date_start);

CREATE TABLE event_sources (
	event_seq bigint NOT NULL REFERENCES events (seq),
	n integer NOT NULL,
	source text NOT NULL,
	claims text,
	PRIMARY KEY (event_seq, n)
);

CREATE TABLE mentions (
	ord bigint GENERATED ALWAYS AS IDENTITY,
	id text PRIMARY KEY,
	document_id text NOT NULL REFERENCES documents (id),
	event_id text NOT NULL REFERENCES events (id),
	body text NOT NULL
);
CREATE INDEX mentions_event ON mentions (event_id, ord);
CREATE INDEX mentions_document ON mentions (document_id, ord);

-- The longest span of days any event covers: it bounds a search by date
-- from below.
CREATE TABLE record_state (
	max_span integer NOT NULL
);
INSERT INTO record_state VALUES (0);
